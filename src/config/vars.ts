// A test's `vars` as promptfoo loads them: a map, or `file://vars.yaml` for the whole map; a `file://` value
// loads that file (JSON and YAML parsed, media as base64 — media.ts —, other text trimmed); a glob gives one
// value per file; a .js/.py file is a script that computes the value per case (src/prompts/script-vars.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScriptVar } from '../prompts/script-vars.js';
import { expandFileRef, isFileRef, isGlob, parseFileReference, readText, resolveInside } from './files.js';
import { isMediaFile, mediaVar } from './media.js';
import type { RawTest } from './schema.js';
import { locatedError, SourceFile, type KeyPath, type Locator } from './source.js';
import type { TestContext } from './tests.js';

/**
 * The vars when there is nothing to load (no vars, or a map without a `file://` value), else undefined (vars
 * files to read: a path, or a list of paths).
 */
export function plainVars(raw: RawTest['vars']): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'string' || Array.isArray(raw) || Object.values(raw).some(isFileRef)) return undefined;
  return { ...raw };
}

export async function loadVars(
  raw: RawTest['vars'],
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<Record<string, unknown>> {
  const plain = plainVars(raw);
  if (plain) return plain;
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'string' || Array.isArray(raw)) return varsFromFiles(raw, locator, at, ctx);
  const vars: Record<string, unknown> = { ...raw };
  for (const [name, value] of Object.entries(vars)) {
    if (isFileRef(value)) vars[name] = await loadVarFile(value, locator, [...at, name], ctx);
  }
  return vars;
}

const SCRIPT_VAR = /\.([cm]?[jt]s|py)(:[\w$]+)?$/i;

/**
 * promptfoo's `vars: vars.yaml`, `vars: [a.yaml, dir/*.yaml]` (readTestFiles): each path or glob names YAML or
 * JSON maps, merged in order; relative to the tests file that holds the test (`ctx.varsDir`), else to the
 * config's directory. promptfoo 0.123.1 resolves these paths as they are written, so one written with
 * `file://` matches no file there and the test runs without its vars: refused, saying to drop the prefix.
 */
async function varsFromFiles(
  raw: string | string[],
  locator: Locator,
  at: KeyPath,
  ctx: TestContext,
): Promise<Record<string, unknown>> {
  const scope = { ...ctx.scope, rootDir: ctx.varsDir ?? ctx.scope.rootDir };
  const merged: Record<string, unknown> = {};
  for (const [i, entry] of (typeof raw === 'string' ? [raw] : raw).entries()) {
    const where = typeof raw === 'string' ? at : [...at, i];
    if (isFileRef(entry)) {
      throw locatedError(
        locator,
        where,
        `${entry}: promptfoo 0.123.1 reads no vars from a \`file://\` path here (it looks for a file named \`file:/…\`, ` +
          `finds none and runs the test without these vars); write the path without \`file://\`: ${entry.slice('file://'.length)}`,
      );
    }
    const reference = `file://${entry}`;
    for (const abs of await expandFileRef(reference, scope, locator, where)) {
      ctx.files.add(abs);
      const content = await readText(abs, scope, locator, where, isGlob(reference) ? reference : undefined);
      const loaded = SourceFile.parse(content, ctx.display(abs)).toJS();
      if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
        throw locatedError(locator, where, `${ctx.display(abs)} must hold a map of variables`);
      }
      Object.assign(merged, loaded);
    }
  }
  return merged;
}

/** A var a script computes per case (src/prompts/script-vars.ts), in the forms promptfoo 0.123.1 reads. */
async function scriptVar(reference: string, locator: Locator, at: KeyPath, ctx: TestContext): Promise<ScriptVar> {
  const { path: relative, functionName } = parseFileReference(reference);
  const ext = path.extname(relative).toLowerCase();
  if (functionName !== undefined) {
    throw locatedError(
      locator,
      at,
      `${reference}: promptfoo calls a var script's module itself (JavaScript) or its get_var function (Python), not a named one; write file://${relative}`,
    );
  }
  const abs = await resolveInside(relative, ctx.scope, locator, at);
  ctx.files.add(abs);
  return new ScriptVar(reference, abs, ext === '.py' ? 'python' : 'javascript');
}

/**
 * promptfoo's vars files: JSON and YAML parse, images/audio/video are base64 (media.ts), anything else is
 * trimmed text; a glob gives one value per file.
 */
async function loadVarFile(reference: string, locator: Locator, at: KeyPath, ctx: TestContext): Promise<unknown> {
  if (SCRIPT_VAR.test(reference)) return scriptVar(reference, locator, at, ctx);
  const files = await expandFileRef(reference, ctx.scope, locator, at);
  const values: unknown[] = [];
  for (const abs of files) {
    ctx.files.add(abs);
    if (isMediaFile(abs)) {
      values.push(mediaVar(abs, await readFile(abs)));
      continue;
    }
    const content = await readText(abs, ctx.scope, locator, at, isGlob(reference) ? reference : undefined);
    const ext = path.extname(abs).toLowerCase();
    if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
      values.push(SourceFile.parse(content, ctx.display(abs)).toJS());
    } else {
      // promptfoo trims a text file's content when it loads it as a var.
      values.push(content.trim());
    }
  }
  return isGlob(reference) ? values : values[0];
}
