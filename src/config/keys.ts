// Every key a config may hold, at every level, and what promptgate does with it. A key is one of:
//   - supported: it works (the loader and the engine implement it);
//   - refused: a promptfoo key promptgate does not implement: a located error naming the feature and what
//     to do instead (a suite that silently ran without it would not be the suite the user wrote);
//   - noted: a promptfoo key with no effect on what a case sends or how it is scored (where promptfoo writes
//     its own files, display options): accepted with a located warning saying it is not used;
//   - unknown: anything else is a located error with "did you mean" (a misspelled `asert:` must not turn
//     a suite into one that passes 100%).
// The README's Config section lists the same keys; keep the two in step.
import { closest, distance } from 'fastest-levenshtein';
import { locatedError, type KeyPath, type Locator } from './source.js';

export type KeyLevel =
  'config' | 'test' | 'options' | 'assertion' | 'assertionSet' | 'provider' | 'prompt' | 'evaluateOptions';

/** Keys an assertion has and an assert-set does not: promptfoo accepts them on a set and applies none. */
const NOT_ON_A_SET = (key: string) =>
  `promptfoo accepts \`${key}\` on an assert-set but hands it to none of the set's assertions; put it on each assertion that needs it`;

interface LevelKeys {
  /** What the map is, in messages. */
  what: string;
  supported: readonly string[];
  /** promptfoo key → why it is refused and what to do instead. */
  refused: Readonly<Record<string, string>>;
  /** promptfoo key → why it has no effect here (a warning). */
  noted: Readonly<Record<string, string>>;
}

const LEVELS: Record<KeyLevel, LevelKeys> = {
  config: {
    what: 'the config',
    supported: [
      'description',
      'prompts',
      'providers',
      'targets',
      'tests',
      'defaultTest',
      'evaluateOptions',
      'gate',
      'env',
      'extensions',
      'nunjucksFilters',
      'scenarios',
      'assertionTemplates',
      'tracing',
      '$schema',
    ],
    refused: {
      commandLineOptions: "promptfoo's commandLineOptions are not read; pass promptgate's options on its command line",
    },
    noted: {
      outputPath:
        'promptfoo writes its results there; promptgate writes them with `eval -o FILE` (or the action report)',
      sharing: "promptfoo's result sharing is not used; promptgate reports in the pull request and the job summary",
      writeLatestResults: "promptfoo's local results database is not used by promptgate",
      tags: "promptfoo's config tags are not used by promptgate",
      metadata: "promptfoo's config metadata is not used by promptgate",
      derivedMetrics:
        "promptfoo computes derivedMetrics (formulas over named scores) after the eval, for display only: no case's verdict depends on them; promptgate reports each named metric's score and does not compute them",
      outputs:
        'not a promptfoo key: promptfoo warns that it is unknown and runs without it (its results file is `outputPath`); promptgate writes results with `eval -o FILE`',
      options:
        'not a promptfoo key at the top level: promptfoo warns that it is unknown and runs without it; put maxConcurrency and the like in evaluateOptions, and test options in defaultTest.options',
      redteam:
        "promptfoo's redteam block is read by `promptfoo redteam generate`, not by an eval (promptfoo's eval ignores it too): generate the attack tests with `promptfoo redteam generate -o redteam.yaml` and point `tests:` at the file",
    },
  },
  test: {
    what: 'a test',
    supported: [
      'description',
      'vars',
      'assert',
      'threshold',
      'options',
      'metadata',
      'critical',
      'providers',
      'prompts',
      'provider',
      'providerOutput',
      'assertScoringFunction',
    ],
    refused: {},
    noted: {},
  },
  options: {
    what: "a test's options",
    supported: [
      'transform',
      'transformVars',
      'provider',
      'rubricPrompt',
      'factuality',
      'disableVarExpansion',
      'disableConversationVar',
    ],
    refused: {
      storeOutputAs:
        "promptfoo's storeOutputAs (feeding one test's output into the next test's vars) needs tests to run in order, one after another; promptgate runs cases independently: put the earlier output in the later test's vars",
      postprocess: "promptfoo's postprocess was renamed transform; write `transform:` instead",
      prefix:
        "promptfoo's prompt prefix option is not supported; put the text in the prompt, or in a var rendered there",
      suffix:
        "promptfoo's prompt suffix option is not supported; put the text in the prompt, or in a var rendered there",
      runSerially:
        "promptfoo's runSerially is not supported; set evaluateOptions.maxConcurrency: 1 to make calls one at a time",
    },
    noted: {
      providers:
        'not a test option promptfoo reads (its graders come from `provider:`; promptfoo hands `providers:` to the model unread and grades with its default graders, as promptgate does): to choose graders write `provider:`, a map such as {text: …, embedding: …} works',
      timeout:
        'not a test option promptfoo reads (promptfoo hands unknown options to the provider, whose config has no such key); the per-call timeout is evaluateOptions.timeoutMs',
      delay:
        "promptfoo's delay between calls is not used; promptgate paces calls with evaluateOptions.maxConcurrency and retries on 429s",
      showOutput: "promptfoo's showOutput is a display option; promptgate's report shows failing outputs",
      includeMetrics: "promptfoo's includeMetrics is a display option, not used by promptgate",
    },
  },
  assertion: {
    what: 'an assertion',
    supported: [
      'type',
      'value',
      'threshold',
      'weight',
      'metric',
      'transform',
      'provider',
      'config',
      'rubricPrompt',
      'contextTransform',
    ],
    refused: {},
    noted: {
      reason:
        "an assertion's `reason` is not a promptfoo key (promptfoo drops it unread); promptgate reports its own reason for each verdict",
    },
  },
  assertionSet: {
    what: 'an assert-set',
    supported: ['type', 'assert', 'threshold', 'weight', 'metric'],
    refused: Object.fromEntries(
      ['value', 'transform', 'provider', 'config', 'rubricPrompt', 'contextTransform'].map((key) => [
        key,
        NOT_ON_A_SET(key),
      ]),
    ),
    noted: {
      reason:
        "an assert-set's `reason` is not a promptfoo key (promptfoo drops it unread); promptgate reports its own reason for each verdict",
    },
  },
  provider: {
    what: 'a provider',
    supported: ['id', 'label', 'config', 'prompts', 'transform'],
    noted: {
      delay:
        "promptfoo's per-provider delay changes when calls are made, not what they answer; promptgate paces calls with evaluateOptions.maxConcurrency and retries 429s with backoff",
    },
    refused: {
      env: "a provider's own env block is not supported; set the variables in the workflow step's env",
      inputs: "promptfoo's provider inputs (redteam target schema) are not used by an eval",
    },
  },
  prompt: {
    what: 'a prompt',
    supported: ['id', 'label', 'raw', 'config'],
    refused: {
      function: 'prompt functions are not supported; write the prompt as a template',
    },
    noted: {},
  },
  evaluateOptions: {
    what: 'evaluateOptions',
    supported: ['maxConcurrency', 'repeat', 'timeoutMs', 'maxRetries'],
    refused: {},
    noted: {
      delay:
        "promptfoo's delay between calls changes when calls are made, not what they answer; promptgate paces calls with maxConcurrency and retries 429s with backoff",
      showProgressBar: 'a display option; promptgate prints progress lines on its own',
      cache: 'promptgate caches outputs unless run with --no-cache',
      generateSuggestions: "promptfoo's prompt suggestions are not used by promptgate",
      interactiveProviders: 'promptgate runs without a terminal prompt',
    },
  },
};

