#!/usr/bin/env node
// Benchmarks the bundled CLI against loopback fake model servers (scripts/fake-model-server.mjs), in three scenarios:
//   unlimited     a fixed latency L: with C calls in flight, N cases take ceil(N/C)·L; the engine's overhead is how
//                 far the wall time lands above that ideal. Also user CPU, peak RSS, and CLI start-up time.
//   rate-limited  the server enforces R requests/s with a burst of B and answers 429 (retry-after, x-ratelimit-*):
//                 the ideal is (N − B)/R + L. Prints wall/ideal, 429s per case and errors.
//   overhead      2,000 calls at L with C in flight, promptgate beside a bare keep-alive HTTP loop on the same server:
//                 the CPU per call promptgate spends above the loop; and, from runs of twice the calls, the same in
//                 the steady state (what the second 2,000 calls cost), warm-up left out.
//
//   node scripts/bench.mjs [--scenarios unlimited,rate-limited,overhead] [--cases 200,1000,10000]
//        [--limited-cases 300,3000] [--rate 50] [--burst 20] [--overhead-calls 2000]
//        [--concurrency 50] [--latency 50] [--keep]
//
// Needs dist/cli.js (npm run bundle) and scripts/fake-model-server.mjs. A missed target is printed as MISSED
// beside its row, and the exit code stays 0: a benchmark on a shared machine measures, it does not judge.
// Exits 1 only when the benchmark could not measure: a case errored, or the CLI or the server failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const fakeServer = path.join(root, 'scripts', 'fake-model-server.mjs');
const GNU_TIME = '/usr/bin/time';

const TARGETS = {
  wallSlackFactor: 1.05,
  wallSlackSeconds: 0.3,
  limitedSlackFactor: 1.15,
  limitedSlackSeconds: 0.5,
  limited429sPerCase: 0.2,
  rssMbAt10k: 200,
  versionMs: 150,
};

const { values: flags } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'unlimited,rate-limited,overhead' },
    cases: { type: 'string', default: '200,1000,10000' },
    'limited-cases': { type: 'string', default: '300,3000' },
    rate: { type: 'string', default: '50' },
    burst: { type: 'string', default: '20' },
    'overhead-calls': { type: 'string', default: '2000' },
    'overhead-runs': { type: 'string', default: '3' },
    'bare-loop': { type: 'string' },
    cli: { type: 'string' },
    concurrency: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'usage: node scripts/bench.mjs [--scenarios unlimited,rate-limited,overhead] [--cases 200,1000,10000]\n' +
      '       [--limited-cases 300,3000] [--rate 50] [--burst 20] [--overhead-calls 2000] [--overhead-runs 3]\n' +
      '       [--concurrency 50] [--latency 50] [--keep]',
  );
  process.exit(0);
}
// --cli another/dist/cli.js measures another build (e.g. main's) on the same machine, for a fair comparison.
const cli = path.resolve(flags.cli ?? path.join(root, 'dist', 'cli.js'));
const caseCounts = flags.cases.split(',').map((n) => positiveInt(n, '--cases'));
const limitedCounts = flags['limited-cases'].split(',').map((n) => positiveInt(n, '--limited-cases'));
const concurrency = positiveInt(flags.concurrency, '--concurrency');
const latencyMs = positiveInt(flags.latency, '--latency');
const rate = positiveInt(flags.rate, '--rate');
const burst = positiveInt(flags.burst, '--burst');
const overheadCalls = positiveInt(flags['overhead-calls'], '--overhead-calls');
const overheadRuns = positiveInt(flags['overhead-runs'], '--overhead-runs');
const SCENARIOS = ['unlimited', 'rate-limited', 'overhead'];
const scenarios = flags.scenarios.split(',');
for (const name of scenarios) {
  if (!SCENARIOS.includes(name)) {
    console.error(`bench: --scenarios takes ${SCENARIOS.join(', ')}; got "${name}"`);
    process.exit(1);
  }
}
// Internal: the bare keep-alive loop runs in a child of its own, so its CPU is measured like the CLI's.
if (flags['bare-loop']) {
  await bareLoop(flags['bare-loop'], overheadCalls, concurrency);
  process.exit(0);
}

for (const [file, how] of [
  [cli, 'build it first: npm run bundle'],
  [fakeServer, 'it is part of the repository; is the checkout complete?'],
]) {
  if (!existsSync(file)) {
    console.error(`bench: ${path.relative(root, file)} is missing (${how}).`);
    process.exit(1);
  }
}

