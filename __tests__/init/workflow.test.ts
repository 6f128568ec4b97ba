// The pull-request workflow `promptgate init` writes.
import { parse } from 'yaml';
import { renderWorkflow, workflowPaths } from '../../src/init/workflow.js';

describe('the paths filter', () => {
  test.each([
    ['a prompts folder', ['prompts/a.txt', 'prompts/b.md'], ['prompts/**', 'promptgate.yaml']],
    [
      'nested folders collapse into the outer one',
      ['prompts/a.txt', 'prompts/chat/b.json'],
      ['prompts/**', 'promptgate.yaml'],
    ],
    [
      'sibling folders stay apart',
      ['prompts/a.txt', 'prompts-old/a.txt'],
      ['prompts/**', 'prompts-old/**', 'promptgate.yaml'],
    ],
    [
      'a prompt at the root by its name',
      ['system.prompt', 'src/agent/x.prompt.md'],
      ['src/agent/**', 'system.prompt', 'promptgate.yaml'],
    ],
  ])('%s', (_case, files, expected) => {
    expect(workflowPaths(files, 'promptgate.yaml')).toEqual(expected);
  });
});

describe('the workflow', () => {
  const workflow = parse(
    renderWorkflow({ config: 'promptgate.yaml', workingDirectory: '.', paths: ['prompts/**', 'promptgate.yaml'] }),
  );
  const steps = workflow.jobs.promptgate.steps;

  test('runs on pull requests that touch the paths', () => {
    expect(workflow.on).toEqual({ pull_request: { paths: ['prompts/**', 'promptgate.yaml'] } });
  });

  test('asks for the least permissions: read the code, write the comment', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  test('checks out the whole history, then runs the action on the config', () => {
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps[1]).toEqual({
      uses: 'promptgate/promptgate@v1',
      with: { config: 'promptgate.yaml', 'fail-on': 'regression' },
    });
  });

  test('a project in a subfolder passes its working directory', () => {
    const nested = parse(renderWorkflow({ config: 'promptgate.yaml', workingDirectory: 'services/bot', paths: [] }));
    expect(nested.jobs.promptgate.steps[1].with).toMatchObject({ 'working-directory': 'services/bot' });
  });
});
