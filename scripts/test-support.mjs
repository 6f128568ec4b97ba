// The tests' loopback fakes (__tests__/support/), for plain scripts: one copy of each fake, written in
// TypeScript, loaded through scripts/ts-hooks.mjs.
//   import { startFakeGitHub, startFakeModelServer } from './test-support.mjs';
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);

export const { startFakeModelServer } = await import('../__tests__/support/fake-model-server.ts');
export const { ROUTES, startFakeGitHub } = await import('../__tests__/support/fake-github.ts');
