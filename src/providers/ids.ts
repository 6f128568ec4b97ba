// Provider ids → which wire format they mean: pure and cheap, no provider code loaded (index.ts resolves them).
// The only place that knows which id prefix means which wire format, and which families promptgate refuses.
import { FILE_PREFIX, parseFileReference } from '../config/files.js';
import { UserError } from '../errors.js';
import { COMPATIBLE_HOSTS, hostModel } from './compatible-hosts.js';
import { ELEVENLABS_APIS, type ElevenLabsApi } from './credentials.js';
import type { OpenAiFlavor } from './openai.js';

export const SUPPORTED_PROVIDER_FORMS = [
  'echo',
  'openai:<model>',
  'openai:chat|responses|completion|embedding|image|video|transcription:<model>',
  'anthropic:<model>',
  'anthropic:messages:<model>',
  'azure:chat|responses|completion|embedding:<deployment>',
  'azure:assistant:<assistant id>',
  'google:<model>',
  'google:image:<imagen model>',
  'google:video:<veo model>',
  'google:live:<model>',
  'vertex:<model>',
  'bedrock:<model>',
  'bedrock:converse:<model>',
  'bedrock:video:<nova-reel or luma-ray model>',
  'bedrock:kb:<model>',
  'bedrock-agent:<agent id>',
  'replicate:[image:|moderation:]<owner>/<model>[:<version>]',
  'elevenlabs:tts|stt|alignment|isolation|history[:<variant>]',
  'huggingface:text-generation:<model>',
  'huggingface:text-classification|token-classification:<model> (classifier graders)',
  'openai:moderation[:<model>] (moderation graders)',
  'watsonx:<model>',
  'fal:image:<model>',
  'modelslab:image:<model>',
  'sagemaker:[<modelType>:]<endpoint>',
  'ollama:chat|completion:<model>',
  `${Object.keys(COMPATIBLE_HOSTS).join('|')}:<model>`,
  'openai:realtime:<model>',
  'xai:voice:<model>',
  'xai:image|video:<model>',
  'quiverai:<model>',
  'openclaw[:<agent>]',
  'cloudflare-gateway:<provider>:<model>',
  'llama (a llama.cpp server)',
  'http',
  'https://<url>',
  'ws://<url>|wss://<url>',
  'file://<path>.mjs|.js|.cjs|.ts|.mts|.cts',
  'package:<npm package>:<export>',
  'file://<path>.py[:function]',
  'python:<path>.py',
  'exec:<command>',
] as const;

export class UnknownProviderError extends UserError {
  override name = 'UnknownProviderError';
  constructor(
    readonly providerId: string,
    reason = 'is not a provider promptgate knows',
    /** Replaces the list of supported forms: how to get the same thing another way. */
    workaround?: string,
  ) {
    const instead = workaround ?? `supported forms: ${SUPPORTED_PROVIDER_FORMS.join(', ')}`;
    super(`provider "${providerId}" ${reason}${instead ? `; ${instead}` : ''}`);
  }
}

export type OpenAiApi = 'chat' | 'responses' | 'completion' | 'embedding';

/** Hugging Face's classification tasks, by the id's second part without `-classification`. */
export type HfClassificationTask = 'text' | 'token';

