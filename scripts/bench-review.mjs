#!/usr/bin/env node
// Benchmarks the bundled action (dist/index.js) on whole pull request reviews, run as GitHub runs it (INPUT_*
// variables, an event file, GITHUB_OUTPUT), against loopback fakes: the model (scripts/fake-model-server.mjs,
// fixed latency L, in a child process) and GitHub (__tests__/support/fake-github.ts, in this one). scripts/bench.mjs
// measures the eval engine alone.
//
//   (a) warm cache: main's run evaluated the base prompt; the pull request then makes no model call for its base.
//   (b) scale: one side of 10,000 cases with C calls in flight, against the ideal ceil(N/C)·L per side; peak RSS;
//       the same suite as 4 shards run one after the other, then a merge.
//   (c) overhead: every answer cached, so the run is pure action: time to the comment, and to exit.
//   (d) nothing affected: a pull request that touches no file a suite reads (the workflow has no `paths:`
//       filter, so this is every such PR), and a revert after a review, which updates the comment to say so.
//
//   node scripts/bench-review.mjs [--runs 3] [--cases 10000] [--concurrency 50] [--latency 50] [--keep]
//
// Timings are the median of --runs runs. It prints MISSED beside a missed target and still exits 0: it is a
// benchmark, not a test. It exits 1 only when something broke (an action run failed or a case errored).
import { spawn, execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { ROUTES, startFakeGitHub } from './test-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const actionEntry = path.join(root, 'dist', 'index.js');
const fakeModel = path.join(root, 'scripts', 'fake-model-server.mjs');
const GNU_TIME = '/usr/bin/time';
const run = promisify(execFile);

const BASE_PROMPT = 'Reply with exactly this word: {{ word }}\n';
const HEAD_PROMPT = 'Please reply with exactly this word: {{ word }}\n';
const HEAD_MARK = 'Please reply';

const TARGETS = {
  /** Per action run, on top of 1.05 × the ideal: start-up, git, config, comparison, report. */
  wallSlackFactor: 1.05,
  wallSlackSeconds: 1,
  rssMb: 200,
  mergeS: 2,
  commentS: 1,
};

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    cases: { type: 'string', default: '10000' },
    'warm-tests': { type: 'string', default: '200' },
    'overhead-tests': { type: 'string', default: '1000' },
    shards: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'usage: node scripts/bench-review.mjs [--runs 3] [--cases 10000] [--warm-tests 200] [--overhead-tests 1000]\n' +
      '                                     [--shards 4] [--concurrency 50] [--latency 50] [--keep]',
  );
  process.exit(0);
}
const runs = positiveInt(flags.runs, '--runs');
const scaleCases = positiveInt(flags.cases, '--cases');
const warmTests = positiveInt(flags['warm-tests'], '--warm-tests');
const overheadTests = positiveInt(flags['overhead-tests'], '--overhead-tests');
const shardCount = positiveInt(flags.shards, '--shards');
const concurrency = positiveInt(flags.concurrency, '--concurrency');
const latencyMs = positiveInt(flags.latency, '--latency');

for (const [file, how] of [
  [actionEntry, 'build it first: npm run bundle'],
  [fakeModel, 'it is part of the repository; is the checkout complete?'],
]) {
  if (!existsSync(file)) {
    console.error(`bench-review: ${path.relative(root, file)} is missing (${how}).`);
    process.exit(1);
  }
}

