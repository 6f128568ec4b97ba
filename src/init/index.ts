// `promptgate init`: a user's first minute. Finds the prompt files, writes a starter suite whose first
// `promptgate eval` is green, and a pull-request workflow with the least permissions. Asks nothing, so it
// works in CI and in scripts; never overwrites a file unless forced.
import { access, appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSuite } from '../config/load.js';
import { messageOf } from '../errors.js';
import { posixRelative } from '../paths.js';
import { suiteSecrets } from '../providers/index.js';
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
import { promptGlobs, renderWorkflow } from './workflow.js';
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
  /** What became of `.gitignore`: the output cache (.promptgate/) must never be committed. */
  gitignore: 'created' | 'updated' | 'already';
}

export const CONFIG_FILE = 'promptgate.yaml';
const PROMPTFOO_CONFIG_FILE = 'promptfooconfig.yaml';
export const WORKFLOW_FILE = '.github/workflows/prompt-review.yml';

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { cwd, force, log } = options;
  const result: InitResult = { written: [], skipped: [], gitignore: 'already' };
  const repoRoot = (await findRepoRoot(cwd)) ?? cwd;
  const workingDirectory = posixRelative(repoRoot, cwd) || '.';

  const detected = await detectPromptFiles(cwd);
  const found = await readStarterPrompts(cwd, detected.files, log);
  reportDetection(found, detected.total, log);
  const sharedVars = placeholderVars(mergeVariables(found.map((prompt) => prompt.variables)));

  // promptgate runs a promptfoo config as it is; a new promptgate.yaml beside it would shadow it.
  const existingPromptfoo =
    !(await exists(path.join(cwd, CONFIG_FILE))) && (await exists(path.join(cwd, PROMPTFOO_CONFIG_FILE)));
  const configFile = existingPromptfoo ? PROMPTFOO_CONFIG_FILE : CONFIG_FILE;
  if (existingPromptfoo) {
    log(`Found ${PROMPTFOO_CONFIG_FILE}: promptgate runs it as it is, so no ${CONFIG_FILE} was written.`);
  } else {
    const starters = found.map((prompt) => starterPrompt(prompt, sharedVars, log));
    const assertion = starters.every((starter) => starter.rendersCleanly) ? RENDERED_CLEANLY : ANSWERED;
    // Every test runs against every prompt: with several prompts, defaults give each of them all its variables.
    await write(CONFIG_FILE, renderStarterConfig(starters, assertion, found.length > 1 ? sharedVars : undefined));
  }

  // With no prompt found yet, watch the conventional folder, where the user is told to put them.
  const globs = found.length > 0 ? promptGlobs(found.map((prompt) => prompt.file)) : ['prompts/**'];
  await write(
    posixRelative(cwd, path.join(repoRoot, WORKFLOW_FILE)),
    renderWorkflow({
      config: configFile,
      workingDirectory,
      prompts: globs,
      keys: await providerKeys(path.join(cwd, configFile), log),
    }),
  );
  result.gitignore = await ignoreOutputCache(cwd);
  if (result.gitignore !== 'already') {
    log(
      `${result.gitignore === 'created' ? 'Wrote' : 'Added .promptgate/ to'} .gitignore: the output cache must not be committed`,
    );
  }

  const toCommit = [...result.written, ...(result.gitignore === 'already' ? [] : ['.gitignore'])];
  if (result.written.length > 0) log(`Next: run \`promptgate eval\`, then commit ${toCommit.join(', ')}.`);
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

/**
 * The env vars the suite's providers read their keys from (what the workflow must pass from secrets). A
 * config that does not load yet gives none, and says so: the workflow's commented example stands instead.
 */
async function providerKeys(configPath: string, log: (line: string) => void): Promise<string[]> {
  try {
    const suite = await loadSuite(configPath);
    const keys = suiteSecrets(suite.providers).sort();
    if (keys.length > 0) log(`The suite's providers read ${keys.join(', ')}: add them as repository secrets.`);
    return keys;
  } catch (err) {
    log(
      `Could not read the providers of ${path.basename(configPath)} (${messageOf(err)}): add their keys to the workflow's env by hand.`,
    );
    return [];
  }
}

/** `.promptgate/` in the project's .gitignore: a committed cache would answer every case with 0 calls. */
async function ignoreOutputCache(cwd: string): Promise<InitResult['gitignore']> {
  const file = path.join(cwd, '.gitignore');
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    await writeFile(file, '# promptgate: the output cache, local to each machine and CI run\n.promptgate/\n');
    return 'created';
  }
  if (/^\/?\.promptgate(\/(\*\*?)?)?\s*$/m.test(text)) return 'already';
  await appendFile(file, `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}.promptgate/\n`);
  return 'updated';
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
