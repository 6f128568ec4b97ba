// promptfoo's `tracing:` block (0.123.1's TestSuiteSchema.tracing), checked key by key: each key promptfoo
// reads works, is refused, or (when it changes nothing a case sends or how it is scored) is a located warning;
// anything else is a located error. promptfoo's defaults: the receiver listens on 127.0.0.1:4318 and accepts
// JSON and protobuf.
import type { TracingConfig, TraceFormat } from '../types.js';
import { locatedError, type KeyPath, type Locator } from './source.js';

const TOP: Readonly<Record<string, 'supported' | string>> = {
  enabled: 'supported',
  otlp: 'supported',
  failOnReceiverStartFailure: 'supported',
};
const TOP_NOTED: Readonly<Record<string, string>> = {
  commandToolNames:
    'promptfoo reads commandToolNames only for its trajectory:* assertions and coding-agent graders, which promptgate refuses; it changes no trace-* verdict',
  storage:
    "promptfoo's trace database (and its retentionDays pruning) is not used: promptgate keeps a run's spans in memory until the run ends",
  forwarding: 'promptfoo 0.123.1 does not read tracing.forwarding either (no span is forwarded)',
  queryDelay:
    'promptfoo reads queryDelay only with tracing.provider (an external trace backend), which promptgate refuses',
};
const TOP_REFUSED: Readonly<Record<string, string>> = {
  provider:
    "promptfoo's external trace providers (Tempo, Langfuse, Braintrust) fetch spans from a service over the network: a gate must not depend on a service it cannot see; export the spans to the run's own OTLP receiver (tracing.otlp.http) instead",
};
const HTTP_KEYS = ['enabled', 'port', 'host', 'acceptFormats', 'redactAttributes'];
const DEFAULT_PORT = 4318;
const DEFAULT_HOST = '127.0.0.1';
const FORMATS: readonly TraceFormat[] = ['json', 'protobuf'];

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKey(locator: Locator, at: KeyPath, key: string, known: readonly string[]): never {
  throw locatedError(locator, [...at, key], `unknown key in ${at.join('.')}; expected one of ${known.join(', ')}`);
}

function expectBoolean(value: unknown, locator: Locator, at: KeyPath): boolean {
  if (typeof value !== 'boolean') {
    throw locatedError(locator, at, `expected true or false, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

function expectStrings(value: unknown, locator: Locator, at: KeyPath): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw locatedError(locator, at, 'expected a list of strings');
  }
  return value as string[];
}

/** The suite's tracing settings, or a located error; `warnings` collects the keys accepted without effect. */
export function resolveTracing(value: unknown, locator: Locator, warnings: string[]): TracingConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const at: KeyPath = ['tracing'];
  if (!isMap(value)) throw locatedError(locator, at, 'expected a map: {enabled, otlp: {http: {enabled, port}}}');
  for (const key of Object.keys(value)) {
    if (TOP[key]) continue;
    const refused = TOP_REFUSED[key];
    if (refused !== undefined) throw locatedError(locator, [...at, key], `not supported: ${refused}`);
    const noted = TOP_NOTED[key];
    if (noted !== undefined) {
      warnings.push(locatedError(locator, [...at, key], `not used: ${noted}`).message);
      continue;
    }
    unknownKey(locator, at, key, [...Object.keys(TOP), ...Object.keys(TOP_NOTED), ...Object.keys(TOP_REFUSED)]);
  }
  if (value.enabled === undefined) {
    throw locatedError(locator, at, 'tracing.enabled is required (promptfoo requires it): write `enabled: true`');
  }
  const enabled = expectBoolean(value.enabled, locator, [...at, 'enabled']);
  if (value.failOnReceiverStartFailure !== undefined) {
    const fail = expectBoolean(value.failOnReceiverStartFailure, locator, [...at, 'failOnReceiverStartFailure']);
    if (!fail) {
      throw locatedError(
        locator,
        [...at, 'failOnReceiverStartFailure'],
        'not supported: promptgate always stops a run whose OTLP receiver cannot start (promptfoo would run on without it, and every trace assertion would judge a run without its spans); remove the key, or free the port',
      );
    }
  }
  const config: TracingConfig = { enabled };
  if (value.otlp === undefined || value.otlp === null) return config;
  if (!isMap(value.otlp)) throw locatedError(locator, [...at, 'otlp'], 'expected a map: {http: {enabled, port}}');
  for (const key of Object.keys(value.otlp)) {
    if (key === 'http') continue;
    if (key === 'grpc') {
      warnings.push(
        locatedError(
          locator,
          [...at, 'otlp', 'grpc'],
          'not used: promptfoo 0.123.1 starts no gRPC receiver either; spans reach the run over tracing.otlp.http',
        ).message,
      );
      continue;
    }
    unknownKey(locator, [...at, 'otlp'], key, ['http', 'grpc']);
  }
  const http = value.otlp.http;
  if (http === undefined || http === null) return config;
  const httpAt: KeyPath = [...at, 'otlp', 'http'];
  if (!isMap(http)) throw locatedError(locator, httpAt, 'expected a map: {enabled, port, host, acceptFormats}');
  for (const key of Object.keys(http)) if (!HTTP_KEYS.includes(key)) unknownKey(locator, httpAt, key, HTTP_KEYS);
  if (http.enabled === undefined) {
    throw locatedError(locator, httpAt, 'tracing.otlp.http.enabled is required (promptfoo requires it)');
  }
  if (!expectBoolean(http.enabled, locator, [...httpAt, 'enabled'])) return config;
  // promptfoo's schema requires a port, and its receiver treats 0 as "unset" (`port || 4318`).
  if (http.port === undefined)
    throw locatedError(
      locator,
      httpAt,
      'tracing.otlp.http.port is required (promptfoo requires it): 4318 is the OTLP default',
    );
  if (typeof http.port !== 'number' || !Number.isInteger(http.port) || http.port < 0 || http.port > 65535) {
    throw locatedError(
      locator,
      [...httpAt, 'port'],
      `expected a port number from 1 to 65535, got ${JSON.stringify(http.port)}`,
    );
  }
  let host = DEFAULT_HOST;
  if (http.host !== undefined) {
    if (typeof http.host !== 'string' || http.host === '') {
      throw locatedError(locator, [...httpAt, 'host'], 'expected a host name or address such as 127.0.0.1');
    }
    host = http.host;
  }
  let acceptFormats: TraceFormat[] = [...FORMATS];
  if (http.acceptFormats !== undefined) {
    const written = expectStrings(http.acceptFormats, locator, [...httpAt, 'acceptFormats']);
    written.forEach((format, i) => {
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw locatedError(locator, [...httpAt, 'acceptFormats', i], `expected "json" or "protobuf", got "${format}"`);
      }
    });
    // promptfoo: duplicates dropped; an empty list means its default, both formats.
    if (written.length > 0) acceptFormats = [...new Set(written as TraceFormat[])];
  }
  const redactAttributes =
    http.redactAttributes === undefined
      ? []
      : [
          ...new Set(
            expectStrings(http.redactAttributes, locator, [...httpAt, 'redactAttributes'])
              .map((pattern) => pattern.trim().toLowerCase())
              .filter((pattern) => pattern.length > 0),
          ),
        ];
  config.receiver = { host, port: http.port || DEFAULT_PORT, acceptFormats, redactAttributes };
  return config;
}
