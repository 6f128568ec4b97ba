// bedrock-agent:<agent id> (InvokeAgent) and bedrock:kb:<model> (RetrieveAndGenerate) through AWS's own client,
// against a loopback server speaking what the Agents runtime speaks: HTTP/2, SigV4-signed requests, JSON errors
// with x-amzn-errortype, and for InvokeAgent an AWS event stream (application/vnd.amazon.eventstream).
import { callWithRetry, type RetryPolicy } from '../../src/engine/retry.js';
import { evaluateSuite } from '../../src/evaluate.js';
import { ConfigError } from '../../src/errors.js';
import { requiredCredentials, resolveProvider, secretValues } from '../../src/providers/index.js';
import type { Provider, ProviderSpec } from '../../src/types.js';
import { chunk, EVENT_STREAM_HEADERS, eventStreamBody, type StreamEvent } from '../support/aws-event-stream.js';
import { startVendorServer, type VendorReply, type VendorServer } from '../support/vendor-server.js';
import { makeSuite } from '../engine/support.js';
import { call, contextFor } from './helpers.js';

const CREDS = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'session-token-xyz',
};
const spec = (id: string, config: Record<string, unknown> = {}): ProviderSpec => ({ id, config });
let server: VendorServer;
beforeEach(async () => {
  server = await startVendorServer(undefined, { http2: true });
});
afterEach(async () => {
  await server.close();
});

const agentReply = (sessionId: string, ...events: StreamEvent[]): VendorReply => ({
  headers: {
    ...EVENT_STREAM_HEADERS,
    'x-amzn-bedrock-agent-content-type': 'application/json',
    'x-amz-bedrock-agent-session-id': sessionId,
  },
  body: eventStreamBody(events),
});

/** An AWS JSON error as the Agents runtime sends it. */
const awsError = (
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): VendorReply => ({
  status,
  headers: {
    'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock.agent.runtime/`,
    ...headers,
  },
  body: { message },
});

