// Text assertions: exact, substring, prefix, regex, word count and edit distance checks over the output
// string. Each mirrors promptfoo's handler of the same name, reasons included.
import { isDeepStrictEqual } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { binary, invariant, not, type AssertionHandler } from './handler.js';

const equals: AssertionHandler = ({ value, outputString, inverse }) => {
  let pass: boolean;
  let shown: unknown = value;
  if (typeof value === 'object') {
    // An object (or array, or null) value compares structurally with the output parsed as JSON.
    try {
      pass = isDeepStrictEqual(value, JSON.parse(outputString)) !== inverse;
    } catch {
      pass = inverse;
    }
    shown = JSON.stringify(value);
  } else {
    pass = (String(value) === outputString) !== inverse;
  }
  return binary(pass, `Expected output "${outputString}" to ${not(inverse)}equal "${String(shown)}"`);
};

function isContainsValue(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && !Number.isNaN(value));
}

function containsHandler(type: string, fold: (s: string) => string): AssertionHandler {
  return ({ value, outputString, inverse }) => {
    invariant(isContainsValue(value), `"${type}" assertion type must have a string or number value`);
    const pass = fold(outputString).includes(fold(String(value))) !== inverse;
    return binary(pass, `Expected output to ${not(inverse)}contain "${value}"`);
  };
}

/** A list value may be written as a comma-separated string; quoted fields keep their commas. */
function listValue(type: string, value: unknown): unknown[] {
  invariant(value, `"${type}" assertion type must have a value`);
  const list = typeof value === 'string' ? parseCommaSeparatedValues(value) : value;
  invariant(Array.isArray(list), `"${type}" assertion type must have an array value`);
  return list;
}

function containsAnyHandler(type: string, fold: (s: string) => string): AssertionHandler {
  return ({ value, outputString, inverse }) => {
    const list = listValue(type, value);
    const haystack = fold(outputString);
    const pass = list.some((v) => haystack.includes(fold(String(v)))) !== inverse;
    return binary(pass, `Expected output to ${not(inverse)}contain one of "${list.join(', ')}"`);
  };
}

function containsAllHandler(type: string, fold: (s: string) => string): AssertionHandler {
  return ({ value, outputString, inverse }) => {
    const list = listValue(type, value);
    const haystack = fold(outputString);
    const missing = list.filter((v) => !haystack.includes(fold(String(v))));
    const pass = (missing.length === 0) !== inverse;
    return binary(
      pass,
      `Expected output to ${not(inverse)}contain all of [${list.join(', ')}]. Missing: [${missing.join(', ')}]`,
    );
  };
}

const startsWith: AssertionHandler = ({ value, outputString, inverse }) => {
  invariant(value && typeof value === 'string', '"starts-with" assertion type must have a string value');
  const pass = outputString.startsWith(value) !== inverse;
  return binary(pass, `Expected output to ${not(inverse)}start with "${value}"`);
};

// A pattern compiles once per run; non-global regexes carry no state, so sharing them is safe.
const compiledRegexes = new Map<string, RegExp | Error>();
function compileRegex(source: string): RegExp | Error {
  let compiled = compiledRegexes.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(source);
    } catch (err) {
      compiled = err instanceof Error ? err : new Error(String(err));
    }
    compiledRegexes.set(source, compiled);
  }
  return compiled;
}

const regex: AssertionHandler = ({ value, outputString, inverse }) => {
  invariant(value && typeof value === 'string', '"regex" assertion type must have a string value');
  const compiled = compileRegex(value);
  // promptfoo fails (not errors) on an invalid pattern, whatever the not- form.
  if (compiled instanceof Error) return { pass: false, score: 0, reason: `Invalid regex pattern: ${compiled.message}` };
  const pass = compiled.test(outputString) !== inverse;
  return binary(pass, `Expected output to ${not(inverse)}match regex "${value}"`);
};

function countWords(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0).length;
}

