// Spend known before it is spent: the calls a run will make per provider, how many the cache answers, and an
// estimate of tokens and cost where prices are known — computed from the plan, the rendered prompts and the
// cache, before any provider is called. Facts only; src/report/spend-plan.ts words them.
import { graderCalls, leafAssertions } from '../assertions/index.js';
import { graderFor, DEFAULT_GRADING_PROMPT } from '../assertions/model-graded.js';
import type { Prompt, Provider, RenderPrompt, Suite, TemplateFilters } from '../types.js';
import { cacheKey, type OutputCache } from './cache.js';
import type { GradingProviderSpec } from './grading.js';
import { caseAt, countCases, type PlanShape, type PlannedCase } from './plan.js';

/** Output tokens assumed per call when neither the cache nor the config (max_tokens) says. */
export const ASSUMED_OUTPUT_TOKENS = 256;
/** A grader answers with a short JSON verdict. */
export const ASSUMED_GRADER_OUTPUT_TOKENS = 64;

/** A token is about four characters of English text: the estimate every vendor's docs give. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface SpendLine {
  /** The provider's label, else its id. */
  provider: string;
  role: 'model' | 'grader';
  /** Calls the plan holds. */
  planned: number;
  /** Of them, answered by the cache (grader calls are never counted as cached: their prompts hold outputs). */
  cached: number;
  /** Estimated tokens of the calls that will be made. */
  promptTokens: number;
  completionTokens: number;
  /** Where the output estimate comes from. */
  outputBasis: 'cache' | 'max_tokens' | 'assumed';
  /** Estimated USD of the calls that will be made; undefined when the provider's price is not known. */
  cost?: number;
}

export interface SpendPlan {
  lines: SpendLine[];
}

export interface SpendTotals {
  /** Calls that will be made (planned − cached). */
  calls: number;
  cached: number;
  /** Estimated USD over the priced providers. */
  cost: number;
  /** Providers that will be called whose price is not known (their cost is not in `cost`). */
  unpriced: string[];
}

export function spendTotals(plan: SpendPlan): SpendTotals {
  let calls = 0;
  let cached = 0;
  let cost = 0;
  const unpriced = new Set<string>();
  for (const line of plan.lines) {
    calls += line.planned - line.cached;
    cached += line.cached;
    if (line.cost !== undefined) cost += line.cost;
    else if (line.planned > line.cached) unpriced.add(line.provider);
  }
  return { calls, cached, cost, unpriced: [...unpriced] };
}

/** Plans added up, one line per provider and role. */
export function mergeSpendPlans(plans: readonly SpendPlan[]): SpendPlan {
  const byKey = new Map<string, SpendLine>();
  for (const line of plans.flatMap((p) => p.lines)) {
    const key = JSON.stringify([line.provider, line.role]);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...line });
      continue;
    }
    seen.planned += line.planned;
    seen.cached += line.cached;
    seen.promptTokens += line.promptTokens;
    seen.completionTokens += line.completionTokens;
    seen.cost = seen.cost === undefined || line.cost === undefined ? undefined : seen.cost + line.cost;
    if (line.outputBasis !== seen.outputBasis) seen.outputBasis = 'assumed';
  }
  return { lines: [...byKey.values()] };
}

export interface Budget {
  maxCalls?: number;
  maxCost?: number;
}

export interface BudgetExcess {
  limit: 'max-calls' | 'max-cost';
  planned: number;
  allowed: number;
}

/** The first limit the plan would exceed, or undefined when it fits. */
export function budgetExcess(plan: SpendPlan, budget: Budget): BudgetExcess | undefined {
  const totals = spendTotals(plan);
  if (budget.maxCalls !== undefined && totals.calls > budget.maxCalls) {
    return { limit: 'max-calls', planned: totals.calls, allowed: budget.maxCalls };
  }
  if (budget.maxCost !== undefined && totals.cost > budget.maxCost) {
    return { limit: 'max-cost', planned: totals.cost, allowed: budget.maxCost };
  }
  return undefined;
}

interface Tally {
  line: SpendLine;
  price: Provider['price'];
}

export interface PlanSuiteInput {
  suite: Suite;
  providers: Provider[];
  /** Replaces suite.prompts (the base side), as in runSuite. */
  prompts?: Prompt[];
  include?: (planned: PlannedCase) => boolean;
  cache?: OutputCache;
  render: RenderPrompt;
  /** The suite's nunjucksFilters, as the run renders with them. */
  filters?: TemplateFilters;
  /** Resolves a grading provider spec as the run will (no call is made). */
  gradingProvider: (spec: GradingProviderSpec) => Promise<Provider>;
}

