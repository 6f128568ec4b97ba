// Exit codes: 0 when the command ran, 1 for anything the user can fix (with a message saying what), 2 for a
// failure of promptgate's own.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { silentLogger } from '../../src/types.js';

async function run(argv: string[], files: Record<string, string> = {}) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'promptgate-run-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(cwd, name), text);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd,
    env: {},
    isTTY: false,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    logger: silentLogger,
  };
  return { code: await runCli(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
}

const suite = (provider: string) =>
  `prompts:\n  - "Say {{ word }}"\nproviders:\n  - ${provider}\ntests:\n  - vars: { word: hi }\n    assert:\n      - type: contains\n        value: hi\n`;

test.each([
  [['eval'], { 'promptgate.yaml': suite('echo') }, 0, ''],
  [['eval'], {}, 1, 'no config found'],
  [['eval'], { 'promptgate.yaml': suite('nope:model') }, 1, 'config error'],
  [['eval', '--repeat', '0'], {}, 1, '--repeat expects a whole number'],
  [['compare', '--base', '--upload-pack=evil'], { 'promptgate.yaml': suite('echo') }, 1, '--base'],
  [['merge', 'missing.json'], {}, 1, 'missing.json'],
])('%j exits %#', async (argv, files, code, message) => {
  const result = await run(argv, files);
  expect(result.code).toBe(code);
  expect(result.stderr).toContain(message);
});
