// The `python` assertion, with promptfoo 0.123.1's semantics (assertions/python.ts): an inline value is the
// body of `def main(output, context)` (one line: `return <value>`), a `file://x.py[:fn]` value calls `fn`
// (default `get_assert`) with (output, context). The result may be a bool, a number (passing when > 0, or
// >= the threshold), a {pass, score, reason} dict (snake_case keys allowed), or those as text. Code that
// fails to run grades as a fail with the reason, as in promptfoo. Runs the `python3` on PATH (GitHub's
// runners have one), one process per call; like every script, on untrusted events it comes from the base revision's suite.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GradingResult } from '../types.js';
import { invariant, type AssertionHandler } from './handler.js';
import { isGradingResult, normalizeScriptResult } from './script.js';

const PYTHON_TIMEOUT_MS = 120_000;

// Imports the script as a module (its folder first on sys.path, as promptfoo does), calls the function with
// the JSON arguments, and writes {"data": result} to the output file, so the script may print freely.
const WRAPPER = `
import asyncio, importlib.util, inspect, json, os, sys
script, name, args_path, out_path = sys.argv[1:5]
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
spec = importlib.util.spec_from_file_location(os.path.basename(script).rsplit(".", 1)[0], script)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
target = module
for part in name.split("."):
    target = getattr(target, part)
with open(args_path, encoding="utf-8") as fp:
    args = json.load(fp)
result = asyncio.run(target(*args)) if inspect.iscoroutinefunction(target) else target(*args)
with open(out_path, "w", encoding="utf-8") as fp:
    json.dump({"data": result}, fp, ensure_ascii=False)
`;

/** promptfoo's buildPythonScript: inline code as the body of main(output, context). */
export function buildPythonScript(code: string): string {
  const multiline = code.includes('\n');
  const indent = multiline ? (/^(?!\s*$)\s+/m.exec(code)?.[0] ?? '    ') : '    ';
  const body = multiline
    ? code
        .split('\n')
        .map((line) => `${indent}${line}`)
        .join('\n')
    : `    return ${code}`;
  return `import json\n\ndef main(output, context):\n${body}\n`;
}

/** Calls `functionName` in the Python file with JSON-serialisable arguments; resolves to its JSON result. */
export async function runPython(file: string, functionName: string, args: unknown[]): Promise<unknown> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-py-'));
  try {
    const argsPath = path.join(dir, 'args.json');
    const outPath = path.join(dir, 'out.json');
    await writeFile(argsPath, JSON.stringify(args));
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn('python3', ['-c', WRAPPER, file, functionName, argsPath, outPath], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), PYTHON_TIMEOUT_MS);
      child.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new Error(
            err.code === 'ENOENT' ? 'python3 is not on PATH: install Python 3 to run python assertions' : err.message,
          ),
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(errors);
        else
          reject(new Error(signal ? `python3 was stopped (${signal})` : lastLines(errors) || `python3 exited ${code}`));
      });
    });
    let text: string;
    try {
      text = await readFile(outPath, 'utf8');
    } catch {
      throw new Error(`the Python function wrote no result${stderr ? `: ${lastLines(stderr)}` : ''}`);
    }
    return (JSON.parse(text) as { data: unknown }).data;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join('\n');
}

/** An inline assertion's code as a script file, written once per distinct code. */
const inlineScripts = new Map<string, Promise<string>>();
async function inlineScript(code: string): Promise<string> {
  let file = inlineScripts.get(code);
  if (!file) {
    file = (async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-pyinline-'));
      const abs = path.join(dir, 'assertion.py');
      await writeFile(abs, buildPythonScript(code));
      return abs;
    })();
    inlineScripts.set(code, file);
  }
  return file;
}

function camelKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

/** promptfoo's normalizeScriptResult for Python answers: text, numbers, bools and dicts. */
function pythonResult(result: unknown, inverse: boolean, threshold: number | undefined, source: string): GradingResult {
  const lower = typeof result === 'string' ? result.toLowerCase() : undefined;
  if (result === true || lower === 'true')
    return normalizeScriptResult(true, inverse, threshold, source, 'Python code');
  if (result === false || lower === 'false')
    return normalizeScriptResult(false, inverse, threshold, source, 'Python code');
  let value = result;
  if (typeof value === 'string' && value.startsWith('{')) value = JSON.parse(value) as unknown;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const graded = { reason: '', ...camelKeys(value as Record<string, unknown>) };
    if (!isGradingResult(graded)) {
      throw new Error(
        `Python assertion must return a boolean, number, or {pass, score, reason} object. Got instead:\n${JSON.stringify(value)}`,
      );
    }
    if (threshold !== undefined && graded.score < threshold) {
      const message = `Python score ${graded.score} is less than threshold ${threshold}`;
      graded.pass = false;
      graded.reason = graded.reason ? `${message}: ${graded.reason}` : message;
    }
    return normalizeScriptResult(graded, inverse, undefined, source, 'Python code');
  }
  const score = Number.parseFloat(String(value));
  if (Number.isNaN(score)) {
    throw new Error(
      `Python assertion must return a boolean, number, or {pass, score, reason} object. Instead got:\n${String(value)}`,
    );
  }
  return normalizeScriptResult(score, inverse, threshold, source, 'Python code');
}

const python: AssertionHandler = async ({ assertion, value, valueFromScript, output, scriptContext, inverse }) => {
  invariant(typeof value === 'string', 'python assertion must have a string value');
  try {
    const result =
      valueFromScript === undefined
        ? await runPython(await inlineScript(value), 'main', [output, scriptContext])
        : valueFromScript;
    return pythonResult(
      result,
      inverse,
      assertion.threshold,
      typeof assertion.value === 'string' ? assertion.value : '',
    );
  } catch (err) {
    return {
      pass: false,
      score: 0,
      reason: `Python code execution failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
};

export const pythonAssertions: Record<string, AssertionHandler> = { python };