const work = await mkdtemp(path.join(os.tmpdir(), 'promptgate-bench-'));
const servers = [];
let failed;
try {
  if (scenarios.includes('unlimited')) {
    const port = await startServer([]);
    const rows = [];
    for (const n of caseCounts) rows.push(await benchEval(n, port));
    const version = await benchVersion(10);
    printReport(rows, version);
    failed ||= rows.some((r) => r.errors > 0);
  }
  if (scenarios.includes('rate-limited')) {
    const rows = [];
    // A fresh server (a full bucket) for every size, as a fresh provider quota would be.
    for (const n of limitedCounts) {
      const port = await startServer(['--rate', String(rate), '--burst', String(burst)]);
      rows.push(await benchLimited(n, port));
    }
    printLimitedReport(rows);
  }
  if (scenarios.includes('overhead')) {
    const port = await startServer([]);
    // CPU on a shared machine moves from run to run: each figure is the median of --overhead-runs runs.
    const runs = [];
    for (let i = 0; i < overheadRuns; i++) runs.push(await benchOverhead(port));
    printOverheadReport(runs);
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  for (const server of servers) server.kill();
  if (flags.keep) console.log(`bench: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/** A fake model server in a child process (its CPU is not the CLI's); resolves with its port once it listens. */
async function startServer(extraArgs) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [fakeServer, '--port', String(port), '--latency', String(latencyMs), ...extraArgs],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  servers.push(server);
  await waitForPort(port, server, 10_000);
  return port;
}

async function serverStats(port) {
  const response = await fetch(`http://127.0.0.1:${port}/stats`);
  return response.json();
}

/** One eval through the CLI; its results, checked to be complete. */
async function runEval(name, n, port) {
  const dir = path.join(work, name);
  const config = path.join(dir, 'promptgate.yaml');
  const out = path.join(dir, 'out.json');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(config, suiteYaml(n, port));
  const args = [cli, 'eval', '-c', config, '--max-concurrency', String(concurrency), '--no-cache', '-o', out];
  const measured = await measureChild(args, dir, { port });
  if (measured.code !== 0 && !existsSync(out)) {
    throw new Error(
      `eval of ${n} cases exited with ${measured.code} and wrote no ${path.basename(out)}:\n${measured.stderr}`,
    );
  }
  const results = JSON.parse(await readFile(out, 'utf8'));
  const got = Array.isArray(results.results) ? results.results.length : NaN;
  if (got !== n) throw new Error(`expected ${n} results in ${out}, found ${got}`);
  const errors = results.stats?.errors ?? 0;
  const firstError = results.results.find((r) => r.error)?.error;
  return { measured, errors, firstError };
}

async function benchLimited(n, port) {
  const before = await serverStats(port);
  const { measured, errors, firstError } = await runEval(`limited-${n}`, n, port);
  const after = await serverStats(port);
  const limited = after.limitedCount - before.limitedCount;
  const idealS = Math.max(0, n - burst) / rate + latencyMs / 1000;
  const wallTargetS = TARGETS.limitedSlackFactor * idealS + TARGETS.limitedSlackSeconds;
  const perCase = limited / n;
  const ok = measured.wallS <= wallTargetS && errors === 0 && perCase <= TARGETS.limited429sPerCase;
  return { n, idealS, wallTargetS, limited, perCase, errors, firstError, ok, ...measured };
}

async function benchOverhead(port) {
  const bareLoopOf = async (calls) => {
    const measured = await measureChild(
      [
        fileURLToPath(import.meta.url),
        '--bare-loop',
        `http://127.0.0.1:${port}/v1/chat/completions`,
        '--overhead-calls',
        String(calls),
        '--concurrency',
        String(concurrency),
      ],
      work,
      { port },
    );
    if (measured.code !== 0) throw new Error(`the bare loop exited with ${measured.code}:\n${measured.stderr}`);
    return measured;
  };
  const evalOf = async (calls) => {
    const run = await runEval(`overhead-${calls}`, calls, port);
    if (run.errors > 0) throw new Error(`${run.errors} of ${calls} overhead cases errored: ${run.firstError}`);
    return run.measured;
  };
  // A one-case eval measures what every run pays once (start-up, config): it is not per call. So does a
  // one-call bare loop for the loop (node's own start-up): both are taken off, or node's start-up would be
  // subtracted twice and promptgate's figure would read about 20 µs per call lower than it is.
  const once = await evalOf(1);
  const bareOnce = await bareLoopOf(1);
  const bare = await bareLoopOf(overheadCalls);
  const promptgate = await evalOf(overheadCalls);
  // Twice the calls: what the second N cost is the steady state, warm-up (the JIT compiling the hot path,
  // the heap growing) left out on both sides.
  const bare2 = await bareLoopOf(2 * overheadCalls);
  const promptgate2 = await evalOf(2 * overheadCalls);
  return { bare, bareOnce, once, promptgate, bare2, promptgate2 };
}

/** `calls` POSTs of a chat completion, `width` at a time, through one keep-alive agent: the floor for any client. */
async function bareLoop(url, calls, width) {
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true });
  let next = 0;
  const post = (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: `w${i}` }] });
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
            JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve();
          });
          res.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const lane = async () => {
    while (next < calls) await post(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, calls) }, lane));
  agent.destroy();
}