const wordCount: AssertionHandler = ({ value, valueFromScript, outputString, inverse }) => {
  const expected = valueFromScript ?? value;
  invariant(expected != null, '"word-count" assertion must have a value');
  const count = countWords(outputString);
  if (typeof expected === 'object' && !Array.isArray(expected)) {
    const { min, max } = expected as { min?: number; max?: number };
    invariant(
      min !== undefined || max !== undefined,
      '"word-count" assertion object must have "min" and/or "max" properties',
    );
    if (min !== undefined && max !== undefined) {
      invariant(min <= max, `"word-count" assertion: min (${min}) must be less than or equal to max (${max})`);
      const pass = (count >= min && count <= max) !== inverse;
      return binary(
        pass,
        inverse
          ? `Expected word count to not be between ${min} and ${max}, but got ${count}`
          : `Word count ${count} is not between ${min} and ${max}`,
      );
    }
    if (min === undefined) {
      const pass = count <= max! !== inverse;
      return binary(
        pass,
        inverse
          ? `Expected word count to be greater than ${max}, but got ${count}`
          : `Word count ${count} is greater than maximum ${max}`,
      );
    }
    const pass = count >= min !== inverse;
    return binary(
      pass,
      inverse
        ? `Expected word count to be less than ${min}, but got ${count}`
        : `Word count ${count} is less than minimum ${min}`,
    );
  }
  invariant(
    typeof expected === 'number' || (typeof expected === 'string' && !Number.isNaN(Number(expected))),
    '"word-count" assertion value must be a number or an object with min/max properties',
  );
  const target = Number(expected);
  const pass = (count === target) !== inverse;
  return binary(
    pass,
    inverse
      ? `Expected word count to not equal ${target}, but got ${count}`
      : `Word count ${count} does not equal expected ${target}`,
  );
};

/** promptfoo's default: at most 5 edits. */
export const DEFAULT_LEVENSHTEIN_THRESHOLD = 5;

const levenshtein: AssertionHandler = ({ assertion, value, outputString, inverse }) => {
  invariant(typeof value === 'string', '"levenshtein" assertion type must have a string value');
  const edits = distance(outputString, value);
  const threshold = assertion.threshold ?? DEFAULT_LEVENSHTEIN_THRESHOLD;
  const pass = edits <= threshold !== inverse;
  return binary(
    pass,
    `Levenshtein distance ${edits} is ${inverse ? 'less than or equal to' : 'greater than'} threshold ${threshold}`,
  );
};

const same = (s: string) => s;
const lower = (s: string) => s.toLowerCase();

export const textAssertions: Record<string, AssertionHandler> = {
  equals,
  contains: containsHandler('contains', same),
  icontains: containsHandler('icontains', lower),
  'contains-any': containsAnyHandler('contains-any', same),
  'icontains-any': containsAnyHandler('icontains-any', lower),
  'contains-all': containsAllHandler('contains-all', same),
  'icontains-all': containsAllHandler('icontains-all', lower),
  'starts-with': startsWith,
  regex,
  'word-count': wordCount,
  levenshtein,
};

/**
 * Splits `a, "b, c", d` into fields as promptfoo does: whitespace around commas is trimmed, repeated
 * commas yield no empty fields, quoted fields keep commas and unescape `\"`, `\\` and `""`.
 */
export function parseCommaSeparatedValues(value: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (/\s/.test(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    if (value[i] === '"') {
      let field = '';
      let terminated = false;
      i++;
      while (i < value.length) {
        const c = value[i];
        const next = value[i + 1];
        if (c === '\\' && (next === '"' || next === '\\')) {
          field += next;
          i += 2;
        } else if (c === '"' && next === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          terminated = true;
          break;
        } else {
          field += c;
          i++;
        }
      }
      invariant(terminated, 'Unterminated quoted field in contains assertion value');
      while (i < value.length && /\s/.test(value[i])) i++;
      invariant(i >= value.length || value[i] === ',', 'Expected comma after quoted field in contains assertion value');
      fields.push(field);
    } else {
      const start = i;
      while (i < value.length && value[i] !== ',') i++;
      fields.push(value.slice(start, i).trim());
    }
  }
  return fields;
}
