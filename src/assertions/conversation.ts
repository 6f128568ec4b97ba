// conversation-relevance, with promptfoo 0.123.1's semantics (its deepeval matcher and assertion): over the
// conversation in the `_conversation` var (a list of {input, output}; else the one turn prompt → output), a
// window of the last `config.windowSize` (5) turns ending at each turn is graded: is the last assistant message
// relevant? score = relevant windows / windows, passing at ≥ `threshold` (0.5); the not- form inverts both.
// A grader that fails or answers no `yes`/`no` verdict makes the case an error, never a fail.
import { extractJsonObjects } from './extract-json.js';
import { GraderError, invariant, type AssertionHandler } from './handler.js';
import { askGrader, graderFor } from './model-graded.js';
import { renderTemplate } from './render-value.js';

const DEFAULT_WINDOW_SIZE = 5;
const DEFAULT_THRESHOLD = 0.5;
const NOT_RELEVANT = 'Response is not relevant to the conversation context';

interface Turn {
  input: unknown;
  output: unknown;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** promptfoo's ConversationRelevancyTemplate.generateVerdicts, verbatim. */
export function verdictPrompt(window: Turn[]): string {
  const messages = window.flatMap((turn) => [
    { role: 'user', content: asText(turn.input) },
    { role: 'assistant', content: asText(turn.output) },
  ]);
  return `Based on the given list of message exchanges between a user and an LLM, generate a JSON object to indicate whether the LAST \`assistant\` message is relevant to context in messages. The JSON will have 2 fields: 'verdict' and 'reason'.
The 'verdict' key should STRICTLY be either 'yes' or 'no', which states whether the last \`assistant\` message is relevant according to the context in messages 
Provide a 'reason' ONLY if the answer is 'no'. 
You MUST USE the previous messages (if any) provided in the list of messages to make an informed judgement on relevancy.

**
IMPORTANT: Please make sure to only return in JSON format.
Example Messages:
[
    {
        "role": "user",
        "content": "Hi! I have something I want to tell you"
    },
    {
        "role": "assistant",
        "content": "Sure, what is it?"
    },
    {
        "role": "user",
        "content": "I've a sore throat, what meds should I take?"
    },
    {
        "role": "assistant",
        "content": "Not sure, but isn't it a nice day today?"
    }
]

Example JSON:
{
    "verdict": "no",
    "reason": "The LLM responded 'isn't it a nice day today' to a message that asked about how to treat a sore throat, which is completely irrelevant."
}
===== END OF EXAMPLE ======
You MUST ONLY provide a verdict for the LAST message on the list but MUST USE context from the previous messages.
You DON'T have to provide a reason if the answer is 'yes'.
ONLY provide a 'no' answer if the LLM response is COMPLETELY irrelevant to the message input.
Vague LLM responses to vague inputs, such as greetings DOES NOT count as irrelevancies!
**

Messages:
${JSON.stringify(messages, null, 2)}

JSON:`;
}

/** promptfoo's ConversationRelevancyTemplate.generateReason, verbatim. */
export function reasonPrompt(score: number, irrelevancies: string[]): string {
  return `Below is a list of irrelevancies drawn from some messages in a conversation, which you have minimal knowledge of. It is a list of strings explaining why the 'assistant' messages are irrelevant to the 'user' messages.
Given the relevancy score, which is a 0-1 score indicating how irrelevant the OVERALL AI messages are in a conversation (higher the better), CONCISELY summarize the irrelevancies to justify the score. 

** 
IMPORTANT: Please make sure to only return in JSON format, with the 'reason' key providing the reason.
Example JSON:
{
    "reason": "The score is <relevancy_score> because <your_reason>."
}

Always quote WHICH MESSAGE and the INFORMATION in the reason in your final reason.
Be sure in your reason, as if you know what the \`assistant\` messages from messages in a conversation is from the irrelevancies.
**

Relevancy Score:
${score}

Irrelevancies:
${JSON.stringify(irrelevancies, null, 2)}

JSON:`;
}

/** The grader's verdict on one window: relevant or not, and its reason; anything but yes/no is an error. */
function readVerdict(output: unknown): { relevant: boolean; reason: string } {
  if (typeof output !== 'string') throw new GraderError('conversation relevancy check produced malformed response');
  const [first] = extractJsonObjects(output) as Array<{ verdict?: unknown; reason?: unknown } | undefined>;
  if (!first) throw new GraderError('conversation-relevance: Error parsing output: No JSON object found in response');
  if (first.verdict !== 'yes' && first.verdict !== 'no')
    throw new GraderError(
      'conversation-relevance: Error parsing output: Conversation relevance grader returned an invalid verdict',
    );
  const relevant = first.verdict === 'yes';
  const reason =
    typeof first.reason === 'string' && first.reason
      ? first.reason
      : `Response ${relevant ? 'is' : 'is not'} relevant to the conversation context`;
  return { relevant, reason };
}

function conversationOf(vars: Record<string, unknown>, prompt: string, output: string): Turn[] {
  const conversation = vars._conversation;
  if (Array.isArray(conversation) && conversation.length > 0) {
    invariant(
      conversation.every((turn) => turn !== null && typeof turn === 'object' && 'input' in turn && 'output' in turn),
      'the _conversation var must be a list of {input, output} turns',
    );
    return conversation as Turn[];
  }
  invariant(prompt, 'conversational-relevance assertion type must have a prompt');
  return [{ input: prompt, output }];
}

const conversationRelevance: AssertionHandler = async ({ assertion, inverse, outputString, ctx }) => {
  const turns = conversationOf(ctx.vars, ctx.prompt, outputString);
  const windowSize = Number(assertion.config?.windowSize) || DEFAULT_WINDOW_SIZE;
  const threshold = assertion.threshold ?? DEFAULT_THRESHOLD;
  const options = ctx.test.options;
  const spec = assertion.provider ?? graderFor('text', options.provider);
  const rubricPrompt = assertion.rubricPrompt ?? options.rubricPrompt;

  let relevantCount = 0;
  const irrelevancies: string[] = [];
  for (let i = 0; i < turns.length; i++) {
    const window = turns.slice(Math.max(0, i - windowSize + 1), i + 1);
    const vars = { ...ctx.vars, messages: window };
    const written = typeof rubricPrompt === 'string' ? rubricPrompt : rubricPrompt ? JSON.stringify(rubricPrompt) : '';
    const prompt = written ? renderTemplate(written, vars) : verdictPrompt(window);
    const verdict = readVerdict(await askGrader('conversation-relevance', ctx, spec, prompt, written || prompt, vars));
    if (verdict.relevant) relevantCount++;
    else if (verdict.reason !== NOT_RELEVANT) irrelevancies.push(verdict.reason);
  }
  const score = turns.length > 0 ? relevantCount / turns.length : 0;
  const pass = score >= threshold - Number.EPSILON !== inverse;
  let reason = `${relevantCount} out of ${turns.length} conversation windows were relevant`;
  if (irrelevancies.length > 0 && score < 1) {
    // promptfoo asks the test's grader to summarise the irrelevancies; if it cannot, the count stands.
    const vars = { score: String(score), irrelevancies };
    const summary = await askGrader(
      'conversation-relevance-reason',
      ctx,
      graderFor('text', options.provider),
      reasonPrompt(score, irrelevancies),
      '',
      vars,
    ).catch(() => undefined);
    if (typeof summary === 'string') {
      const [first] = extractJsonObjects(summary) as Array<{ reason?: unknown } | undefined>;
      if (typeof first?.reason === 'string' && first.reason) reason = first.reason;
    }
  }
  return { pass, score: inverse ? 1 - score : score, reason };
};

export const conversationAssertions: Record<string, AssertionHandler> = {
  'conversation-relevance': conversationRelevance,
};
