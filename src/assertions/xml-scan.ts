// The lexical half of promptfoo 0.123.1's XML checks (src/assertions/xml.ts there), ported as it is: XML names,
// DOCTYPE declarations, and the scan that finds XML fragments inside free text for contains-xml — balanced
// element spans, with runs of sibling elements offered as one candidate before each element on its own.

const isNameStart = (c: number | undefined): boolean =>
  c !== undefined &&
  (c === 58 ||
    c === 95 ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 192 && c <= 214) ||
    (c >= 216 && c <= 246) ||
    (c >= 248 && c <= 767) ||
    (c >= 880 && c <= 893) ||
    (c >= 895 && c <= 8191) ||
    (c >= 8204 && c <= 8205) ||
    (c >= 8304 && c <= 8591) ||
    (c >= 11264 && c <= 12271) ||
    (c >= 12289 && c <= 55295) ||
    (c >= 63744 && c <= 64975) ||
    (c >= 65008 && c <= 65533) ||
    (c >= 65536 && c <= 983039));

const isNameChar = (c: number | undefined): boolean =>
  isNameStart(c) ||
  c === 45 ||
  c === 46 ||
  (c !== undefined && c >= 48 && c <= 57) ||
  c === 183 ||
  (c !== undefined && c >= 768 && c <= 879) ||
  (c !== undefined && c >= 8255 && c <= 8256);

const width = (c: number): number => (c > 65535 ? 2 : 1);

/** The XML name at `start`, and where it ends; undefined if none starts there. */
export function readXmlName(input: string, start: number): { name: string; end: number } | undefined {
  const first = input.codePointAt(start);
  if (first === undefined || !isNameStart(first)) return undefined;
  let end = start + width(first);
  for (let c = input.codePointAt(end); c !== undefined && isNameChar(c); c = input.codePointAt(end)) end += width(c);
  return { name: input.slice(start, end), end };
}

export function hasDoctypeInternalSubset(doctype: string): boolean {
  let quote: string | undefined;
  for (const char of doctype) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') return true;
  }
  return false;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\r' || char === '\n';

function skipSpace(input: string, start: number): number {
  let index = start;
  while (isSpace(input[index])) index++;
  return index;
}

function readQuoted(input: string, start: number): { value: string; end: number } | undefined {
  const quote = input[start];
  if (quote !== '"' && quote !== "'") return undefined;
  const closing = input.indexOf(quote, start + 1);
  return closing === -1 ? undefined : { value: input.slice(start + 1, closing), end: closing + 1 };
}

function hasSystemLiteral(input: string, start: number): boolean {
  const literalStart = skipSpace(input, start);
  if (literalStart === start) return false;
  const literal = readQuoted(input, literalStart);
  return Boolean(literal && !literal.value.includes('#') && skipSpace(input, literal.end) === input.length);
}

