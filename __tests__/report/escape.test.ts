import { breakMentions, codeBlock, escapeInline, fenceFor, neutralizeCode } from '../../src/report/escape.js';

const ZWJ = '\u200d';

describe('escapeInline: model text in prose and table cells', () => {
  it.each([
    ['@octocat hi', `@${ZWJ}octocat hi`],
    ['ping @acme/admins', `ping @${ZWJ}acme/admins`],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a | b', 'a \\| b'],
    ['line 1\nline 2\r\nline 3', 'line 1 ↵ line 2 ↵ line 3'],
    ['[click](https://evil)', '\\[click\\](https://evil)'],
    ['`code`', '\\`code\\`'],
    ['AT&T', 'AT&amp;T'],
    ['back\\slash', 'back\\\\slash'],
    ['</details>', '&lt;/details&gt;'],
  ])('%j → %j', (text, expected) => {
    expect(escapeInline(text)).toBe(expected);
  });

  it('truncates by code points before escaping, with an ellipsis', () => {
    expect(escapeInline('😀'.repeat(10) + '<<<', 5)).toBe('😀😀😀😀…');
  });
});

describe('code blocks: the fence outlasts any backtick run', () => {
  it.each([
    ['plain', '```'],
    ['has ``` inside', '````'],
    ['has ````` inside', '``````'],
  ])('%j → fence %j', (content, fence) => {
    expect(fenceFor(content)).toBe(fence);
    expect(codeBlock(content).startsWith(`${fence}text\n`)).toBe(true);
    expect(codeBlock(content).endsWith(`\n${fence}`)).toBe(true);
  });

  it('neutralizes tags and mentions inside the fence', () => {
    expect(neutralizeCode('<script> </details> @bob a < b')).toBe(`<\u200bscript> <\u200b/details> @${ZWJ}bob a < b`);
  });

  it('cuts long output', () => {
    expect(codeBlock('x'.repeat(1000), 'text', 10)).toBe('```text\nxxxxxxxxx…\n```');
  });
});

describe('breakMentions', () => {
  it('leaves a lone @ alone', () => {
    expect(breakMentions('a @ b')).toBe('a @ b');
  });
});
