// Which repository secrets an existing promptfoo suite needs, read from its providers (or `targets`), so the
// workflow `init` writes passes them. Only the ids are read; the suite is loaded for real when it runs.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { suiteSecrets } from '../providers/index.js';
import type { ProviderSpec } from '../types.js';

function specsOf(list: unknown): ProviderSpec[] {
  const entries = Array.isArray(list) ? list : list === undefined || list === null ? [] : [list];
  const specs: ProviderSpec[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') specs.push({ id: entry, config: {} });
    else if (entry && typeof entry === 'object') {
      const object = entry as Record<string, unknown>;
      const id =
        typeof object.id === 'string'
          ? object.id
          : Object.keys(object).length === 1
            ? Object.keys(object)[0]
            : undefined;
      const options =
        typeof object.id === 'string' ? object : (object[id ?? ''] as Record<string, unknown> | undefined);
      const config =
        options?.config && typeof options.config === 'object' ? (options.config as Record<string, unknown>) : {};
      if (id) specs.push({ id, config });
    }
  }
  return specs;
}

/** Secret names the suite's providers read, once each; [] when the file cannot be read or names none. */
export async function secretsForSuite(configFile: string): Promise<string[]> {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = parse(await readFile(configFile, 'utf8')) as Record<string, unknown> | undefined;
  } catch {
    return [];
  }
  return suiteSecrets(specsOf(doc?.providers ?? doc?.targets));
}
