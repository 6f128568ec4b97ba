// `promptgate init`: from a repository with prompts to a green first eval and a review workflow.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { runInit, type InitResult } from '../../src/init/index.js';
import { copyOfFixture, emptyDir, removeTempDirs, writeFiles } from './temp-dir.js';

afterAll(removeTempDirs);

async function init(cwd: string, force = false): Promise<InitResult & { log: string }> {
  const lines: string[] = [];
  const result = await runInit({ cwd, force, log: (line) => lines.push(line) });
  return { ...result, log: lines.join('\n') };
}

const readYaml = async (file: string) => parse(await readFile(file, 'utf8'));

describe('promptgate init in a project with prompts (fixtures/init/support-bot)', () => {
  let dir: string;
  let result: InitResult & { log: string };
  beforeAll(async () => {
    dir = await copyOfFixture('support-bot');
    result = await init(dir);
  });

  test('writes the config and the workflow, and says what it found', () => {
    expect(result.written).toEqual(['promptgate.yaml', '.github/workflows/prompt-review.yml']);
    expect(result.skipped).toEqual([]);
    expect(result.log).toContain('Found 5 prompt files:');
    expect(result.log).toContain('Next: run `promptgate eval`');
  });

  test('the config points editors at the published schema', async () => {
    const text = await readFile(path.join(dir, 'promptgate.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/promptgate/promptgate/v1/promptgate.schema.json',
    );
  });

  test('reads plainly: no YAML anchors or aliases for repeated values', async () => {
    const text = await readFile(path.join(dir, 'promptgate.yaml'), 'utf8');
    expect(text).not.toMatch(/[&*]a\d/);
  });

  test('one prompt entry per detected file, sorted; READMEs and code are not prompts', async () => {
    const config = await readYaml(path.join(dir, 'promptgate.yaml'));
    expect(config.prompts).toEqual([
      'file://prompts/chat/summarize.json',
      'file://prompts/classify.txt',
      'file://prompts/reply.md',
      'file://src/agent/system.prompt.md',
      'file://templates/email/welcome.njk',
    ]);
    expect(config.providers).toEqual(['echo']);
  });

  test('one test per prompt, filling exactly the variables that prompt reads', async () => {
    const config = await readYaml(path.join(dir, 'promptgate.yaml'));
    expect(config.tests.map((t: { vars: unknown }) => t.vars)).toEqual([
      { messages: [{ author: 'example message author', text: 'example message text' }], tags: [['example tag']] },
      { customer: { name: 'example customer name', plan: 'example customer plan' }, ticket: 'example ticket' },
      // reply.md reads only customer.name; the value has classify.txt's `plan` too, as a test's vars
      // replace defaultTest's whole (shallow merge) and every test runs against every prompt.
      { customer: { name: 'example customer name', plan: 'example customer plan' }, ticket: 'example ticket' },
      { today: 'example today', language: 'example language' },
      { user: { first_name: 'example user first_name' } },
    ]);
    expect(config.tests[0].description).toBe('prompts/chat/summarize.json renders with its variables');
    for (const test of config.tests) expect(test.assert).toEqual([{ type: 'not-regex', value: '[{][{]|[{][%]' }]);
  });

  test("defaultTest gives every prompt's variables a value in every test", async () => {
    const config = await readYaml(path.join(dir, 'promptgate.yaml'));
    expect(Object.keys(config.defaultTest.vars)).toEqual([
      'messages',
      'tags',
      'customer',
      'ticket',
      'today',
      'language',
      'user',
    ]);
  });

  test('the workflow runs on every pull request, reports new files in the prompt folders, least permissions', async () => {
    const workflow = await readYaml(path.join(dir, '.github/workflows/prompt-review.yml'));
    // No paths filter: a revert must reach the comment, and a required check must never wait forever.
    expect(workflow.on).toEqual({ pull_request: null });
    expect(workflow.jobs.promptgate.steps[1].with.prompts.trim().split('\n')).toEqual([
      'prompts/**',
      'src/agent/**',
      'templates/email/**',
    ]);
    expect(workflow.concurrency).toEqual({
      group: 'prompt-review-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.jobs.promptgate.steps[1].uses).toBe('promptgate/promptgate@v1');
  });
});

describe('existing files', () => {
  test('are never overwritten without --force, and the skip says how', async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, { 'promptgate.yaml': 'mine\n', '.github/workflows/prompt-review.yml': 'mine too\n' });
    const result = await init(dir);
    expect(result.written).toEqual([]);
    expect(result.skipped).toEqual(['promptgate.yaml', '.github/workflows/prompt-review.yml']);
    expect(result.log).toContain('Skipped promptgate.yaml: it exists (pass --force to overwrite it)');
    expect(await readFile(path.join(dir, 'promptgate.yaml'), 'utf8')).toBe('mine\n');
    expect(await readFile(path.join(dir, '.github/workflows/prompt-review.yml'), 'utf8')).toBe('mine too\n');
  });

  test('are overwritten with --force', async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, { 'promptgate.yaml': 'mine\n' });
    const result = await init(dir, true);
    expect(result.written).toEqual(['promptgate.yaml', '.github/workflows/prompt-review.yml']);
    expect((await readYaml(path.join(dir, 'promptgate.yaml'))).prompts).toHaveLength(5);
  });

  test('only the missing one is written when the other exists', async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, { '.github/workflows/prompt-review.yml': 'mine\n' });
    const result = await init(dir);
    expect(result).toMatchObject({ written: ['promptgate.yaml'], skipped: ['.github/workflows/prompt-review.yml'] });
  });

  test('a promptfoo config is used as it is, not shadowed by a new promptgate.yaml', async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, { 'promptfooconfig.yaml': 'prompts: [hi]\nproviders: [echo]\n' });
    const result = await init(dir);
    expect(result.written).toEqual(['.github/workflows/prompt-review.yml']);
    expect(result.log).toContain('Found promptfooconfig.yaml: promptgate runs it as it is');
    const workflow = await readYaml(path.join(dir, '.github/workflows/prompt-review.yml'));
    expect(workflow.jobs.promptgate.steps[1].with.config).toBe('promptfooconfig.yaml');
    expect(workflow.jobs.promptgate.steps[1].env).toBeUndefined();
  });

  test("the workflow passes the keys an existing promptfoo suite's providers read", async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, {
      'promptfooconfig.yaml': [
        'prompts: [hi]',
        'providers:',
        '  - openai:gpt-4.1-mini',
        '  - id: anthropic:claude-sonnet-4-6',
        '  - bedrock:us.amazon.nova-lite-v1:0',
        '  - openrouter:deepseek/deepseek-r1',
        '  - id: openai:responses:gpt-5',
        '    config: { apiKeyEnvar: TEAM_OPENAI_KEY }',
        '  - ollama:chat:llama3',
        '  - replicate:meta/llama-2-7b-chat',
        '  - elevenlabs:tts:rachel',
        '  - browser',
        '',
      ].join('\n'),
    });
    const result = await init(dir);
    const workflow = await readYaml(path.join(dir, '.github/workflows/prompt-review.yml'));
    const names = [
      'OPENAI_API_KEY',
      'ANTHROPIC_API_KEY',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'OPENROUTER_API_KEY',
      'TEAM_OPENAI_KEY',
      'REPLICATE_API_TOKEN',
      'ELEVENLABS_API_KEY',
    ];
    expect(workflow.jobs.promptgate.steps[1].env).toEqual(
      Object.fromEntries(names.map((n) => [n, `\${{ secrets.${n} }}`])),
    );
    expect(result.log).toContain(
      `The suite's providers read ${[...names].sort().join(', ')}: add them as repository secrets.`,
    );
  });

  test('the key of every provider the suite uses is passed to the step from secrets', async () => {
    const dir = await copyOfFixture('support-bot');
    await writeFiles(dir, {
      'promptfooconfig.yaml':
        'prompts: [hi]\nproviders:\n  - openai:chat:gpt-4o-mini\n  - anthropic:messages:claude-3-5-haiku-latest\n  - id: openai:chat:other\n    config: { apiKeyEnvar: MY_GATEWAY_KEY }\n  - echo\ntests:\n  - vars: {}\n',
    });
    await init(dir);
    const workflow = await readYaml(path.join(dir, '.github/workflows/prompt-review.yml'));
    expect(workflow.jobs.promptgate.steps[1].env).toEqual({
      ANTHROPIC_API_KEY: '${{ secrets.ANTHROPIC_API_KEY }}',
      MY_GATEWAY_KEY: '${{ secrets.MY_GATEWAY_KEY }}',
      OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}',
    });
  });

  test('.promptgate/ is ignored: created, appended to, or left when already there', async () => {
    const fresh = await emptyDir();
    expect((await init(fresh)).gitignore).toBe('created');
    expect(await readFile(path.join(fresh, '.gitignore'), 'utf8')).toContain('\n.promptgate/\n');
    const existing = await emptyDir();
    await writeFiles(existing, { '.gitignore': 'node_modules' });
    expect((await init(existing)).gitignore).toBe('updated');
    expect(await readFile(path.join(existing, '.gitignore'), 'utf8')).toBe('node_modules\n.promptgate/\n');
    expect((await init(existing, true)).gitignore).toBe('already');
  });
});

