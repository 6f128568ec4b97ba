// The results artifact: a name GitHub accepts and a re-run does not collide with, its URL, and an upload
// that fails is a warning, never a failed review. (The upload itself is tested end to end against a loopback
// artifact service in __tests__/e2e/comment-truth.test.ts.)
import { artifactName, artifactUrl, uploadResults } from '../../src/action/artifact.js';

test.each([
  ['promptgate.yaml', {}, 'promptgate-promptgate.yaml'],
  ['suites/a.yaml+suites/b.yaml', {}, 'promptgate-suites_a.yaml_suites_b.yaml'],
  ['promptgate.yaml', { GITHUB_RUN_ATTEMPT: '1' }, 'promptgate-promptgate.yaml'],
  ['promptgate.yaml', { GITHUB_RUN_ATTEMPT: '3' }, 'promptgate-promptgate.yaml-attempt-3'],
])('artifactName(%s, %j) is %s', (key, env, name) => {
  expect(artifactName(key, env)).toBe(name);
  expect(name).not.toMatch(/["':<>|*?\\/\r\n]/);
});

test('the URL is the run’s artifact page', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/demo', GITHUB_RUN_ID: '7' };
  expect(artifactUrl(env, 42)).toBe('https://github.com/octo/demo/actions/runs/7/artifacts/42');
  expect(artifactUrl({}, 42)).toBeUndefined();
});

test('without the service nothing is loaded; a failing upload is a warning', async () => {
  const log: string[] = [];
  const logger = {
    debug: () => {},
    info: (m: string) => log.push(`info ${m}`),
    warn: (m: string) => log.push(`warn ${m}`),
  };
  expect(await uploadResults({ name: 'n', dir: '/tmp', files: ['a'], env: {}, logger })).toBeUndefined();
  expect(log.pop()).toContain('artifact service is not available here');
  const failing = async () => ({
    uploadArtifact: async () => {
      throw new Error('409 conflict');
    },
  });
  expect(
    await uploadResults({ name: 'n', dir: '/tmp', files: ['a'], env: {}, logger, uploader: failing }),
  ).toBeUndefined();
  expect(log.pop()).toMatch(/^warn could not upload the results artifact n: 409 conflict/);
});
