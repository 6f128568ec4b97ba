// One error type per cause. Each says what was wrong, where, and what would be right.

export interface Located {
  file: string;
  line?: number;
  column?: number;
}

function where(loc: Located): string {
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}

/** A config, prompt, test or vars file is wrong. The message starts with file:line:col. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly location: Located,
    readonly detail: string,
    /** The key path inside the file, e.g. `tests[2].assert[0].type`. */
    readonly key?: string,
  ) {
    super(`${where(location)}: ${key ? `${key}: ` : ''}${detail}`);
  }
}

/** The command line or the action's inputs are wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Anything thrown, as a message: not only Error instances. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

/** A provider has no credentials in this environment. */
export class MissingCredentialsError extends Error {
  override name = 'MissingCredentialsError';
}
