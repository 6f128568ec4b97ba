// promptfoo 0.123.1's assertion types that promptgate does not implement, each with why and what to do
// instead. A suite using one is refused when it loads, at the assertion, naming it — never run without it.
// The README's Config section lists the same types; __tests__/config/readme-config.test.ts keeps them in step.

const MODEL_GRADED =
  'a model-graded check promptgate does not implement yet; write the criterion as an llm-rubric (same grader, a rubric you can read in the diff)';
const NEEDS_PROVIDER_DATA =
  "needs what the provider returned besides the text (tool calls, log-probabilities), which promptgate's providers do not hand to assertions yet";
const NEEDS_TRACES =
  "reads the agent's tool calls and steps out of the case's trace (promptfoo's trajectory extraction), which promptgate does not implement; use trace-span-count over the span names, or a javascript assertion over context.trace.spans";
const NEEDS_PACKAGE =
  'needs the `natural` NLP package (WordNet synonyms), which promptgate does not bundle; use bleu, gleu, rouge-n or similar';

export const REFUSED_ASSERTIONS: Readonly<Record<string, string>> = {
  'agent-rubric': MODEL_GRADED,
  perplexity: NEEDS_PROVIDER_DATA,
  'perplexity-score': NEEDS_PROVIDER_DATA,
  'tool-call-f1': NEEDS_PROVIDER_DATA,
  'skill-used': NEEDS_PROVIDER_DATA,
  'trajectory:goal-success': NEEDS_TRACES,
  'trajectory:tool-args-match': NEEDS_TRACES,
  'trajectory:step-count': NEEDS_TRACES,
  'trajectory:tool-sequence': NEEDS_TRACES,
  'trajectory:tool-used': NEEDS_TRACES,
  meteor: NEEDS_PACKAGE,
  pi: 'calls the Pi scoring service over the network',
  webhook:
    'posts each output to a URL: a gate must not depend on a service it cannot see; use a custom provider or javascript',
  ruby: 'Ruby scripts are not run; write the check in javascript or python',
};

/** ` promptfoo's X is not supported: why` for a refused type (or its not- form), else undefined. */
export function refusedAssertion(type: string): string | undefined {
  const base = type.startsWith('not-') ? type.slice(4) : type;
  const why = REFUSED_ASSERTIONS[base];
  return why === undefined ? undefined : `promptfoo's "${base}" assertion is not supported by promptgate: ${why}`;
}