describe('other projects', () => {
  test('no prompts: an example inline prompt, still green, and it says so', async () => {
    const dir = await emptyDir();
    const result = await init(dir);
    expect(result.written).toEqual(['promptgate.yaml', '.github/workflows/prompt-review.yml']);
    expect(result.log).toContain('No prompt files found (looked for prompts/**');
    const config = await readYaml(path.join(dir, 'promptgate.yaml'));
    expect(config.prompts).toEqual(['Summarize this support ticket in one sentence for the next agent: {{ ticket }}']);
    const workflow = await readYaml(path.join(dir, '.github/workflows/prompt-review.yml'));
    expect(workflow.jobs.promptgate.steps[1].with.prompts).toBe('prompts/**');
  });

  test('a prompt that prints {{ itself gets an assertion it can pass (fixtures/init/literal-braces)', async () => {
    const dir = await copyOfFixture('literal-braces');
    await init(dir);
    const config = await readYaml(path.join(dir, 'promptgate.yaml'));
    expect(config.tests[0].assert).toEqual([{ type: 'javascript', value: "String(output).trim() !== ''" }]);
  });

  test('invalid JSON in a prompts folder is left out with a note', async () => {
    const dir = await emptyDir();
    await writeFiles(dir, { 'prompts/a.txt': 'Hi {{ name }}', 'prompts/settings.json': '{ not json' });
    const result = await init(dir);
    expect(result.log).toContain('Left out prompts/settings.json: it is not valid JSON');
    expect((await readYaml(path.join(dir, 'promptgate.yaml'))).prompts).toEqual(['file://prompts/a.txt']);
  });

  test('many prompts are capped with a note', async () => {
    const dir = await emptyDir();
    await writeFiles(
      dir,
      Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`prompts/p${String(i).padStart(2, '0')}.txt`, 'x'])),
    );
    const result = await init(dir);
    expect(result.log).toContain('...and 3 more');
    expect((await readYaml(path.join(dir, 'promptgate.yaml'))).prompts).toHaveLength(20);
  });

  test('a project in a subfolder of a repository: the workflow goes to the repository root', async () => {
    const repo = await emptyDir();
    await mkdir(path.join(repo, '.git'));
    const project = path.join(repo, 'services', 'bot');
    await writeFiles(project, { 'prompts/a.txt': 'Hi {{ name }}' });
    const result = await init(project);
    expect(result.written).toEqual(['promptgate.yaml', '../../.github/workflows/prompt-review.yml']);
    const workflow = await readYaml(path.join(repo, '.github/workflows/prompt-review.yml'));
    // The action joins `prompts` with working-directory: the globs are the project's own.
    expect(workflow.jobs.promptgate.steps[1].with).toMatchObject({
      config: 'promptgate.yaml',
      'working-directory': 'services/bot',
      prompts: 'prompts/**',
    });
  });
});