export type ParsedId =
  | { kind: 'echo' }
  /** OpenAI's chat completions at OpenAI, a local Ollama, or a named compatible host. */
  | { kind: 'chat'; flavor: OpenAiFlavor; model: string; host?: string; gateway?: 'cloudflare' }
  | { kind: 'responses'; model: string; vendor: 'openai' | 'azure' | 'xai' }
  | { kind: 'completion'; model: string; flavor: OpenAiFlavor }
  | { kind: 'embedding'; model: string }
  /** OpenAI's /v1/moderations: its output is the flagged categories (the `moderation` assertion's grader). */
  | { kind: 'moderation'; model: string }
  | { kind: 'image'; vendor: 'openai' | 'xai'; model: string }
  | { kind: 'video'; vendor: 'openai' | 'xai'; model: string }
  | { kind: 'transcription'; model: string }
  | { kind: 'quiverai'; model: string }
  | { kind: 'image-host'; host: 'fal' | 'modelslab'; model: string }
  | { kind: 'hf-text'; model: string }
  /** A Hugging Face classifier: its output is a label → score map (the `classifier` assertion's grader). */
  | { kind: 'hf-classification'; task: HfClassificationTask; model: string }
  | { kind: 'watsonx'; model: string }
  /** A WebSocket session: OpenAI's Realtime API, or xAI's Voice Agent API that speaks its events. */
  | { kind: 'realtime'; vendor: 'openai' | 'xai'; model: string }
  | { kind: 'anthropic'; model: string; gateway?: 'cloudflare' }
  /** A llama.cpp server's native completion endpoint (promptfoo's bare `llama`). */
  | { kind: 'llamacpp' }
  | { kind: 'azure'; api: Exclude<OpenAiApi, 'responses'>; deployment: string }
  | { kind: 'assistant'; assistantId: string }
  /** `api: 'image'` is Imagen's predict endpoint, `live` the Live API's socket, `video` Veo; otherwise generateContent. */
  | { kind: 'google'; model: string; api?: 'image' | 'live' | 'video' }
  | { kind: 'vertex'; model: string }
  /**
   * Converse by default; `video` StartAsyncInvoke; `kb` RetrieveAndGenerate over a knowledge base; `agent`
   * InvokeAgent, whose `model` is the agent id from the id (config.agentId wins, as in promptfoo; may be empty).
   */
  | { kind: 'bedrock'; model: string; api?: 'video' | 'kb' | 'agent' }
  | { kind: 'replicate'; replicate: 'text' | 'image' | 'moderation'; model: string }
  /** `variant` is the id's last part: the voice for tts, a label for the others. */
  | { kind: 'elevenlabs'; api: ElevenLabsApi; variant?: string }
  /** `type` undefined: config.modelType decides (default custom). */
  | { kind: 'sagemaker'; type?: string; endpoint: string }
  | { kind: 'http'; url?: string }
  /** promptfoo's WebSocket provider: a `ws://` or `wss://` id. */
  | { kind: 'websocket'; url: string }
  | { kind: 'file' }
  | { kind: 'package'; packageName: string; exportName: string }
  | { kind: 'python'; script: string; functionName: string }
  | { kind: 'exec' };

/** Families promptgate does not speak, with what to use instead (promptfoo's own docs name the same escape hatches). */
const CUSTOM_WORKAROUND =
  'call it from an `http` provider pointed at your endpoint, or from a custom provider (file://provider.mjs or file://provider.py)';
const UNSUPPORTED: Record<string, string> = {
  elevenlabs: `names an ElevenLabs API promptgate does not call (it calls elevenlabs:tts, stt, alignment, isolation and history; agents run a simulated voice conversation); ${CUSTOM_WORKAROUND}`,
  fal: `names a fal.ai API promptgate does not call (it calls fal:image:<model>); ${CUSTOM_WORKAROUND}`,
  modelslab: `names a ModelsLab API promptgate does not call (it calls modelslab:image:<model>); ${CUSTOM_WORKAROUND}`,
  mcp: `calls tools over the Model Context Protocol, which promptgate does not speak; ${CUSTOM_WORKAROUND}`,
  browser: `drives a browser, which promptgate does not do; ${CUSTOM_WORKAROUND}`,
  github: `would send a GITHUB_* token, which promptgate never reads for a provider; use openai:chat:<model> with apiBaseUrl: https://models.github.ai/inference and apiKeyEnvar naming a variable of your own`,
  opencode: `runs a coding agent SDK, which promptgate does not embed; ${CUSTOM_WORKAROUND}`,
  slack: `asks a human in Slack, which promptgate does not do; ${CUSTOM_WORKAROUND}`,
};
/** `<vendor>:<api>` forms that are not a text model call promptgate speaks. */
const UNSUPPORTED_APIS: Record<string, string> = {
  'openai:assistant': "uses OpenAI's Assistants API (threads and runs), which promptgate does not speak",
  'openai:agents': 'runs the OpenAI Agents SDK, which promptgate does not embed',
  'openai:codex-sdk': 'runs the Codex SDK, which promptgate does not embed',
  'openai:chatkit': 'drives ChatKit in a browser, which promptgate does not do',
  'anthropic:claude-agent-sdk': 'runs the Claude Agent SDK, which promptgate does not embed',
  'azure:foundry-agent': 'uses Azure AI Foundry agents, which promptgate does not speak',
  'vertex:embedding': 'is an embeddings API; use openai:embedding:<model> or google:<model> for text',
  'huggingface:feature-extraction': 'is an embeddings endpoint, not a chat model',
  'huggingface:sentence-similarity': 'is a similarity endpoint, not a chat model',
};