async function benchEval(n, port) {
  const { measured, errors, firstError } = await runEval(`n${n}`, n, port);
  const idealS = (Math.ceil(n / concurrency) * latencyMs) / 1000;
  const wallTargetS = TARGETS.wallSlackFactor * idealS + TARGETS.wallSlackSeconds;
  const rssTargetMb = n >= 10_000 ? TARGETS.rssMbAt10k : undefined;
  const ok = measured.wallS <= wallTargetS && (rssTargetMb === undefined || measured.rssMb < rssTargetMb);
  return { n, idealS, wallTargetS, rssTargetMb, errors, firstError, ok, ...measured };
}

async function benchVersion(runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { wallS, code } = await measureChild([cli, '--version'], root, { plain: true });
    if (code !== 0) throw new Error(`node dist/cli.js --version exited with ${code}`);
    times.push(wallS * 1000);
  }
  times.sort((a, b) => a - b);
  const medianMs =
    times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  return { medianMs, ok: medianMs < TARGETS.versionMs };
}

/** JSON is YAML: a 10,000-test suite is quicker to write (and to parse) this way. */
function suiteYaml(n, port) {
  const suite = {
    description: `bench ${n} cases`,
    prompts: ['Reply with exactly this word: {{word}}'],
    providers: [
      {
        id: 'openai:chat:bench-model',
        config: { apiBaseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'bench-key', temperature: 0 },
      },
    ],
    tests: Array.from({ length: n }, (_, i) => ({
      vars: { word: `w${i}` },
      assert: [{ type: 'contains', value: `w${i}` }],
    })),
  };
  return `${JSON.stringify(suite, null, 1)}\n`;
}

/**
 * Wall time around the child (hrtime), user CPU and peak RSS. GNU time reports the child's rusage
 * exactly; without it, poll /proc/<pid>/status (VmHWM) and /proc/<pid>/stat (utime) until exit.
 */
async function measureChild(args, cwd, { plain = false, port } = {}) {
  const useGnuTime = !plain && existsSync(GNU_TIME);
  const timeFile = path.join(work, `time-${process.hrtime.bigint()}.txt`);
  const [command, commandArgs] = useGnuTime
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  const env = { ...process.env, OPENAI_API_KEY: 'bench-key' };
  if (port !== undefined) env.OPENAI_BASE_URL = `http://127.0.0.1:${port}/v1`;

  const started = process.hrtime.bigint();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let polled = { userS: NaN, rssMb: NaN };
  const poller = !useGnuTime && !plain ? setInterval(() => (polled = pollProc(child.pid, polled)), 20) : undefined;
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poller);

  if (plain) return { wallS, code, stderr };
  if (useGnuTime) {
    const [userS, sysS, maxRssKb] = (await readFile(timeFile, 'utf8'))
      .trim()
      .split('\n')
      .pop()
      .split(/\s+/)
      .map(Number);
    return { wallS, code, stderr, userS, sysS, rssMb: maxRssKb / 1024 };
  }
  return { wallS, code, stderr, ...polled };
}

function pollProc(pid, last) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    // Fields after the parenthesised command name; utime is field 14 overall (index 11 after it).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const utimeTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[11]);
    return {
      rssMb: Number.isFinite(hwmKb) ? Math.max(hwmKb / 1024, last.rssMb || 0) : last.rssMb,
      userS: Number.isFinite(utimeTicks) ? utimeTicks / 100 : last.userS,
    };
  } catch {
    return last; // the child exited between polls: keep the last reading
  }
}

function printTable(table) {
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  for (const row of table) console.log(row.map((cell, i) => String(cell).padStart(widths[i])).join('  '));
}

function printLimitedReport(rows) {
  console.log(
    `\nrate-limited: the server allows ${rate} requests/s, burst ${burst}; ideal = (N − ${burst})/${rate} + ${latencyMs} ms`,
  );
  printTable([
    ['N', 'C', 'wall s', 'ideal s', 'wall/ideal', 'target wall s', '429s', '429s/case', 'errors', ''],
    ...rows.map((r) => [
      r.n,
      concurrency,
      r.wallS.toFixed(2),
      r.idealS.toFixed(2),
      (r.wallS / r.idealS).toFixed(2),
      `≤ ${r.wallTargetS.toFixed(2)}`,
      r.limited,
      r.perCase.toFixed(3),
      r.errors,
      r.ok ? 'ok' : 'MISSED',
    ]),
  ]);
  for (const r of rows.filter((row) => row.errors > 0)) {
    console.log(`${r.errors} of ${r.n} cases errored; the first: ${r.firstError}`);
  }
  console.log(
    `targets: wall ≤ ${TARGETS.limitedSlackFactor}×ideal + ${TARGETS.limitedSlackSeconds} s, 0 errors, ≤ ${TARGETS.limited429sPerCase} 429s per case.`,
  );
}

