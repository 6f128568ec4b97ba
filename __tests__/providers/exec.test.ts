// exec:<command> — real child processes, no shell.
import path from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { splitCommand } from '../../src/providers/exec.js';
import { resolveProvider } from '../../src/providers/index.js';
import { call } from './helpers.js';

const ROOT = path.resolve('__tests__/fixtures/providers/exec');

function exec(command: string, config: Record<string, unknown> = {}) {
  return resolveProvider(
    { id: `exec:${command}`, config },
    { rootDir: ROOT, env: process.env, configFile: path.join(ROOT, 'promptgate.yaml') },
  );
}

describe('splitCommand: argv without a shell', () => {
  it.each([
    ['node script.mjs', ['node', 'script.mjs']],
    ['  node   script.mjs  ', ['node', 'script.mjs']],
    ['python "my script.py" --flag', ['python', 'my script.py', '--flag']],
    ["node -e 'console.log(1)'", ['node', '-e', 'console.log(1)']],
    ['echo "say \\"hi\\""', ['echo', 'say "hi"']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo ""', ['echo', '']],
    ['echo $HOME; rm -rf /', ['echo', '$HOME;', 'rm', '-rf', '/']],
    ['', []],
  ])('%j → %j', (command, argv) => {
    expect(splitCommand(command)).toEqual(argv);
  });

  it('refuses an unclosed quote', () => {
    expect(() => splitCommand('node "oops')).toThrow(/unclosed " quote/);
  });
});

describe('exec provider', () => {
  it('passes the prompt, the options JSON and the context JSON after the command arguments, in the suite directory', async () => {
    const provider = await exec('node echo-args.mjs --style "very terse"', { model: 'local' });
    const response = await call(provider, 'Summarise: the cat sat', { vars: { topic: 'cats' } });
    expect(JSON.parse(response.output as string)).toEqual({
      leading: ['--style', 'very terse'],
      prompt: 'Summarise: the cat sat',
      vars: { topic: 'cats' },
      config: { model: 'local' },
      cwdName: 'exec',
    });
  });

  it('trims stdout and ignores stderr when there is output', async () => {
    expect(await call(await exec('node noisy.mjs'), 'x')).toEqual({ output: 'the answer' });
  });

  it.each([
    [
      'a non-zero exit, with a stderr excerpt',
      'node fail.mjs',
      /exec:node fail\.mjs: node exited with code 3: Traceback: model quota exceeded for project demo$/,
    ],
    ['stderr and no stdout', 'node stderr-only.mjs', /no output; stderr: warning: no completion produced/],
    [
      'a command that does not exist',
      'definitely-not-a-command-xyz --version',
      /command not found: definitely-not-a-command-xyz/,
    ],
  ])('%s is a non-transient error', async (_name, command, message) => {
    const response = await call(await exec(command), 'x');
    expect(response).toMatchObject({ transient: false });
    expect(response.error).toMatch(message);
  });

  it('kills the process when the signal aborts, as a transient timeout', async () => {
    const started = Date.now();
    const response = await call(await exec('node sleep.mjs'), 'x', { signal: AbortSignal.timeout(200) });
    expect(response).toMatchObject({ transient: true });
    expect(response.error).toMatch(/timed out \(aborted\); the process was killed/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['an empty command', '   ', /expected a command after "exec:"/],
    ['an unclosed quote', 'node "echo-args.mjs', /unclosed " quote/],
  ])('%s is a ConfigError at the config file', async (_name, command, message) => {
    const attempt = exec(command);
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/promptgate\.yaml: /);
  });
});