const work = await mkdtemp(path.join(os.tmpdir(), 'promptgate-bench-review-'));
const useGnuTime = existsSync(GNU_TIME);
let model;
let counter;
let github;
let broken = false;
try {
  model = await startFakeModel(latencyMs);
  counter = await startCountingProxy(model.url);
  github = await startFakeGitHub({ repository: 'octo/demo' });
  const [load1] = os.loadavg();
  console.log(
    `bench-review: ${runs} run(s); L = ${latencyMs} ms, C = ${concurrency}; ${os.cpus().length} CPUs, load ${load1.toFixed(2)}` +
      `; peak RSS from ${useGnuTime ? 'GNU time' : '/proc VmHWM'}\n`,
  );
  const measured = { warm: [], scale: [], overhead: [], unaffected: [] };
  for (let i = 0; i < runs; i++) {
    const dir = path.join(work, `run${i + 1}`);
    measured.warm.push(await benchWarmCache(dir, 100 * (i + 1)));
    measured.scale.push(await benchScale(dir, 100 * (i + 1) + 10));
    measured.overhead.push(await benchOverhead(dir, 100 * (i + 1) + 20));
    measured.unaffected.push(await benchUnaffected(dir, 100 * (i + 1) + 30));
    process.stderr.write(`bench-review: run ${i + 1}/${runs} done\n`);
  }
  printWarm(measured.warm);
  printScale(measured.scale);
  printOverhead(measured.overhead);
  printUnaffected(measured.unaffected);
  const unknown = github.requests.filter((r) => !r.route).map((r) => `${r.method} ${r.path}`);
  if (unknown.length > 0) {
    console.log(`\nnote: the action asked fake-github for routes it does not speak: ${[...new Set(unknown)]}`);
  }
} catch (error) {
  console.error(`bench-review: ${error instanceof Error ? error.message : String(error)}`);
  broken = true;
} finally {
  model?.child.kill();
  await counter?.close();
  await github?.close();
  if (flags.keep) console.log(`bench-review: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
process.exit(broken ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// (a) warm cache

async function benchWarmCache(dir, pr) {
  const s = await promptRepo(path.join(dir, 'warm'), warmTests);
  const viaCounter = { OPENAI_BASE_URL: `${counter.url}/v1` };
  // main's own run: the workspace checked out at main's commit, as actions/checkout would.
  await git(s.dir, 'checkout', '--quiet', s.base);
  const onMain = await runAction({
    workspace: s.dir,
    eventName: 'push',
    payload: { before: s.base, after: s.base, ref: 'refs/heads/main', repository: repositoryPayload() },
    inputs: { base: s.base, comment: 'always', 'fail-on': 'never' },
    env: { ...viaCounter, GITHUB_REF: 'refs/heads/main' },
    sha: s.base,
  });
  await git(s.dir, 'checkout', '--quiet', 'main');

  counter.reset();
  const run = await runAction(pullRequest(s, pr, { 'fail-on': 'never' }, viaCounter));
  const report = await readReport(run);
  const side = (name) => report.suites[0]?.[name]?.results ?? [];
  return {
    mainCalls: Number(onMain.outputs.calls),
    baseCases: side('base').length,
    baseCallsReport: side('base').filter((r) => !r.cached).length,
    baseCallsModel: counter.counts.base,
    headCallsReport: side('head').filter((r) => !r.cached).length,
    headCallsModel: counter.counts.head,
    wallS: run.wallS,
  };
}

function printWarm(rows) {
  const m = medians(rows);
  const n = `${warmTests} tests × 1 prompt`;
  printTable(`(a) warm cache: pull request after main's run evaluated its base (${n}, cache on)`, [
    row(
      'base-side model calls, from the report (results not cached)',
      rows,
      'baseCallsReport',
      '0',
      m.baseCallsReport === 0,
    ),
    row('base-side model calls, seen by the fake model', rows, 'baseCallsModel', '0', m.baseCallsModel === 0),
    row('base-side cases in the report', rows, 'baseCases', `${warmTests}`, m.baseCases === warmTests),
    row('head-side model calls (report / fake model)', rows, (r) => `${r.headCallsReport} / ${r.headCallsModel}`),
    row("main's run: model calls (fills the cache)", rows, 'mainCalls'),
    row('pull request run: wall s', rows, 'wallS', '', undefined, 2),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// (b) scale: one side of `scaleCases` cases, single run vs shards + merge

async function benchScale(dir, pr) {
  const s = await promptRepo(path.join(dir, 'scale'), scaleCases);
  const inputs = { cache: 'false', 'fail-on': 'never' };
  const single = await runAction(pullRequest(s, pr, inputs));
  const singleReport = await readReport(single);

  const shardDir = path.join(s.dir, 'promptgate-shards');
  await mkdir(shardDir, { recursive: true });
  const shards = [];
  for (let i = 1; i <= shardCount; i++) {
    const shard = await runAction(pullRequest(s, pr + 1, { ...inputs, shard: `${i}/${shardCount}` }));
    const file = shard.outputs['shard-path'];
    if (!file) throw new Error(`shard ${i}/${shardCount} set no shard-path output:\n${shard.log}`);
    // What upload-artifact and download-artifact (merge-multiple) would do.
    await copyFile(file, path.join(shardDir, path.basename(file)));
    shards.push({ wallS: shard.wallS, rssMb: shard.rssMb, calls: Number(shard.outputs.calls) });
  }
  const merge = await runAction(pullRequest(s, pr + 1, { ...inputs, mode: 'merge' }));
  const mergeReport = await readReport(merge);
  const sameVerdict =
    merge.outputs.verdict === single.outputs.verdict &&
    merge.outputs['head-pass-rate'] === single.outputs['head-pass-rate'] &&
    mergeReport.suites[0]?.head?.results?.length === singleReport.suites[0]?.head?.results?.length;
  const shardSumS = shards.reduce((a, b) => a + b.wallS, 0);
  return {
    headCases: singleReport.suites[0]?.head?.results?.length ?? 0,
    baseCases: singleReport.suites[0]?.base?.results?.length ?? 0,
    singleCalls: Number(single.outputs.calls),
    singleWallS: single.wallS,
    singleRssMb: single.rssMb,
    shardWalls: shards.map((x) => x.wallS),
    shardSumS,
    shardCalls: shards.reduce((a, b) => a + b.calls, 0),
    shardMaxRssMb: Math.max(...shards.map((x) => x.rssMb)),
    mergeWallS: merge.wallS,
    mergeRssMb: merge.rssMb,
    matrixS: Math.max(...shards.map((x) => x.wallS)) + merge.wallS,
    sameVerdict: sameVerdict ? 1 : 0,
  };
}

function printScale(rows) {
  const m = medians(rows);
  const batchS = latencyMs / 1000;
  const idealSide = Math.ceil(scaleCases / concurrency) * batchS;
  const ideal = 2 * idealSide; // the action evaluates the head, then the base
  const wallTarget = TARGETS.wallSlackFactor * ideal + TARGETS.wallSlackSeconds;
  // Each shard runs about 1/n of each side; hash balancing is not exact, so allow a batch more per side.
  const shardIdeal = shardCount * 2 * (Math.ceil(scaleCases / shardCount / concurrency) + 1) * batchS;
  const shardTarget = TARGETS.wallSlackFactor * shardIdeal + shardCount * TARGETS.wallSlackSeconds;
  const rss = TARGETS.rssMb;
  printTable(
    `(b) scale: ${scaleCases} tests × 1 prompt = ${scaleCases} cases per side, L = ${latencyMs} ms, C = ${concurrency}, cache off`,
    [
      row(
        'cases per side (head / base)',
        rows,
        (r) => `${r.headCases} / ${r.baseCases}`,
        `${scaleCases}`,
        m.headCases === scaleCases && m.baseCases === scaleCases,
      ),
      row(
        'model calls: single run / sum of shards',
        rows,
        (r) => `${r.singleCalls} / ${r.shardCalls}`,
        `${2 * scaleCases} both`,
        m.singleCalls === 2 * scaleCases && m.shardCalls === 2 * scaleCases,
      ),
      row(
        `single run: wall s (ideal ${idealSide.toFixed(2)} s per side, ${ideal.toFixed(2)} s)`,
        rows,
        'singleWallS',
        `≤ ${wallTarget.toFixed(2)}`,
        m.singleWallS <= wallTarget,
        2,
      ),
      row('single run: wall / ideal', rows, (r) => r.singleWallS / ideal, '', undefined, 2),
      row('single run: peak RSS MB', rows, 'singleRssMb', `< ${rss}`, m.singleRssMb < rss, 0),
      row(`${shardCount} shards one after the other: wall s of each`, rows.slice(0, 1), () =>
        Array.from({ length: shardCount }, (_, k) => median(rows.map((r) => r.shardWalls[k])).toFixed(2)).join(' '),
      ),
      row(
        `${shardCount} shards: sum of walls s`,
        rows,
        'shardSumS',
        `≤ ${shardTarget.toFixed(2)}`,
        m.shardSumS <= shardTarget,
        2,
      ),
      row(`${shardCount} shards: sum / single run`, rows, (r) => r.shardSumS / r.singleWallS, '', undefined, 2),
      row('shards: highest peak RSS MB', rows, 'shardMaxRssMb', `< ${rss}`, m.shardMaxRssMb < rss, 0),
      row('merge: wall s', rows, 'mergeWallS', `< ${TARGETS.mergeS}`, m.mergeWallS < TARGETS.mergeS, 2),
      row('merge: wall / single run', rows, (r) => r.mergeWallS / r.singleWallS, '', undefined, 3),
      row('merge: peak RSS MB', rows, 'mergeRssMb', `< ${rss}`, m.mergeRssMb < rss, 0),
      row('as a parallel matrix: slowest shard + merge, s', rows, 'matrixS', '', undefined, 2),
      row(
        'merge verdict and head pass rate = single run',
        rows,
        (r) => (r.sameVerdict ? 'yes' : 'no'),
        'yes',
        m.sameVerdict === 1,
      ),
    ],
    `targets: wall ≤ ${TARGETS.wallSlackFactor}×ideal + ${TARGETS.wallSlackSeconds} s per action run; ideal = ceil(N/C)·L per side, the sides in turn`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// (c) overhead: every answer cached

async function benchOverhead(dir, pr) {
  const s = await promptRepo(path.join(dir, 'overhead'), overheadTests);
  const viaCounter = { OPENAI_BASE_URL: `${counter.url}/v1` };
  // One runner temp for both runs: the output cache lives there, as the Actions cache would restore it.
  const runnerTemp = await mkdtemp(path.join(work, 'runner-temp-'));
  const fill = await runAction({ ...pullRequest(s, pr, { 'fail-on': 'never' }, viaCounter), runnerTemp });
  counter.reset();
  const writesBefore = github.requests.length;
  const again = await runAction({ ...pullRequest(s, pr, { 'fail-on': 'never' }, viaCounter), runnerTemp });
  const written = commentWrites(writesBefore, pr);
  if (written.length === 0) throw new Error(`the cached run wrote no comment on pull request ${pr}:\n${again.log}`);
  return {
    fillCalls: Number(fill.outputs.calls),
    calls: Number(again.outputs.calls),
    cachedCalls: Number(again.outputs['cached-calls']),
    modelCalls: counter.counts.base + counter.counts.head,
    commentS: (written.at(-1).at - again.startedAt) / 1000,
    commentAction: written.at(-1).action,
    wallS: again.wallS,
    rssMb: again.rssMb,
  };
}

function printOverhead(rows) {
  const m = medians(rows);
  printTable(
    `(c) overhead: ${overheadTests} tests × 1 prompt, every answer cached (second identical pull request run)`,
    [
      row('first run: model calls (fills the cache)', rows, 'fillCalls'),
      row(
        'second run: calls made / served from cache',
        rows,
        (r) => `${r.calls} / ${r.cachedCalls}`,
        `0 / ${2 * overheadTests}`,
        m.calls === 0 && m.cachedCalls === 2 * overheadTests,
      ),
      row('second run: requests seen by the fake model', rows, 'modelCalls', '0', m.modelCalls === 0),
      row(
        `start to comment posted, s (${rows[0].commentAction})`,
        rows,
        'commentS',
        `< ${TARGETS.commentS}`,
        m.commentS < TARGETS.commentS,
        3,
      ),
      row('start to exit (total wall), s', rows, 'wallS', '', undefined, 3),
      row('peak RSS MB', rows, 'rssMb', '', undefined, 0),
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// (d) nothing affected: a pull request that touches no file a suite reads, and a revert after a review

async function benchUnaffected(dir, pr) {
  const s = await promptRepo(path.join(dir, 'unaffected'), overheadTests);
  const viaCounter = { OPENAI_BASE_URL: `${counter.url}/v1` };
  // A pull request that only edits the README.
  await git(s.dir, 'checkout', '--quiet', s.base);
  await writeFile(path.join(s.dir, 'README.md'), '# docs only\n');
  const docsHead = await commit(s.dir, 'docs only');
  counter.reset();
  const docs = await runAction(pullRequest({ ...s, head: docsHead }, pr, { 'fail-on': 'never' }, viaCounter));
  const docsCalls = counter.counts.base + counter.counts.head;
  // A reviewed pull request, then the author reverts the prompt: the comment must follow.
  await git(s.dir, 'checkout', '--quiet', s.head);
  await runAction(pullRequest(s, pr + 1, { 'fail-on': 'never' }, viaCounter));
  await writeFile(path.join(s.dir, 'prompts', 'reply.txt'), BASE_PROMPT);
  const reverted = await commit(s.dir, 'revert the prompt');
  counter.reset();
  const writesBefore = github.requests.length;
  const revert = await runAction(pullRequest({ ...s, head: reverted }, pr + 1, { 'fail-on': 'never' }, viaCounter));
  const written = commentWrites(writesBefore, pr + 1);
  return {
    docsWallS: docs.wallS,
    docsCalls,
    docsVerdict: docs.outputs.verdict,
    revertWallS: revert.wallS,
    revertCalls: counter.counts.base + counter.counts.head,
    revertCommentS: written.length > 0 ? (written.at(-1).at - revert.startedAt) / 1000 : NaN,
    revertAction: written.at(-1)?.action ?? 'none',
  };
}

function printUnaffected(rows) {
  const m = medians(rows);
  printTable(
    `(d) nothing affected: ${overheadTests} tests × 1 prompt; no \`paths:\` filter, so the action itself decides`,
    [
      row(
        `docs-only pull request: verdict`,
        rows,
        'docsVerdict',
        'skipped',
        rows.every((r) => r.docsVerdict === 'skipped'),
      ),
      row('docs-only pull request: model calls', rows, 'docsCalls', '0', m.docsCalls === 0),
      row('docs-only pull request: start to exit, s', rows, 'docsWallS', '', undefined, 3),
      row('revert after a review: model calls', rows, 'revertCalls', '0', m.revertCalls === 0),
      row(
        `revert after a review: start to comment ${rows[0].revertAction}, s`,
        rows,
        'revertCommentS',
        '',
        undefined,
        3,
      ),
      row('revert after a review: start to exit, s', rows, 'revertWallS', '', undefined, 3),
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The action, as the runner starts it

function pullRequest(s, number, inputs, env = {}) {
  github.state.setPull(number, { head: { sha: s.head, ref: 'feature' }, base: { sha: s.base, ref: 'main' } });
  return {
    workspace: s.dir,
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, base: { sha: s.base, ref: 'main' }, head: { sha: s.head, ref: 'feature' } },
      repository: repositoryPayload(),
    },
    inputs,
    env: { GITHUB_REF: `refs/pull/${number}/merge`, ...env },
    sha: s.head,
  };
}

function repositoryPayload() {
  return { name: 'demo', owner: { login: 'octo' }, default_branch: 'main' };
}

/**
 * Runs dist/index.js in a child process with the runner's environment. Wall is from spawn to exit; peak RSS from
 * GNU time (exact) or by polling /proc/<pid>/status VmHWM. A non-zero exit is a broken run: every run here uses
 * `fail-on: never`.
 */
/** `runnerTemp`, when given, is shared between runs: it stands for the Actions cache restoring the output cache. */
async function runAction({ workspace, eventName, payload, inputs, env = {}, sha, runnerTemp }) {
  const tmp = await mkdtemp(path.join(work, 'runner-'));
  const files = {
    event: path.join(tmp, 'event.json'),
    output: path.join(tmp, 'output.txt'),
    summary: path.join(tmp, 'summary.md'),
    time: path.join(tmp, 'time.txt'),
  };
  await writeFile(files.event, JSON.stringify(payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const allInputs = { 'github-token': 'ghs_bench_token', config: 'promptgate.yaml', ...inputs };
  const childEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    RUNNER_TEMP: runnerTemp ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: sha,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    OPENAI_API_KEY: 'sk-bench-key',
    OPENAI_BASE_URL: `${model.url}/v1`,
    ...Object.fromEntries(Object.entries(allInputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...env,
  };
  const [command, args] = useGnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', files.time, process.execPath, actionEntry]]
    : [process.execPath, [actionEntry]];

  const startedAt = performance.now();
  const child = spawn(command, args, { cwd: workspace, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk) => (log = (log + chunk).slice(-6000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let polledKb = NaN;
  const poller = useGnuTime ? undefined : setInterval(() => (polledKb = pollHwm(child.pid, polledKb)), 10);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const wallS = (performance.now() - startedAt) / 1000;
  clearInterval(poller);
  const rssKb = useGnuTime ? Number((await readFile(files.time, 'utf8')).trim().split('\n').pop()) : polledKb;
  if (code !== 0) {
    throw new Error(`the action (${eventName}, inputs ${JSON.stringify(inputs)}) exited with ${code}:\n${log}`);
  }
  return { wallS, startedAt, rssMb: rssKb / 1024, outputs: parseOutputs(await readFile(files.output, 'utf8')), log };
}

function pollHwm(pid, lastKb) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.max(kb, Number.isFinite(lastKb) ? lastKb : 0) : lastKb;
  } catch {
    return lastKb; // exited between polls: VmHWM only grows, so the last reading stands
  }
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
function parseOutputs(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

/** The JSON report; a case that errored means the run measured something else than intended. */
async function readReport(run) {
  const file = run.outputs['report-path'];
  if (!file) throw new Error(`the action set no report-path output:\n${run.log}`);
  const report = JSON.parse(await readFile(file, 'utf8'));
  for (const suite of report.suites ?? []) {
    for (const side of ['base', 'head']) {
      const errored = (suite[side]?.results ?? []).filter((r) => r.error);
      if (errored.length > 0) {
        throw new Error(`${errored.length} ${side} cases errored in ${file}; the first: ${errored[0].error}`);
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: a git repository with the suite and the base prompt on main, then a commit that rewords the prompt

async function promptRepo(dir, tests) {
  await mkdir(path.join(dir, 'prompts'), { recursive: true });
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  // JSON is YAML, and a 10,000-test suite is quicker to write (and to parse) this way.
  const suite = {
    description: `bench review ${tests} tests`,
    prompts: ['file://prompts/reply.txt'],
    providers: ['openai:chat:bench-model'],
    defaultTest: { assert: [{ type: 'contains', value: '{{ word }}' }] },
    evaluateOptions: { maxConcurrency: concurrency },
    tests: Array.from({ length: tests }, (_, i) => ({ vars: { word: `w${i}` } })),
  };
  await writeFile(path.join(dir, 'promptgate.yaml'), `${JSON.stringify(suite, null, 1)}\n`);
  await writeFile(path.join(dir, 'prompts', 'reply.txt'), BASE_PROMPT);
  const base = await commit(dir, 'base: the suite and its prompt');
  await writeFile(path.join(dir, 'prompts', 'reply.txt'), HEAD_PROMPT);
  const head = await commit(dir, 'head: reword the prompt');
  return { dir, base, head };
}

async function commit(dir, message) {
  await git(dir, 'add', '--all');
  await git(dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '--quiet', '-m', message);
  return (await git(dir, 'rev-parse', 'HEAD')).trim();
}

async function git(dir, ...args) {
  const { stdout } = await run('git', args, { cwd: dir });
  return stdout;
}

// ---------------------------------------------------------------------------------------------------------------
// Loopback servers

/** The comments written on pull request `pr` from GitHub request `from` on: created or updated, and when. */
function commentWrites(from, pr) {
  return github.requests.slice(from).flatMap((r) => {
    if (r.status >= 300 || (r.route !== ROUTES.createComment && r.route !== ROUTES.updateComment)) return [];
    const id = Number(r.path.split('/').at(-1));
    const issue =
      r.route === ROUTES.createComment
        ? Number(r.path.split('/').at(-2))
        : github.state.comments.find((c) => c.id === id)?.issue_number;
    return issue === pr ? [{ action: r.route === ROUTES.createComment ? 'created' : 'updated', at: r.answeredAt }] : [];
  });
}

/** scripts/fake-model-server.mjs in a child process; resolves with its URL once it listens. */
function startFakeModel(latency) {
  const child = spawn(process.execPath, [fakeModel, '--port', '0', '--latency', String(latency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the fake model server did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`the fake model server exited with ${code} before listening`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, child });
    });
  });
}

/** Forwards to the fake model and counts the requests per side (the head's prompt carries HEAD_MARK). */
async function startCountingProxy(target) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const counts = { base: 0, head: 0 };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      counts[body.includes(HEAD_MARK) ? 'head' : 'base']++;
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (err) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `bench proxy: ${err.message}` } }));
      });
      forward.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    counts,
    reset() {
      counts.base = 0;
      counts.head = 0;
    },
    close() {
      agent.destroy();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** The median of each numeric field over the runs. */
function medians(rows) {
  const out = {};
  for (const key of Object.keys(rows[0])) {
    if (typeof rows[0][key] === 'number') out[key] = median(rows.map((r) => r[key]));
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One line of a table: for a number, the median over the runs and, when there were several, each run's value;
 * for text, the value (each distinct one); then the target, and ok / MISSED (blank when there is no target).
 */
function row(label, rows, field, target = '', ok = undefined, digits = 0) {
  const each = rows.map((r) => (typeof field === 'function' ? field(r) : r[field]));
  const numeric = each.every((v) => typeof v === 'number');
  const show = (v) => (typeof v === 'number' ? v.toFixed(digits) : String(v));
  const value = numeric ? show(median(each)) : [...new Set(each.map(show))].join(' | ');
  const spread = numeric && rows.length > 1 ? each.map(show).join(' ') : '';
  return [label, value, spread, target, ok === undefined ? '' : ok ? 'ok' : 'MISSED'];
}

function printTable(title, lines, note) {
  const header = ['', runs > 1 ? 'median' : 'value', runs > 1 ? 'runs' : '', 'target', ''];
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  console.log(title);
  for (const cells of table) {
    console.log(
      `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`.trimEnd(),
    );
  }
  if (note) console.log(`  ${note}`);
  console.log('');
}

function positiveInt(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench-review: ${flag} expects a positive integer, got "${text}"`);
    process.exit(1);
  }
  return n;
}
