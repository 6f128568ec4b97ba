// What the first `promptgate eval` of a starter config does with the `echo` provider, reduced to what
// init promises: every test (with defaultTest's vars) against every prompt, output = the rendered prompt,
// each assertion checked. Used to prove the starter suite is green before any model is involved.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';

interface StarterConfig {
  prompts: string[];
  tests: Array<{ description: string; vars: Record<string, unknown>; assert: Array<{ type: string; value: string }> }>;
}

export interface EchoCase {
  prompt: string;
  test: string;
  pass: boolean;
}

const env = new nunjucks.Environment(null, { autoescape: false });

export async function evalWithEcho(dir: string, config: StarterConfig): Promise<EchoCase[]> {
  const cases: EchoCase[] = [];
  for (const entry of config.prompts) {
    for (const template of await templatesOf(dir, entry)) {
      for (const test of config.tests) {
        let output: string;
        try {
          output = env.renderString(template, test.vars);
        } catch {
          cases.push({ prompt: entry, test: test.description, pass: false });
          continue;
        }
        cases.push({ prompt: entry, test: test.description, pass: test.assert.every((a) => holds(a, output)) });
      }
    }
  }
  return cases;
}

/** The loader's reading of a prompt entry: inline text, or a file split on `---` lines (JSON kept whole). */
async function templatesOf(dir: string, entry: string): Promise<string[]> {
  if (!entry.startsWith('file://')) return [entry];
  const file = entry.slice('file://'.length);
  const text = await readFile(path.join(dir, file), 'utf8');
  if (file.endsWith('.json')) return [text];
  return text.split(/^---[ \t]*\r?$\n?/m).filter((part) => part.trim() !== '');
}

function holds(assertion: { type: string; value: string }, output: string): boolean {
  switch (assertion.type) {
    case 'not-icontains':
      return !output.toLowerCase().includes(assertion.value.toLowerCase());
    case 'javascript':
      return Boolean(new Function('output', `return (${assertion.value});`)(output));
    default:
      throw new Error(`the starter config uses an assertion this check does not know: ${assertion.type}`);
  }
}
