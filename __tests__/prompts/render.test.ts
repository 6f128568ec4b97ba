// Prompt rendering: nunjucks with promptfoo's semantics, object vars printable as JSON, chat prompts
// rendered message by message so the JSON stays valid whatever the vars hold.
import nunjucks from 'nunjucks';
import { compileTemplate, parseChatMessages, renderPrompt, renderTemplateText } from '../../src/prompts/render.js';
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

test("renders 10,000 cases, each with its own vars, from one compiled template (speed is the benchmark's)", () => {
  const source = 'Ticket from {{ customer.name }} ({{ customer.plan }}): {{ ticket }}';
  const p = prompt(source);
  for (let i = 0; i < 10_000; i++) {
    const text = renderPrompt(p, { customer, ticket: `ticket ${i}` });
    if (i % 2_500 === 0) expect(text).toBe(`Ticket from ${customer.name} (${customer.plan}): ticket ${i}`);
  }
  expect(compileTemplate(source)).toBe(compileTemplate(source));
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

// A template of text and bare `{{ name }}` outputs is joined without nunjucks' runtime; what it prints must be
// what nunjucks prints. Generated templates (texts with braces, newlines, `}}`; names that are literals,
// operators or globals; vars of every kind) are rendered both ways and compared.
describe('text-and-outputs templates render as nunjucks renders them', () => {
  const nunjucksRender = (source: string, vars: Record<string, unknown>): string =>
    new nunjucks.Environment(null, { autoescape: false }).renderString(source, vars);
  // A fixed-seed generator (mulberry32), so a failure names a template that can be replayed.
  let seed = 12345;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const TEXTS = [
    '',
    'Hi ',
    ' ',
    '\n',
    'a}}b',
    '} {',
    '{ x }',
    '}}',
    '{',
    '}',
    'ünï 😀',
    '$& $1',
    '\\n',
    '"q"',
    '%}',
    '#}',
  ];
  const NAMES = ['name', 'n2', '_x', 'word', 'true', 'none', 'null', 'True', 'not', 'range', 'loop', 'in'];
  const SPACES = ['', ' ', '  ', '\n', '\t'];
  const VALUES: unknown[] = ['Ada', '', 'x\ny', '{{ name }}', '$&', 0, -0, 1.5, 1e21, NaN, true, false];

  test('500 generated templates print what nunjucks prints', () => {
    for (let i = 0; i < 500; i++) {
      const parts: string[] = [pick(TEXTS)];
      const vars: Record<string, unknown> = {};
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const name = pick(NAMES);
        vars[name] = pick(VALUES);
        parts.push(`{{${pick(SPACES)}${name}${pick(SPACES)}}}`, pick(TEXTS));
      }
      const source = parts.join('');
      const both = [() => renderTemplateText(source, vars), () => nunjucksRender(source, vars)].map((render) => {
        try {
          return render();
        } catch {
          return 'an error';
        }
      });
      expect({ source, vars, rendered: both[0] }).toEqual({ source, vars, rendered: both[1] });
    }
  });

  test.each([
    ['an object prints its JSON', 'C: {{ c }}', { c: { a: 1 } }, 'C: {"a":1}'],
    ['null prints nothing', '[{{ n }}]', { n: null }, '[]'],
    ['a literal name is the literal', '{{ true }}/{{ none }}', { true: 'var', none: 'var' }, 'true/'],
    ['a field is looked up', '{{ c.a }}', { c: { a: 'x' } }, 'x'],
    ['whitespace control trims', 'a  {{- w -}}  b', { w: 'W' }, 'aWb'],
  ])('%s', (_name, source, vars, expected) => {
    expect(renderTemplateText(source, vars)).toBe(expected);
  });

  test('a name the test does not define is still an error', () => {
    expect(() => renderTemplateText('Hi {{ who }}', {})).toThrow(/who/);
  });
});
