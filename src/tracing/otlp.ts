// OTLP/HTTP trace payloads (ExportTraceServiceRequest, JSON or protobuf) → spans as promptfoo 0.123.1's
// receiver stores them: resource attributes, then the span's, then the scope's name/version and the span
// kind; ids as lowercase hex; times in ms (nanoseconds / 1e6, as promptfoo computes them). Pure: no I/O.
import type { TraceSpan } from '../types.js';

export interface ParsedSpan {
  traceId: string;
  span: TraceSpan;
}

/** A payload that is not OTLP: the receiver answers 400 with this message. */
export class InvalidTracePayload extends Error {
  override name = 'InvalidTracePayload';
}

const SPAN_KIND: Readonly<Record<number, string>> = {
  0: 'unspecified',
  1: 'internal',
  2: 'server',
  3: 'client',
  4: 'producer',
  5: 'consumer',
};

// ---- JSON (OTLP/JSON: ids hex or base64, times as strings or numbers) ----

interface JsonAnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: JsonAnyValue[] };
  kvlistValue?: { values?: Array<{ key: string; value: JsonAnyValue }> };
}

function jsonValue(value: JsonAnyValue | undefined): unknown {
  if (!value || typeof value !== 'object') return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue?.values) return value.arrayValue.values.map(jsonValue);
  if (value.kvlistValue?.values) {
    const map: Record<string, unknown> = {};
    for (const kv of value.kvlistValue.values) map[kv.key] = jsonValue(kv.value);
    return map;
  }
  return undefined;
}

function jsonAttributes(attributes: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (!Array.isArray(attributes)) return result;
  for (const attr of attributes as Array<{ key: string; value: JsonAnyValue }>) {
    const value = jsonValue(attr?.value);
    if (value !== undefined) result[attr.key] = value;
  }
  return result;
}

/** promptfoo's convertId: hex as it is (lowercased), else base64 (of the bytes, or of the hex text). */
export function convertId(id: string, hexLength: number): string {
  if (id.length === hexLength && /^[0-9a-f]+$/i.test(id)) return id.toLowerCase();
  const buffer = Buffer.from(id, 'base64');
  const utf8 = buffer.toString('utf8');
  if (utf8.length === hexLength && /^[0-9a-f]+$/i.test(utf8)) return utf8.toLowerCase();
  const hex = buffer.toString('hex');
  return hex.length === hexLength ? hex : id.toLowerCase();
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidTracePayload(`expected ${what} to be a list`);
  return value;
}

export function parseOtlpJson(body: unknown): ParsedSpan[] {
  if (typeof body !== 'object' || body === null) throw new InvalidTracePayload('expected a JSON object');
  const parsed: ParsedSpan[] = [];
  for (const resourceSpan of list((body as { resourceSpans?: unknown }).resourceSpans, 'resourceSpans')) {
    const rs = resourceSpan as { resource?: { attributes?: unknown }; scopeSpans?: unknown };
    const resourceAttributes = jsonAttributes(rs.resource?.attributes);
    for (const scopeSpan of list(rs.scopeSpans, 'scopeSpans')) {
      const ss = scopeSpan as { scope?: { name?: string; version?: string }; spans?: unknown };
      for (const item of list(ss.spans, 'spans')) {
        const span = item as {
          traceId?: unknown;
          spanId?: unknown;
          parentSpanId?: unknown;
          name?: unknown;
          kind?: number;
          startTimeUnixNano?: string | number;
          endTimeUnixNano?: string | number;
          attributes?: unknown;
          status?: { code?: number; message?: string };
        };
        if (typeof span.traceId !== 'string' || typeof span.spanId !== 'string') {
          throw new InvalidTracePayload('expected every span to have a traceId and a spanId');
        }
        parsed.push({
          traceId: convertId(span.traceId, 32),
          span: withoutUndefined({
            spanId: convertId(span.spanId, 16),
            parentSpanId:
              typeof span.parentSpanId === 'string' && span.parentSpanId ? convertId(span.parentSpanId, 16) : undefined,
            name: String(span.name),
            startTime: Number(span.startTimeUnixNano) / 1e6,
            endTime: span.endTimeUnixNano ? Number(span.endTimeUnixNano) / 1e6 : undefined,
            attributes: {
              ...resourceAttributes,
              ...jsonAttributes(span.attributes),
              'otel.scope.name': ss.scope?.name,
              'otel.scope.version': ss.scope?.version,
              'otel.span.kind': SPAN_KIND[span.kind as number] ?? 'unspecified',
              'otel.span.kind_code': span.kind,
            },
            statusCode: span.status?.code,
            statusMessage: span.status?.message,
          }),
        });
      }
    }
  }
  return parsed;
}

/** JSON.stringify drops undefined keys; so does promptfoo's store. Kept out so spans compare as stored. */
function withoutUndefined(span: TraceSpan): TraceSpan {
  const out = { ...span } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  const attributes = { ...span.attributes };
  for (const key of Object.keys(attributes)) if (attributes[key] === undefined) delete attributes[key];
  out.attributes = attributes;
  return out as unknown as TraceSpan;
}

// ---- protobuf (opentelemetry/proto/collector/trace/v1, the fields promptfoo reads) ----

/** A protobuf message's fields: field number → values in order (varints as bigint, others as bytes). */
type Fields = Map<number, Array<bigint | Uint8Array>>;

