// TypeScript scripts (.ts, .mts, .cts), loaded as promptfoo 0.123.1 loads them with tsx: types are stripped, never
// checked, and the module runs as CommonJS with its import/export turned into require/exports, as tsx runs a .ts
// file outside a "type": "module" package (promptfoo's examples rely on it: __dirname, require.main). Its
// relative imports of other TypeScript files resolve as tsx resolves them: `./helper`, `./helper.ts`, and
// `./helper.js` naming a helper.ts. The type stripper, sucrase, is pure JavaScript, so Node 20 (which cannot
// strip types) and Node 24 behave the same; this file is a chunk of its own, loaded only for a TypeScript script.
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { transform } from 'sucrase';

/** Node's CommonJS loader, as far as this file drives it (these are not in @types/node). */
interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(code: string, filename: string): unknown;
}
interface CommonJsLoader {
  prototype: CommonJsModule;
  _extensions: Record<string, (module: CommonJsModule, filename: string) => void>;
  _cache: Record<string, CommonJsModule | undefined>;
  _load(request: string, parent: CommonJsModule | null, isMain: boolean): unknown;
}
const loader = Module as unknown as CommonJsLoader;

const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'];

/** A TypeScript file the stripper cannot parse: the message names file:line:col. */
export class TypeScriptSyntaxError extends Error {}

/** TypeScript → CommonJS JavaScript, line for line (sucrase keeps lines, so a stack's line numbers hold). */
export function stripTypes(source: string, file: string): string {
  try {
    return transform(source, { transforms: ['typescript', 'imports'], filePath: file, disableESTransforms: true }).code;
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    // "Error transforming /x.ts: Unexpected token (2:10)" → "Unexpected token"
    const what = (err as Error).message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
    throw new TypeScriptSyntaxError(`${file}${loc ? `:${loc.line}:${loc.column}` : ''}: ${what}`);
  }
}

/** `./helper.js` from a TypeScript file names helper.ts when only that exists (TypeScript's own convention). */
function typeScriptSibling(request: string, fromDir: string): string {
  const match = /^\.{1,2}\/.*\.([cm]?)js$/.exec(request);
  if (!match) return request;
  const asWritten = path.resolve(fromDir, request);
  if (existsSync(asWritten)) return request;
  const typescript = `${asWritten.slice(0, -'js'.length)}ts`;
  return existsSync(typescript) ? typescript : request;
}

function compileTypeScript(module: CommonJsModule, filename: string): void {
  const code = stripTypes(readFileSync(filename, 'utf8'), filename);
  const dir = path.dirname(filename);
  // The module's require() calls module.require; this one remaps only the requests of TypeScript files.
  module.require = (id: string) => loader.prototype.require.call(module, typeScriptSibling(id, dir));
  try {
    module._compile(code, filename);
  } catch (err) {
    throw locateSyntaxError(err, filename);
  }
}

const NO_TOP_LEVEL_AWAIT =
  'top-level await is not available: a TypeScript script runs as CommonJS, as promptfoo runs it outside a "type": "module" package; move the await into the exported function';

/** V8's SyntaxError names its line only in the stack ("/x.ts:3\n…"); the message should name it too. */
function locateSyntaxError(err: unknown, filename: string): unknown {
  // Node retries a CommonJS module that does not parse as an ES module, which cannot be required with an await.
  if ((err as { code?: unknown }).code === 'ERR_REQUIRE_ASYNC_MODULE')
    return new TypeScriptSyntaxError(`${filename}: ${NO_TOP_LEVEL_AWAIT}`);
  if (!(err instanceof SyntaxError) || err instanceof TypeScriptSyntaxError) return err;
  const line = err.stack?.startsWith(`${filename}:`) ? /^[^\n]*:(\d+)\n/.exec(err.stack)?.[1] : undefined;
  if (line === undefined) return err;
  const hint = /await is only valid/.test(err.message) ? ` (${NO_TOP_LEVEL_AWAIT})` : '';
  return new TypeScriptSyntaxError(`${filename}:${line}: ${err.message}${hint}`);
}

let installed = false;
function install(): void {
  if (installed) return;
  // Process-wide, as tsx's are: a require() of a TypeScript file from any script goes through the same stripper.
  for (const extension of TYPESCRIPT_EXTENSIONS) loader._extensions[extension] = compileTypeScript;
  installed = true;
}

const loadedHashes = new Map<string, string>();

/**
 * Runs a TypeScript file and returns its namespace as `import()` of a CommonJS module gives it: the exports as
 * `default`, and each export by name. An edited file (another content hash) runs afresh.
 */
export function loadTypeScript(file: string, contentHash: string): Record<string, unknown> {
  install();
  if (loadedHashes.get(file) !== contentHash) {
    delete loader._cache[file];
    loadedHashes.set(file, contentHash);
  }
  let exports: unknown;
  try {
    exports = loader._load(file, null, false);
  } catch (err) {
    loadedHashes.delete(file);
    throw err;
  }
  const named = exports !== null && (typeof exports === 'object' || typeof exports === 'function') ? exports : {};
  return { ...named, default: exports };
}
