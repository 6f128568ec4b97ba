// The README's Config section names every key promptgate knows at every level, and every promptfoo assertion
// type, supported or refused: the tables a user reads are the tables the loader enforces.
import { readFileSync } from 'node:fs';
import { ASSERTION_SET, SUPPORTED_ASSERTION_TYPES } from '../../src/assertions/index.js';
import { keyTable, type KeyLevel } from '../../src/config/keys.js';
import { REFUSED_ASSERTIONS } from '../../src/config/refused-assertions.js';

const readme = readFileSync('README.md', 'utf8');
const config = readme.slice(readme.indexOf('## Config\n'), readme.indexOf('## Results JSON\n'));
const named = new Set([...config.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]));
const mentioned = (name: string) =>
  named.has(name) || [...named].some((n) => n.endsWith('*') && name.startsWith(n.slice(0, -1)));

const LEVELS: KeyLevel[] = [
  'config',
  'test',
  'options',
  'assertion',
  'assertionSet',
  'provider',
  'prompt',
  'evaluateOptions',
];

test.each(LEVELS)('every %s key is in the README, supported, warned or refused', (level) => {
  const keys = keyTable(level);
  const all = [...keys.supported, ...Object.keys(keys.refused), ...Object.keys(keys.noted)];
  expect(all.filter((key) => !mentioned(key))).toEqual([]);
});

test('every assertion type, supported or refused, is in the README', () => {
  const all = [...SUPPORTED_ASSERTION_TYPES, ASSERTION_SET, ...Object.keys(REFUSED_ASSERTIONS)];
  expect(all.filter((type) => !mentioned(type))).toEqual([]);
});