function readFields(bytes: Uint8Array): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= bytes.length) throw new InvalidTracePayload('invalid protobuf: truncated varint');
      const byte = bytes[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new InvalidTracePayload('invalid protobuf: varint too long');
    }
  };
  const take = (n: number): Uint8Array => {
    if (pos + n > bytes.length) throw new InvalidTracePayload('invalid protobuf: truncated field');
    const slice = bytes.subarray(pos, pos + n);
    pos += n;
    return slice;
  };
  while (pos < bytes.length) {
    const tag = Number(varint());
    const field = tag >>> 3;
    const wire = tag & 7;
    let value: bigint | Uint8Array;
    if (wire === 0) value = varint();
    else if (wire === 1) value = take(8);
    else if (wire === 2) value = take(Number(varint()));
    else if (wire === 5) value = take(4);
    else throw new InvalidTracePayload(`invalid protobuf: wire type ${wire}`);
    const values = fields.get(field);
    if (values) values.push(value);
    else fields.set(field, [value]);
  }
  return fields;
}

const utf8 = new TextDecoder();
const bytesOf = (fields: Fields, n: number): Uint8Array[] =>
  (fields.get(n) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array);
const first = (fields: Fields, n: number): Uint8Array | undefined => bytesOf(fields, n)[0];
const text = (fields: Fields, n: number): string | undefined => {
  const b = first(fields, n);
  return b === undefined ? undefined : utf8.decode(b);
};
const varintOf = (fields: Fields, n: number): bigint | undefined => {
  const v = fields.get(n)?.find((x): x is bigint => typeof x === 'bigint');
  return v;
};
const fixed64 = (b: Uint8Array | undefined): bigint | undefined =>
  b === undefined ? undefined : new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);

function pbValue(bytes: Uint8Array): unknown {
  const f = readFields(bytes);
  if (f.has(1)) return text(f, 1);
  if (f.has(2)) return varintOf(f, 2) !== 0n;
  if (f.has(3)) return Number(BigInt.asIntN(64, varintOf(f, 3) ?? 0n));
  if (f.has(4)) {
    const b = first(f, 4)!;
    return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
  }
  if (f.has(5)) return bytesOf(readFields(first(f, 5)!), 1).map(pbValue);
  if (f.has(6)) return pbAttributes(bytesOf(readFields(first(f, 6)!), 1));
  if (f.has(7)) return Buffer.from(first(f, 7)!).toString('base64');
  return undefined;
}

function pbAttributes(keyValues: Uint8Array[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const kv of keyValues) {
    const f = readFields(kv);
    const value = first(f, 2) === undefined ? undefined : pbValue(first(f, 2)!);
    if (value !== undefined) result[text(f, 1) ?? ''] = value;
  }
  return result;
}

const hex = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('hex');

export function parseOtlpProtobuf(body: Uint8Array): ParsedSpan[] {
  const parsed: ParsedSpan[] = [];
  for (const resourceSpan of bytesOf(readFields(body), 1)) {
    const rs = readFields(resourceSpan);
    const resource = first(rs, 1);
    const resourceAttributes = resource ? pbAttributes(bytesOf(readFields(resource), 1)) : {};
    for (const scopeSpan of bytesOf(rs, 2)) {
      const ss = readFields(scopeSpan);
      const scopeBytes = first(ss, 1);
      const scope = scopeBytes ? readFields(scopeBytes) : new Map();
      for (const spanBytes of bytesOf(ss, 2)) {
        const s = readFields(spanBytes);
        const kind = Number(varintOf(s, 6) ?? 0n);
        const start = fixed64(first(s, 7));
        const end = fixed64(first(s, 8));
        const statusBytes = first(s, 15);
        const status = statusBytes ? readFields(statusBytes) : undefined;
        const parent = first(s, 4);
        parsed.push({
          traceId: hex(first(s, 1)),
          span: withoutUndefined({
            spanId: hex(first(s, 2)),
            parentSpanId: parent?.length ? hex(parent) : undefined,
            name: text(s, 5) ?? '',
            startTime: start === undefined ? 0 : Number(start) / 1e6,
            endTime: end === undefined ? undefined : Number(end) / 1e6,
            attributes: {
              ...resourceAttributes,
              ...pbAttributes(bytesOf(s, 9)),
              'otel.scope.name': text(scope, 1),
              'otel.scope.version': text(scope, 2),
              'otel.span.kind': SPAN_KIND[kind] ?? 'unspecified',
              'otel.span.kind_code': kind,
            },
            statusCode: status ? Number(varintOf(status, 3) ?? 0n) : undefined,
            statusMessage: status ? text(status, 2) : undefined,
          }),
        });
      }
    }
  }
  return parsed;
}

// ---- tracing.otlp.http.redactAttributes ----

function redactKey(key: string, patterns: readonly string[]): boolean {
  const lowered = key.toLowerCase();
  return patterns.some((pattern) => lowered.includes(pattern));
}

function redactValue(value: unknown, patterns: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, patterns));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redactKey(k, patterns) ? '[REDACTED]' : redactValue(v, patterns)]),
  );
}

/**
 * promptfoo's redactSpan: an attribute whose key contains a pattern (case-insensitively) becomes
 * "[REDACTED]", nested keys too; a span name or status message equal to a redacted string value as well.
 */
export function redactSpan(span: TraceSpan, patterns: readonly string[]): TraceSpan {
  if (patterns.length === 0) return span;
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(span.attributes)) {
    if (typeof value === 'string' && redactKey(key, patterns)) secrets.add(value);
  }
  const scrub = <T>(value: T): T | string => (typeof value === 'string' && secrets.has(value) ? '[REDACTED]' : value);
  const attributes = Object.fromEntries(
    Object.entries(span.attributes).map(([k, v]) => [
      k,
      redactKey(k, patterns) ? '[REDACTED]' : redactValue(v, patterns),
    ]),
  );
  const out: TraceSpan = { ...span, name: scrub(span.name), attributes };
  if (span.statusMessage !== undefined) out.statusMessage = scrub(span.statusMessage);
  return out;
}
