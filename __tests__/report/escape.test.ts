import {
  codeBlock,
  escapeInline,
  fenceFor,
  neutralizeCode,
  quoteReferences,
  revealInvisible,
} from '../../src/report/escape.js';

describe('escapeInline: model text in prose and table cells', () => {
  it.each([
    ['@octocat hi', '`@octocat` hi'],
    ['ping @acme/admins', 'ping `@acme/admins`'],
    ['fixes #123', 'fixes `#123`'],
    ['see octo/demo#7 and GH-42', 'see `octo/demo#7` and `GH-42`'],
    ['mail me@example.com', 'mail me@example.com'],
    ['item#3 and # 4', 'item#3 and # 4'],
    ['a\u202eevil\u202c b', 'a⟨U+202E⟩evil⟨U+202C⟩ b'],
    ['zero\u200bwidth\u200d\ufeff', 'zero⟨U+200B⟩width⟨U+200D⟩⟨U+FEFF⟩'],
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

  it('inside the fence only invisible characters change (GitHub links nothing in code)', () => {
    expect(neutralizeCode('<script> @bob #12 \u2066x\u2069')).toBe('<script> @bob #12 ⟨U+2066⟩x⟨U+2069⟩');
    expect(codeBlock('-old\u202e\n+new', 'diff')).toBe('```diff\n-old⟨U+202E⟩\n+new\n```');
  });

  it('cuts long output', () => {
    expect(codeBlock('x'.repeat(1000), 'text', 10)).toBe('```text\nxxxxxxxxx…\n```');
  });
});

describe('quoteReferences and revealInvisible', () => {
  it('leaves a lone @ or # alone, and adds no invisible character of its own', () => {
    expect(quoteReferences('a @ b # c')).toBe('a @ b # c');
    expect(revealInvisible(escapeInline('@x #1 octo/r#2'))).toBe(escapeInline('@x #1 octo/r#2'));
  });
});
