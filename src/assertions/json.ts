// JSON assertions: is-json (the whole output is JSON) and contains-json (some JSON object is embedded in
// the text), each optionally validated against a JSON schema given inline, as YAML/JSON text, or by file.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { extractJsonObjects } from './extract-json.js';
import { binary, invariant, not, type AssertionHandler, type AssertionInput } from './handler.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object, whose `default`
// is the plugin (bundlers may hand us the plugin itself).
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

let ajv: Ajv | undefined;
function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strictSchema: true });
    addFormats(ajv);
  }
  return ajv;
}

// Compiling a schema is the expensive part: do it once per distinct schema.
const validators = new Map<string, ValidateFunction>();
export function compileSchema(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    invariant(
      (schema !== null && typeof schema === 'object') || typeof schema === 'boolean',
      'a JSON schema must be an object',
    );
    validate = getAjv().compile(schema as object);
    validators.set(key, validate);
  }
  return validate;
}

/** The schema an is-json / contains-json value describes, or undefined when there is none. */
function schemaValidator({ assertion, value, valueFromScript }: AssertionInput): ValidateFunction | undefined {
  const type = assertion.type.replace(/^not-/, '');
  if (!value) return undefined;
  if (typeof value === 'string') {
    if (value.startsWith('file://')) {
      invariant(valueFromScript, `${type} references a file that does not export a JSON schema`);
      return compileSchema(valueFromScript);
    }
    return compileSchema(parseYaml(value));
  }
  invariant(typeof value === 'object', `${type} assertion must have a string or object value`);
  return compileSchema(value);
}

const isJson: AssertionHandler = (input) => {
  const { outputString, inverse } = input;
  let parsed: unknown;
  let pass: boolean;
  try {
    parsed = JSON.parse(outputString);
    pass = !inverse;
  } catch {
    pass = inverse;
  }
  if (parsed !== undefined) {
    const validate = schemaValidator(input);
    if (validate) {
      const valid = validate(parsed);
      pass = valid !== inverse;
      if (!pass) {
        return {
          pass,
          score: 0,
          reason: inverse
            ? 'Output is JSON that conforms to the provided schema'
            : `JSON does not conform to the provided schema. Errors: ${getAjv().errorsText(validate.errors)}`,
        };
      }
    }
  }
  return binary(pass, `Expected output to ${not(inverse)}be valid JSON`);
};

const containsJson: AssertionHandler = (input) => {
  const { outputString, inverse } = input;
  let failure = `Expected output to ${not(inverse)}contain valid JSON`;
  const objects = extractJsonObjects(outputString);
  let pass = inverse ? objects.length === 0 : objects.length > 0;
  const validate = objects.length > 0 ? schemaValidator(input) : undefined;
  if (validate) {
    // Passes when any embedded object conforms; the reason reports the last one that did not.
    for (const object of objects) {
      const valid = validate(object);
      pass = valid !== inverse;
      if (valid) {
        if (inverse) failure = 'Output contains JSON conforming to the provided schema';
        break;
      }
      failure = `JSON does not conform to the provided schema. Errors: ${getAjv().errorsText(validate.errors)}`;
    }
  }
  return binary(pass, failure);
};

export const jsonAssertions: Record<string, AssertionHandler> = {
  'is-json': isJson,
  'contains-json': containsJson,
};