/**
 * Checks the keys of one map written at `at`. Throws a located error for an unknown or refused key;
 * returns a located warning for each noted one.
 */
export function checkKeys(value: object, level: KeyLevel, locator: Locator, at: KeyPath): string[] {
  const keys = LEVELS[level];
  const warnings: string[] = [];
  for (const key of Object.keys(value)) {
    if (keys.supported.includes(key)) continue;
    const refused = keys.refused[key];
    if (refused !== undefined) throw locatedError(locator, [...at, key], `not supported: ${refused}`);
    const noted = keys.noted[key];
    if (noted !== undefined) {
      warnings.push(locatedError(locator, [...at, key], `not used: ${noted}`).message);
      continue;
    }
    throw locatedError(
      locator,
      [...at, key],
      `unknown key in ${keys.what}${suggestion(key, keys)}; expected one of ${keys.supported.join(', ')}`,
    );
  }
  return warnings;
}

/** ` (did you mean "assert"?)` for a key one or two edits (or a case change) away from a known one. */
function suggestion(key: string, keys: LevelKeys): string {
  const known = [...keys.supported, ...Object.keys(keys.refused), ...Object.keys(keys.noted)];
  const nearest = closest(key, known);
  const near = distance(key.toLowerCase(), nearest.toLowerCase()) <= Math.min(2, Math.max(1, key.length - 2));
  return near ? ` (did you mean "${nearest}"?)` : '';
}

/** The tables behind the README's Config section and the tests. */
export function keyTable(level: KeyLevel): LevelKeys {
  return LEVELS[level];
}
