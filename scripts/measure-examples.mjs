#!/usr/bin/env node
// How many of promptfoo's own example suites promptgate loads and runs unchanged.
//
//   node scripts/measure-examples.mjs --git-dir DIR [--cli dist/cli.js] [--only SUBSTRING] [--jobs 2]
//                                     [--json results.json] [--reasons 25]
//
// DIR is a clone (or bare mirror) of promptfoo's repository, e.g. the fork fenghaitao/promptfoo. Its
// examples/ folder is extracted into a temporary directory (nothing of promptfoo's is written into this
// repository), every promptfooconfig*.yaml in it has each provider — the suite's providers and every grading
// provider named in it — swapped for a loopback OpenAI-compatible fake (scripts/fake-model-server.mjs), so
// that only the config, prompts, tests and assertions are judged, and `promptgate eval` runs it. A Hugging
// Face classifier grader, and an OpenAI or Replicate moderation grader, keeps its id and is pointed at the
// same fake, which answers its wire format.
//
// A config "loads and runs" when eval writes its results (at least one case). Printed: the counts, how many
// of those had no errored case, and the most common reasons for the rest (first line of the message, with
// paths and quoted names folded so that one cause counts once).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const gitDir = option('git-dir');
if (!gitDir) {
  console.error('usage: node scripts/measure-examples.mjs --git-dir <promptfoo clone or mirror> [--cli dist/cli.js]');
  process.exit(2);
}
const cli = path.resolve(option('cli', path.join(ROOT, 'dist/cli.js')));
const only = option('only');
const jobs = Number(option('jobs', '2'));
const jsonOut = option('json');
const reasonsShown = Number(option('reasons', '25'));

const work = mkdtempSync(path.join(os.tmpdir(), 'promptgate-examples-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
execFileSync('sh', ['-c', `git --git-dir="${gitDir}" archive HEAD examples | tar -x -C "${work}"`]);

function findConfigs(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findConfigs(abs));
    else if (/^promptfooconfig[^/]*\.ya?ml$/.test(entry.name)) found.push(abs);
  }
  return found.sort();
}

// ---- the fake model, on loopback ----
const fake = spawn(process.execPath, [path.join(ROOT, 'scripts/fake-model-server.mjs'), '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const baseUrl = await new Promise((resolve, reject) => {
  let seen = '';
  fake.stdout.on('data', (chunk) => {
    seen += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(seen);
    if (match) resolve(`${match[1]}/v1`);
  });
  fake.on('exit', (code) => reject(new Error(`fake model server exited (${code})`)));
});
process.on('exit', () => fake.kill());

// ---- provider swap ----
const FAKE_ID = 'openai:chat:fake-model';

/** A Hugging Face classifier grader keeps its id and config, pointed at the fake's classification route. */
const HF_CLASSIFIER = /^huggingface:(text|token)-classification:(.+)$/;
const fakeClassifier = (doc, id, rest) =>
  doc.createNode({
    ...rest,
    id,
    config: {
      ...rest.config,
      apiEndpoint: `${baseUrl.replace(/\/v1$/, '')}/hf-inference/models/${HF_CLASSIFIER.exec(id)[2]}`,
    },
  });

/** A moderation grader keeps its id and config, pointed at the fake (OpenAI's base has /v1, Replicate's not). */
const MODERATOR = /^(openai|replicate):moderation(:|$)/;
const fakeModerator = (doc, id, rest) =>
  doc.createNode({
    ...rest,
    id,
    config: { ...rest.config, apiBaseUrl: id.startsWith('openai:') ? baseUrl : baseUrl.replace(/\/v1$/, '') },
  });

/**
 * One provider node (string, {id,...} or the {id: options} map form) → the fake, keeping its other keys. A
 * classifier or moderation grader stays one (the fake answers their wire formats).
 */
function fakeProvider(doc, node) {
  const original = isScalar(node) ? String(node.value) : undefined;
  if (original !== undefined && HF_CLASSIFIER.test(original)) return fakeClassifier(doc, original, {});
  if (original !== undefined && MODERATOR.test(original)) return fakeModerator(doc, original, {});
  if (original !== undefined) return doc.createNode({ id: FAKE_ID, label: original, config: { apiBaseUrl: baseUrl } });
  if (!isMap(node)) return node;
  const js = node.toJSON();
  let id = js.id;
  let rest = js;
  if (id === undefined && Object.keys(js).length === 1) {
    id = Object.keys(js)[0];
    rest = js[id] ?? {};
  }
  if (typeof id === 'string' && HF_CLASSIFIER.test(id)) return fakeClassifier(doc, id, rest);
  if (typeof id === 'string' && MODERATOR.test(id)) return fakeModerator(doc, id, rest);
  return doc.createNode({
    ...rest,
    id: FAKE_ID,
    label: rest.label ?? String(id),
    config: { apiBaseUrl: baseUrl },
  });
}