/** The engine's own retry loop around the provider, with its sleep recorded instead of waited. */
async function withRetries(provider: Provider, prompt: string) {
  const policy: RetryPolicy = { baseMs: 500, maxMs: 30_000, maxRetries: 3 };
  const sleeps: number[] = [];
  const outcome = await callWithRetry((signal) => provider.callApi(prompt, contextFor({}, signal)), {
    policy,
    timeoutMs: 0,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
  return { outcome, sleeps };
}

const agentConfig = { agentId: 'ABCDEFGHIJ', agentAliasId: 'PROD_ALIAS_ID' };

describe('bedrock-agent (InvokeAgent)', () => {
  it('sends inputText, sessionId, enableTrace and memoryId to the alias path, signed; joins the chunks; keeps the trace', async () => {
    const trace = { agentId: 'ABCDEFGHIJ', trace: { orchestrationTrace: { rationale: { text: 'use calc' } } } };
    server.reply(agentReply('session-123', chunk('15 × 27 '), { event: 'trace', payload: trace }, chunk('is 405.')));
    const provider = await resolveProvider(
      spec('bedrock-agent:my-agent', {
        ...agentConfig,
        region: 'eu-west-1',
        sessionId: 'session-123',
        enableTrace: true,
        memoryId: 'SHORT_TERM_MEMORY',
        endpoint: server.url,
      }),
      { rootDir: '.', env: CREDS },
    );
    expect(await call(provider, 'what is 15 multiplied by 27?')).toEqual({
      output: '15 × 27 is 405.',
      metadata: { sessionId: 'session-123', trace: [trace], memoryId: 'SHORT_TERM_MEMORY' },
    });
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/agents/ABCDEFGHIJ/agentAliases/PROD_ALIAS_ID/sessions/session-123/text');
    expect(request.body).toEqual({
      inputText: 'what is 15 multiplied by 27?',
      enableTrace: true,
      memoryId: 'SHORT_TERM_MEMORY',
    });
    expect(String(request.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/bedrock\/aws4_request, SignedHeaders=[\w:;-]+, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers['x-amz-security-token']).toBe(CREDS.AWS_SESSION_TOKEN);
  });

  it('without a sessionId each call is a new session; the id names the agent; sessionState and endSession are sent; no trace unless enabled', async () => {
    server.setDefault((request) =>
      agentReply(request.path.split('/')[6]!, { event: 'trace', payload: {} }, chunk('ok')),
    );
    const sessionState = { sessionAttributes: { user: 'u1' }, promptSessionAttributes: { today: 'Monday' } };
    const provider = await resolveProvider(
      spec('bedrock-agent:AGENT12345', {
        agentAliasId: 'TSTALIASID',
        sessionState,
        endSession: true,
        endpoint: server.url,
      }),
      { rootDir: '.', env: { ...CREDS, AWS_BEDROCK_REGION: 'us-west-2' } },
    );
    const first = await call(provider, 'a');
    const second = await call(provider, 'b');
    const sessions = server.requests.map((request) => request.path.split('/')[6]);
    expect(sessions[0]).toMatch(/^session-[0-9a-f-]{36}$/);
    expect(sessions[1]).toMatch(/^session-[0-9a-f-]{36}$/);
    expect(sessions[0]).not.toBe(sessions[1]);
    expect(first).toEqual({ output: 'ok', metadata: { sessionId: sessions[0] } });
    expect(second.metadata).toEqual({ sessionId: sessions[1] });
    expect(server.requests[0].path).toMatch(/^\/agents\/AGENT12345\/agentAliases\/TSTALIASID\/sessions\//);
    expect(server.requests[0].body).toEqual({ inputText: 'a', endSession: true, sessionState });
    expect(String(server.requests[0].headers.authorization)).toContain('/us-west-2/bedrock/aws4_request');
  });

  it('a ThrottlingException (429) is retried by the engine and then answers', async () => {
    server.reply(
      awsError(429, 'ThrottlingException', 'Your request rate is too high.'),
      agentReply('s', chunk('done')),
    );
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    const { outcome, sleeps } = await withRetries(provider, 'q');
    expect(outcome).toMatchObject({ ok: true, attempts: 2, response: { output: 'done' } });
    expect(sleeps).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('errors inside the event stream: throttling is transient, access denied is not', async () => {
    server.reply(
      agentReply('s', chunk('partial '), { exception: 'throttlingException', payload: { message: 'slow down' } }),
      agentReply('s', { exception: 'accessDeniedException', payload: { message: 'not allowed to invoke' } }),
    );
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    expect(await call(provider, 'q')).toEqual({
      transient: true,
      error: 'bedrock-agent:A: ThrottlingException: slow down',
    });
    expect(await call(provider, 'q')).toMatchObject({
      transient: false,
      error: expect.stringMatching(/AccessDeniedException: not allowed to invoke \(check the AWS credentials/),
    });
  });

  it('an agent that returns control to the caller (RETURN_CONTROL) without answering is an error naming the action group', async () => {
    server.reply(
      agentReply('s', {
        event: 'returnControl',
        payload: {
          invocationId: 'inv-1',
          invocationInputs: [{ functionInvocationInput: { actionGroup: 'WeatherTools', function: 'get_weather' } }],
        },
      }),
    );
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    expect(await call(provider, 'weather?')).toMatchObject({
      transient: false,
      error: expect.stringContaining('returned control to the caller (action group WeatherTools)'),
    });
  });

  it("a 429's Retry-After and rate-limit signal reach the engine; no AWS credentials at all is an error naming what to set", async () => {
    server.reply(awsError(429, 'ThrottlingException', 'Too many', { 'retry-after': '3' }));
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    expect(await call(provider, 'q')).toEqual({
      error: 'bedrock-agent:A: HTTP 429 ThrottlingException: Too many',
      transient: true,
      retryAfterMs: 3000,
      rateLimit: { signal: 'rate-limited', windows: [] },
    });
    const noCredentials = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: { HOME: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c', AWS_CONFIG_FILE: '/nonexistent/f' },
    });
    expect(await call(noCredentials, 'q')).toMatchObject({
      transient: false,
      error: expect.stringContaining('no AWS credentials'),
    });
    expect(server.requests).toHaveLength(1);
  });

  it('AccessDenied (403) is an error, not retried, naming what to check; the secret never appears', async () => {
    // A server that echoes the session token: the error shows it redacted.
    server.setDefault(
      awsError(
        403,
        'AccessDeniedException',
        `User is not authorized to perform: bedrock:InvokeAgent (${CREDS.AWS_SESSION_TOKEN})`,
      ),
    );
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    const { outcome } = await withRetries(provider, 'q');
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toBe(1);
    const error = outcome.ok ? '' : outcome.error;
    expect(error).toContain('HTTP 403 AccessDeniedException: User is not authorized');
    expect(error).toContain('check the AWS credentials and their bedrock:InvokeAgent permission');
    expect(error).not.toContain(CREDS.AWS_SESSION_TOKEN);
  });

  it('an unknown agent or alias (404) names the ids to check', async () => {
    server.reply(awsError(404, 'ResourceNotFoundException', 'Failed to retrieve resource because it doesnt exist.'));
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    expect(await call(provider, 'q')).toMatchObject({
      transient: false,
      error: expect.stringContaining('check agentId ABCDEFGHIJ and agentAliasId PROD_ALIAS_ID'),
    });
  });

  it('a body that is not an event stream is an error (transient), not an empty answer', async () => {
    server.reply({
      headers: EVENT_STREAM_HEADERS,
      body: Buffer.from('this is not an event stream at all, just bytes'),
    });
    const provider = await resolveProvider(spec('bedrock-agent:A', { ...agentConfig, endpoint: server.url }), {
      rootDir: '.',
      env: CREDS,
    });
    const response = await call(provider, 'q');
    expect(response.output).toBeUndefined();
    expect(response).toMatchObject({ transient: true, error: expect.stringMatching(/^bedrock-agent:A: /) });
  });

  it('the Agents runtime takes SigV4 only: a Bedrock API key is no credential for it', () => {
    const noFiles = {
      HOME: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c',
      AWS_CONFIG_FILE: '/nonexistent/f',
    };
    expect(
      requiredCredentials(spec('bedrock-agent:A', agentConfig), { ...noFiles, AWS_BEARER_TOKEN_BEDROCK: 'k' }),
    ).toEqual(['AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE or a role)']);
    expect(requiredCredentials(spec('bedrock:kb:m', { knowledgeBaseId: 'K' }), CREDS)).toEqual([]);
    expect(secretValues([spec('bedrock-agent:A', agentConfig)], CREDS).sort()).toEqual(
      [CREDS.AWS_SECRET_ACCESS_KEY, CREDS.AWS_SESSION_TOKEN].sort(),
    );
  });
});

const kbReply = {
  sessionId: 'kb-session-1',
  output: { text: 'Create promptfooconfig.yaml with prompts, providers and tests.' },
  citations: [
    {
      generatedResponsePart: { textResponsePart: { text: 'Create promptfooconfig.yaml', span: { start: 0, end: 26 } } },
      retrievedReferences: [
        {
          content: { text: 'A promptfooconfig.yaml lists prompts, providers and tests.' },
          location: { type: 'S3', s3Location: { uri: 's3://docs/getting-started.md' } },
        },
      ],
    },
  ],
};

describe('bedrock:kb (RetrieveAndGenerate)', () => {
  it('sends the prompt and knowledgeBaseConfiguration (model, results, generation settings); the citations come back as metadata', async () => {
    server.reply({ body: kbReply });
    const provider = await resolveProvider(
      spec('bedrock:kb:us.anthropic.claude-sonnet-4-6', {
        region: 'us-east-2',
        knowledgeBaseId: '0VMCLLCVGB',
        numberOfResults: 5,
        temperature: 0,
        max_tokens: 1000,
        top_p: 0.9,
        top_k: 40,
        endpoint: server.url,
      }),
      { rootDir: '.', env: CREDS },
    );
    expect(await call(provider, 'How do I set up my first promptfoo configuration file?')).toEqual({
      output: kbReply.output.text,
      metadata: { citations: kbReply.citations },
    });
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/retrieveAndGenerate');
    expect(request.body).toEqual({
      input: { text: 'How do I set up my first promptfoo configuration file?' },
      retrieveAndGenerateConfiguration: {
        type: 'KNOWLEDGE_BASE',
        knowledgeBaseConfiguration: {
          knowledgeBaseId: '0VMCLLCVGB',
          modelArn: 'us.anthropic.claude-sonnet-4-6',
          retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 5 } },
          generationConfiguration: {
            inferenceConfig: { textInferenceConfig: { temperature: 0, topP: 0.9, maxTokens: 1000 } },
            additionalModelRequestFields: { top_k: 40 },
          },
        },
      },
    });
    expect(String(request.headers.authorization)).toContain('/us-east-2/bedrock/aws4_request');
    // The spend plan's output estimate.
    expect(provider.maxOutputTokens).toBe(1000);
  });

  it.each([
    [
      'anthropic.claude-3-haiku-20240307-v1:0',
      {},
      'arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    ],
    ['eu.amazon.nova-pro-v1:0', {}, 'eu.amazon.nova-pro-v1:0'],
    [
      'arn:aws:bedrock:eu-central-1:123:inference-profile/x',
      {},
      'arn:aws:bedrock:eu-central-1:123:inference-profile/x',
    ],
    [
      'anything',
      { modelArn: 'arn:aws:bedrock:eu-central-1::foundation-model/m' },
      'arn:aws:bedrock:eu-central-1::foundation-model/m',
    ],
  ])('model %s is sent as modelArn as promptfoo does', async (model, extra, modelArn) => {
    server.reply({ body: kbReply });
    const provider = await resolveProvider(
      spec(`bedrock:kb:${model}`, { knowledgeBaseId: 'KB1', region: 'eu-central-1', endpoint: server.url, ...extra }),
      { rootDir: '.', env: CREDS },
    );
    await call(provider, 'q');
    expect(server.requests[0].body.retrieveAndGenerateConfiguration).toEqual({
      type: 'KNOWLEDGE_BASE',
      knowledgeBaseConfiguration: { knowledgeBaseId: 'KB1', modelArn },
    });
  });

  it('429 is retried; 403 is an error with what to check; a malformed or empty body is an error', async () => {
    server.reply(
      awsError(429, 'ThrottlingException', 'Too many requests'),
      { body: kbReply },
      awsError(403, 'AccessDeniedException', 'not authorized to perform: bedrock:RetrieveAndGenerate'),
      { body: '{"output": {"text"' },
      { body: { citations: [] } },
    );
    const provider = await resolveProvider(
      spec('bedrock:knowledge-base:amazon.nova-lite-v1:0', { knowledgeBaseId: 'KB1', endpoint: server.url }),
      { rootDir: '.', env: CREDS },
    );
    const retried = await withRetries(provider, 'q');
    expect(retried.outcome).toMatchObject({ ok: true, attempts: 2, response: { output: kbReply.output.text } });
    expect(await call(provider, 'q')).toMatchObject({
      transient: false,
      error: expect.stringContaining('check the AWS credentials and their bedrock:RetrieveAndGenerate permission'),
    });
    expect(await call(provider, 'q')).toMatchObject({
      transient: true,
      error: expect.stringContaining('unreadable response'),
    });
    expect(await call(provider, 'q')).toMatchObject({
      transient: true,
      error: expect.stringContaining('no output.text'),
    });
  });
});

describe('config of the Agents-runtime providers', () => {
  const resolveIn = (id: string, config: Record<string, unknown>) =>
    resolveProvider(spec(id, config), {
      rootDir: '.',
      env: CREDS,
      configFile: 'evals/promptfooconfig.yaml',
      key: 'providers[1]',
    });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'bedrock-agent:A',
      { ...agentConfig, agentAlias: 'x' },
      /config\.agentAlias is not a setting of InvokeAgent \(bedrock-agent\); expected one of .*agentAliasId/,
    ],
    [
      'bedrock-agent:A',
      { ...agentConfig, temperature: 0.2 },
      /config\.temperature is not a field of InvokeAgent.*AWS's client drops it.*prompt override configuration/,
    ],
    [
      'bedrock-agent:A',
      { ...agentConfig, knowledgeBaseConfigurations: [] },
      /sessionState\.knowledgeBaseConfigurations/,
    ],
    [
      'bedrock-agent:A',
      { ...agentConfig, apiKey: 'k' },
      /config\.apiKey is a Bedrock API key, which the Agents runtime does not take/,
    ],
    ['bedrock-agent:A', { agentId: 'X' }, /needs config\.agentAliasId/],
    ['bedrock-agent:', { agentAliasId: 'X' }, /names no agent/],
    ['bedrock-agent:A', { ...agentConfig, enableTrace: 'yes' }, /config\.enableTrace must be a boolean/],
    [
      'bedrock-agent:A',
      { ...agentConfig, sessionState: { sessionAttributes: {}, attributes: {} } },
      /config\.sessionState\.attributes is not a member of InvokeAgent's sessionState; expected one of sessionAttributes/,
    ],
    ['bedrock:kb:m', {}, /needs config\.knowledgeBaseId/],
    [
      'bedrock:kb:m',
      { knowledgeBaseId: 'K', maxTokens: 10 },
      /config\.maxTokens is not a setting of RetrieveAndGenerate \(bedrock:kb\); expected one of .*max_tokens/,
    ],
    ['bedrock:kb:m', { knowledgeBaseId: 'K', numberOfResults: '5' }, /config\.numberOfResults must be a number/],
  ])('%s %j is refused where it is written', async (id, config, message) => {
    const refused = resolveIn(id, config);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/^evals\/promptfooconfig\.yaml: providers\[1\]: provider "/);
    await expect(refused).rejects.toThrow(message);
  });

  it("bedrock:agents:<id> is the same provider (promptfoo's other spelling)", async () => {
    server.reply(agentReply('s', chunk('hi')));
    const provider = await resolveIn('bedrock:agents:AGENTX', { agentAliasId: 'AL', endpoint: server.url });
    expect((await call(provider, 'q')).output).toBe('hi');
    expect(server.requests[0].path).toMatch(/^\/agents\/AGENTX\/agentAliases\/AL\/sessions\/session-/);
  });
});

describe('a knowledge base suite end to end', () => {
  it("the example's contextTransform reads the citations from context.metadata, and the grader sees them", async () => {
    // Bedrock on HTTP/2 (this file's server); the grader is OpenAI's chat API on an HTTP/1.1 loopback server.
    const graderPrompts: string[] = [];
    const grader = await startVendorServer((request) => {
      const prompt = (request.body.messages as Array<{ content: string }>).map((m) => m.content).join('\n');
      graderPrompts.push(prompt);
      return {
        body: {
          id: 'c',
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'A promptfooconfig.yaml lists prompts, providers and tests.' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      };
    });
    try {
      server.setDefault({ body: kbReply });
      const suite = makeSuite({
        configPath: '/tmp/kb/promptfooconfig.yaml',
        rootDir: '/tmp/kb',
        prompts: [{ id: 'p', label: 'p', raw: 'Answer the following question in a concise manner:\n{{query}}' }],
        providers: [
          { id: 'bedrock:kb:us.anthropic.claude-sonnet-4-6', config: { knowledgeBaseId: 'KB1', endpoint: server.url } },
        ],
        tests: [
          {
            vars: { query: 'How do I set up my first promptfoo configuration file?' },
            assert: [
              { type: 'contains', value: 'prompts' },
              {
                type: 'context-relevance',
                threshold: 0.1,
                // promptfooconfig.kb.yaml's expression, as written there.
                contextTransform:
                  'context?.metadata?.citations?.[0]?.retrievedReferences?.[0]?.content?.text || "No context found"',
              },
            ],
            options: {
              provider: {
                id: 'openai:chat:grader',
                config: { apiBaseUrl: `${grader.url}/v1`, apiKey: 'sk-test' },
              } as never,
            },
          },
        ],
      });
      const { results } = await evaluateSuite(suite, { env: CREDS });
      expect(results[0]!.error).toBeUndefined();
      expect(results[0]!.output).toBe(kbReply.output.text);
      expect(results[0]!.pass).toBe(true);
      expect(graderPrompts.join('\n')).toContain('A promptfooconfig.yaml lists prompts, providers and tests.');
      expect(graderPrompts.join('\n')).not.toContain('No context found');
    } finally {
      await grader.close();
    }
  });
});
