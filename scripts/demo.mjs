#!/usr/bin/env node
// `npm run demo`: promptgate's main job, offline, no API key, no dependencies beyond the committed dist/.
//
//   1. The prompt checks (examples/prompt-checks.yaml, `echo` provider): what each rendered prompt says.
//   2. A pull-request review: examples/ is copied into a temporary git repository and committed, the ticket
//      classifier is replaced by a version that drops its urgency rule (examples/changes/classify-regressed.txt),
//      and `promptgate compare --base HEAD` prints the comment the GitHub Action would post on that change.
//      The suites run against the simulated model in examples/model/, which follows only what a prompt asks.
//
// `--comment-to FILE` also writes the comment's markdown to FILE (`npm run screenshot` renders it to docs/comment.png).
// Exits non-zero when a step fails. The temporary repository is removed afterwards; no git config is written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLES = path.join(ROOT, 'examples');
const REGRESSED_CLASSIFIER = path.join(EXAMPLES, 'changes', 'classify-regressed.txt');

// Git sees neither the machine's nor the user's config (no signing hooks, no templates), and writes none.
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull };
const GIT_IDENTITY = ['-c', 'user.name=promptgate demo', '-c', 'user.email=demo@promptgate.invalid'];

class StepFailed extends Error {}

function heading(title) {
  const rule = '='.repeat(Math.max(60, title.length + 4));
  process.stdout.write(`\n${rule}\n  ${title}\n${rule}\n\n`);
}

/** Run a command with its output shown as it comes; a non-zero exit stops the demo. */
function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new StepFailed(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new StepFailed(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function git(cwd, ...args) {
  const result = spawnSync('git', [...GIT_IDENTITY, '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
  });
  if (result.error) throw new StepFailed(`git ${args[0]}: ${result.error.message} (is git installed?)`);
  if (result.status !== 0) throw new StepFailed(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function promptChecks() {
  heading('1. Prompt checks — examples/prompt-checks.yaml (echo provider: what each prompt says)');
  run(process.execPath, [CLI, 'eval', '-c', 'examples/prompt-checks.yaml', '--no-cache'], { cwd: ROOT });
}

function reviewRegressedClassifier() {
  heading('2. Pull-request review — the classifier prompt loses its urgency rule');
  const repo = mkdtempSync(path.join(os.tmpdir(), 'promptgate-demo-'));
  try {
    // The project as it is on the main branch: examples/ without the proposed change.
    cpSync(EXAMPLES, repo, {
      recursive: true,
      filter: (src) => !['changes', '.promptgate', 'node_modules'].includes(path.basename(src)),
    });
    git(repo, '-c', 'init.defaultBranch=main', 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Acme support assistant: prompts and suites');

    // The pull request: a "tidier" classifier prompt, left uncommitted in the working tree.
    writeFileSync(path.join(repo, 'prompts', 'classify.txt'), readFileSync(REGRESSED_CLASSIFIER, 'utf8'));
    process.stdout.write(`Changed in ${repo}:\n${git(repo, 'status', '--short')}\n`);
    process.stdout.write('$ promptgate compare --base HEAD   (the comment the action would post)\n\n');
    const commentTo = process.argv.indexOf('--comment-to');
    if (commentTo === -1) {
      run(process.execPath, [CLI, 'compare', '--base', 'HEAD', '--no-cache'], { cwd: repo, env: GIT_ENV });
    } else {
      const result = spawnSync(process.execPath, [CLI, 'compare', '--base', 'HEAD', '--no-cache'], {
        cwd: repo,
        env: GIT_ENV,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (result.status !== 0) throw new StepFailed(`promptgate compare exited with ${result.status}`);
      process.stdout.write(result.stdout);
      const file = path.resolve(process.argv[commentTo + 1] ?? 'demo-comment.md');
      writeFileSync(file, result.stdout);
      process.stdout.write(`\n(comment written to ${file})\n`);
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

try {
  if (!existsSync(CLI)) throw new StepFailed(`${CLI} is missing: run \`npm run bundle\` (dist/ is committed)`);
  promptChecks();
  reviewRegressedClassifier();
  heading('Done: the echo suite checked the prompts; the review flagged the regression before merge.');
} catch (err) {
  process.stderr.write(`\ndemo failed: ${err instanceof StepFailed ? err.message : (err?.stack ?? err)}\n`);
  process.exitCode = 1;
}
