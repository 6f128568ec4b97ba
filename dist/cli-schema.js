import { writeFile } from 'node:fs/promises';
import { t as toJSONSchema, C as ConfigDocumentSchema } from './cli-main.js';
import 'node:path';
import 'node:fs';
import 'node:os';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

// The config's JSON Schema, generated from the zod schemas the loader uses, so that an editor (VS Code with
// the YAML extension: `# yaml-language-server: $schema=./promptgate.schema.json`) completes and checks the
// same shape promptgate accepts. promptfoo keys that promptgate ignores stay valid: the top level, and every
// object promptfoo defines, allow other keys; only promptgate's own `gate:` is closed.
/** The JSON Schema (draft-07, what editors support best) of a promptgate / promptfoo config, as written. */
function configJsonSchema() {
    const schema = toJSONSchema(ConfigDocumentSchema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
    return openObjectsSaidPlainly(schema);
}
/** The schema file's text: pretty JSON with a trailing newline, laid out as prettier lays it out. */
function schemaFileText() {
    return `${prettyJson(configJsonSchema(), '', '')}\n`;
}
const PRINT_WIDTH = 120;
/**
 * JSON.stringify(value, null, 2), except that a list of plain values that fits on its line stays on it, as
 * prettier (the repository's formatter) writes it: `npm run format` leaves the generated file unchanged.
 */
function prettyJson(value, indent, prefix, suffix = '') {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
        if (value.length === 0)
            return '[]';
        const flat = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
        const plain = value.every((item) => item === null || typeof item !== 'object');
        if (plain && indent.length + prefix.length + flat.length + suffix.length <= PRINT_WIDTH)
            return flat;
        const items = value.map((item, i) => inner + prettyJson(item, inner, '', i < value.length - 1 ? ',' : ''));
        return `[\n${items.join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(value);
    if (entries.length === 0)
        return '{}';
    const lines = entries.map(([key, item], i) => {
        const keyText = `${JSON.stringify(key)}: `;
        return inner + keyText + prettyJson(item, inner, keyText, i < entries.length - 1 ? ',' : '');
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
}
/** Writes the schema file (the committed one is `promptgate.schema.json` at the repository root). */
async function writeSchemaFile(file) {
    await writeFile(file, schemaFileText());
}
/** zod writes an open object as `additionalProperties: {}`; `true` means the same and reads as what it is. */
function openObjectsSaidPlainly(node) {
    if (Array.isArray(node))
        return node.map(openObjectsSaidPlainly);
    if (node === null || typeof node !== 'object')
        return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
        const empty = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
        out[key] = key === 'additionalProperties' && empty ? true : openObjectsSaidPlainly(value);
    }
    return out;
}

export { configJsonSchema, schemaFileText, writeSchemaFile };
