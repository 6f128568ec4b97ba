#!/usr/bin/env node
// How many of a folder's promptfoo configs name only providers promptgate accepts: every provider id is
// parsed and resolved (provider objects built, files found) exactly as a run would, with placeholder
// credentials, and no call is made. Prints the share, and the ids refused grouped by family.
//
//   npm run coverage:providers -- <folder with promptfooconfig*.yaml files, e.g. promptfoo's examples/>
//
// Needs the compiled sources in build/ (the npm script compiles them first). promptfoo's own examples are
// not part of this repository: extract them into a temporary folder, e.g.
//   git --git-dir=<promptfoo clone>/.git archive HEAD examples | tar -x -C /tmp/pf
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/provider-coverage.mjs <folder>');
  process.exit(2);
}
const { parseProviderId, resolveProvider, credentialVariables } = await import(
  pathToFileURL(path.join(root, 'build', 'providers', 'index.js')).href
);

function findConfigs(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findConfigs(full));
    else if (/^promptfooconfig[^/]*\.ya?ml$/.test(name)) found.push(full);
  }
  return found.sort();
}

/** The provider entries of a config as {id, config}; `providers: file://x.yaml` is read from that file. */
function providerEntries(doc, dir) {
  let list = doc?.providers ?? doc?.targets;
  if (typeof list === 'string' && list.startsWith('file://') && /\.ya?ml$/.test(list)) {
    list = parse(readFileSync(path.resolve(dir, list.slice('file://'.length)), 'utf8'));
  }
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) list = [list];
  return list.map((entry) => {
    if (typeof entry === 'string') return { id: entry, config: {} };
    if (entry && typeof entry === 'object' && typeof entry.id === 'string')
      return { id: entry.id, config: entry.config ?? {} };
    if (entry && typeof entry === 'object' && Object.keys(entry).length === 1) {
      const [id] = Object.keys(entry);
      return { id, config: entry[id]?.config ?? {} };
    }
    return { id: JSON.stringify(entry), config: {} };
  });
}

const family = (id) => {
  if (/^https?:\/\//.test(id)) return 'http(s)://…';
  if (id.startsWith('file://')) return `file://*${path.extname(id.split(':')[1] ?? id) || ''}`;
  const [prefix, api] = id.split(':');
  return api && !/[./]/.test(api) && id.split(':').length > 2 ? `${prefix}:${api}` : prefix;
};

/**
 * Whether a custom module's load failed only for a dependency the example expects to be installed: a package
 * (`promptfoo`, an SDK), or a relative import that leaves the examples folder into promptfoo's own tree
 * (`require('../../dist/src/index.js')`, promptfoo's build). A missing file inside the examples folder (this
 * example's or a sibling's) stays a refusal.
 */
function needsMissingDependency(message, examplesRoot) {
  if (/Cannot find (package|module) '(?![./])/.test(message)) return true;
  const relative = /Cannot find module '(\.{1,2}\/[^']*)'/.exec(message);
  // Node names the importing file: CommonJS on the first line of its require stack, ESM after "imported from".
  const importer = /Require stack:\n- (.+)/.exec(message)?.[1] ?? / imported from (.+)$/m.exec(message)?.[1];
  if (!relative || !importer) return false;
  const target = path.resolve(path.dirname(importer.trim()), relative[1]);
  const fromExamples = path.relative(examplesRoot, target);
  return fromExamples.startsWith('..') || path.isAbsolute(fromExamples);
}

const examplesRoot = path.resolve(folder);
const configs = findConfigs(examplesRoot);
let accepted = 0;
let acceptedNeedingPackages = 0;
let withoutProviders = 0;
const refusedConfigs = new Map();
const reasons = new Map();
for (const file of configs) {
  let doc;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch {
    doc = undefined;
  }
  const entries = providerEntries(doc, path.dirname(file));
  if (!entries) {
    withoutProviders++;
    continue;
  }
  const refused = [];
  let needsPackages = false;
  for (const spec of entries) {
    try {
      parseProviderId(spec.id);
      // Placeholder credentials for every variable the provider reads, so resolution does not stop at a missing key.
      const env = Object.fromEntries(credentialVariables(spec).map((name) => [name, 'placeholder-credential']));
      env.DATABRICKS_WORKSPACE_URL = 'https://workspace.example';
      await resolveProvider(spec, { rootDir: path.dirname(file), env, configFile: file });
    } catch (err) {
      // A custom module that imports a package the example installs itself (`promptfoo`, an SDK) or promptfoo's own
      // build: the id was accepted and the module found; only its own dependencies are missing on this machine.
      if (needsMissingDependency(String(err?.message ?? err), examplesRoot)) {
        needsPackages = true;
        continue;
      }
      refused.push(spec.id);
      const key = family(spec.id);
      if (!reasons.has(key)) reasons.set(key, { count: 0, example: String(err?.message ?? err).slice(0, 160) });
      reasons.get(key).count++;
    }
  }
  if (refused.length === 0) {
    accepted++;
    if (needsPackages) acceptedNeedingPackages++;
  } else refusedConfigs.set(path.relative(folder, file), refused);
}

const counted = configs.length - withoutProviders;
console.log(`configs found:            ${configs.length}`);
console.log(`without providers:        ${withoutProviders} (not counted)`);
const pct = (n) => `${((100 * n) / counted).toFixed(1)}%`;
console.log(`all provider ids accepted: ${accepted} / ${counted} = ${pct(accepted)}`);
console.log(
  `  of which ${acceptedNeedingPackages} name a custom module whose own npm dependencies (or promptfoo's own build) are not installed here` +
    ` (without them: ${accepted - acceptedNeedingPackages} = ${pct(accepted - acceptedNeedingPackages)})`,
);
console.log('\nrefused ids by family (count, first reason):');
for (const [key, { count, example }] of [...reasons].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`  ${String(count).padStart(3)}  ${key.padEnd(28)} ${example}`);
}
if (process.argv.includes('--list')) {
  console.log('\nrefused configs:');
  for (const [file, ids] of refusedConfigs) console.log(`  ${file}: ${ids.join(', ')}`);
}
