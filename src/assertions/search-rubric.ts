// search-rubric, with promptfoo 0.123.1's semantics (matchers/search.ts there): an llm-rubric whose grader can
// search the web, asked with promptfoo's DEFAULT_WEB_SEARCH_PROMPT (or the rubricPrompt). The grader must be a
// web-search-capable provider by promptfoo's own test (hasWebSearchCapability), named by the assertion's
// `provider` or the test's `options.provider`: promptfoo would otherwise load a default search grader of its
// own choosing (a hosted model promptgate does not pick for you), so without one the assertion is refused.
// A grader that fails, or answers without a boolean `pass`, makes the case an error, never a fail.
import type { ProviderSpec } from '../types.js';
import { extractJsonObjects } from './extract-json.js';
import { GraderError, MalformedAssertionError, type AssertionHandler } from './handler.js';
import {
  askGrader,
  graderFor,
  invertScore,
  renderGradingPrompt,
  rubricPromptFor,
  tryParseJson,
} from './model-graded.js';

/** promptfoo's DEFAULT_WEB_SEARCH_PROMPT, verbatim (dedented as promptfoo's dedent leaves it). */
export const DEFAULT_WEB_SEARCH_PROMPT = JSON.stringify([
  {
    role: 'system',
    content: `You are grading output according to a user-specified rubric, with the ability to search the web for current information. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, pass: boolean, score: number}

You MUST search the web when:
- The rubric asks about current information (prices, weather, news, etc.)
- Facts need to be verified against recent data
- The rubric references time-sensitive information

Examples:

<Output>The current CEO of Microsoft is Satya Nadella</Output>
<Rubric>Contains accurate information about Microsoft's leadership</Rubric>
{"reason": "I searched and confirmed Satya Nadella is indeed the current CEO of Microsoft", "pass": true, "score": 1.0}

<Output>Bitcoin is trading at $45,000</Output>
<Rubric>Provides current Bitcoin price within 10% accuracy</Rubric>
{"reason": "Web search shows Bitcoin is currently trading at $98,000, not $45,000. The output is off by more than 50%", "pass": false, "score": 0.0}`,
  },
  { role: 'user', content: '<Output>\n{{ output }}\n</Output>\n<Rubric>\n{{ rubric }}\n</Rubric>' },
]);

const WEB_SEARCH_GRADERS =
  'perplexity:*; anthropic:messages:* with a web_search_20250305 tool; openai:responses:* with a web_search(_preview) tool; openai:chat:gpt-4o-search-preview or gpt-5-search-api; google:/vertex: with a googleSearch tool; xai: with search_parameters.mode on, or xai:responses:* with a web_search tool';

/** promptfoo's hasWebSearchCapability, over the grader as written (its id and config). */
export function hasWebSearchCapability(spec: string | ProviderSpec): boolean {
  const id = typeof spec === 'string' ? spec : spec.id;
  const config = (typeof spec === 'string' ? {} : (spec.config ?? {})) as Record<string, unknown>;
  const tools = Array.isArray(config.tools) ? (config.tools as Array<Record<string, unknown> | null>) : [];
  const hasTool = (test: (tool: Record<string, unknown>) => boolean) => tools.some((t) => t !== null && test(t));
  const responses = /^(openai|azure):responses:/.test(id);
  if (id.includes('perplexity')) return true;
  if (/google|gemini|vertex/.test(id) && hasTool((t) => t.googleSearch !== undefined)) return true;
  if (id.includes('xai')) {
    const mode = (config.search_parameters as { mode?: unknown } | undefined)?.mode;
    if (mode === 'on' || (id.startsWith('xai:responses:') && hasTool((t) => t.type === 'web_search'))) return true;
  }
  if (responses && hasTool((t) => t.type === 'web_search' || t.type === 'web_search_preview')) return true;
  const passthrough = (config.passthrough as { model?: unknown } | undefined)?.model;
  const model = typeof passthrough === 'string' ? passthrough : id;
  if (
    id.startsWith('openai:chat:') &&
    /(?:^|[/:])(?:gpt-5-search-api|gpt-4o(?:-mini)?-search-preview)(?:-|$)/.test(model)
  )
    return true;
  if (
    id.startsWith('openai:codex') &&
    (config.web_search_mode === 'live' || config.web_search_mode === 'cached' || config.web_search_enabled === true)
  )
    return true;
  return id.includes('anthropic') && hasTool((t) => t.type === 'web_search_20250305');
}

/** The search grader's verdict; an answer without a boolean `pass` is an error, as promptfoo's graderError. */
function readSearchVerdict(output: unknown, threshold: number | undefined) {
  const [answer] = extractJsonObjects(String(output)) as Array<Record<string, unknown> | undefined>;
  if (!answer || typeof answer.pass !== 'boolean')
    throw new GraderError('Search rubric evaluation failed: Expected a JSON object with a boolean "pass" field');
  const score = typeof answer.score === 'number' ? answer.score : answer.pass ? 1 : 0;
  const pass = threshold !== undefined ? answer.pass && score >= threshold : answer.pass;
  const reason = typeof answer.reason === 'string' && answer.reason ? answer.reason : 'No reason provided';
  return { pass, score, reason };
}

const searchRubric: AssertionHandler = async ({ assertion, value, outputString, ctx, inverse }) => {
  if (typeof value !== 'string')
    throw new MalformedAssertionError('search-rubric assertion type must have a string value');
  const options = ctx.test.options;
  const spec = assertion.provider ?? graderFor('text', options.provider);
  if (spec === undefined || !hasWebSearchCapability(spec)) {
    throw new MalformedAssertionError(
      `search-rubric needs a grader that can search the web, set as the assertion's provider or the test's options.provider (promptfoo would load a default search grader of its own): ${WEB_SEARCH_GRADERS}${spec === undefined ? '' : `; ${typeof spec === 'string' ? spec : spec.id} is not one`}`,
      'provider',
    );
  }
  const rubricPrompt = rubricPromptFor(assertion, options, DEFAULT_WEB_SEARCH_PROMPT);
  const vars = { ...ctx.vars, output: tryParseJson(outputString), rubric: value };
  const prompt = renderGradingPrompt(rubricPrompt, vars);
  const output = await askGrader('search-rubric', ctx, spec, prompt, rubricPrompt, vars);
  const verdict = readSearchVerdict(output, assertion.threshold);
  if (!inverse) return verdict;
  const pass = !verdict.pass;
  return {
    pass,
    score: invertScore(verdict.score),
    reason: `${pass ? 'Output does not require' : 'Output requires'} web search verification: ${verdict.reason}`,
  };
};

export const searchRubricAssertions: Record<string, AssertionHandler> = { 'search-rubric': searchRubric };
