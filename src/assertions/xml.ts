// is-xml and contains-xml, with promptfoo 0.123.1's semantics (src/assertions/xml.ts there): is-xml needs the
// whole output to be well-formed XML (checked by saxes, as promptfoo does; a DTD internal subset is refused);
// contains-xml needs one XML fragment of the output (xml-scan.ts finds them) to parse. `value` names elements
// that must be present, as dotted paths into the parsed document (`root.item.name`): a comma-separated string,
// a list, or `{requiredElements: [...]}`. The not- forms invert the verdict.
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { messageOf } from '../errors.js';
import { binary, invariant, type AssertionHandler } from './handler.js';
import {
  extractXmlCandidates,
  hasDoctypeExternalSubset,
  hasDoctypeInternalSubset,
  isWellFormedDoctype,
  readXmlName,
} from './xml-scan.js';

interface Verdict {
  isValid: boolean;
  reason: string;
  isWellFormed?: boolean;
}

function hasElementPath(value: unknown, path: string[]): boolean {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return false;
    if (Array.isArray(current)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || String(index) !== key || current[index] === undefined) return false;
      current = current[index];
      continue;
    }
    const record = current as Record<string, unknown>;
    if (record[key] === undefined) return false;
    current = record[key];
  }
  return true;
}

/** fast-xml-parser's reading of one candidate, then the required elements. */
function validateCandidate(xml: string, required: string[] | undefined): Verdict {
  const parser = new XMLParser({
    allowBooleanAttributes: true,
    ignoreAttributes: false,
    parseAttributeValue: true,
    parseTagValue: true,
  });
  try {
    const parsed: unknown = parser.parse(xml);
    const missing = (required ?? []).filter((element) => !hasElementPath(parsed, element.split('.')));
    if (missing.length > 0) {
      return { isValid: false, reason: `XML is missing required elements: ${missing.join(', ')}`, isWellFormed: true };
    }
    return { isValid: true, reason: 'XML is valid and contains all required elements', isWellFormed: true };
  } catch (err) {
    return { isValid: false, reason: `XML parsing failed: ${messageOf(err)}`, isWellFormed: false };
  }
}

/**
 * An external DTD is not read, so entities it would define stay as written (`&name;`) instead of being an
 * error: promptfoo wraps saxes' entity table the same way.
 */
function keepExternalEntities(parser: SaxesParser): void {
  const holder = parser as unknown as { ENTITIES: Record<string, string> };
  holder.ENTITIES = new Proxy(holder.ENTITIES, {
    get(target, property, receiver) {
      if (
        typeof property === 'string' &&
        readXmlName(property, 0)?.end === property.length &&
        !Reflect.has(target, property)
      ) {
        return `&${property};`;
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

export function validateXml(xml: string, required: string[] | undefined): Verdict {
  let unsupported: string | undefined;
  let badDoctype: string | undefined;
  let standalone = false;
  try {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('xmldecl', (declaration) => {
      standalone = declaration.standalone === 'yes';
    });
    parser.on('doctype', (doctype) => {
      if (hasDoctypeInternalSubset(doctype)) {
        unsupported = 'DTD internal subsets are not supported by is-xml validation';
        throw new Error(unsupported);
      }
      if (!isWellFormedDoctype(doctype)) {
        badDoctype = 'Malformed DOCTYPE declaration';
        throw new Error(badDoctype);
      }
      if (hasDoctypeExternalSubset(doctype) && !standalone) keepExternalEntities(parser);
    });
    parser.write(xml).close();
  } catch (err) {
    if (unsupported) return { isValid: false, reason: unsupported };
    return { isValid: false, reason: `XML parsing failed: ${badDoctype ?? messageOf(err)}` };
  }
  const { isValid, reason } = validateCandidate(xml, required);
  return { isValid, reason };
}

export function containsXml(text: string, required: string[] | undefined): Verdict {
  const candidates = extractXmlCandidates(text);
  if (candidates.length === 0) return { isValid: false, reason: 'No XML content found in the output' };
  // A candidate inside a well-formed one that lacked the required elements cannot have them either.
  const wellFormed: typeof candidates = [];
  for (const candidate of candidates) {
    if (wellFormed.some((c) => candidate.start >= c.start && candidate.end <= c.end)) continue;
    const { isValid, isWellFormed, reason } = validateCandidate(text.slice(candidate.start, candidate.end), required);
    if (isValid) return { isValid: true, reason };
    if (isWellFormed) wellFormed.push(candidate);
  }
  return { isValid: false, reason: 'No valid XML content found matching the requirements' };
}

function requiredElements(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((element) => element.trim());
  if (Array.isArray(value) && value.length > 0) return value.map((element) => String(element));
  if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    const listed = (value as { requiredElements?: unknown }).requiredElements;
    invariant(Array.isArray(listed), 'xml assertion must contain a string, array value, or no value');
    return listed.map((element) => String(element));
  }
  return undefined;
}

const xmlCheck =
  (check: typeof validateXml): AssertionHandler =>
  ({ value, outputString, inverse }) => {
    const result = check(outputString, requiredElements(value));
    return binary(result.isValid !== inverse, result.reason);
  };

export const xmlAssertions: Record<string, AssertionHandler> = {
  'is-xml': xmlCheck(validateXml),
  'contains-xml': xmlCheck(containsXml),
};