/** Which wire format an id means, and its model; throws UnknownProviderError for anything else. */
export function parseProviderId(id: string): ParsedId {
  if (id === 'echo') return { kind: 'echo' };
  if (id === 'http' || id === 'https') return { kind: 'http' };
  if (/^https?:\/\//.test(id)) return { kind: 'http', url: id };
  if (/^wss?:\/\//.test(id)) return { kind: 'websocket', url: id };
  if (id.startsWith(FILE_PREFIX)) {
    const reference = parseFileReference(id);
    if (reference.path.endsWith('.py')) {
      return { kind: 'python', script: reference.path, functionName: reference.functionName ?? 'call_api' };
    }
    return { kind: 'file' };
  }
  if (id.startsWith('exec:')) return { kind: 'exec' };
  if (id.startsWith('python:')) {
    const python = /^python:(.+\.py)(?::([A-Za-z_]\w*))?$/.exec(id);
    if (!python) throw new UnknownProviderError(id, 'names no Python file', 'write it as python:<path>.py');
    return { kind: 'python', script: python[1], functionName: python[2] ?? 'call_api' };
  }
  if (id === 'llama') return { kind: 'llamacpp' };
  if (id.startsWith('bedrock-agent:'))
    return { kind: 'bedrock', api: 'agent', model: id.slice('bedrock-agent:'.length) };
  if (id.startsWith('cloudflare-gateway:')) return cloudflareGatewayId(id);
  if (id.startsWith('package:')) {
    const found = /^package:([^:]+):([^:]+)$/.exec(id);
    if (!found)
      throw new UnknownProviderError(id, 'names no package and export', 'write it as package:<name>:<export>');
    return { kind: 'package', packageName: found[1], exportName: found[2] };
  }
  const [prefix = '', ...rest] = id.split(':');
  const need = (model: string | undefined, form: string): string => {
    if (!model) throw new UnknownProviderError(id, `names no model`, `write it as ${form}`);
    return model;
  };
  const unsupportedApi = UNSUPPORTED_APIS[`${prefix}:${rest[0] ?? ''}`];
  if (unsupportedApi) throw new UnknownProviderError(id, unsupportedApi, CUSTOM_WORKAROUND);
  const after = (n: number) => rest.slice(n).join(':');

  switch (prefix) {
    case 'openai': {
      const api = rest[0];
      if (api === 'chat') return { kind: 'chat', flavor: 'openai', model: need(after(1), 'openai:chat:<model>') };
      if (api === 'responses')
        return { kind: 'responses', vendor: 'openai', model: need(after(1), 'openai:responses:<model>') };
      if (api === 'completion')
        return { kind: 'completion', flavor: 'openai', model: need(after(1), 'openai:completion:<model>') };
      if (api === 'embedding' || api === 'embeddings')
        return { kind: 'embedding', model: need(after(1), 'openai:embedding:<model>') };
      // promptfoo's default moderation model when the id names none.
      if (api === 'moderation') return { kind: 'moderation', model: after(1) || 'omni-moderation-latest' };
      if (api === 'image') return { kind: 'image', vendor: 'openai', model: need(after(1), 'openai:image:<model>') };
      if (api === 'video') return { kind: 'video', vendor: 'openai', model: need(after(1), 'openai:video:<model>') };
      if (api === 'transcription')
        return { kind: 'transcription', model: need(after(1), 'openai:transcription:<model>') };
      if (api === 'realtime')
        return { kind: 'realtime', vendor: 'openai', model: need(after(1), 'openai:realtime:<model>') };
      if (rest.length === 1) {
        const model = need(rest[0], 'openai:<model>');
        // promptfoo sends these by name to the endpoint they live on.
        if (/^text-embedding-/.test(model)) return { kind: 'embedding', model };
        if (/^(gpt-3\.5-turbo-instruct|davinci-002|babbage-002)/.test(model))
          return { kind: 'completion', flavor: 'openai', model };
        return { kind: 'chat', flavor: 'openai', model };
      }
      throw new UnknownProviderError(id, `uses an OpenAI API promptgate does not speak`);
    }
    case 'ollama': {
      if (rest[0] === 'chat') return { kind: 'chat', flavor: 'ollama', model: need(after(1), 'ollama:chat:<model>') };
      if (rest[0] === 'completion')
        return { kind: 'completion', flavor: 'ollama', model: need(after(1), 'ollama:completion:<model>') };
      // promptfoo: `ollama:<model>` is the completion (generate) API.
      return { kind: 'completion', flavor: 'ollama', model: need(after(0), 'ollama:<model>') };
    }
    case 'anthropic': {
      if (rest[0] === 'messages') return { kind: 'anthropic', model: need(after(1), 'anthropic:messages:<model>') };
      return { kind: 'anthropic', model: need(after(0), 'anthropic:<model>') };
    }
    case 'azure':
    case 'azureopenai': {
      const api = rest[0];
      const deployment = need(after(1), `azure:${api ?? 'chat'}:<deployment>`);
      if (api === 'responses') return { kind: 'responses', vendor: 'azure', model: deployment };
      if (api === 'assistant') return { kind: 'assistant', assistantId: deployment };
      if (api === 'chat' || api === 'completion') return { kind: 'azure', api, deployment };
      if (api === 'embedding' || api === 'embeddings') return { kind: 'azure', api: 'embedding', deployment };
      throw new UnknownProviderError(id, `uses an Azure OpenAI API promptgate does not speak`);
    }
    case 'google':
      if (rest[0] === 'image' || rest[0] === 'live' || rest[0] === 'video')
        return { kind: 'google', api: rest[0], model: need(after(1), `google:${rest[0]}:<model>`) };
      return { kind: 'google', model: need(hostModel(rest), 'google:<model>') };
    case 'vertex':
      return { kind: 'vertex', model: need(hostModel(rest), 'vertex:<model>') };
    case 'bedrock':
      if (rest[0] === 'converse') return { kind: 'bedrock', model: need(after(1), 'bedrock:converse:<model>') };
      if (rest[0] === 'video') return { kind: 'bedrock', api: 'video', model: need(after(1), 'bedrock:video:<model>') };
      if (rest[0] === 'kb' || rest[0] === 'knowledge-base')
        return { kind: 'bedrock', api: 'kb', model: need(after(1), `bedrock:${rest[0]}:<model>`) };
      // promptfoo's older spelling of bedrock-agent:<agent id>.
      if (rest[0] === 'agents') return { kind: 'bedrock', api: 'agent', model: after(1) };
      return { kind: 'bedrock', model: need(after(0), 'bedrock:<model>') };
    case 'replicate': {
      const sub = rest[0] === 'image' || rest[0] === 'moderation' ? rest[0] : undefined;
      const model = need(after(sub ? 1 : 0), 'replicate:<owner>/<model>[:<version>]');
      return { kind: 'replicate', replicate: sub ?? 'text', model };
    }
    case 'sagemaker': {
      const known = ['openai', 'anthropic', 'llama', 'huggingface', 'jumpstart', 'embedding', 'custom'];
      if (rest.length > 1 && known.includes(rest[0]))
        return { kind: 'sagemaker', type: rest[0], endpoint: need(after(1), 'sagemaker:<modelType>:<endpoint>') };
      return { kind: 'sagemaker', endpoint: need(after(0), 'sagemaker:<endpoint>') };
    }
    case 'watsonx':
      return { kind: 'watsonx', model: need(after(0), 'watsonx:<model>') };
    case 'fal':
    case 'modelslab':
      if (rest[0] === 'image')
        return { kind: 'image-host', host: prefix, model: need(after(1), `${prefix}:image:<model>`) };
      break;
    case 'elevenlabs': {
      const api = ELEVENLABS_APIS.find((name) => name === rest[0]);
      if (api) return { kind: 'elevenlabs', api, ...(rest.length > 1 ? { variant: after(1) } : {}) };
      break;
    }
    case 'xai':
      if (rest[0] === 'image') return { kind: 'image', vendor: 'xai', model: need(after(1), 'xai:image:<model>') };
      if (rest[0] === 'video') return { kind: 'video', vendor: 'xai', model: need(after(1), 'xai:video:<model>') };
      if (rest[0] === 'voice') return { kind: 'realtime', vendor: 'xai', model: need(after(1), 'xai:voice:<model>') };
      if (rest[0] === 'responses')
        return { kind: 'responses', vendor: 'xai', model: need(after(1), 'xai:responses:<model>') };
      break;
    case 'openclaw':
      if (['agent', 'responses', 'embedding', 'embeddings', 'tools'].includes(rest[0] ?? ''))
        throw new UnknownProviderError(
          id,
          `uses an OpenClaw API promptgate does not speak (it calls openclaw:<agent>, the gateway's chat completions)`,
          CUSTOM_WORKAROUND,
        );
      // OpenClaw's model id for an agent on its OpenAI-compatible endpoint; the bare id is the default agent.
      return { kind: 'chat', flavor: 'openai', host: 'openclaw', model: `openclaw/${hostModel(rest) || 'default'}` };
    case 'quiverai':
      if (rest[0] === 'vectorize')
        throw new UnknownProviderError(
          id,
          'vectorizes an image, which promptgate does not send yet',
          CUSTOM_WORKAROUND,
        );
      return { kind: 'quiverai', model: need(after(0), 'quiverai:<model>') };
    default:
      break;
  }
  if (COMPATIBLE_HOSTS[prefix]) {
    if (prefix === 'huggingface' && rest[0] === 'text-generation')
      return { kind: 'hf-text', model: need(after(1), 'huggingface:text-generation:<model>') };
    if (prefix === 'huggingface' && (rest[0] === 'text-classification' || rest[0] === 'token-classification')) {
      const task = rest[0] === 'text-classification' ? 'text' : 'token';
      return { kind: 'hf-classification', task, model: need(after(1), `huggingface:${rest[0]}:<model>`) };
    }
    if (prefix === 'huggingface' && rest[0] !== 'chat')
      throw new UnknownProviderError(
        id,
        'uses a Hugging Face API promptgate does not speak',
        'use huggingface:chat:<model>, huggingface:text-generation:<model>, or for a classifier assertion huggingface:text-classification:<model> or huggingface:token-classification:<model>',
      );
    return { kind: 'chat', flavor: 'openai', host: prefix, model: need(hostModel(rest), `${prefix}:<model>`) };
  }
  const unsupported = UNSUPPORTED[prefix];
  if (unsupported) throw new UnknownProviderError(id, unsupported, '');
  throw new UnknownProviderError(id);
}

/** `cloudflare-gateway:<provider>:<model>`: the provider's own API through the gateway (its path segment). */
function cloudflareGatewayId(id: string): ParsedId {
  const [, upstream = '', ...rest] = id.split(':');
  const model = rest.join(':');
  if (!model) throw new UnknownProviderError(id, 'names no model', 'write it as cloudflare-gateway:<provider>:<model>');
  if (upstream === 'openai') return { kind: 'chat', flavor: 'openai', model, gateway: 'cloudflare' };
  if (upstream === 'anthropic') return { kind: 'anthropic', model, gateway: 'cloudflare' };
  if (COMPATIBLE_HOSTS[upstream] && !COMPATIBLE_HOSTS[upstream].keyOptional)
    return { kind: 'chat', flavor: 'openai', host: upstream, model, gateway: 'cloudflare' };
  throw new UnknownProviderError(
    id,
    `names a gateway provider promptgate does not call (it calls openai, anthropic and the OpenAI-compatible hosts: ${Object.keys(COMPATIBLE_HOSTS).join(', ')})`,
  );
}
