// is-html and contains-html, with promptfoo 0.123.1's semantics (src/assertions/html.ts there). is-html: the
// trimmed output, parsed as an HTML document by parse5 (promptfoo's parser), has no loose text directly in a
// body the parser had to add, and contains a recognised HTML5 element (or a custom element, with a hyphen)
// that the output wrote itself; XML (`<?xml`) is not HTML. contains-html: promptfoo's pattern score — paired,
// self-closing or common tags, entities, a doctype, comments, attributes — reaches 2. The not- forms invert.
import { parse } from 'parse5';
import { binary, type AssertionHandler } from './handler.js';

const MAX_INPUT_SIZE = 10 * 1024 * 1024;

const HTML_PATTERNS = {
  openingTag: /<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?>/,
  closingTag: /<\/[a-zA-Z][a-zA-Z0-9-]*\s*>/,
  selfClosingTag: /<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?\/>/,
  htmlEntity: /&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);/,
  doctype: /<!DOCTYPE\s+html/i,
  htmlComment: /<!--[^-]*(?:-[^-]+)*-->/,
  htmlAttribute: /\s[a-zA-Z-]+=\s*["'][^"']*["']/,
};
const COMMON_TAGS =
  /<(html|head|body|div|span|p|a|img|h[1-6]|ul|ol|li|table|tr|td|th|form|input|button|script|style|link|meta|br|hr)\b/i;

export function containsHtml(text: string): boolean {
  if (text.length > MAX_INPUT_SIZE) return false;
  let indicators = 0;
  const opening = HTML_PATTERNS.openingTag.test(text);
  const closing = HTML_PATTERNS.closingTag.test(text);
  if (opening && closing) indicators += 2;
  else if (opening || closing) indicators += 1;
  if (HTML_PATTERNS.selfClosingTag.test(text)) indicators += 1;
  if (HTML_PATTERNS.htmlEntity.test(text)) indicators += 1;
  if (HTML_PATTERNS.doctype.test(text)) indicators += 2;
  if (HTML_PATTERNS.htmlComment.test(text)) indicators += 1;
  if (HTML_PATTERNS.htmlAttribute.test(text)) indicators += 1;
  if (COMMON_TAGS.test(text)) indicators += 2;
  return indicators >= 2;
}

/** promptfoo's list of HTML5 elements (obsolete ones excluded). */
const VALID_HTML_ELEMENTS = new Set(
  'html head title base link meta style body article section nav aside h1 h2 h3 h4 h5 h6 header footer address p hr pre blockquote ol ul li dl dt dd figure figcaption main div a em strong small s cite q dfn abbr ruby rt rp data time code var samp kbd sub sup i b u mark bdi bdo span br wbr img iframe embed object param picture source video audio track map area svg math script noscript canvas ins del table caption colgroup col tbody thead tfoot tr td th form label input button select datalist optgroup option textarea output progress meter fieldset legend details summary dialog menu slot template'.split(
    ' ',
  ),
);

const WRAPPERS: Record<string, RegExp> = {
  html: /<html(?=[\s>/])/,
  head: /<head(?=[\s>/])/,
  body: /<body(?=[\s>/])/,
};

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: Node[];
  sourceCodeLocation?: unknown;
}

function findFirstElement(root: Node, predicate: (element: Node & { tagName: string }) => boolean): Node | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.tagName !== undefined && predicate(current as Node & { tagName: string })) return current;
    const children = current.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}

/** An html/head/body element the output wrote, not one the parser added. */
const written = (element: Node, name: string, input: string) =>
  WRAPPERS[name].test(input) && element.sourceCodeLocation !== null && element.sourceCodeLocation !== undefined;

export function validateHtml(html: string): { isValid: boolean; reason: string } {
  const trimmed = html.trim();
  if (!trimmed) return { isValid: false, reason: 'Output is empty' };
  if (trimmed.length > MAX_INPUT_SIZE) return { isValid: false, reason: 'Output exceeds maximum size limit' };
  if (/^\s*<\?xml/i.test(trimmed)) return { isValid: false, reason: 'Output appears to be XML, not HTML' };
  const document = parse(trimmed, { sourceCodeLocationInfo: true }) as unknown as Node;
  const input = trimmed.toLowerCase();
  const body = findFirstElement(document, (element) => element.tagName === 'body');
  const looseText = (body?.childNodes ?? []).some((node) => node.nodeName === '#text' && Boolean(node.value?.trim()));
  if (body && !written(body, 'body', input) && looseText) {
    return { isValid: false, reason: 'Output must be wrapped in HTML tags' };
  }
  const recognised = findFirstElement(document, (element) => {
    const name = element.tagName.toLowerCase();
    if (name in WRAPPERS) return written(element, name, input);
    return VALID_HTML_ELEMENTS.has(name) || name.includes('-');
  });
  if (!recognised) return { isValid: false, reason: 'Output does not contain recognized HTML elements' };
  return { isValid: true, reason: 'Output is valid HTML' };
}

const isHtml: AssertionHandler = ({ outputString, inverse }) => {
  const result = validateHtml(outputString);
  return binary(result.isValid !== inverse, result.reason);
};

const containsHtmlCheck: AssertionHandler = ({ outputString, inverse }) =>
  binary(containsHtml(outputString) !== inverse, `Expected output to ${inverse ? 'not ' : ''}contain HTML content`);

export const htmlAssertions: Record<string, AssertionHandler> = {
  'is-html': isHtml,
  'contains-html': containsHtmlCheck,
};
