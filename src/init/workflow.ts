// The `.github/workflows/prompt-review.yml` that `promptgate init` writes: the action on pull requests that
// touch a prompt or the config, with the least permissions it needs.
import path from 'node:path';
import { stringify } from 'yaml';

export interface WorkflowOptions {
  /** The config, relative to `workingDirectory`. */
  config: string;
  /** Where the config lives, relative to the repository root; `.` for the root. */
  workingDirectory: string;
  /** `on.pull_request.paths`: globs relative to the repository root. */
  paths: string[];
  /** Repository secrets the suite's providers read; passed to the step as env variables of the same name. */
  secrets?: string[];
}

/**
 * The `paths:` filter: the folder of every prompt (`prompts/**`), a prompt at the root by its own name, and
 * the config. A folder inside another listed folder is left out, as the outer glob already covers it.
 * All arguments are `/`-separated and relative to the repository root.
 */
export function workflowPaths(promptFiles: string[], configFile: string): string[] {
  const folders = new Set<string>();
  const files = new Set<string>();
  for (const file of promptFiles) {
    const folder = path.posix.dirname(file);
    if (folder === '.') files.add(file);
    else folders.add(folder);
  }
  const outermost = [...folders].filter(
    (folder) => ![...folders].some((other) => other !== folder && folder.startsWith(`${other}/`)),
  );
  return [...outermost.sort().map((folder) => `${folder}/**`), ...[...files].sort(), configFile];
}

export function renderWorkflow(options: WorkflowOptions): string {
  const inputs = [`          config: ${quoted(options.config)}`];
  if (options.workingDirectory !== '.') inputs.push(`          working-directory: ${quoted(options.workingDirectory)}`);
  return (
    [
      '# Written by `promptgate init`. On every pull request that touches a prompt or the suite, promptgate runs',
      '# the suite on the base and on the head, compares them case by case, and posts one comment with the verdict.',
      'name: prompt review',
      'on:',
      '  pull_request:',
      '    paths:',
      ...options.paths.map((glob) => `      - ${quoted(glob)}`),
      'permissions:',
      '  contents: read # read the repository and the base revision',
      '  pull-requests: write # write the one sticky comment',
      'concurrency:',
      '  # A newer push supersedes the run on the older head.',
      '  group: prompt-review-${{ github.event.pull_request.number }}',
      '  cancel-in-progress: true',
      'jobs:',
      '  promptgate:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-depth: 0 # base and head must both be in the clone',
      '      - uses: promptgate/promptgate@v1',
      '        with:',
      ...inputs,
      '          fail-on: regression # or `gate` to also block when the gate says fix the prompt first',
      ...secretLines(options.secrets ?? []),
    ].join('\n') + '\n'
  );
}

/** The step's env: the suite's provider keys from repository secrets, or a commented example when it needs none. */
function secretLines(secrets: string[]): string[] {
  if (secrets.length === 0) {
    return [
      '        # When the suite calls a real model, give the step its key:',
      '        # env:',
      '        #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
    ];
  }
  return [
    "        # The suite's providers read these keys: add them under Settings → Secrets and variables → Actions.",
    '        env:',
    ...secrets.map((name) => `          ${name}: \${{ secrets.${name} }}`),
  ];
}

/** A glob or path as a single-quoted YAML scalar (a leading `*` would otherwise be an alias). */
function quoted(value: string): string {
  return stringify(value, { defaultStringType: 'QUOTE_SINGLE', lineWidth: 0 }).trimEnd();
}