function printOverheadReport(runs) {
  const cpu = (m) => m.userS + (m.sysS ?? 0);
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const of = (client, figure) => median(runs.map((run) => figure(run[client])));
  const row = (name, client, perCall) => [
    name,
    of(client, (m) => m.wallS).toFixed(2),
    of(client, cpu).toFixed(2),
    perCall ? ((of(client, cpu) * 1000) / overheadCalls).toFixed(3) : '-',
  ];
  // Per run, then the median: the figure a single run would print, robust to one noisy run.
  const above = runs.map(
    ({ bare, bareOnce, once, promptgate }) =>
      ((cpu(promptgate) - cpu(once) - (cpu(bare) - cpu(bareOnce))) * 1000) / (overheadCalls - 1),
  );
  console.log(
    `\noverhead: ${overheadCalls} calls at ${latencyMs} ms, ${concurrency} in flight; CPU = user + system; median of ${runs.length} run(s)`,
  );
  printTable([
    ['client', 'wall s', 'CPU s', 'CPU ms/call'],
    row('bare keep-alive loop', 'bare', true),
    row('promptgate eval', 'promptgate', true),
    row('bare loop, 1 call', 'bareOnce', false),
    row('promptgate eval, 1 case', 'once', false),
    row(`bare loop, ${2 * overheadCalls} calls`, 'bare2', false),
    row(`promptgate eval, ${2 * overheadCalls} calls`, 'promptgate2', false),
  ]);
  console.log(
    `promptgate's CPU per call above the bare loop (start-up of a 1-case eval and of a 1-call loop taken off): ${median(above).toFixed(3)} ms (runs: ${above.map((a) => a.toFixed(3)).join(', ')})`,
  );
  const steady = runs.map(
    ({ bare, promptgate, bare2, promptgate2 }) =>
      ((cpu(promptgate2) - cpu(promptgate) - (cpu(bare2) - cpu(bare))) * 1000) / overheadCalls,
  );
  console.log(
    `... in the steady state (calls ${overheadCalls + 1}–${2 * overheadCalls} of a ${2 * overheadCalls}-call run, on both sides): ${median(steady).toFixed(3)} ms (runs: ${steady.map((a) => a.toFixed(3)).join(', ')}); node ${process.version}`,
  );
}

function printReport(rows, version) {
  const table = [
    [
      'N',
      'C',
      'L ms',
      'wall s',
      'ideal s',
      'wall/ideal',
      'target wall s',
      'user CPU s',
      'peak RSS MB',
      'target RSS',
      'errors',
      '',
    ],
    ...rows.map((r) => [
      r.n,
      concurrency,
      latencyMs,
      r.wallS.toFixed(2),
      r.idealS.toFixed(2),
      (r.wallS / r.idealS).toFixed(2),
      `≤ ${r.wallTargetS.toFixed(2)}`,
      Number.isFinite(r.userS) ? r.userS.toFixed(2) : '?',
      Number.isFinite(r.rssMb) ? r.rssMb.toFixed(0) : '?',
      r.rssTargetMb ? `< ${r.rssTargetMb}` : '-',
      r.errors,
      r.errors > 0 ? 'ERRORS' : r.ok ? 'ok' : 'MISSED',
    ]),
  ];
  printTable(table);
  // A run whose cases errored measures nothing useful: say why, once per size.
  for (const r of rows.filter((row) => row.errors > 0)) {
    console.log(`\n${r.errors} of ${r.n} cases errored; the first: ${r.firstError}`);
  }
  console.log(
    `\nnode dist/cli.js --version: median ${version.medianMs.toFixed(0)} ms of 10 (target < ${TARGETS.versionMs} ms) ${version.ok ? 'ok' : 'MISSED'}`,
  );
  console.log(
    `wall target: ≤ ${TARGETS.wallSlackFactor}×ideal + ${TARGETS.wallSlackSeconds} s; every case must run without error.`,
  );
}

function positiveInt(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${flag} expects positive integers, got "${text}"`);
    process.exit(1);
  }
  return n;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: found } = probe.address();
      probe.close(() => resolve(found));
    });
  });
}

async function waitForPort(p, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`fake model server exited with ${child.exitCode} before listening`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(p, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fake model server did not listen on 127.0.0.1:${p} within ${timeoutMs} ms`);
}
