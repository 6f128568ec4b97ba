import { markerFor } from '../../src/github/comment.js';
import { commentKey } from '../../src/review/outputs.js';

test.each([
  [['promptgate.yaml'], 'promptgate.yaml'],
  [
    ['examples/promptgate.yaml', 'examples/promptgate.reply.yaml'],
    'examples/promptgate.yaml+examples/promptgate.reply.yaml',
  ],
  [['my suite, v2.yaml'], 'my_suite__v2.yaml'],
  [[], 'default'],
])('commentKey(%j) = %s, and it fits in a hidden marker', (configs, key) => {
  expect(commentKey(configs)).toBe(key);
  expect(markerFor(commentKey(configs))).toBe(`<!-- promptgate:${key} -->`);
});
