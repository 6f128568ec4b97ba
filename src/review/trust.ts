// What a suite would execute, and where that code comes from. On events that run with the base repository's
// secrets and write token (pull_request_target, workflow_run), code from files the pull request changed must
// not run: a JavaScript assertion, a custom provider module, an exec: command, a JS transform. Prompts, vars
// and test data are only text and may be evaluated. Pure.
import path from 'node:path';
import type { ProviderSpec, Suite } from '../types.js';

export interface CodeUse {
  /** What would run, e.g. `javascript assertion (tests[3])`. */
  what: string;
  /** Repository-relative file the code comes from (the file itself, or the config/tests file it is written in). */
  file: string;
}

const FILE_PREFIX = 'file://';

function fileRef(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith(FILE_PREFIX)
    ? value.slice(FILE_PREFIX.length).split(':')[0]
    : undefined;
}

/** Every piece of code the suite runs besides promptgate itself, with the file it comes from. */
export function codeUses(suite: Suite, repoDir: string): CodeUse[] {
  const rel = (file: string) => path.relative(repoDir, path.resolve(suite.rootDir, file)).split(path.sep).join('/');
  const config = rel(suite.configPath);
  const uses: CodeUse[] = [];
  // A provider is code when it is a module or a command: the suite's providers, and graders named anywhere.
  const provider = (ref: string | ProviderSpec | undefined, where: string, writtenIn: string) => {
    const id = typeof ref === 'string' ? ref : ref?.id;
    if (!id) return;
    if (id.startsWith(FILE_PREFIX)) uses.push({ what: `custom provider module (${where})`, file: rel(fileRef(id)!) });
    if (id.startsWith('exec:')) {
      uses.push({ what: `exec provider (${where})`, file: writtenIn });
      // `exec: node scripts/model.mjs` or `exec: ./model.sh`: the script is code too.
      for (const arg of id.slice('exec:'.length).trim().split(/\s+/)) {
        if (/[./]/.test(arg) && !arg.startsWith('-'))
          uses.push({ what: `exec provider script (${where})`, file: rel(arg) });
      }
    }
  };
  suite.providers.forEach((p, i) => {
    provider(p, `providers[${i}] ${p.id}`, config);
    if (p.transform)
      uses.push({
        what: `provider transform (providers[${i}])`,
        file: fileRef(p.transform) ? rel(fileRef(p.transform)!) : config,
      });
  });
  suite.tests.forEach((t, i) => {
    provider(t.options.provider, `tests[${i}].options.provider`, config);
    // promptfoo's per-kind graders ({text, embedding}) are providers too.
    const perKind = t.options.provider as unknown;
    if (perKind !== null && typeof perKind === 'object' && !('id' in perKind)) {
      for (const [kind, ref] of Object.entries(perKind as Record<string, string | ProviderSpec>))
        provider(ref, `tests[${i}].options.provider.${kind}`, config);
    }
    const transformVars = t.options.transformVars;
    if (transformVars)
      uses.push({
        what: `vars transform (tests[${i}])`,
        file: fileRef(transformVars) ? rel(fileRef(transformVars)!) : config,
      });
    const transform = t.options.transform;
    if (transform)
      uses.push({
        what: `output transform (tests[${i}])`,
        file: fileRef(transform) ? rel(fileRef(transform)!) : config,
      });
    t.assert.forEach((a, j) => {
      const where = `tests[${i}].assert[${j}]`;
      const base = a.type.replace(/^not-/, '');
      const writtenIn = a.location ? rel(a.location.file) : config;
      provider(a.provider, `${where}.provider`, writtenIn);
      if (base === 'javascript' || base === 'python') {
        uses.push({
          what: `${base} assertion (${where})`,
          file: fileRef(a.value) ? rel(fileRef(a.value)!) : writtenIn,
        });
      }
      if (a.transform) {
        uses.push({
          what: `assertion transform (${where})`,
          file: fileRef(a.transform) ? rel(fileRef(a.transform)!) : writtenIn,
        });
      }
    });
  });
  return uses;
}

/** The code uses whose source the pull request changed. */
export function untrustedCode(uses: readonly CodeUse[], changed: ReadonlySet<string>): CodeUse[] {
  return uses.filter((u) => changed.has(u.file));
}
