// The starter `promptgate.yaml` that `promptgate init` writes: one entry per detected prompt, the offline
// `echo` provider, and one test per prompt filling its variables with placeholders. Written as text, not
// through a YAML serializer alone, because the comments are half of its value to a first-time reader.
import { stringify } from 'yaml';

/** Where editors fetch the schema for completion and checks in a user's repository. */
export const PUBLISHED_SCHEMA_URL = 'https://raw.githubusercontent.com/promptgate/promptgate/v1/promptgate.schema.json';

export interface StarterPrompt {
  /** Path relative to the config's folder, `/`-separated. */
  file: string;
  /** Placeholder values for the template's variables. */
  vars: Record<string, unknown>;
}

/** An assertion as written in the config. */
export interface StarterAssertion {
  type: string;
  value: unknown;
}

/**
 * With `echo` the output is the rendered prompt, so "no `{{` or `{%` left" checks that every variable was
 * filled in and that the template renders; it holds for a real model's answer too until the user writes
 * better. Written as a regex of character classes because an assertion's value is itself a template: a
 * literal `{{` there would not parse.
 */
export const TEMPLATE_MARKUP = /\{\{|\{%/;
export const RENDERED_CLEANLY: StarterAssertion = { type: 'not-regex', value: '[{][{]|[{][%]' };
/** For templates that print `{{` or `{%` themselves (raw blocks), where the check above cannot pass. */
export const ANSWERED: StarterAssertion = { type: 'javascript', value: "String(output).trim() !== ''" };

/** Used when no prompt file was found, so the first `promptgate eval` still has something to run. */
export const EXAMPLE_PROMPT = 'Summarize this support ticket in one sentence for the next agent: {{ ticket }}';
const EXAMPLE_VARS = { ticket: 'I was charged twice for order #4412 this month.' };

/**
 * @param sharedVars every prompt's variables together, written as `defaultTest.vars` when given: every test
 * runs against every prompt, and a prompt rendered without its variables can fail (`{{ tags | join }}`).
 */
export function renderStarterConfig(
  prompts: StarterPrompt[],
  assertion: StarterAssertion,
  sharedVars?: Record<string, unknown>,
): string {
  const header = [
    `# yaml-language-server: $schema=${PUBLISHED_SCHEMA_URL}`,
    "# promptgate suite, written by `promptgate init`. The format is promptfoo's; `gate:` is promptgate's own.",
    '# Run it locally with `promptgate eval`; on pull requests, .github/workflows/prompt-review.yml runs it on',
    '# the base and the head and comments with the difference.',
    '',
    'description: Prompt review suite',
  ];
  const promptLines =
    prompts.length > 0
      ? ['prompts:', ...prompts.map((prompt) => `  - ${yamlScalar(`file://${prompt.file}`)}`)]
      : [
          '# No prompt files were found, so here is an example inline prompt. Point at yours instead, e.g.',
          '#   - file://prompts/classify.txt',
          'prompts:',
          `  - ${yamlScalar(EXAMPLE_PROMPT)}`,
        ];
  const providerLines = [
    'providers:',
    '  # `echo` answers with the rendered prompt: free, offline, and enough to check that every variable',
    '  # reaches the prompt. When you are ready, swap in a real model (its key comes from the environment):',
    '  # - openai:chat:gpt-4o-mini          # OPENAI_API_KEY',
    '  # - id: openai:chat:gpt-4o',
    '  #   config: { temperature: 0 }',
    '  - echo',
  ];
  const tests =
    prompts.length > 0
      ? prompts.map((prompt) => ({
          description: `${prompt.file} renders with its variables`,
          vars: prompt.vars,
          assert: [assertion],
        }))
      : [{ description: 'example prompt renders with its variables', vars: EXAMPLE_VARS, assert: [assertion] }];
  const defaultTestLines = sharedVars
    ? [
        "# Every test runs against every prompt, so every prompt's variables need a value in every test:",
        "# these defaults give them one, and each test's own vars override them.",
        'defaultTest:',
        ...indent(stringify({ vars: sharedVars }, { lineWidth: 0, aliasDuplicateObjects: false })),
      ]
    : [];
  const testLines = [
    '# One test per prompt. Replace the placeholder values with real inputs, and the',
    '# assertion with what a good answer holds, e.g. `type: icontains` with `value: refund`.',
    assertion === RENDERED_CLEANLY
      ? '# The starter assertion checks that no `{{` or `{%` is left, i.e. every variable was filled in.'
      : '# The starter assertion checks that the answer is not empty.',
    ...(passesAListOfStrings(prompts)
      ? ['# A list of strings runs a test once per string; a list the prompt needs whole is nested: [[a, b]].']
      : []),
    'tests:',
    ...indent(stringify(tests, { lineWidth: 0, aliasDuplicateObjects: false })),
  ];
  const gateLines = [
    "# The gate on the head's pass rate: above `ship` it ships, below `fix` fix the prompt first.",
    'gate:',
    '  ship: 0.9',
    '  fix: 0.5',
  ];
  return (
    [...header, ...promptLines, ...providerLines, ...defaultTestLines, ...testLines, ...gateLines].join('\n') + '\n'
  );
}

function passesAListOfStrings(prompts: StarterPrompt[]): boolean {
  const nested = (value: unknown): boolean =>
    Array.isArray(value)
      ? Array.isArray(value[0]) || value.some(nested)
      : value !== null && typeof value === 'object' && Object.values(value).some(nested);
  return prompts.some((prompt) => nested(prompt.vars));
}

function indent(block: string): string[] {
  return block
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`);
}

/** One YAML scalar on one line: plain when it reads back the same, else quoted by the yaml package. */
function yamlScalar(value: string): string {
  const written = stringify(value, { lineWidth: 0 }).trimEnd();
  // A JSON string is a valid double-quoted YAML scalar, and stays on one line.
  return written.includes('\n') ? JSON.stringify(value) : written;
}