/** The spend of one run of a suite, from its plan: renders every case's prompt and asks the cache, calls nothing. */
export async function planSuiteSpend(input: PlanSuiteInput): Promise<SpendPlan> {
  const { suite, providers, cache } = input;
  const prompts = input.prompts ?? suite.prompts;
  const shape: PlanShape = {
    tests: suite.tests.length,
    prompts: prompts.length,
    providers: providers.length,
    repeat: Math.max(1, suite.evaluateOptions.repeat),
  };
  const tallies = new Map<string, Tally>();
  const tally = (provider: Provider, role: SpendLine['role']): Tally => {
    const name = provider.label ?? provider.id;
    const key = JSON.stringify([name, role]);
    let found = tallies.get(key);
    if (!found) {
      const outputBasis = provider.maxOutputTokens !== undefined ? 'max_tokens' : 'assumed';
      found = {
        line: { provider: name, role, planned: 0, cached: 0, promptTokens: 0, completionTokens: 0, outputBasis },
        price: provider.price,
      };
      tallies.set(key, found);
    }
    return found;
  };
  // Per provider object, so a case does not build the tally's key again.
  const modelTallies = new Map<Provider, Tally>();
  const modelOutput = new Map<Provider, { tokens: number; hits: number }>();
  const uncached: Array<{ tally: Tally; provider: Provider; promptTokens: number }> = [];
  const graded: Array<{ tally: Tally; provider: Provider; promptTokens: number; model: Provider; calls: number }> = [];
  /** (test, repeat, assertion) already counted for the assertions that grade once per test. */
  const perTest = new Set<string>();

  const total = countCases(shape);
  for (let index = 0; index < total; index++) {
    const planned = caseAt(shape, index);
    if (input.include && !input.include(planned)) continue;
    const test = suite.tests[planned.testIdx];
    const provider = providers[planned.providerIdx];
    const prompt = prompts[planned.promptIdx];
    let line = modelTallies.get(provider);
    if (!line) modelTallies.set(provider, (line = tally(provider, 'model')));
    line.line.planned++;
    let rendered: string;
    try {
      const text = input.render(prompt, test.vars, provider, input.filters);
      // A template's text is a string (only a prompt function's is a promise): no await per case for it.
      rendered = typeof text === 'string' ? text : await text;
    } catch {
      continue; // the run reports it; a case that cannot render makes no call
    }
    const hit =
      cache &&
      (await cache.get(
        cacheKey({
          providerId: provider.id,
          cacheIdentity: provider.cacheIdentity,
          renderedPrompt: rendered,
          repeat: planned.repeat,
        }),
      ));
    if (hit) {
      line.line.cached++;
      const seen = modelOutput.get(provider) ?? { tokens: 0, hits: 0 };
      seen.tokens += hit.tokenUsage?.completion ?? estimateTokens(String(hit.output ?? ''));
      seen.hits++;
      modelOutput.set(provider, seen);
    } else {
      uncached.push({ tally: line, provider, promptTokens: estimateTokens(rendered) });
    }
    for (const { assertion, at } of leafAssertions(test.assert)) {
      const counted = graderCalls(assertion);
      let calls = counted.perCase;
      if (counted.perTest) {
        const key = `${planned.testIdx}:${planned.repeat}:${at}`;
        if (!perTest.has(key)) calls += counted.perTest;
        perTest.add(key);
      }
      if (calls === 0) continue;
      let grader: Provider;
      try {
        grader = await input.gradingProvider(assertion.provider ?? graderFor('text', test.options.provider));
      } catch {
        continue; // the run makes this case an error with the reason; the plan cannot count the call
      }
      const rubric = typeof assertion.value === 'string' ? assertion.value : JSON.stringify(assertion.value ?? '');
      graded.push({
        tally: tally(grader, 'grader'),
        provider: grader,
        model: provider,
        promptTokens: estimateTokens(DEFAULT_GRADING_PROMPT) + estimateTokens(rubric),
        calls,
      });
    }
  }

  const outputTokens = (provider: Provider): { tokens: number; basis: SpendLine['outputBasis'] } => {
    const seen = modelOutput.get(provider);
    if (seen && seen.hits > 0) return { tokens: Math.round(seen.tokens / seen.hits), basis: 'cache' };
    if (provider.maxOutputTokens !== undefined) return { tokens: provider.maxOutputTokens, basis: 'max_tokens' };
    return { tokens: ASSUMED_OUTPUT_TOKENS, basis: 'assumed' };
  };
  for (const call of uncached) {
    const output = outputTokens(call.provider);
    call.tally.line.outputBasis = output.basis;
    call.tally.line.promptTokens += call.promptTokens;
    call.tally.line.completionTokens += output.tokens;
  }
  for (const call of graded) {
    call.tally.line.planned += call.calls;
    // The grader reads the model's output inside its prompt.
    call.tally.line.promptTokens += call.calls * (call.promptTokens + outputTokens(call.model).tokens);
    const answer = Math.min(
      call.provider.maxOutputTokens ?? ASSUMED_GRADER_OUTPUT_TOKENS,
      ASSUMED_GRADER_OUTPUT_TOKENS,
    );
    call.tally.line.completionTokens += call.calls * answer;
  }
  const lines = [...tallies.values()].map(({ line, price }) => ({
    ...line,
    ...(price ? { cost: line.promptTokens * price.input + line.completionTokens * price.output } : {}),
  }));
  return { lines };
}
