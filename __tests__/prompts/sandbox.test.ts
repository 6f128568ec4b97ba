// Every known template-injection payload renders inertly or fails with the sandbox's error, in every place a
// template is rendered; the control runs the same payloads with plain nunjucks in a child process and shows
// each one writes its marker (so the corpus is live, and the guard is what stops it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPrompt, renderTemplateText } from '../../src/prompts/render.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = JSON.parse(
  readFileSync(path.join(root, '__tests__/fixtures/template-injection/payloads.json'), 'utf8'),
) as { payloads: Array<{ name: string; template: string }> };
const dir = mkdtempSync(path.join(os.tmpdir(), 'promptgate-ssti-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vars = { customer: { name: 'Ada' }, items: ['a'] };
const armed = (name: string) => {
  const marker = path.join(dir, name.replace(/\W+/g, '-'));
  return { marker, arm: (t: string) => t.replaceAll('MARKER', marker) };
};

describe.each(corpus.payloads)('$name', ({ name, template }) => {
  test.each([
    ['a text prompt', (t: string) => renderPrompt({ id: 'p', label: 'p', raw: t }, vars)],
    [
      'a chat prompt',
      (t: string) => renderPrompt({ id: 'c', label: 'c', raw: JSON.stringify([{ role: 'user', content: t }]) }, vars),
    ],
    ['an assertion value or rubric', (t: string) => renderTemplateText(t, vars)],
  ])('is inert in %s', (_where, render) => {
    const { marker, arm } = armed(`${name}-${_where}`);
    let output: string | undefined;
    try {
      output = render(arm(template));
    } catch (err) {
      expect((err as Error).message).toMatch(/a template may not read/);
    }
    expect(existsSync(marker)).toBe(false);
    if (output !== undefined) expect(output).not.toContain('pwned');
  });
});

test('control: with plain nunjucks every payload of the corpus runs (writes its marker)', () => {
  const script = `
    const nunjucks = require(${JSON.stringify(path.join(root, 'node_modules/nunjucks'))});
    const env = new nunjucks.Environment(null, { autoescape: false });
    const { payloads } = JSON.parse(require('fs').readFileSync(${JSON.stringify(path.join(root, '__tests__/fixtures/template-injection/payloads.json'))}, 'utf8'));
    for (const p of payloads) env.renderString(p.template.replaceAll('MARKER', ${JSON.stringify(dir)} + '/control-' + p.name.replace(/\\W+/g, '-')), ${JSON.stringify(vars)});
  `;
  execFileSync(process.execPath, ['-e', script]);
  for (const { name } of corpus.payloads) {
    expect([name, existsSync(path.join(dir, `control-${name.replace(/\W+/g, '-')}`))]).toEqual([name, true]);
  }
});

test('ordinary templates still work: fields, subscripts, loops, string methods, filters', () => {
  const t =
    '{{ customer.name }} {{ items[0] }} {% for i in items %}<{{ i }}>{% endfor %} {{ "ab".toUpperCase() }} {{ items | length }} {{ "x,y".split(",") | join("+") }}';
  expect(renderTemplateText(t, vars)).toBe('Ada a <a> AB 1 x+y');
});
