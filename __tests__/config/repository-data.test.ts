// A suite's files are data within limits: nothing under .git/ (actions/checkout leaves the token there), and a
// config that is a symlink is refused like any other symlink.
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSuite } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'promptgate-data-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const EXTRAHEADER =
  '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n';

test.each([
  ['a test var', 'tests:\n  - vars:\n      q: file://.git/config\n'],
  ['a vars file', 'tests:\n  - vars: .git/config\n'],
  ['a tests file', 'tests: file://.git/config\n'],
  ['a prompt', 'tests:\n  - vars: { q: x }\n', 'file://.git/config'],
])('%s under .git/ is refused, with where it was written', async (_what, tests, prompt = 'Q: {{ q }}') => {
  const dir = await project({
    '.git/config': EXTRAHEADER,
    'promptgate.yaml': `prompts:\n  - ${JSON.stringify(prompt)}\nproviders: [echo]\n${tests}`,
  });
  const error = await loadSuite(path.join(dir, 'promptgate.yaml'), { projectRoot: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toMatch(
    /promptgate\.yaml:\d+:\d+: .*inside \.git\/, which holds the repository's credentials/,
  );
});

test('control: the same file outside .git/ is read (the reference itself works)', async () => {
  const dir = await project({
    'notes/config': EXTRAHEADER,
    'promptgate.yaml': 'prompts: ["Q: {{ q }}"]\nproviders: [echo]\ntests:\n  - vars:\n      q: file://notes/config\n',
  });
  const suite = await loadSuite(path.join(dir, 'promptgate.yaml'), { projectRoot: dir });
  expect(String(suite.tests[0].vars.q)).toContain('extraheader');
});

test('a config that is a symlink is refused', async () => {
  const dir = await project({ 'real.yaml': 'prompts: ["x"]\nproviders: [echo]\ntests: [{ vars: {} }]\n' });
  await symlink(path.join(dir, 'real.yaml'), path.join(dir, 'promptgate.yaml'));
  await expect(loadSuite(path.join(dir, 'promptgate.yaml'))).rejects.toThrow(/the config is a symlink/);
});
