// The one import of a user's script: prompt functions, test generators, var scripts, custom providers, javascript
// assertions, transforms, extension hooks, nunjucks filters and scoring functions all load their module here.
// JavaScript goes to Node's own import(); TypeScript (.ts, .mts, .cts, as promptfoo's isJavascriptFile) is stripped
// of its types by typescript.ts, a chunk of its own loaded only when a suite has a TypeScript script.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** promptfoo 0.123.1's JAVASCRIPT_EXTENSIONS, matched case-insensitively as its isJavascriptFile does. */
export const JAVASCRIPT_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'] as const;

export function isJavascriptFile(file: string): boolean {
  return /\.[cm]?[jt]s$/i.test(file);
}

export function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?ts$/i.test(file);
}

export interface LoadedModule {
  /** The module's namespace, as `import()` gives it (a CommonJS module's exports arrive as `default`). */
  namespace: Record<string, unknown>;
  /** sha256 of the file's bytes: a custom provider's cache identity includes it. */
  contentHash: string;
}

/**
 * Imports a user's module. The hash in the URL makes an edited module load afresh in a long-lived process (ESM
 * caches by URL); an unchanged one is the same module instance however often it is imported.
 */
export async function importUserModule(file: string): Promise<LoadedModule> {
  const source = await readFile(file);
  const contentHash = createHash('sha256').update(source).digest('hex');
  if (isTypeScriptFile(file)) {
    const { loadTypeScript } = await import('./typescript.js');
    return { namespace: loadTypeScript(file, contentHash), contentHash };
  }
  const namespace = (await import(`${pathToFileURL(file).href}?sha256=${contentHash}`)) as Record<string, unknown>;
  return { namespace, contentHash };
}

/**
 * The value promptfoo's importModule hands its callers: `default.default || default || namespace` (a CommonJS
 * module's exports arrive as `default`, and a compiled ES module's default export inside them as `default.default`).
 */
export function promptfooDefault(namespace: Record<string, unknown>): unknown {
  const outer = namespace.default as Record<string, unknown> | null | undefined;
  const inner =
    outer !== null && (typeof outer === 'object' || typeof outer === 'function') ? outer.default : undefined;
  return inner || outer || namespace;
}
