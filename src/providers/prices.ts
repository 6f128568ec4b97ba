// Known list prices, USD per 1M tokens, for the cost column of the report. A model not listed costs
// nothing unless the config gives `cost` / `inputCost` / `outputCost` (per token, as promptfoo does).
// Dated snapshots (`gpt-4o-mini-2024-07-18`, `claude-3-5-sonnet-20241022`) match their family by prefix.
import type { TokenUsage } from '../types.js';

interface PricePerMillion {
  input: number;
  output: number;
}

const PRICES: Record<string, PricePerMillion> = {
  // OpenAI
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o1: { input: 15, output: 60 },
  'o1-mini': { input: 1.1, output: 4.4 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'gpt-3.5-turbo-instruct': { input: 1.5, output: 2 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },
  // Anthropic
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3-opus': { input: 15, output: 75 },
  'claude-3-haiku': { input: 0.25, output: 1.25 },
  // Google Gemini (paid tier, prompts up to 200k tokens)
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash-lite': { input: 0.075, output: 0.3 },
  // Amazon Nova on Bedrock (on-demand, us-east-1)
  'nova-micro': { input: 0.035, output: 0.14 },
  'nova-lite': { input: 0.06, output: 0.24 },
  'nova-pro': { input: 0.8, output: 3.2 },
  'nova-premier': { input: 2.5, output: 12.5 },
  // Mistral, DeepSeek (their published list prices; xAI's variants differ too much by suffix to price by family)
  'mistral-large-latest': { input: 2, output: 6 },
  'mistral-small-latest': { input: 0.1, output: 0.3 },
  'deepseek-chat': { input: 0.27, output: 1.1 },
  'deepseek-reasoner': { input: 0.55, output: 2.19 },
};

export interface TokenPrice {
  /** USD per prompt token. */
  input: number;
  /** USD per completion token. */
  output: number;
}

/** The price of a model by exact name, else its longest family prefix followed by `-` (so `gpt-4` never prices `gpt-4.1`). */
export function knownPrice(model: string): TokenPrice | undefined {
  let best: string | undefined;
  for (const family of Object.keys(PRICES)) {
    if (model === family || model.startsWith(`${family}-`)) {
      if (best === undefined || family.length > best.length) best = family;
    }
  }
  if (best === undefined) return undefined;
  const perMillion = PRICES[best];
  return { input: perMillion.input / 1e6, output: perMillion.output / 1e6 };
}

/** Config overrides first (promptfoo: `cost` for both directions, `inputCost`/`outputCost` per direction), then the table. */
export function priceFor(model: string, config: Record<string, unknown>): TokenPrice | undefined {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const table = knownPrice(model);
  const both = num(config.cost);
  const input = num(config.inputCost) ?? both ?? table?.input;
  const output = num(config.outputCost) ?? both ?? table?.output;
  if (input === undefined && output === undefined) return undefined;
  return { input: input ?? 0, output: output ?? 0 };
}

/** Cost of one call; undefined when neither the price nor the usage is known. */
export function costOf(price: TokenPrice | undefined, usage: Partial<TokenUsage>): number | undefined {
  if (!price || (usage.prompt === undefined && usage.completion === undefined)) return undefined;
  return (usage.prompt ?? 0) * price.input + (usage.completion ?? 0) * price.output;
}
