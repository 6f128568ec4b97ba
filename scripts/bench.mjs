#!/usr/bin/env node
// Benchmarks the bundled CLI against a loopback fake model server with a fixed latency L.
// With C calls in flight and nothing else in the way, N cases take ceil(N/C)·L: the engine's overhead is
// how far the wall time lands above that ideal. Also reports user CPU, peak RSS, and CLI start-up time.
//
//   node scripts/bench.mjs [--cases 200,1000,10000] [--concurrency 50] [--latency 50] [--keep]
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
const cli = path.join(root, 'dist', 'cli.js');
const fakeServer = path.join(root, 'scripts', 'fake-model-server.mjs');
const GNU_TIME = '/usr/bin/time';

const TARGETS = {
  wallSlackFactor: 1.05,
  wallSlackSeconds: 0.3,
  rssMbAt10k: 200,
  versionMs: 150,
};

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string', default: '200,1000,10000' },
    concurrency: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log('usage: node scripts/bench.mjs [--cases 200,1000,10000] [--concurrency 50] [--latency 50] [--keep]');
  process.exit(0);
}
const caseCounts = flags.cases.split(',').map((n) => positiveInt(n, '--cases'));
const concurrency = positiveInt(flags.concurrency, '--concurrency');
const latencyMs = positiveInt(flags.latency, '--latency');

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
const port = await freePort();
const server = spawn(process.execPath, [fakeServer, '--port', String(port), '--latency', String(latencyMs)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
let failed;
try {
  await waitForPort(port, server, 10_000);
  const rows = [];
  for (const n of caseCounts) rows.push(await benchEval(n));
  const version = await benchVersion(10);
  printReport(rows, version);
  failed = rows.some((r) => r.errors > 0);
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  server.kill();
  if (flags.keep) console.log(`bench: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

async function benchEval(n) {
  const dir = path.join(work, `n${n}`);
  const config = path.join(dir, 'promptgate.yaml');
  const out = path.join(dir, 'out.json');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(config, suiteYaml(n));

  const args = [cli, 'eval', '-c', config, '--max-concurrency', String(concurrency), '--no-cache', '-o', out];
  const measured = await measureChild(args, dir);
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
function suiteYaml(n) {
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
async function measureChild(args, cwd, { plain = false } = {}) {
  const useGnuTime = !plain && existsSync(GNU_TIME);
  const timeFile = path.join(work, `time-${process.hrtime.bigint()}.txt`);
  const [command, commandArgs] = useGnuTime
    ? [GNU_TIME, ['-f', '%U %M', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  const env = { ...process.env, OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` };

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
    const [userS, maxRssKb] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop().split(/\s+/).map(Number);
    return { wallS, code, stderr, userS, rssMb: maxRssKb / 1024 };
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
  ].map((cells) => cells.map(String));
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
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
