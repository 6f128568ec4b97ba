// One error type per cause. Each says what was wrong, where, and what would be right.
function where(loc) {
    if (loc.line === undefined)
        return loc.file;
    return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}
/**
 * Everything the user can fix (a config, an input, a ref, a key, a shard set): the CLI exits 1 with the message
 * and the action fails the check with it. Anything else is promptgate's own failure (the CLI exits 2).
 */
class UserError extends Error {
    name = 'UserError';
}
/** A config, prompt, test or vars file is wrong. The message starts with file:line:col. */
class ConfigError extends UserError {
    location;
    detail;
    key;
    name = 'ConfigError';
    constructor(location, detail, 
    /** The key path inside the file, e.g. `tests[2].assert[0].type`. */
    key) {
        super(`${where(location)}: ${key ? `${key}: ` : ''}${detail}`);
        this.location = location;
        this.detail = detail;
        this.key = key;
    }
}
/** The command line or the action's inputs are wrong. */
class UsageError extends UserError {
    name = 'UsageError';
}
/** Anything thrown, as a message: not only Error instances. */
function messageOf(err) {
    if (err instanceof Error)
        return err.message;
    if (typeof err === 'string')
        return err;
    try {
        return JSON.stringify(err);
    }
    catch {
        return String(err);
    }
}
/** A provider has no credentials in this environment. */
class MissingCredentialsError extends UserError {
    name = 'MissingCredentialsError';
}

export { ConfigError as C, MissingCredentialsError as M, UsageError as U, UserError as a, messageOf as m };
