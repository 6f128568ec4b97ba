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

/**
 * Everything the user can fix (a config, an input, a ref, a key, a shard set): the CLI exits 1 with the message
 * and the action fails the check with it. Anything else is promptgate's own failure (the CLI exits 2).
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A config, prompt, test or vars file is wrong. The message starts with file:line:col. */
export class ConfigError extends UserError {
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
export class UsageError extends UserError {
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
export class MissingCredentialsError extends UserError {
  override name = 'MissingCredentialsError';
}
