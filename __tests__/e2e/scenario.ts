// A prompt repository with a base and a head commit, and a fake model whose skill the prompt sets: it answers
// question n correctly when (n mod 10) < skill. So a prompt's pass rate is skill/10, exactly and repeatably.
import type { FakeModelServer, Responder } from '../support/fake-model-server.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

export const skillResponder: Responder = ({ lastUserMessage }) => {
  const skill = Number(/Skill: (\d+)/.exec(lastUserMessage)?.[1] ?? '0');
  const n = Number(/Question (\d+)/.exec(lastUserMessage)?.[1] ?? '0');
  return n % 10 < skill ? `The answer to ${n} is OK.` : `Sorry, question ${n} is beyond me.`;
};

export function promptText(skill: number, wording = 'Answer the question'): string {
  return `${wording} carefully.\nSkill: ${skill}\nQuestion {{ n }}\n`;
}

export function suiteYaml(options: { tests?: number; extra?: string; critical?: number[] } = {}): string {
  const count = options.tests ?? 20;
  const tests = Array.from({ length: count }, (_, n) => {
    const critical = options.critical?.includes(n) ? '\n    critical: true' : '';
    return `  - description: question ${n}\n    vars: { n: ${n} }${critical}`;
  }).join('\n');
  return `description: skill suite
prompts:
  - file://prompts/answer.txt
providers:
  - openai:chat:fake-model
defaultTest:
  assert:
    - type: contains
      value: OK
evaluateOptions:
  maxConcurrency: 8
  maxRetries: 0
${options.extra ?? ''}
tests:
${tests}
`;
}

export interface Scenario {
  repo: TestRepo;
  base: string;
  head: string;
}

/** Commits the suite with the base prompt on main, then the head prompt on top. */
export async function promptChange(options: {
  baseSkill: number;
  headSkill: number;
  suite?: Parameters<typeof suiteYaml>[0];
  headExtraFiles?: Record<string, string>;
}): Promise<Scenario> {
  const repo = await createRepo();
  await repo.write('promptgate.yaml', suiteYaml(options.suite));
  await repo.write('prompts/answer.txt', promptText(options.baseSkill));
  await repo.write('README.md', '# demo\n');
  const base = await repo.commit('base');
  await repo.write('prompts/answer.txt', promptText(options.headSkill, 'Please answer the question'));
  for (const [file, content] of Object.entries(options.headExtraFiles ?? {})) await repo.write(file, content);
  const head = await repo.commit('head');
  return { repo, base, head };
}

export function modelEnv(model: FakeModelServer): Record<string, string> {
  return { OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: `${model.url}/v1` };
}

/** The pull_request event payload for the commits `base` and `head`. */
export function pullRequestEvent(s: Pick<Scenario, 'base' | 'head'>, number = 7) {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { sha: s.base, ref: 'main' }, head: { sha: s.head, ref: 'feature' } },
    repository: { name: 'demo', owner: { login: 'octo' } },
  };
}