/** A DOCTYPE body (after `<!DOCTYPE`): a name, then optionally SYSTEM "…" or PUBLIC "…" "…". */
export function isWellFormedDoctype(doctype: string): boolean {
  let index = skipSpace(doctype, 0);
  if (index === 0) return false;
  const name = readXmlName(doctype, index);
  if (!name) return false;
  index = name.end;
  const externalStart = skipSpace(doctype, index);
  if (externalStart === doctype.length) return true;
  if (externalStart === index) return false;
  index = externalStart;
  if (doctype.startsWith('SYSTEM', index)) return hasSystemLiteral(doctype, index + 6);
  if (!doctype.startsWith('PUBLIC', index)) return false;
  index += 6;
  const publicStart = skipSpace(doctype, index);
  if (publicStart === index) return false;
  const publicLiteral = readQuoted(doctype, publicStart);
  if (!publicLiteral || !/^[\x20\r\na-zA-Z0-9'()+,./:=?;!*#@$_%-]*$/.test(publicLiteral.value)) return false;
  return hasSystemLiteral(doctype, publicLiteral.end);
}

export function hasDoctypeExternalSubset(doctype: string): boolean {
  const name = readXmlName(doctype, skipSpace(doctype, 0));
  if (!name) return false;
  const externalStart = skipSpace(doctype, name.end);
  return doctype.startsWith('SYSTEM', externalStart) || doctype.startsWith('PUBLIC', externalStart);
}

function findTagEnd(input: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < input.length; i++) {
    const char = input[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '<') return -1;
    else if (char === '>') return i;
  }
  return -1;
}

function findDelimitedEnd(input: string, start: number, delimiter: string): number {
  for (let i = start; i <= input.length - delimiter.length; i++) {
    if (input.startsWith(delimiter, i)) return i + delimiter.length - 1;
  }
  return input.length - 1;
}

function findDeclarationEnd(input: string, start: number): number {
  if (input.startsWith('<!--', start)) return findDelimitedEnd(input, start + 4, '-->');
  if (input.startsWith('<![CDATA[', start)) return findDelimitedEnd(input, start + 9, ']]>');
  let quote: string | undefined;
  let depth = 0;
  for (let i = start + 2; i < input.length; i++) {
    const char = input[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth++;
    else if (char === ']' && depth > 0) depth--;
    else if (char === '>' && depth === 0) return i;
  }
  return input.length - 1;
}

type Tag =
  | { kind: 'declaration'; start: number; end: number }
  | { kind: 'closing'; start: number; end: number; name: string }
  | { kind: 'opening'; start: number; end: number; name: string; selfClosing: boolean };

function readTag(input: string, start: number): Tag | undefined {
  const next = input[start + 1];
  if (next === undefined) return undefined;
  if (next === '!') return { kind: 'declaration', start, end: findDeclarationEnd(input, start) };
  if (next === '?') return { kind: 'declaration', start, end: findDelimitedEnd(input, start + 2, '?>') };
  const closing = next === '/';
  const name = readXmlName(input, start + (closing ? 2 : 1));
  if (!name) return undefined;
  const end = findTagEnd(input, start);
  if (end === -1) return undefined;
  if (closing) return { kind: 'closing', start, end, name: name.name };
  let last = end - 1;
  while (last > start && /\s/.test(input[last])) last--;
  return { kind: 'opening', start, end, name: name.name, selfClosing: input[last] === '/' };
}

export interface XmlCandidate {
  start: number;
  /** Exclusive. */
  end: number;
  /** Where the enclosing open element starts, if any. */
  parentStart?: number;
}

/** promptfoo's orderXmlCandidates: runs of siblings (outside any candidate) first, then the outermost elements. */
function orderCandidates(candidates: XmlCandidate[]): XmlCandidate[] {
  const ordered: XmlCandidate[] = [];
  const seen = new Set<string>();
  const add = (candidate: XmlCandidate) => {
    const key = `${candidate.start}:${candidate.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      ordered.push(candidate);
    }
  };
  const starts = new Set(candidates.map((c) => c.start));
  const byParent = new Map<number | undefined, XmlCandidate[]>();
  for (const candidate of candidates) {
    const siblings = byParent.get(candidate.parentStart);
    if (siblings) siblings.push(candidate);
    else byParent.set(candidate.parentStart, [candidate]);
  }
  for (const [parentStart, siblings] of byParent.entries()) {
    if (siblings.length <= 1 || (parentStart !== undefined && starts.has(parentStart))) continue;
    siblings.sort((a, b) => a.start - b.start || a.end - b.end);
    add({ start: siblings[0].start, end: siblings[siblings.length - 1].end, parentStart });
  }
  const outermost = candidates
    .filter((c) => c.parentStart === undefined || !starts.has(c.parentStart))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const candidate of outermost) add(candidate);
  return ordered;
}

/** The balanced element spans of `text`, in the order contains-xml tries them. */
export function extractXmlCandidates(text: string): XmlCandidate[] {
  const stack: Array<{ name: string; start: number }> = [];
  const candidates: XmlCandidate[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '<') continue;
    const tag = readTag(text, i);
    if (!tag) continue;
    if (tag.kind === 'opening') {
      if (tag.selfClosing) candidates.push({ start: tag.start, end: tag.end + 1, parentStart: stack.at(-1)?.start });
      else stack.push({ name: tag.name, start: tag.start });
    } else if (tag.kind === 'closing') {
      const open = stack.at(-1);
      if (open?.name === tag.name) {
        stack.pop();
        candidates.push({ start: open.start, end: tag.end + 1, parentStart: stack.at(-1)?.start });
      } else stack.length = 0;
    }
    i = tag.end;
  }
  return orderCandidates(candidates);
}
