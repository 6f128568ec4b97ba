import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

// The one import of a user's script: prompt functions, test generators, var scripts, custom providers, javascript
// assertions, transforms, extension hooks, nunjucks filters and scoring functions all load their module here.
// JavaScript goes to Node's own import(); TypeScript (.ts, .mts, .cts, as promptfoo's isJavascriptFile) is stripped
// of its types by typescript.ts, a chunk of its own loaded only when a suite has a TypeScript script.
/** promptfoo 0.123.1's JAVASCRIPT_EXTENSIONS, matched case-insensitively as its isJavascriptFile does. */
const JAVASCRIPT_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];
function isJavascriptFile(file) {
    return /\.[cm]?[jt]s$/i.test(file);
}
function isTypeScriptFile(file) {
    return /\.[cm]?ts$/i.test(file);
}
/**
 * Imports a user's module. The hash in the URL makes an edited module load afresh in a long-lived process (ESM
 * caches by URL); an unchanged one is the same module instance however often it is imported.
 */
async function importUserModule(file) {
    const source = await readFile(file);
    const contentHash = createHash('sha256').update(source).digest('hex');
    if (isTypeScriptFile(file)) {
        const { loadTypeScript } = await import('./index-typescript.js');
        return { namespace: loadTypeScript(file, contentHash), contentHash };
    }
    const namespace = (await import(`${pathToFileURL(file).href}?sha256=${contentHash}`));
    return { namespace, contentHash };
}
/**
 * The value promptfoo's importModule hands its callers: `default.default || default || namespace` (a CommonJS
 * module's exports arrive as `default`, and a compiled ES module's default export inside them as `default.default`).
 */
function promptfooDefault(namespace) {
    const outer = namespace.default;
    const inner = outer !== null && (typeof outer === 'object' || typeof outer === 'function') ? outer.default : undefined;
    return inner || outer || namespace;
}

export { JAVASCRIPT_EXTENSIONS as J, isJavascriptFile as a, importUserModule as i, promptfooDefault as p };