function swapList(doc, parent, key) {
  const node = parent.get(key, true);
  if (node === undefined || node === null) return;
  if (isSeq(node)) node.items = node.items.map((item) => fakeProvider(doc, item));
  else parent.set(key, isScalar(node) ? doc.createNode([fakeProvider(doc, node)]) : fakeProvider(doc, node));
}

/** Grading providers: `provider:` under any test's options or assertion, anywhere in the document. */
function swapGraders(doc, node) {
  if (isSeq(node)) for (const item of node.items) swapGraders(doc, item);
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === 'provider' && pair.value !== null) pair.value = fakeProvider(doc, pair.value);
    else if (key === 'redteam') continue;
    else swapGraders(doc, pair.value);
  }
}

function swapProviders(file) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0 || !isMap(doc.contents)) return;
  swapList(doc, doc.contents, 'providers');
  swapList(doc, doc.contents, 'targets');
  for (const key of ['defaultTest', 'tests', 'scenarios']) swapGraders(doc, doc.contents.get(key, true));
  writeFileSync(file, doc.toString());
}

// ---- run ----
function runEval(config) {
  const out = path.join(path.dirname(config), `.promptgate-measure-${path.basename(config)}.json`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'eval', '-c', config, '-o', out, '--no-cache'], {
      cwd: path.dirname(config),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OPENAI_API_KEY: 'sk-fake',
        REPLICATE_API_TOKEN: 'r8-fake',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      let results;
      if (existsSync(out) && statSync(out).size > 0) {
        try {
          results = JSON.parse(readFileSync(out, 'utf8'));
        } catch {
          results = undefined;
        }
      }
      resolve({ code, signal, stderr, results });
    });
  });
}

/** A message's cause, with the example-specific parts (paths, quoted names, numbers) folded away. */
function reasonOf(text) {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return (line ?? '(no message)')
    .replace(/^promptgate: (config error: )?/, '')
    .replace(/\S*\.(ya?ml|json|csv|txt|md|js|mjs|ts|py|jsonl|j2|xlsx)(:\d+)*(:\S*)?/g, 'FILE')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/`[^`]*`/g, '`…`')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 160);
}

const configs = findConfigs(path.join(work, 'examples')).filter((c) => !only || c.includes(only));
for (const config of configs) swapProviders(config);

const outcomes = new Array(configs.length);
let next = 0;
async function worker() {
  while (next < configs.length) {
    const i = next++;
    const config = configs[i];
    const run = await runEval(config);
    const results = run.results?.results ?? [];
    const errored = results.filter((r) => r.error !== undefined);
    outcomes[i] = {
      config: path.relative(work, config),
      ran: results.length > 0,
      cases: results.length,
      errors: errored.length,
      exit: run.signal ?? run.code,
      reason: results.length > 0 ? (errored[0] ? reasonOf(errored[0].error) : undefined) : reasonOf(run.stderr),
    };
  }
}
await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));

const ran = outcomes.filter((o) => o.ran);
const clean = ran.filter((o) => o.errors === 0);
const pct = (n) => `${((100 * n) / Math.max(1, outcomes.length)).toFixed(1)}%`;
const count = (list) => {
  const byReason = new Map();
  for (const o of list) byReason.set(o.reason, (byReason.get(o.reason) ?? 0) + 1);
  return [...byReason].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
};

console.log(`promptfoo example configs: ${outcomes.length}`);
console.log(`load and run:              ${ran.length} (${pct(ran.length)})`);
console.log(`  ... with no errored case: ${clean.length} (${pct(clean.length)})`);
console.log(`refused or failed to load: ${outcomes.length - ran.length}`);
console.log(`\nwhy a config did not run (top ${reasonsShown}):`);
for (const [reason, n] of count(outcomes.filter((o) => !o.ran)).slice(0, reasonsShown))
  console.log(`  ${String(n).padStart(3)}  ${reason}`);
console.log(`\nfirst case error where a config ran with errors (top ${reasonsShown}):`);
for (const [reason, n] of count(ran.filter((o) => o.errors > 0)).slice(0, reasonsShown))
  console.log(`  ${String(n).padStart(3)}  ${reason}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(outcomes, null, 2) + '\n');
process.exit(0);
