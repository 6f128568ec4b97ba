// Which variables `promptgate init` fills in a test, read from the prompt template.
import { placeholderVars, templateVariables } from '../../src/init/template-variables.js';

const varsOf = (template: string) => placeholderVars(templateVariables(template));

describe('template variables become placeholder vars', () => {
  test.each([
    ['a plain variable', 'Hello {{ name }}', { name: 'example name' }],
    ['whitespace control', 'Hello {{- name -}}!', { name: 'example name' }],
    [
      'fields make an object',
      '{{ customer.name }} ({{ customer.plan }})',
      { customer: { name: 'example customer name', plan: 'example customer plan' } },
    ],
    [
      'a variable and its field',
      '{{ customer }} / {{ customer.name }}',
      { customer: { name: 'example customer name' } },
    ],
    [
      'filters are not variables',
      '{{ name | upper }} {{ text | truncate(20) | trim }}',
      { name: 'example name', text: 'example text' },
    ],
    [
      'filter arguments are',
      '{{ text | replace("a", fallback) }}',
      { text: 'example text', fallback: 'example fallback' },
    ],
    // A list of strings would run the test once per string, so it is nested to pass as one list.
    ['a list filter needs a list', '{{ tags | join(", ") }}', { tags: [['example tag']] }],
    ['keywords and tests are not variables', '{{ x if x is defined else "none" }}', { x: 'example x' }],
    ['methods read their object', '{{ name.upper() }} {{ range(3) }}', { name: 'example name' }],
    ['order of first use', '{{ b }} {{ a }} {{ b }}', { b: 'example b', a: 'example a' }],
    ['string contents are not variables', '{{ "user" ~ suffix }}', { suffix: 'example suffix' }],
    ['comments are ignored', '{# {{ hidden }} #}{{ shown }}', { shown: 'example shown' }],
    ['raw blocks are ignored', '{% raw %}{{ not_a_var }}{% endraw %}{{ real }}', { real: 'example real' }],
    ['tags are not read for inputs', '{% if vip %}VIP {% endif %}{{ ticket }}', { ticket: 'example ticket' }],
    ['set binds a name', '{% set greeting = "hi" %}{{ greeting }} {{ user }}', { user: 'example user' }],
    [
      'macro arguments are bound',
      '{% macro line(label, value) %}{{ label }}={{ value }}{% endmacro %}{{ line("a", b) }}',
      { b: 'example b' },
    ],
    [
      'a loop walks a list of items',
      '{% for m in messages %}{{ m.role }}: {{ m.content }} {{ loop.index }}{% endfor %}',
      { messages: [{ role: 'example message role', content: 'example message content' }] },
    ],
    [
      'a loop over plain items',
      '{% for tag in order.tags %}#{{ tag }}{% endfor %}',
      { order: { tags: [['example order tag']] } },
    ],
    ['no variables', 'Say hello.', {}],
  ])('%s: %s', (_case, template, expected) => {
    expect(varsOf(template)).toEqual(expected);
  });
});
