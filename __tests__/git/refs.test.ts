import { UsageError } from '../../src/errors.js';
import { assertSafeRef, assertSafeRepoPath, isSha, refProblem } from '../../src/git/refs.js';

const SHA1 = 'a'.repeat(40);
const SHA256 = '0123456789abcdef'.repeat(4);

describe('refs from inputs are checked before git sees them', () => {
  test.each([
    ['main'],
    ['feature/new-prompt'],
    ['origin/main'],
    ['refs/heads/main'],
    ['v1.2.0'],
    ['release-2024_01+hotfix'],
    ['HEAD'],
    ['HEAD~1'],
    ['HEAD~'],
    ['HEAD^'],
    ['HEAD^2'],
    ['main~3^2'],
    ['user@feature'],
    [SHA1],
    [SHA256],
    ['abc1234'],
  ])('accepts %s', (ref) => {
    expect(refProblem(ref)).toBeUndefined();
    expect(assertSafeRef(ref)).toBe(ref);
  });

  test.each([
    ['--upload-pack=touch /tmp/x', /starts with "-"/],
    ['-n', /starts with "-"/],
    ['a..b', /"\.\."/],
    ['main...feature', /"\.\."/],
    ['$(x)', /"\$"/],
    ['`id`', /"`"/],
    ['main branch', /whitespace/],
    ['main\n--exec', /control character|whitespace/],
    ['tab\there', /control character|whitespace/],
    ['@{-1}', /"@\{"/],
    ['main:path', /":"/],
    ['feat?', /"\?"/],
    ['feat*', /"\*"/],
    ['feat[1]', /"\["/],
    ['a\\b', /"\\\\"/],
    ['', /empty/],
    ['/main', /empty path component/],
    ['main/', /empty path component/],
    ['a//b', /empty path component/],
    ['main.lock', /\.lock/],
    ['.hidden', /starts with "\."/],
    ['~1', /no name/],
    ['x'.repeat(256), /255/],
  ])('rejects %j', (ref, reason) => {
    expect(refProblem(ref)).toMatch(reason);
    expect(() => assertSafeRef(ref, 'input "base"')).toThrow(UsageError);
  });

  test('the error names the input, quotes the value and says what is allowed', () => {
    expect(() => assertSafeRef('--output=/etc/passwd', 'input "base"')).toThrow(
      /^input "base" "--output=\/etc\/passwd" is not a safe git revision: it starts with "-".*Allowed: a ref is a full SHA.*HEAD~1/,
    );
  });
});

describe('isSha', () => {
  test.each([
    [SHA1, true],
    [SHA1.toUpperCase(), true],
    [SHA256, true],
    ['abc1234', false],
    ['g'.repeat(40), false],
    ['a'.repeat(41), false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isSha(value)).toBe(expected);
  });
});

describe('repository paths', () => {
  test.each([
    ['prompts/a.txt', 'prompts/a.txt'],
    ['./prompts/a b.txt', 'prompts/a b.txt'],
    ['dir/ünïcödé.md', 'dir/ünïcödé.md'],
    ['weird*[name].txt', 'weird*[name].txt'],
  ])('accepts %j as %j', (input, expected) => {
    expect(assertSafeRepoPath(input)).toBe(expected);
  });

  test.each([
    ['/etc/passwd', /absolute/],
    ['C:/x', /absolute/],
    ['../outside', /climbs out/],
    ['a/../../b', /climbs out/],
    ['a\nb', /control character/],
    ['', /empty/],
  ])('rejects %j', (input, reason) => {
    expect(() => assertSafeRepoPath(input)).toThrow(reason);
  });
});
