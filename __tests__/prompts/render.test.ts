// Prompt rendering: nunjucks with promptfoo's semantics, object vars printable as JSON, chat prompts
// rendered message by message so the JSON stays valid whatever the vars hold.
import { parseChatMessages, renderPrompt } from '../../src/prompts/render.js';
import type { Prompt } from '../../src/types.js';

const prompt = (raw: string): Prompt => ({ id: raw, label: raw, raw });
const customer = { name: 'Dana', plan: 'pro', tags: ['vip', 'eu'] };

test.each([
  ['plain text, no template', 'Hello there', {}, 'Hello there'],
  ['a var', 'Hello {{ name }}!', { name: 'Ada' }, 'Hello Ada!'],
  ['no autoescape', 'Say {{ text }}', { text: '<b>"Tom & Jerry"</b>' }, 'Say <b>"Tom & Jerry"</b>'],
  ['a missing var made optional with default renders empty', 'Hi {{ missing | default("") }}.', {}, 'Hi .'],
  ['a missing field of a defined var renders empty', 'Hi {{ customer.nickname }}.', { customer }, 'Hi .'],
  ['a var tested but not printed may be missing', '{% if vip %}VIP {% endif %}Hi.', {}, 'Hi.'],
  [
    'names the template binds itself are defined',
    '{% set n = 2 %}{% for i in [1] %}{{ i }}{{ n }}{{ loop.index }}{% endfor %}',
    {},
    '121',
  ],
  ['a field of an object var', '{{ customer.name }} on {{ customer.plan }}', { customer }, 'Dana on pro'],
  [
    'a bare object var prints JSON',
    'Customer: {{ customer }}',
    { customer },
    'Customer: {"name":"Dana","plan":"pro","tags":["vip","eu"]}',
  ],
  ['a bare list prints JSON', 'Tags: {{ customer.tags }}', { customer }, 'Tags: ["vip","eu"]'],
  ['loops over a list', '{% for t in customer.tags %}[{{ t }}]{% endfor %}', { customer }, '[vip][eu]'],
  [
    'loops over an object',
    '{% for k, v in point %}{{ k }}={{ v }};{% endfor %}',
    { point: { x: 1, y: 2 } },
    'x=1;y=2;',
  ],
  [
    'filters see the data',
    '{{ customer.tags | join("+") }} {{ customer.tags | length }} {{ point | dump }}',
    { customer, point: { x: 1 } },
    'vip+eu 2 {"x":1}',
  ],
  ['numbers and booleans', '{{ n }} {{ b }}', { n: 42, b: false }, '42 false'],
  ['a template that starts with [ but is not JSON', '[{{ tag }}] note', { tag: 'x' }, '[x] note'],
])('%s', (_name, raw, vars, expected) => {
  expect(renderPrompt(prompt(raw), vars)).toBe(expected);
});

test('a var object is not modified by rendering', () => {
  const vars = { customer: { name: 'Dana' } };
  renderPrompt(prompt('{{ customer }}'), vars);
  expect(Object.keys(vars.customer)).toEqual(['name']);
  expect(String(vars.customer)).toBe('[object Object]');
});

describe('chat prompts', () => {
  const chat = prompt(
    JSON.stringify([
      { role: 'system', content: 'You help {{ customer.name }}.' },
      { role: 'user', content: '{{ question }}' },
    ]),
  );

  test('each message content is rendered, and quotes or newlines in vars keep the JSON valid', () => {
    const rendered = renderPrompt(chat, { customer, question: 'Is "pro"\nworth it?' });
    expect(parseChatMessages(rendered)).toEqual([
      { role: 'system', content: 'You help Dana.' },
      { role: 'user', content: 'Is "pro"\nworth it?' },
    ]);
  });

  test('multimodal content parts are rendered too', () => {
    const parts = prompt(JSON.stringify([{ role: 'user', content: [{ type: 'text', text: 'About {{ topic }}' }] }]));
    expect(JSON.parse(renderPrompt(parts, { topic: 'cats' }))).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'About cats' }] },
    ]);
  });
});

test.each([
  ['a chat array', '[{"role":"user","content":"hi"}]', [{ role: 'user', content: 'hi' }]],
  [
    'content parts become their JSON text',
    '[{"role":"user","content":[{"type":"text","text":"hi"}]}]',
    [{ role: 'user', content: '[{"type":"text","text":"hi"}]' }],
  ],
  ['plain text', 'Hello', null],
  ['JSON that is not messages', '[1, 2]', null],
  ['an empty array', '[]', null],
  ['messages without a role', '[{"content":"hi"}]', null],
  ['broken JSON', '[{"role":', null],
])('parseChatMessages: %s', (_name, text, expected) => {
  expect(parseChatMessages(text)).toEqual(expected);
});

test('a template error names the problem', () => {
  expect(() => renderPrompt(prompt('Hello {{ name + }}'), { name: 'x' })).toThrow(/unexpected token/);
});

test('a template with an unclosed tag is sent as written (promptfoo wraps it in {% raw %})', () => {
  expect(renderPrompt(prompt('Hello {{ name }} and {{ name'), { name: 'x' })).toBe('Hello {{ name }} and {{ name');
});

test('a var naming other vars is resolved, then rendered, for the prompt (promptfoo 0.123.1)', () => {
  const vars = { greeting: '{{ who | upper }}, {{ name }}', name: 'N{{ other }}', other: 'o', who: 'ada' };
  expect(renderPrompt(prompt('{{ greeting }}!'), vars)).toBe('ADA, No!');
  // A var naming an undefined var stays as written; the vars given are not changed.
  expect(renderPrompt(prompt('{{ a }}'), { a: '{{ missing }} {{ b }}', b: 'x' })).toBe('{{ missing }} {{ b }}');
  expect(vars.name).toBe('N{{ other }}');
});

test('renders 10,000 cases quickly (compiled templates are reused)', () => {
  const p = prompt('Ticket from {{ customer.name }} ({{ customer.plan }}): {{ ticket }}');
  const start = performance.now();
  for (let i = 0; i < 10_000; i++) renderPrompt(p, { customer, ticket: `ticket ${i}` });
  expect(performance.now() - start).toBeLessThan(2000);
});

test.each([
  ['Hi {{ missing }}.', 'missing'],
  ['{{ custmer.name }}', 'custmer'],
  ['{% for i in items %}{{ i }}{% endfor %}{{ nam }}', 'nam'],
])('printing a variable the test does not define is an error that names it: %s', (template, name) => {
  expect(() => renderPrompt({ id: 'p', label: 'p', raw: template }, { items: [1] })).toThrow(
    new RegExp(`prints \\{\\{ ${name} \\}\\}, which this test does not define`),
  );
});
