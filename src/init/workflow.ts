// The `.github/workflows/prompt-review.yml` that `promptgate init` writes: the action on every pull request,
// with the least permissions it needs, one run per pull request at a time, and the keys the suite's providers
// read. There is no `paths:` filter on purpose: a job that does not run cannot update the comment after a
// revert, and a required check whose job never starts waits forever. The action itself decides, cheaply and
// without any model call, when nothing a suite reads changed.
import path from 'node:path';
import { stringify } from 'yaml';

export interface WorkflowOptions {
  /** The config, relative to `workingDirectory`. */
  config: string;
  /** Where the config lives, relative to the repository root; `.` for the root. */
  workingDirectory: string;
  /** The `prompts` input: globs (relative to `workingDirectory`) whose new or changed files are reported. */
  prompts: string[];
  /** Env vars the suite's providers read their keys from, passed from secrets of the same name. */
  keys: string[];
}

/**
 * Globs for the prompt files found: the folder of every prompt (`prompts/**`), a prompt at the root by its own
 * name. A folder inside another listed folder is left out, as the outer glob already covers it. `/`-separated.
 */
export function promptGlobs(promptFiles: string[]): string[] {
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
  return [...outermost.sort().map((folder) => `${folder}/**`), ...[...files].sort()];
}

export function renderWorkflow(options: WorkflowOptions): string {
  const inputs = [`          config: ${quoted(options.config)}`];
  if (options.workingDirectory !== '.') inputs.push(`          working-directory: ${quoted(options.workingDirectory)}`);
  if (options.prompts.length === 1) {
    inputs.push(`          prompts: ${quoted(options.prompts[0])} # a new prompt file no suite reads is reported`);
  } else if (options.prompts.length > 1) {
    inputs.push(
      '          # A new prompt file that no suite reads yet is reported, not skipped green:',
      '          prompts: |',
      ...options.prompts.map((glob) => `            ${glob}`),
    );
  }
  const env =
    options.keys.length > 0
      ? ['        env:', ...options.keys.map((key) => `          ${key}: \${{ secrets.${key} }}`)]
      : [
          '        # When the suite calls a real model, give the step its key:',
          '        # env:',
          '        #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
        ];
  return (
    [
      '# Written by `promptgate init`. On every pull request promptgate finds what the change touches (prompts,',
      '# tests, vars, scripts, the config); when a suite is affected it runs it on the base and on the head,',
      '# compares them case by case and posts one comment with the verdict. No `paths:` filter: the check then',
      '# reports on every pull request (so it can be required), and a revert updates the comment.',
      'name: prompt review',
      'on:',
      '  pull_request:',
      'permissions:',
      '  contents: read # read the repository and the base revision',
      '  pull-requests: write # write the one sticky comment',
      'concurrency:',
      '  # One review per pull request: a newer push cancels the run on the older head.',
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
      ...env,
    ].join('\n') + '\n'
  );
}

/** A glob or path as a single-quoted YAML scalar (a leading `*` would otherwise be an alias). */
function quoted(value: string): string {
  return stringify(value, { defaultStringType: 'QUOTE_SINGLE', lineWidth: 0 }).trimEnd();
}
