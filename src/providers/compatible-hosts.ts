// Hosts that speak OpenAI's chat completions under their own name (`openrouter:<model>`, `groq:<model>`, ...):
// each is the OpenAI wire format with its own base URL and key variable, as promptfoo documents them.
// Pure data, so id parsing and credential checks need no provider code.

export interface CompatibleHost {
  /** Base URL `/chat/completions` is appended to (no trailing slash). */
  baseUrl: string;
  /** Env var that overrides the base URL, when promptfoo reads one. */
  baseUrlVar?: string;
  /** Env var the key is read from. */
  keyVar: string;
  /** A local server that runs without a key (the key is sent when set). */
  keyOptional?: boolean;
  /**
   * A keyless gateway whose base URL is used as written (no `/v1` added): this stands in for the key when none
   * is set, as promptfoo sends one.
   */
  placeholderKey?: string;
  /** Some hosts spell the chat form `<host>:chat:<model>`; `<host>:<model>` works for all. */
  docs: string;
  /** The host's own request keys (beyond OpenAI's), sent in the body as written. */
  bodyKeys?: readonly string[];
}

export const COMPATIBLE_HOSTS: Record<string, CompatibleHost> = {
  openrouter: {
    baseUrl: 'https://openrouter.ai/api/v1',
    keyVar: 'OPENROUTER_API_KEY',
    bodyKeys: ['transforms', 'models', 'route', 'provider', 'reasoning', 'usage'],
    docs: 'https://www.promptfoo.dev/docs/providers/openrouter/',
  },
  xai: {
    baseUrl: 'https://api.x.ai/v1',
    keyVar: 'XAI_API_KEY',
    bodyKeys: ['search_parameters'],
    docs: 'https://www.promptfoo.dev/docs/providers/xai/',
  },
  mistral: {
    baseUrl: 'https://api.mistral.ai/v1',
    keyVar: 'MISTRAL_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/mistral/',
  },
  groq: {
    baseUrl: 'https://api.groq.com/openai/v1',
    keyVar: 'GROQ_API_KEY',
    bodyKeys: ['include_reasoning', 'reasoning_format'],
    docs: 'https://www.promptfoo.dev/docs/providers/groq/',
  },
  deepseek: {
    baseUrl: 'https://api.deepseek.com/v1',
    keyVar: 'DEEPSEEK_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/deepseek/',
  },
  together: {
    baseUrl: 'https://api.together.xyz/v1',
    keyVar: 'TOGETHER_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/togetherai/',
  },
  fireworks: {
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    keyVar: 'FIREWORKS_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/fireworks/',
  },
  perplexity: {
    baseUrl: 'https://api.perplexity.ai',
    keyVar: 'PERPLEXITY_API_KEY',
    bodyKeys: [
      'search_domain_filter',
      'search_recency_filter',
      'search_after_date_filter',
      'search_before_date_filter',
      'return_related_questions',
      'return_images',
      'web_search_options',
      'search_mode',
    ],
    docs: 'https://www.promptfoo.dev/docs/providers/perplexity/',
  },
  cerebras: {
    baseUrl: 'https://api.cerebras.ai/v1',
    keyVar: 'CEREBRAS_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/cerebras/',
  },
  hyperbolic: {
    baseUrl: 'https://api.hyperbolic.xyz/v1',
    keyVar: 'HYPERBOLIC_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/hyperbolic/',
  },
  litellm: {
    baseUrl: 'http://0.0.0.0:4000',
    baseUrlVar: 'LITELLM_BASE_URL',
    keyVar: 'LITELLM_API_KEY',
    keyOptional: true,
    docs: 'https://www.promptfoo.dev/docs/providers/litellm/',
  },
  databricks: {
    // The workspace is the user's own: promptfoo reads it from DATABRICKS_WORKSPACE_URL (or config.workspaceUrl).
    baseUrl: '',
    baseUrlVar: 'DATABRICKS_WORKSPACE_URL',
    keyVar: 'DATABRICKS_TOKEN',
    docs: 'https://www.promptfoo.dev/docs/providers/databricks/',
  },
  openclaw: {
    // `openclaw:<agent>` calls the agent by OpenClaw's model id `openclaw/<agent>` (ids.ts) on the gateway;
    // the gateway URL and token come from config (gateway_url, auth_token) or the env (credentials.ts).
    baseUrl: 'http://127.0.0.1:18789/v1',
    keyVar: 'OPENCLAW_GATEWAY_TOKEN',
    keyOptional: true,
    docs: 'https://www.promptfoo.dev/docs/providers/openclaw/',
  },
  docker: {
    baseUrl: 'http://localhost:12434/engines/v1',
    baseUrlVar: 'DOCKER_MODEL_RUNNER_BASE_URL',
    keyVar: 'DOCKER_MODEL_RUNNER_API_KEY',
    keyOptional: true,
    docs: 'https://www.promptfoo.dev/docs/providers/docker/',
  },
  truefoundry: {
    baseUrl: 'https://gateway.truefoundry.ai',
    keyVar: 'TRUEFOUNDRY_API_KEY',
    bodyKeys: ['metadata', 'loggingConfig', 'mcp_servers', 'iteration_limit'],
    docs: 'https://www.promptfoo.dev/docs/providers/truefoundry/',
  },
  aimlapi: {
    baseUrl: 'https://api.aimlapi.com/v1',
    keyVar: 'AIML_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/aimlapi/',
  },
  cometapi: {
    baseUrl: 'https://api.cometapi.com/v1',
    keyVar: 'COMETAPI_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/cometapi/',
  },
  cohere: {
    // Cohere's OpenAI-compatible endpoint: the same chat models, OpenAI's request and response shapes.
    baseUrl: 'https://api.cohere.ai/compatibility/v1',
    keyVar: 'COHERE_API_KEY',
    docs: 'https://docs.cohere.com/docs/compatibility-api',
  },
  huggingface: {
    // Hugging Face's inference router (OpenAI-compatible chat for the models it serves).
    baseUrl: 'https://router.huggingface.co/v1',
    keyVar: 'HF_TOKEN',
    docs: 'https://www.promptfoo.dev/docs/providers/huggingface/',
  },
  llama: {
    baseUrl: 'https://api.llama.com/compat/v1',
    keyVar: 'LLAMA_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/llamaApi/',
  },
  nscale: {
    baseUrl: 'https://inference.api.nscale.com/v1',
    keyVar: 'NSCALE_SERVICE_TOKEN',
    docs: 'https://www.promptfoo.dev/docs/providers/nscale/',
  },
  helicone: {
    // A self-hosted Helicone AI Gateway (promptfoo's default): config.baseUrl, `/ai` or `/router/<router>`.
    baseUrl: 'http://localhost:8080/ai',
    keyVar: 'HELICONE_API_KEY',
    keyOptional: true,
    placeholderKey: 'placeholder-api-key',
    docs: 'https://www.promptfoo.dev/docs/providers/helicone/',
  },
  vercel: {
    baseUrl: 'https://ai-gateway.vercel.sh/v1',
    keyVar: 'VERCEL_AI_GATEWAY_API_KEY',
    docs: 'https://www.promptfoo.dev/docs/providers/vercel/',
  },
};

/** The model part of `<host>:<model>` or `<host>:chat:<model>` (promptfoo accepts both for most hosts). */
export function hostModel(rest: string[]): string {
  return rest[0] === 'chat' && rest.length > 1 ? rest.slice(1).join(':') : rest.join(':');
}
