// Module hooks (node:module register) that let a plain script import the tests' TypeScript modules, so a fake
// the tests use is the one the benchmarks use (scripts/test-support.mjs). A .ts file is transpiled with the
// project's TypeScript: types erased, nothing checked (`npm run lint` checks them).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The sources import each other as './x.js' (NodeNext); on disk that is './x.ts'. */
export async function resolve(specifier, context, nextResolve) {
  if (!context.parentURL?.endsWith('.ts') || !specifier.startsWith('.') || !specifier.endsWith('.js')) {
    return nextResolve(specifier, context);
  }
  try {
    return await nextResolve(specifier, context);
  } catch {
    return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
