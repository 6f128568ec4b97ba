// `promptgate init`: a user's first minute. Finds the prompt files, writes a starter suite whose first
// `promptgate eval` is green, and a pull-request workflow with the least permissions. Asks nothing, so it
// works in CI and in scripts; never overwrites a file unless forced.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { detectPromptFiles, MAX_DETECTED_PROMPTS, PROMPT_PATTERNS } from './detect.js';
import { renderWithPlaceholders } from './render-check.js';
import {
  ANSWERED,
  TEMPLATE_MARKUP,
  EXAMPLE_PROMPT,
  RENDERED_CLEANLY,
  renderStarterConfig,
  type StarterPrompt,
} from './starter-config.js';
import { mergeVariables, placeholderVars, templateVariables, type VariableShape } from './template-variables.js';
import { secretsForSuite } from './provider-keys.js';
import { renderWorkflow, workflowPaths } from './workflow.js';
import { writeNewFile } from './write-new.js';

export interface InitOptions {
  /** The project folder: where the config goes and prompts are looked for. */
  cwd: string;
  /** Overwrite files that exist. */
  force: boolean;
  log: (line: string) => void;
}

export interface InitResult {
  /** Files written, relative to `cwd`, `/`-separated. */
  written: string[];
  /** Files left as they were, relative to `cwd`. */
  skipped: string[];
}

export const CONFIG_FILE = 'promptgate.yaml';
const PROMPTFOO_CONFIG_FILE = 'promptfooconfig.yaml';
export const WORKFLOW_FILE = '.github/workflows/prompt-review.yml';

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { cwd, force, log } = options;
  const result: InitResult = { written: [], skipped: [] };
  const repoRoot = (await findRepoRoot(cwd)) ?? cwd;
  const workingDirectory = toPosix(path.relative(repoRoot, cwd)) || '.';

  const detected = await detectPromptFiles(cwd);
  const prompts = await readStarterPrompts(cwd, detected.files, log);
  reportDetection(prompts, detected.total, log);
  const sharedVars = placeholderVars(mergeVariables(prompts.map((prompt) => prompt.variables)));

  // promptgate runs a promptfoo config as it is; a new promptgate.yaml beside it would shadow it.
  const existingPromptfoo =
    !(await exists(path.join(cwd, CONFIG_FILE))) && (await exists(path.join(cwd, PROMPTFOO_CONFIG_FILE)));
  const configFile = existingPromptfoo ? PROMPTFOO_CONFIG_FILE : CONFIG_FILE;
  if (existingPromptfoo) {
    log(`Found ${PROMPTFOO_CONFIG_FILE}: promptgate runs it as it is, so no ${CONFIG_FILE} was written.`);
  } else {
    const starters = prompts.map((prompt) => starterPrompt(prompt, sharedVars, log));
    const assertion = starters.every((starter) => starter.rendersCleanly) ? RENDERED_CLEANLY : ANSWERED;
    // Every test runs against every prompt: with several prompts, defaults give each of them all its variables.
    await write(CONFIG_FILE, renderStarterConfig(starters, assertion, prompts.length > 1 ? sharedVars : undefined));
  }

  const inRepo = (file: string) => (workingDirectory === '.' ? file : `${workingDirectory}/${file}`);
  // With no prompt found yet, watch the conventional folder, where the user is told to put them.
  const paths =
    prompts.length > 0
      ? workflowPaths(
          prompts.map((prompt) => inRepo(prompt.file)),
          inRepo(configFile),
        )
      : [inRepo('prompts/**'), inRepo(configFile)];
  // An existing suite may call real models: the workflow passes the keys its providers read.
  const secrets = existingPromptfoo ? await secretsForSuite(path.join(cwd, configFile)) : [];
  if (secrets.length > 0) log(`The suite's providers read ${secrets.join(', ')}: add them as repository secrets.`);
  await write(
    toPosix(path.relative(cwd, path.join(repoRoot, WORKFLOW_FILE))),
    renderWorkflow({ config: configFile, workingDirectory, paths, secrets }),
  );

  if (result.written.length > 0) log(`Next: run \`promptgate eval\`, then commit ${result.written.join(' and ')}.`);
  return result;

  async function write(relative: string, content: string): Promise<void> {
    const outcome = await writeNewFile(path.join(cwd, relative), content, force);
    if (outcome === 'written') {
      result.written.push(relative);
      log(`Wrote ${relative}`);
    } else {
      result.skipped.push(relative);
      log(`Skipped ${relative}: it exists (pass --force to overwrite it)`);
    }
  }
}

interface DetectedPrompt {
  file: string;
  text: string;
  variables: Map<string, VariableShape>;
}

/**
 * The test for one prompt: its own variables, valued as every prompt needs them (`sharedVars`), and
 * whether it renders with them leaving no template markup behind, which decides the assertion.
 */
function starterPrompt(
  prompt: DetectedPrompt,
  sharedVars: Record<string, unknown>,
  log: (line: string) => void,
): StarterPrompt & { rendersCleanly: boolean } {
  const vars = Object.fromEntries([...prompt.variables.keys()].map((name) => [name, sharedVars[name]]));
  const rendered = renderWithPlaceholders(prompt.text, sharedVars);
  if (!rendered.ok) log(`Warning: ${prompt.file} does not render as a nunjucks template: ${rendered.error}`);
  return { file: prompt.file, vars, rendersCleanly: rendered.ok && !TEMPLATE_MARKUP.test(rendered.output) };
}

/** Reads each detected file for its variables; drops JSON that does not parse, which the loader would reject. */
async function readStarterPrompts(
  cwd: string,
  files: string[],
  log: (line: string) => void,
): Promise<DetectedPrompt[]> {
  const prompts: DetectedPrompt[] = [];
  for (const file of files) {
    const text = await readFile(path.join(cwd, file), 'utf8');
    if (file.toLowerCase().endsWith('.json') && !parsesAsJson(text)) {
      log(`Left out ${file}: it is not valid JSON (a .json prompt is a list of chat messages)`);
      continue;
    }
    prompts.push({ file, text, variables: templateVariables(text) });
  }
  return prompts;
}

function reportDetection(prompts: DetectedPrompt[], total: number, log: (line: string) => void): void {
  if (prompts.length === 0) {
    log(`No prompt files found (looked for ${PROMPT_PATTERNS.join(', ')}).`);
    log(
      `The starter config has an example inline prompt instead: "${EXAMPLE_PROMPT}". Replace it with file://<your prompt>.`,
    );
    return;
  }
  log(`Found ${prompts.length} prompt file${prompts.length === 1 ? '' : 's'}:`);
  for (const prompt of prompts) log(`  ${prompt.file}`);
  if (total > MAX_DETECTED_PROMPTS) {
    log(
      `...and ${total - MAX_DETECTED_PROMPTS} more, left out to keep the starter config readable; add them as file:// entries or a glob such as file://prompts/**/*.txt.`,
    );
  }
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree). */
async function findRepoRoot(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (await exists(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
