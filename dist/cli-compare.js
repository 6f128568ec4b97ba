import { mkdir, realpath, readdir, unlink, readlink, lstat, rm, rmdir, mkdtemp, stat, copyFile, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path, { join, isAbsolute, resolve, relative, sep } from 'node:path';
import { ae as UserError, af as UsageError, ag as gate, ah as stableStringify, a7 as picomatch, ai as stableJson, aj as WORK_DIR, ac as loadSuite, ak as repoPaths, B as messageOf, al as MissingCredentialsError, am as resolvePrompts, an as requiredCredentials, ao as addCalls, ap as countCalls, aq as decideVerdict, ar as evaluateSuite, as as planIdentities, at as withinBudget, au as budgetExcess, av as planEvaluation, aw as mergeSpendPlans, ax as sha256Hex, ay as object, az as array, aA as string, aB as number, aC as _enum, aD as MAX_SHARDS, aE as literal, aF as looseObject, aG as boolean, aH as record, aI as unknown, aJ as shardOf, aK as summarizeStats, aL as silentLogger, aM as openCache, aN as Limiters, aO as memoizedRender, aP as combineVerdicts, aQ as shardCaseFilter, aR as failOnWords, a9 as distExports, aS as parseChatMessages, aT as DEFAULT_FAIL_POLICY, aU as sampleNote, aV as reviewBlocks, aW as parseShard, aX as spendPlanText, aY as excessSentence, aZ as EXIT_INTERRUPTED, a_ as checkFailure, a$ as EXIT_CHECK_FAILED, b0 as requireDefaultConfig, ab as posixRelative, b1 as createReviewProgress, b2 as budgetOption, b3 as CACHE_DIR } from './cli-main.js';
import { execFile, spawn } from 'node:child_process';
import { V as VERSION } from './cli-version.js';
import 'node:fs';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'process';
import 'buffer';
import 'node:url';

// Plain-text helpers for carrying model output around without carrying megabytes of it.
/** Truncate to at most `max` code points (never splitting a surrogate pair), ending with an ellipsis when cut. */
function truncateCodePoints(text, max) {
    if (text.length <= max)
        return text; // fewer UTF-16 units than max → fewer code points too
    let count = 0;
    let end = 0;
    for (const ch of text) {
        if (count === max - 1) {
            // One slot left: keep the last code point only if it finishes the text.
            return end + ch.length === text.length ? text : text.slice(0, end) + '…';
        }
        count++;
        end += ch.length;
    }
    return text;
}
/** Any output as text: strings as they are, anything else as JSON. Cut early so huge outputs never travel. */
function outputText(output, max) {
    if (output === null || output === undefined)
        return '';
    if (typeof output === 'string')
        return truncateCodePoints(output.slice(0, max * 2 + 2), max);
    let text;
    try {
        text = JSON.stringify(output) ?? String(output);
    }
    catch {
        text = String(output);
    }
    return truncateCodePoints(text.slice(0, max * 2 + 2), max);
}

// Model output is hostile text: it must never @mention anyone, cross-reference an issue, hide characters
// from the reviewer, inject HTML, break a table row, open a code fence that swallows the rest of the comment,
// close our <details>, or run long.
/**
 * Characters a reviewer cannot see but that change what text means or how it reads: bidirectional controls
 * (Trojan Source: U+202A–202E, U+2066–2069, U+200E/200F, U+061C) and zero-width or invisible format characters
 * (U+200B–200D, U+2060–2064, U+FEFF, U+180E, U+00AD).
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Every invisible character shown as its code point, e.g. `⟨U+202E⟩`, so the reviewer sees what the model saw. */
function revealInvisible(text) {
    return text.replace(INVISIBLE, (ch) => `⟨U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
/**
 * `@name`, `@org/team`, `#123`, `owner/repo#123` and `GH-123` in a code span: GitHub renders them as text —
 * no mention, no notification, no cross-reference written into someone's issue. (Run after escaping: the
 * tokens hold no character the escaping changes, and every backtick of the text itself is already escaped.)
 */
function quoteReferences(escaped) {
    return escaped
        .replace(/(^|[^\w`])(@[A-Za-z0-9][A-Za-z0-9_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g, '$1`$2`')
        .replace(/(^|[^\w`/.-])((?:[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*)?#\d+)(?![\w`])/g, '$1`$2`')
        .replace(/(^|[^\w`])(GH-\d+)(?![\w`])/g, '$1`$2`');
}
/** For prose and table cells: no HTML, no mention or cross-reference, no table break, no link, one line. */
function escapeInline(text, maxCodePoints = 300) {
    const folded = revealInvisible(truncateCodePoints(text, maxCodePoints)).replace(/\r\n?|\n/g, ' ↵ ');
    return quoteReferences(folded
        .replace(/\\/g, '\\\\')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/`/g, '\\`')
        .replace(/\[/g, '\\[')
        .replace(/\]/g, '\\]'));
}
/**
 * For the inside of a code fence (fenceFor makes it unbreakable; GitHub links no mention or reference in
 * code): only the invisible characters are made visible.
 */
function neutralizeCode(text) {
    return revealInvisible(text);
}
/** A fence longer than any backtick run inside, so the content cannot close it early. */
function fenceFor(content) {
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(3, longestRun + 1));
}
/** A fenced code block of (untrusted) text, cut to maxCodePoints. */
function codeBlock(text, language = 'text', maxCodePoints = 400) {
    const body = neutralizeCode(truncateCodePoints(text, maxCodePoints)).replace(/\r\n?/g, '\n');
    const fence = fenceFor(body);
    return `${fence}${language}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}

// Runs git without a shell: arguments go to execFile as an array, so nothing a PR author writes
// (a branch name, a file name) is ever parsed by a shell.
/** A git command failed. The message names the command, the repository and git's own words. */
class GitError extends UserError {
    args;
    repoDir;
    exitCode;
    stderr;
    name = 'GitError';
    constructor(args, repoDir, exitCode, stderr, hint) {
        super(`git ${args.join(' ')} failed in ${repoDir} (exit ${exitCode ?? '?'}): ${stderr.trim() || 'no message'}` +
            (hint ? `\n${hint}` : ''));
        this.args = args;
        this.repoDir = repoDir;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
// Prompts and diffs can be large; a tight buffer would turn a big PR into a crash.
const MAX_BUFFER = 512 * 1024 * 1024;
/** The environment git runs in: never prompt for credentials, never take optional locks on the index. */
function gitEnv(extra = {}) {
    return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...extra };
}
function hintFor(stderr) {
    if (/dubious ownership/i.test(stderr)) {
        return 'The repository is owned by another user; mark it safe with `git config --global --add safe.directory <dir>` (actions/checkout does this for you).';
    }
    if (/shallow|no merge base|bad object|unknown revision|Not a valid (object|commit) name/i.test(stderr)) {
        return 'The commit may be missing from a shallow clone: check out with `fetch-depth: 0` (actions/checkout) or fetch the base branch first.';
    }
    return undefined;
}
/** Runs `git <args>` in repoDir and returns raw stdout (bytes: paths and file contents need not be UTF-8). */
function runGit(repoDir, args, options = {}) {
    const fullArgs = ['-c', 'core.quotePath=false', ...args];
    const env = gitEnv(options.literalPathspecs ? { GIT_LITERAL_PATHSPECS: '1' } : {});
    return new Promise((resolve, reject) => {
        execFile('git', fullArgs, { cwd: repoDir, env, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ stdout, exitCode: 0 });
            const code = error.code;
            if (typeof code === 'number' && options.okExitCodes?.includes(code)) {
                return resolve({ stdout, exitCode: code });
            }
            if (code === 'ENOENT') {
                return reject(new GitError(args, repoDir, code, 'git could not start: is git installed and on PATH, and does the directory exist?'));
            }
            const text = stderr.toString('utf8');
            reject(new GitError(args, repoDir, code, text, hintFor(text)));
        });
    });
}
/** Runs git and returns stdout as trimmed UTF-8 text. */
async function gitText(repoDir, args, options) {
    return (await runGit(repoDir, args, options)).stdout.toString('utf8').trim();
}

// Refs and SHAs arrive from action inputs, CLI flags and event payloads. They are checked here, before
// any git command sees them, against a deliberately narrow grammar: a value that would be read as an
// option (`--upload-pack=...`), a range (`a..b`), a reflog query (`@{-1}`) or shell syntax (`$(x)`)
// never reaches git, even though git itself runs without a shell.
const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** A full object name: 40 hex digits (SHA-1) or 64 (SHA-256). Abbreviations are refs, not SHAs. */
function isSha(value) {
    return SHA_PATTERN.test(value);
}
// A ref name: components of letters, digits and `._+-@` separated by single slashes, then any number
// of ancestry suffixes (`~`, `~3`, `^`, `^2`) so `HEAD~1`, `HEAD^` and `main~2` work as in git.
const NAME_CHARS = /^[A-Za-z0-9._+@/-]+$/;
const ANCESTRY_SUFFIX = /(?:[~^][0-9]*)*$/;
const REF_RULES = 'a ref is a full SHA, or a branch/tag name of letters, digits and . _ + - @ / ' +
    '(not starting with "-" or "/", no "..", "//", "@{", trailing "/" or ".", or ".lock"), ' +
    'optionally followed by ~N or ^N (e.g. main, origin/main, v1.2.0, HEAD~1, HEAD^)';
/** Why a ref is unsafe, or undefined when it is fine. Pure, for tables and messages. */
function refProblem(ref) {
    if (ref.length === 0)
        return 'it is empty';
    if (ref.length > 255)
        return 'it is longer than 255 characters';
    if (isSha(ref))
        return undefined;
    if (ref.startsWith('-'))
        return 'it starts with "-" and would be read as a git option';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(ref))
        return 'it contains a control character';
    if (/\s/.test(ref))
        return 'it contains whitespace';
    if (ref.includes('..'))
        return 'it contains ".." (a range, not a single revision)';
    if (ref.includes('@{'))
        return 'it contains "@{" (a reflog expression)';
    const suffix = ANCESTRY_SUFFIX.exec(ref)?.[0] ?? '';
    const name = ref.slice(0, ref.length - suffix.length);
    if (name.length === 0)
        return 'it has no name before its ~/^ suffix';
    if (!NAME_CHARS.test(name)) {
        const bad = [...name].find((c) => !/[A-Za-z0-9._+@/-]/.test(c));
        return `it contains ${JSON.stringify(bad)}, which is not allowed in a ref`;
    }
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'it has an empty path component';
    if (name.endsWith('.') || name.endsWith('.lock'))
        return 'it ends with "." or ".lock"';
    if (name.split('/').some((part) => part.startsWith('.')))
        return 'a component starts with "."';
    return undefined;
}
/**
 * Throws a UsageError that says which input was wrong and what a valid ref looks like.
 * @param what names the input for the message, e.g. `input "base"` or `--base`.
 */
function assertSafeRef(ref, what = 'ref') {
    const problem = refProblem(ref);
    if (problem)
        throw new UsageError(`${what} ${JSON.stringify(ref)} is not a safe git revision: ${problem}. Allowed: ${REF_RULES}.`);
    return ref;
}
/**
 * Repository-relative paths handed to git after `--`: no absolute paths, no `..` escapes, no control
 * characters (paths travel over line-based git protocols such as `cat-file --batch-check`).
 */
function assertSafeRepoPath(path) {
    const normalised = path.replace(/^(\.\/)+/, '');
    const problem = repoPathProblem(normalised);
    if (problem) {
        throw new UsageError(`path ${JSON.stringify(path)} cannot be read from git: ${problem}. ` +
            'Use a path relative to the repository root, e.g. prompts/greeting.txt.');
    }
    return normalised;
}
function repoPathProblem(path) {
    if (path.length === 0)
        return 'it is empty';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(path))
        return 'it contains a control character';
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'it is absolute';
    if (path.split('/').includes('..'))
        return 'it climbs out of the repository with ".."';
    return undefined;
}

// What changed between two revisions, and what a file looked like at one of them. Reads the object
// database only: never checks out, never writes the index (GIT_OPTIONAL_LOCKS=0 in exec.ts).
/**
 * Parses `git diff --name-status -z` output: `X\0path\0` or, for renames and copies,
 * `R100\0old\0new\0`. T (type change) counts as modified; U/X never appear in a committed diff.
 */
function parseNameStatus(raw) {
    const fields = raw.split('\0');
    if (fields[fields.length - 1] === '')
        fields.pop();
    const changes = [];
    for (let i = 0; i < fields.length;) {
        const code = fields[i++] ?? '';
        const kind = code.charAt(0);
        if (kind === 'R' || kind === 'C') {
            const previousPath = fields[i++] ?? '';
            const path = fields[i++] ?? '';
            changes.push({ status: kind === 'R' ? 'renamed' : 'copied', path, previousPath });
            continue;
        }
        const path = fields[i++] ?? '';
        if (kind === 'A')
            changes.push({ status: 'added', path });
        else if (kind === 'D')
            changes.push({ status: 'deleted', path });
        else if (kind === 'M' || kind === 'T')
            changes.push({ status: 'modified', path });
        else
            throw new Error(`unexpected status ${JSON.stringify(code)} for ${JSON.stringify(path)} in git diff --name-status output`);
    }
    return changes;
}
const NAME_STATUS = ['diff', '--name-status', '-M', '-z', '--no-ext-diff', '--no-color'];
/**
 * Files changed on head since it forked from base (`base...head`, merge-base semantics as in a PR):
 * commits that landed on base after the fork do not show up as changes of the PR.
 */
async function changedFiles(repoDir, base, head) {
    assertSafeRef(base, 'base');
    assertSafeRef(head, 'head');
    const { stdout } = await runGit(repoDir, [...NAME_STATUS, '--end-of-options', `${base}...${head}`, '--']);
    return parseNameStatus(stdout.toString('utf8'));
}
/**
 * For the CLI's `--worktree`: what the working tree (staged or not, plus untracked files that are not
 * ignored) changes relative to the fork point of base and HEAD. A file renamed to an untracked name
 * shows as deleted + added: rename detection would need the index, which we never touch.
 */
async function changedFilesAgainstWorktree(repoDir, base) {
    assertSafeRef(base, 'base');
    const forkPoint = await mergeBase(repoDir, base, 'HEAD');
    const { stdout } = await runGit(repoDir, [...NAME_STATUS, '--end-of-options', forkPoint, '--']);
    const tracked = parseNameStatus(stdout.toString('utf8'));
    const untracked = await untrackedFiles(repoDir);
    return [...tracked, ...untracked.map((path) => ({ status: 'added', path }))];
}
async function untrackedFiles(repoDir) {
    const { stdout } = await runGit(repoDir, ['ls-files', '--others', '--exclude-standard', '-z', '--']);
    return stdout
        .toString('utf8')
        .split('\0')
        .filter((p) => p.length > 0);
}
/** The full SHA of the commit a ref names. */
async function revParse(repoDir, ref) {
    assertSafeRef(ref, 'revision');
    return gitText(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch((err) => {
        if (err instanceof GitError) {
            throw new GitError(err.args, repoDir, err.exitCode, `${ref} does not name a commit in this repository`, 'Check the spelling, or fetch it first (a shallow clone has only the tip: use `fetch-depth: 0`).');
        }
        throw err;
    });
}
/** The best common ancestor of a and b; a clear error when there is none (unrelated or shallow history). */
async function mergeBase(repoDir, a, b) {
    assertSafeRef(a, 'revision');
    assertSafeRef(b, 'revision');
    const { stdout, exitCode } = await runGit(repoDir, ['merge-base', '--end-of-options', a, b], { okExitCodes: [1] });
    const sha = stdout.toString('utf8').trim();
    if (exitCode === 1 || sha === '') {
        throw new GitError(['merge-base', a, b], repoDir, exitCode, `${a} and ${b} have no common ancestor here`, 'The clone is probably shallow: check out with `fetch-depth: 0` so the fork point is present.');
    }
    return sha;
}
const UNIFIED = ['diff', '-M', '--no-color', '--no-ext-diff', '--no-textconv'];
/** The unified diff of one file between base...head (pass previousPath for a rename); '' when unchanged. */
async function unifiedDiff(repoDir, base, head, path, previousPath) {
    assertSafeRef(base, 'base');
    assertSafeRef(head, 'head');
    const paths = pathsOf(path, previousPath);
    const { stdout } = await runGit(repoDir, [...UNIFIED, '--end-of-options', `${base}...${head}`, '--', ...paths], {
        literalPathspecs: true,
    });
    return stdout.toString('utf8');
}
/** The unified diff of one file from the fork point of base and HEAD to the working tree (untracked: all added). */
async function unifiedDiffAgainstWorktree(repoDir, base, path, previousPath) {
    assertSafeRef(base, 'base');
    const paths = pathsOf(path, previousPath);
    const untracked = new Set(await untrackedFiles(repoDir));
    if (untracked.has(paths[0])) {
        // `--no-index` exits 1 when the files differ: that is the answer, not a failure.
        const { stdout } = await runGit(repoDir, [...UNIFIED, '--no-index', '--', '/dev/null', paths[0]], {
            okExitCodes: [1],
        });
        return stdout.toString('utf8');
    }
    const forkPoint = await mergeBase(repoDir, base, 'HEAD');
    const { stdout } = await runGit(repoDir, [...UNIFIED, '--end-of-options', forkPoint, '--', ...paths], {
        literalPathspecs: true,
    });
    return stdout.toString('utf8');
}
function pathsOf(path, previousPath) {
    const paths = [assertSafeRepoPath(path)];
    if (previousPath !== undefined && previousPath !== path)
        paths.push(assertSafeRepoPath(previousPath));
    return paths;
}

// Writes files as they are at a revision into a separate directory, so the base side of a review can be
// evaluated without checking anything out over the workspace and without touching the index:
// `git archive` reads the object database, `tar -x` writes into destDir. No shell in between.
/**
 * Writes `paths` (files or folders, repository-relative) as they are at `rev` into destDir and returns
 * destDir. Paths absent at rev are skipped: a prompt the PR adds has no base version, which is not an
 * error. Symlinks that would point outside destDir are removed, so a PR cannot make the base side read
 * files from the runner (e.g. a prompt linked to ~/.ssh/id_rsa).
 */
async function materializeRevision(repoDir, rev, paths, destDir) {
    const commit = await revParse(repoDir, rev);
    await mkdir(destDir, { recursive: true });
    const wanted = paths === 'all'
        ? []
        : await existingAt(repoDir, commit, paths.map((p) => assertSafeRepoPath(p)));
    if (paths !== 'all' && wanted.length === 0)
        return destDir;
    await archiveInto(repoDir, commit, wanted, destDir);
    await removeEscapingSymlinks(destDir);
    return destDir;
}
/** Which of the paths exist at commit, asked in one `cat-file --batch-check` round trip. */
async function existingAt(repoDir, commit, paths) {
    const unique = [...new Set(paths)];
    const input = unique.map((p) => `${commit}:${p}\n`).join('');
    const out = await pipeText(repoDir, ['cat-file', '--batch-check=%(objecttype)'], input);
    const answers = out.split('\n');
    return unique.filter((_p, i) => answers[i] === 'blob' || answers[i] === 'tree');
}
function pipeText(repoDir, args, input) {
    return new Promise((resolvePromise, reject) => {
        const child = spawn('git', args, { cwd: repoDir, env: gitEnv(), windowsHide: true });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0)
                resolvePromise(Buffer.concat(out).toString('utf8'));
            else
                reject(new GitError(args, repoDir, code ?? undefined, Buffer.concat(err).toString('utf8')));
        });
        child.stdin.end(input);
    });
}
/** `git archive --format=tar <commit> -- <paths>` piped into `tar -x -C destDir`. */
function archiveInto(repoDir, commit, paths, destDir) {
    const archiveArgs = ['archive', '--format=tar', commit, ...(paths.length > 0 ? ['--', ...paths] : [])];
    return new Promise((resolvePromise, reject) => {
        const git = spawn('git', archiveArgs, {
            cwd: repoDir,
            env: gitEnv({ GIT_LITERAL_PATHSPECS: '1' }),
            windowsHide: true,
        });
        const tar = spawn('tar', ['-x', '-f', '-', '-C', destDir], { windowsHide: true });
        const gitErr = [];
        const tarErr = [];
        git.stderr.on('data', (b) => gitErr.push(b));
        tar.stderr.on('data', (b) => tarErr.push(b));
        git.stdout.pipe(tar.stdin);
        // If tar dies early git gets EPIPE; the exit codes below tell the real story.
        tar.stdin.on('error', () => undefined);
        let pending = 2;
        let failure;
        const done = (error) => {
            failure ??= error;
            if (--pending > 0)
                return;
            if (failure)
                reject(failure);
            else
                resolvePromise();
        };
        git.on('error', (e) => done(e));
        tar.on('error', (e) => done(new Error(`tar could not start (${e.message}); it is needed to unpack git archive output`)));
        git.on('close', (code) => done(code === 0
            ? undefined
            : new GitError(archiveArgs, repoDir, code ?? undefined, Buffer.concat(gitErr).toString('utf8'))));
        tar.on('close', (code) => done(code === 0
            ? undefined
            : new Error(`tar -x into ${destDir} failed (exit ${code}): ${Buffer.concat(tarErr).toString('utf8').trim()}`)));
    });
}
async function removeEscapingSymlinks(destDir) {
    const root = await realpath(destDir);
    const walk = async (dir) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isSymbolicLink()) {
                if (!(await staysInside(root, full)))
                    await unlink(full);
            }
            else if (entry.isDirectory()) {
                await walk(full);
            }
        }
    };
    await walk(root);
}
async function staysInside(root, link) {
    const target = await readlink(link);
    const resolved = isAbsolute(target) ? target : resolve(join(link, '..'), target);
    const rel = relative(root, resolved);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
        return false;
    // A chain of links could still escape: accept only when the final target is inside too (or dangling inside).
    try {
        const real = await realpath(link);
        return real === root || real.startsWith(root + sep);
    }
    catch {
        return (await lstat(resolved).catch(() => undefined)) === undefined;
    }
}

/*
 * Paired statistics for "did the head get worse than the base?"
 *
 * Each case (prompt × provider × test) is evaluated R times on each side with the same tests, so the
 * natural unit is the case, not the call: calls of one case share its difficulty and are not independent.
 *
 * The test: a paired sign-flip (permutation) test on per-case pass fractions.
 *   d_i = head pass fraction − base pass fraction of case i, T = Σ d_i (negative when the head is worse).
 *   Under H0 (the head is the same model as the base) the base and head repeats of a case are exchangeable,
 *   so each d_i is symmetric about 0 and every sign pattern ±d_i is equally likely.
 *   One-sided p = P(Σ ±|d_i| ≤ T). It is computed exactly (a convolution over the integer numerators of
 *   d_i) when that is small enough, else by a seeded Monte-Carlo (deterministic for given data).
 *   When every moved case moved by the same amount (always so with R = 1) the statistic is a sign count
 *   and p is exactly the one-sided exact McNemar test: P(X ≥ b), X ~ Binomial(b + c, 1/2).
 *
 * Why this test and not McNemar on one repeat or on the majority outcome (scripts/simulate-tests.mjs,
 * after `npm run simulate`; 100 cases × 3 repeats per side, per-case pass probabilities ~ Beta(4, 1) (mean 0.8),
 * 4,000 trials per scenario, α = 0.05, seed 42; power = share of trials flagged when the head's pass
 * probabilities drop 10 points, either 0.1 off every case or 0.5 off 20 of the 100 cases):
 *
 *   test                                     false regressions   power (spread)   power (concentrated)
 *   bare delta (head rate < base rate)             0.472             0.999              1.000
 *   McNemar, first repeat only                     0.036             0.473              0.468
 *   McNemar, majority of 3 repeats                 0.034             0.560              0.732
 *   sign test on cases whose fraction moved        0.040             0.891              0.696
 *   sign-flip on pass fractions (chosen)           0.041             0.902              0.870
 *
 * Every exact test holds false regressions under α; a bare delta flags half of all no-op changes. Only the
 * test that uses every repeat *and* the size of each move reaches the power target (≥ 0.8) in both shapes
 * of drop: McNemar on one outcome per case throws two thirds of the data away, and the sign test cannot
 * tell a case that went 3/3 → 0/3 from one that went 3/3 → 2/3.
 */
/** Wilson score interval for a binomial proportion (no continuity correction). n = 0 → the whole [0, 1]. */
function wilsonInterval(successes, n, z = 1.96) {
    if (n <= 0)
        return { low: 0, high: 1 };
    const p = successes / n;
    const z2 = z * z;
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const halfWidth = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
/** ln C(n, k), summed in log space so it stays finite for any n. */
function logChoose(n, k) {
    const small = Math.min(k, n - k);
    let sum = 0;
    for (let i = 1; i <= small; i++)
        sum += Math.log((n - small + i) / i);
    return sum;
}
/** P(X ≥ k) for X ~ Binomial(n, 1/2), k > n/2: terms decrease from the first, so they are summed relative to it. */
function upperTailPastMiddle(k, n) {
    const logFirst = logChoose(n, k) - n * Math.LN2;
    let relative = 1;
    let term = 1;
    for (let j = k; j < n; j++) {
        term *= (n - j) / (j + 1);
        relative += term;
        if (term < relative * 1e-17)
            break;
    }
    return Math.min(1, Math.exp(logFirst + Math.log(relative)));
}
/** P(X ≥ k) for X ~ Binomial(n, 1/2), numerically stable for large n. */
function binomialHalfUpperTail(k, n) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (2 * k > n)
        return upperTailPastMiddle(k, n);
    // By symmetry P(X ≥ k) = 1 − P(X ≤ k − 1) = 1 − P(X ≥ n − k + 1), and n − k + 1 is past the middle.
    return Math.max(0, 1 - upperTailPastMiddle(n - k + 1, n));
}
/**
 * Exact one-sided McNemar test that the head is worse.
 * b = discordant pairs base-pass/head-fail, c = base-fail/head-pass. p = P(X ≥ b | X ~ Binomial(b + c, 1/2)).
 */
function mcnemarExactOneSided(b, c) {
    if (b + c === 0)
        return 1;
    return binomialHalfUpperTail(b, b + c);
}
function gcd(a, b) {
    while (b)
        [a, b] = [b, a % b];
    return a;
}
/** Common denominator of every pass fraction, or undefined when it gets unreasonably large. */
function commonDenominator(cases) {
    let lcm = 1;
    for (const c of cases) {
        for (const n of [c.baseOutcomes, c.headOutcomes]) {
            lcm = (lcm / gcd(lcm, n)) * n;
            if (lcm > 1_000_000)
                return undefined;
        }
    }
    return lcm;
}
/** Deterministic PRNG (mulberry32): a seed in, uniform numbers in [0, 1) out. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Exact P(Σ ±k_i ≤ observed) over all 2^n equally likely sign patterns, by convolution. k_i are positive integers. */
function signFlipExactLowerTail(magnitudes, observed) {
    const total = magnitudes.reduce((a, b) => a + b, 0);
    let dist = new Float64Array(2 * total + 1);
    dist[total] = 1; // index = sum + total
    for (const k of magnitudes) {
        const next = new Float64Array(dist.length);
        for (let j = 0; j < dist.length; j++) {
            const p = dist[j];
            if (p === 0)
                continue;
            next[j - k] += p / 2;
            next[j + k] += p / 2;
        }
        dist = next;
    }
    let tail = 0;
    for (let j = 0; j <= Math.min(dist.length - 1, observed + total); j++)
        tail += dist[j];
    return Math.min(1, tail);
}
function signFlipMonteCarlo(differences, observed, draws, seed) {
    const random = seededRandom(seed);
    const tolerance = 1e-9 * Math.max(1, differences.length);
    let atLeastAsExtreme = 0;
    for (let d = 0; d < draws; d++) {
        let sum = 0;
        for (const x of differences)
            sum += random() < 0.5 ? -x : x;
        if (sum <= observed + tolerance)
            atLeastAsExtreme++;
    }
    // The +1s count the observed pattern itself: a valid (never zero) permutation p-value.
    return (atLeastAsExtreme + 1) / (draws + 1);
}
/** The repeat-aware paired test that the head is worse (see the comment at the top of this file). */
function pairedRegressionTest(cases, options = {}) {
    const usable = cases.filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0);
    const denominator = commonDenominator(usable);
    const fraction = (c) => c.headPassed / c.headOutcomes - c.basePassed / c.baseOutcomes;
    const numerators = denominator
        ? usable.map((c) => c.headPassed * (denominator / c.headOutcomes) - c.basePassed * (denominator / c.baseOutcomes))
        : usable.map(fraction);
    const moved = numerators.filter((k) => k !== 0);
    const worse = moved.filter((k) => k < 0).length;
    const better = moved.length - worse;
    const magnitudes = moved.map(Math.abs);
    if (magnitudes.every((m) => m === magnitudes[0])) {
        return { pValue: mcnemarExactOneSided(worse, better), method: 'mcnemar-exact', worse, better };
    }
    const observed = moved.reduce((a, b) => a + b, 0);
    const support = magnitudes.reduce((a, b) => a + b, 0);
    if (denominator && moved.length * (2 * support + 1) <= (options.maxExactWork ?? 50_000_000)) {
        return { pValue: signFlipExactLowerTail(magnitudes, observed), method: 'sign-flip-exact', worse, better };
    }
    const differences = usable.map(fraction).filter((d) => d !== 0);
    const observedFraction = differences.reduce((a, b) => a + b, 0);
    const pValue = signFlipMonteCarlo(differences, observedFraction, options.monteCarloDraws ?? 20_000, options.seed ?? 0x5eed);
    return { pValue, method: 'sign-flip-monte-carlo', worse, better };
}
/**
 * Exact tails summed in log space can land a hair below their true value (1/20 as 0.04999…), which would let
 * p = α pass for p < α: they are nudged up by a relative 1e-9, conservative and far below any shown digit.
 */
const conservative = (p) => Math.min(1, p * (1 + 1e-9));
/**
 * Holm-adjusted p-values: the smallest family-wise level at which each hypothesis is rejected by Holm's
 * step-down (so `adjusted[i] < α` ⇔ `holmRejections(p, α)[i]`).
 */
function holmAdjusted(pValues) {
    const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    const adjusted = new Array(pValues.length).fill(1);
    let running = 0;
    order.forEach(({ p, i }, rank) => {
        running = Math.max(running, Math.min(1, (order.length - rank) * p));
        adjusted[i] = running;
    });
    return adjusted;
}
/**
 * One case, exact: did the head's repeats pass less often than the base's? Under H0 (same pass probability on
 * both sides) the base and head repeats are exchangeable, so given the total passes the head's passes are
 * hypergeometric (Fisher's exact test, one-sided). p = P(head passes ≤ observed).
 */
function fisherExactLowerTail(basePassed, baseN, headPassed, headN) {
    const total = baseN + headN;
    const passes = basePassed + headPassed;
    const logDenominator = logChoose(total, headN);
    let p = 0;
    for (let k = Math.max(0, passes - baseN); k <= headPassed; k++) {
        p += Math.exp(logChoose(passes, k) + logChoose(total - passes, headN - k) - logDenominator);
    }
    return conservative(p);
}
/** The smallest p the exact per-case test can give with these repeats: every base repeat passed, every head one failed. */
function fisherSmallestP(baseN, headN) {
    return conservative(Math.exp(-logChoose(baseN + headN, headN)));
}
/** Fewest repeats per side (same on both) for which a per-case exact test can reach p < level. */
function repeatsToDecide(level) {
    let n = 1;
    while (fisherSmallestP(n, n) >= level && n < 64)
        n++;
    return n;
}
/** The smallest p the paired sign-flip test can give with n cases (every case moved down): 2^−n. */
const pairedSmallestP = (cases) => Math.pow(2, -cases);
/** Fewest paired cases for which the paired test can reach p < level. */
const casesToDecide = (level) => Math.max(1, Math.floor(-Math.log2(level)) + 1);
/**
 * Stratified exact test that the head is worse, for cases whose base and head repeats are independent draws
 * (fresh samples: nothing cached, nothing selected on them). Under H0 each case's repeats are exchangeable
 * between the sides, so given a case's total passes its head passes are hypergeometric (as in Fisher's test);
 * the statistic is the head's passes summed over cases, its null distribution the convolution of the cases'
 * hypergeometrics (an exact Cochran–Mantel–Haenszel test). Unlike the sign-flip over cases it uses every
 * repeat: four cases that go 3/3 → 0/3 give p = (1/20)^4, not 1/16. p = P(Σ head passes ≤ observed).
 */
function stratifiedExactLowerTail(cases) {
    const { dist, observed } = stratifiedNull(cases);
    return conservative(lowerTail(dist, observed));
}
/** Under H0, the distribution of the head's passes summed over `cases` (index = passes), and the observed sum. */
function stratifiedNull(cases) {
    let dist = new Float64Array([1]); // index = head passes so far
    let observed = 0;
    for (const c of cases) {
        if (c.baseOutcomes === 0 || c.headOutcomes === 0)
            continue;
        const total = c.baseOutcomes + c.headOutcomes;
        const passes = c.basePassed + c.headPassed;
        const low = Math.max(0, passes - c.baseOutcomes);
        const high = Math.min(passes, c.headOutcomes);
        const logDenominator = logChoose(total, c.headOutcomes);
        const pmf = new Float64Array(high + 1);
        for (let k = low; k <= high; k++)
            pmf[k] = Math.exp(logChoose(passes, k) + logChoose(total - passes, c.headOutcomes - k) - logDenominator);
        const next = new Float64Array(dist.length + high);
        for (let j = 0; j < dist.length; j++) {
            if (dist[j] === 0)
                continue;
            for (let k = low; k <= high; k++)
                next[j + k] += dist[j] * pmf[k];
        }
        dist = next;
        observed += c.headPassed;
    }
    return { dist, observed };
}
/** P(X ≤ t) for X distributed as `dist` (index = value). */
function lowerTail(dist, t) {
    let tail = 0;
    for (let j = 0; j <= Math.min(t, dist.length - 1); j++)
        tail += dist[j];
    return tail;
}

/** Chosen by `npm run simulate` (README): power and calls for a spread 10-point drop, false alarms per cached base. */
const DEFAULT_DESIGN = { early: 0.4, stage2: [0, 2, 1] };
/** The case a result belongs to: (promptIdx, provider, testIdx), as compare.ts pairs them. */
const caseKeyOf = (r) => JSON.stringify([r.promptIdx, r.provider, r.testIdx]);
function tally(results) {
    const byCase = new Map();
    for (const r of results) {
        const key = caseKeyOf(r);
        let entry = byCase.get(key);
        if (!entry) {
            const ref = { key, promptIdx: r.promptIdx, provider: r.provider, testIdx: r.testIdx, critical: false };
            byCase.set(key, (entry = { passed: 0, outcomes: 0, ref }));
        }
        if (r.error !== undefined)
            continue;
        entry.outcomes++;
        if (r.pass)
            entry.passed++;
    }
    return byCase;
}
const byRef = (x, y) => x.promptIdx - y.promptIdx || x.provider.localeCompare(y.provider) || x.testIdx - y.testIdx;
/** Cases with results on both sides (stage 1's strata), critical ones marked. */
function pairedCases(base, head, criticalTests) {
    const b = tally(base);
    return [...tally(head).values()]
        .filter((h) => b.has(h.ref.key))
        .map((h) => ({ ...h.ref, critical: criticalTests.has(h.ref.testIdx) }))
        .sort(byRef);
}
/** Critical cases whose first samples newly fail: the base's majority passes, the head's fails. */
function newlyFailingCritical(cases, base, head) {
    const pairs = freshPairs(cases, base, head);
    return cases.filter((c, i) => c.critical && pairs[i].baseOutcomes > 0 && pairs[i].headOutcomes > 0 && isNewlyFailing(pairs[i]));
}
const isNewlyFailing = (p) => 2 * p.basePassed > p.baseOutcomes && 2 * p.headPassed <= p.headOutcomes;
/** Tallies of `base` and `head` results per case of `cases`, errors excluded. */
function freshPairs(cases, base, head) {
    const b = tally(base);
    const h = tally(head);
    return cases.map((c) => ({
        basePassed: b.get(c.key)?.passed ?? 0,
        baseOutcomes: b.get(c.key)?.outcomes ?? 0,
        headPassed: h.get(c.key)?.passed ?? 0,
        headOutcomes: h.get(c.key)?.outcomes ?? 0,
    }));
}
/** The screen: do the head's samples pass at least as often as the base's, over the cases with outcomes on both? */
function headNoWorse(pairs) {
    const usable = pairs.filter((p) => p.baseOutcomes > 0 && p.headOutcomes > 0);
    return usable.reduce((s, p) => s + p.headPassed / p.headOutcomes - p.basePassed / p.baseOutcomes, 0) >= 0;
}
function stageOne(pairs, level, design) {
    const { dist, observed } = stratifiedNull(pairs);
    const total = pairs.reduce((s, p) => s + (p.baseOutcomes && p.headOutcomes ? p.basePassed + p.headPassed : 0), 0);
    let early = -1;
    for (let t = 0, tail = 0; t < dist.length; t++) {
        tail += dist[t];
        if (conservative(tail) >= design.early * level)
            break;
        early = t;
    }
    return { dist, observed, early, futile: Math.ceil(total / 2) };
}
/** After stage 1: reject early, stop for futility, or go on to stage 2. */
function stageOneDecision(pairs, level, design) {
    const s = stageOne(pairs, level, design);
    if (s.observed <= s.early)
        return 'early';
    return s.observed >= s.futile ? 'futile' : 'continue';
}
/** Stage 2's fresh repeats per side of each case, from its stage-1 outcomes only (their total, not their sides). */
function stageTwoRepeats(cases, stage1, design) {
    const pairs = freshPairs(cases, stage1.base, stage1.head);
    return byCount(cases, (_, i) => {
        const complete = pairs[i].baseOutcomes > 0 && pairs[i].headOutcomes > 0;
        return design.stage2[complete ? pairs[i].basePassed + pairs[i].headPassed : 1];
    });
}
/** `cases` grouped by how many fresh samples each needs (cases needing none are left out), in case order. */
function byCount(cases, count) {
    const groups = new Map();
    cases.forEach((c, i) => {
        const n = count(c, i);
        if (n > 0)
            groups.set(n, [...(groups.get(n) ?? []), c]);
    });
    return groups;
}
/** The stage-wise p of the whole design (or of `only` cases: the union bound over its two stages). */
function freshPValue(e, only) {
    const cases = only ? e.cases.filter(only) : e.cases;
    const s1 = freshPairs(cases, e.stage1.base, e.stage1.head);
    const s2 = freshPairs(cases, e.stage2.base, e.stage2.head);
    if (only) {
        const first = stratifiedExactLowerTail(s1) / e.design.early;
        if (e.stopped !== 'final')
            return Math.min(1, first);
        return Math.min(1, first, stratifiedExactLowerTail([...s1, ...s2]) / (1 - e.design.early));
    }
    const one = stageOne(s1, e.level, e.design);
    if (e.stopped !== 'final')
        return conservative(lowerTail(one.dist, one.observed));
    const two = stratifiedNull(s2);
    return stageWise(one, two, one.observed + two.observed);
}
/** P(T1 ≤ c1) + P(c1 < T1 < f, T1 + T2 ≤ t). */
function stageWise(one, two, t) {
    let p = lowerTail(one.dist, one.early);
    for (let t1 = one.early + 1; t1 < Math.min(one.futile, one.dist.length); t1++)
        if (t >= t1)
            p += one.dist[t1] * lowerTail(two.dist, t - t1);
    return conservative(p);
}
/** The smallest stage-wise p these strata could give (every head outcome as low as the totals allow). */
function smallestFreshP(e) {
    const s1 = freshPairs(e.cases, e.stage1.base, e.stage1.head);
    const s2 = freshPairs(e.cases, e.stage2.base, e.stage2.head);
    const one = stageOne(s1, e.level, e.design);
    const two = stratifiedNull(s2);
    const first = (d) => Math.max(0, d.findIndex((x) => x > 0));
    if (e.stopped !== 'final')
        return conservative(lowerTail(one.dist, first(one.dist)));
    return stageWise(one, two, first(one.dist) + first(two.dist));
}
/** A critical case's repeats drawn after it was selected: its stage-2 ones and its top-ups. */
function criticalPair(e, c) {
    return freshPairs([c], [...e.stage2.base, ...e.topUp.base], [...e.stage2.head, ...e.topUp.head])[0];
}
/**
 * Fresh repeats per side a critical case needs so that its exact test, Holm-corrected over `criticalCases`
 * selected critical cases at `level`, can reject at all.
 */
const freshRepeatsForCritical = (level, criticalCases) => repeatsToDecide(level / Math.max(1, criticalCases));

// Case pairing and the lists a comparison shows: which case moved where, each side's outcome, usage per call.
const groupKey = (r) => JSON.stringify([r.promptIdx, r.provider]);
const isError = (r) => r.error !== undefined;
function pairCases(base, head) {
    const pairs = new Map();
    const add = (side, r) => {
        const key = caseKeyOf(r);
        let pair = pairs.get(key);
        if (!pair)
            pairs.set(key, (pair = { base: [], head: [] }));
        pair[side].push(r);
    };
    for (const r of base.results)
        add('base', r);
    for (const r of head.results)
        add('head', r);
    return pairs;
}
function sideRate(results) {
    const errors = results.filter(isError).length;
    const passed = results.filter((r) => !isError(r) && r.pass).length;
    const failed = results.length - errors - passed;
    const outcomes = passed + failed;
    return { passed, failed, errors, rate: outcomes ? passed / outcomes : 0, interval: wilsonInterval(passed, outcomes) };
}
function pairedCase(p) {
    const b = sideRate(p.base);
    const h = sideRate(p.head);
    return {
        basePassed: b.passed,
        baseOutcomes: b.passed + b.failed,
        headPassed: h.passed,
        headOutcomes: h.passed + h.failed,
    };
}
/** The missing outcomes filled against the head: errored base calls as passes, errored head calls as fails. */
function pessimisticCase(p) {
    const b = sideRate(p.base);
    const h = sideRate(p.head);
    return {
        basePassed: b.passed + b.errors,
        baseOutcomes: p.base.length,
        headPassed: h.passed,
        headOutcomes: p.head.length,
    };
}
function compareRates(pairs) {
    const base = sideRate(pairs.flatMap((p) => p.base));
    const head = sideRate(pairs.flatMap((p) => p.head));
    const paired = pairs.map(pairedCase);
    const test = pairedRegressionTest(paired);
    const cases = paired.filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0).length;
    return {
        base,
        head,
        delta: head.rate - base.rate,
        pValue: test.pValue,
        adjustedP: test.pValue,
        method: test.method,
        cases,
    };
}
function reasonsOf(results) {
    const reasons = new Set();
    for (const r of results) {
        if (isError(r))
            reasons.add(`error: ${r.error}`);
        else if (!r.pass) {
            const failed = r.assertions.filter((a) => !a.pass);
            if (failed.length === 0)
                reasons.add('failed (no assertion gave a reason)');
            for (const a of failed)
                reasons.add(a.reason ? `${a.type}: ${a.reason}` : a.type);
        }
    }
    return [...reasons].slice(0, 5);
}
function sideOutcome(results, excerptChars) {
    const rate = sideRate(results);
    const outcomes = rate.passed + rate.failed;
    const passes = 2 * rate.passed > outcomes;
    const representative = results.find((r) => !isError(r) && r.pass === passes) ?? results[0];
    return {
        passed: rate.passed,
        outcomes,
        errors: rate.errors,
        excerpt: representative ? outputText(representative.output, excerptChars) : '',
        reasons: reasonsOf(results),
    };
}
function movement(base, head) {
    if (base.outcomes === 0 || head.outcomes === 0)
        return undefined; // nothing to compare: counted as errors
    const basePasses = 2 * base.passed > base.outcomes;
    const headPasses = 2 * head.passed > head.outcomes;
    if (basePasses && !headPasses)
        return 'newlyFailing';
    if (!basePasses && headPasses)
        return 'newlyPassing';
    if (!basePasses && !headPasses)
        return 'stillFailing';
    const mixed = (s) => s.passed > 0 && s.passed < s.outcomes;
    return mixed(base) || mixed(head) ? 'flaky' : 'unchanged';
}
function usagePerCall(results) {
    const returned = results.filter((r) => !isError(r));
    const live = returned.filter((r) => !r.cached);
    const mean = (xs, f) => xs.length ? xs.reduce((s, r) => s + f(r), 0) / xs.length : 0;
    const latency = live.length ? mean(live, (r) => r.latencyMs) : null;
    const variance = latency !== null && live.length > 1
        ? live.reduce((s, r) => s + (r.latencyMs - latency) ** 2, 0) / (live.length - 1)
        : 0;
    return {
        calls: returned.length,
        tokens: mean(returned, (r) => r.tokens.total),
        cost: mean(returned, (r) => r.cost),
        latencyMs: latency,
        latencyStdErrMs: latency === null ? null : Math.sqrt(variance / live.length),
    };
}
/** Per-call usage of each side, and whether latency moved beyond its noise (|Δ| > 2 standard errors, both live). */
function usageOf(base, head) {
    const b = usagePerCall(base);
    const h = usagePerCall(head);
    const changed = b.latencyMs !== null &&
        h.latencyMs !== null &&
        Math.abs(h.latencyMs - b.latencyMs) > 2 * Math.hypot(b.latencyStdErrMs ?? 0, h.latencyStdErrMs ?? 0);
    return { base: b, head: h, latencyChanged: changed };
}
const byCase = (a, b) => Number(b.critical) - Number(a.critical) ||
    a.promptIdx - b.promptIdx ||
    a.provider.localeCompare(b.provider) ||
    a.testIdx - b.testIdx;
/** One comparison per prompt × provider, in prompt then provider order. */
function groupComparisons(pairs) {
    const grouped = new Map();
    for (const pair of pairs.values()) {
        const g = groupKey(pair.head[0] ?? pair.base[0]);
        grouped.set(g, [...(grouped.get(g) ?? []), pair]);
    }
    return [...grouped.values()]
        .map((groupPairs) => {
        const sample = groupPairs[0].head[0] ?? groupPairs[0].base[0];
        return {
            promptIdx: sample.promptIdx,
            promptId: sample.promptId,
            provider: sample.provider,
            regression: false,
            ...compareRates(groupPairs),
        };
    })
        .sort((a, b) => a.promptIdx - b.promptIdx || a.provider.localeCompare(b.provider));
}
/** Each case's outcome on both sides, and the exclusive lists it falls in (sorted: critical first). */
function caseLists(pairs, critical, excerptChars) {
    const lists = {
        newlyFailing: [],
        newlyPassing: [],
        stillFailing: [],
        flaky: [],
        unchanged: [],
    };
    const changes = new Map();
    const newlyErroring = [];
    let headFailingCases = 0;
    for (const [key, pair] of pairs) {
        const sample = pair.head[0] ?? pair.base[0];
        const change = {
            testIdx: sample.testIdx,
            promptIdx: sample.promptIdx,
            promptId: sample.promptId,
            provider: sample.provider,
            ...(sample.description !== undefined ? { description: sample.description } : {}),
            vars: sample.vars,
            critical: critical.has(sample.testIdx),
            base: sideOutcome(pair.base, excerptChars),
            head: sideOutcome(pair.head, excerptChars),
        };
        changes.set(key, change);
        if (change.head.outcomes > 0 && 2 * change.head.passed <= change.head.outcomes)
            headFailingCases++;
        if (change.base.outcomes > 0 && change.head.outcomes === 0 && change.head.errors > 0)
            newlyErroring.push(change);
        const where = movement(change.base, change.head);
        if (where)
            lists[where].push(change);
    }
    for (const list of [...Object.values(lists), newlyErroring])
        list.sort(byCase);
    return { changes, lists, newlyErroring, headFailingCases };
}

/**
 * The critical family: one exact test per paired critical case, Holm over all of them at `level`.
 * Only newly failing cases (and those without a head outcome) are reported.
 */
function criticalChecks(pairs, changes, newlyFailing, alpha, level, fresh) {
    // With fresh evidence the family is the critical cases selected for it; each is judged on repeats drawn after.
    const freshCritical = fresh ? new Map(fresh.critical.map((c) => [c.key, c])) : undefined;
    const tested = [];
    const checks = [];
    for (const [key, pair] of pairs) {
        const change = changes.get(key);
        if (!change.critical || change.base.outcomes === 0)
            continue;
        if (change.head.outcomes === 0) {
            if (change.head.errors > 0)
                checks.push({ change, status: 'no-head-outcome' });
            continue;
        }
        if (freshCritical && !freshCritical.has(key))
            continue;
        const p = freshCritical ? criticalPair(fresh, freshCritical.get(key)) : pairedCase(pair);
        if (p.baseOutcomes === 0 || p.headOutcomes === 0)
            continue;
        tested.push({
            change,
            p,
            pValue: fisherExactLowerTail(p.basePassed, p.baseOutcomes, p.headPassed, p.headOutcomes),
        });
    }
    const adjusted = holmAdjusted(tested.map((t) => t.pValue)).map((a) => Math.min(1, (a * alpha) / level));
    tested.forEach((t, i) => {
        if (!newlyFailing.has(t.change))
            return;
        const adjustedP = adjusted[i];
        const common = { change: t.change, pValue: t.pValue, adjustedP };
        if (adjustedP < alpha)
            checks.push({ ...common, status: 'regression' });
        // Even the most extreme outcome of these repeats would not reject at the first Holm step.
        else if ((fisherSmallestP(t.p.baseOutcomes, t.p.headOutcomes) * tested.length * alpha) / level >= alpha)
            checks.push({ ...common, status: 'undecided', repeatsNeeded: repeatsToDecide(level / tested.length) });
        else
            checks.push({ ...common, status: 'not-significant' });
    });
    return checks.sort((a, b) => byCase(a.change, b.change));
}
/** Nothing to compare at all (before any test). */
function missingEverything(base, head, overall) {
    const none = (what) => ({
        rule: 'no-outcome',
        what,
    });
    if (base.results.length + head.results.length === 0)
        return none('no-case-ran');
    // No base at all (a suite or prompts the pull request adds): the head stands on its own, judged by the gate.
    if (base.results.length === 0)
        return head.results.some((r) => !isError(r)) ? undefined : none('no-outcome');
    if (overall.cases === 0)
        return none('no-paired-outcome');
    return undefined;
}
function errorShare(base, head, maxErrorRate) {
    for (const [side, results] of [
        ['base', base],
        ['head', head],
    ]) {
        const errors = results.results.filter(isError).length;
        const calls = results.results.length;
        if (calls && errors / calls > maxErrorRate)
            return { rule: 'error-share', side, errors, calls, maxErrorRate };
    }
    return undefined;
}
/** The paired family, gatekept: the overall test at its level, then the groups Holm-corrected among themselves. */
function pairedFamily({ overall, groups, options, levels, scale, decisive }) {
    const { alpha } = options;
    const found = [];
    if (decisive) {
        // The tests use only samples drawn in this run: the exact group-sequential p of the design (sequential.ts).
        overall.pValue = freshPValue(decisive);
        overall.method = 'group-sequential';
        for (const g of groups) {
            g.pValue = freshPValue(decisive, (c) => c.promptIdx === g.promptIdx && c.provider === g.provider);
            g.method = 'group-sequential';
        }
    }
    overall.adjustedP = scale(overall.pValue);
    const overallRejected = overall.adjustedP < alpha;
    if (overallRejected) {
        const stages = decisive?.stopped === 'final' ? 2 : 1;
        found.push({
            rule: 'overall',
            pValue: overall.pValue,
            level: levels.paired,
            split: levels.critical > 0,
            ...(decisive ? { fresh: { cases: decisive.cases.length, stages } } : {}),
        });
    }
    if (groups.length === 1) {
        groups[0].adjustedP = overall.adjustedP;
        groups[0].regression = overallRejected;
    }
    else if (groups.length > 1) {
        const holm = holmAdjusted(groups.map((g) => g.pValue));
        groups.forEach((g, i) => {
            g.adjustedP = Math.max(overall.adjustedP, scale(holm[i]));
            g.regression = overallRejected && g.adjustedP < alpha;
            if (g.regression) {
                const { promptId, provider, pValue, adjustedP } = g;
                found.push({ rule: 'group', promptId, provider, pValue, adjustedP, groups: groups.length });
            }
        });
    }
    return found;
}
/** The critical family at its level, and what each check finds. */
function criticalFamily(input) {
    const { pairs, cases, options, levels } = input;
    if (!options.criticalTests?.size)
        return { checks: [], regression: [], inconclusive: [] };
    const newlyFailing = new Set(cases.lists.newlyFailing);
    const checks = criticalChecks(pairs, cases.changes, newlyFailing, options.alpha, levels.critical, options.fresh);
    const regression = [];
    const inconclusive = [];
    for (const check of checks) {
        const { change } = check;
        if (check.status === 'regression')
            regression.push({ rule: 'critical', change, pValue: check.pValue, adjustedP: check.adjustedP });
        else if (check.status === 'undecided')
            inconclusive.push({ rule: 'critical-undecided', change, repeatsNeeded: check.repeatsNeeded });
        else if (check.status === 'no-head-outcome')
            inconclusive.push({ rule: 'critical-no-head-outcome', change });
    }
    return { checks, regression, inconclusive };
}
/** Missing data: too many errors, or errors that, were they fails, would make the head significantly worse. */
function missingData(input, counts, rejected) {
    const { pairs, overall, cases, options, scale } = input;
    const found = [];
    const share = errorShare(counts.base, counts.head, options.maxErrorRate);
    if (share)
        found.push(share);
    const errors = overall.head.errors + overall.base.errors;
    if (errors > 0 && !rejected) {
        const worst = pairedRegressionTest([...pairs.values()].map(pessimisticCase));
        if (scale(worst.pValue) < options.alpha)
            found.push({
                rule: 'errors-could-hide',
                errors,
                newlyErroring: cases.newlyErroring.length,
                pValue: worst.pValue,
            });
    }
    return found;
}
/** Too small for any drop to be significant (with fresh evidence: its strata). */
function smallSuite(input, rejected) {
    const { pairs, overall, levels, decisive } = input;
    if (decisive) {
        const smallestP = smallestFreshP(decisive);
        const never = decisive.stopped === 'final' && !rejected && smallestP >= levels.paired;
        return { found: never ? [{ rule: 'too-little-fresh', cases: decisive.cases.length, smallestP }] : [] };
    }
    if (pairedSmallestP(overall.cases) < levels.paired)
        return { found: [] };
    const paired = [...pairs.values()].map(pairedCase).filter((c) => c.baseOutcomes > 0 && c.headOutcomes > 0);
    const worse = paired.filter((c) => c.headPassed / c.headOutcomes < c.basePassed / c.baseOutcomes).length;
    const casesNeeded = casesToDecide(levels.paired);
    const everyCaseWorse = worse === paired.length && worse > 0;
    const tooSmall = { cases: overall.cases, casesNeeded, everyCaseWorse };
    if (worse === 0 || rejected)
        return { found: [], tooSmall };
    const rates = { baseRate: overall.base.rate, headRate: overall.head.rate };
    return { found: [{ rule: 'too-small', cases: overall.cases, casesNeeded, everyCaseWorse, ...rates }], tooSmall };
}
/** Both families, each at its share of α, then whether missing data or the suite's size keeps them from deciding. */
function families(input, counts) {
    const { alpha, fresh } = input.options;
    const levels = levelsOf(input.options);
    const all = {
        ...input,
        levels,
        scale: (p) => Math.min(1, (p * alpha) / levels.paired),
        ...(fresh && fresh.stopped !== 'screened' ? { decisive: fresh } : {}),
    };
    const paired = pairedFamily(all);
    const rejected = paired.some((f) => f.rule === 'overall');
    const critical = criticalFamily(all);
    const small = smallSuite(all, rejected);
    return {
        levels,
        regression: [...paired, ...critical.regression],
        inconclusive: [...critical.inconclusive, ...missingData(all, counts, rejected), ...small.found],
        critical: critical.checks,
        ...(small.tooSmall ? { tooSmall: small.tooSmall } : {}),
    };
}
/** α split: with critical tests, half for the paired family and half for the critical one. */
const levelsOf = ({ alpha, criticalTests }) => criticalTests?.size ? { paired: alpha / 2, critical: alpha / 2 } : { paired: alpha, critical: 0 };
/** Could the head's errors, were they fails, move its pass rate across a gate threshold? */
function errorsMoveGate(overall, options) {
    if (!options.gate || overall.head.errors === 0)
        return undefined;
    const calls = overall.head.passed + overall.head.failed + overall.head.errors;
    const worstRate = overall.head.passed / calls;
    const now = gate(overall.head.rate, options.gate);
    const then = gate(worstRate, options.gate);
    return now === then ? undefined : { rule: 'errors-move-gate', errors: overall.head.errors, worstRate, now, then };
}
function compareResults(base, head, options) {
    const critical = options.criticalTests ?? new Set();
    const { alpha, fresh } = options;
    const pairs = pairCases(base, head);
    const overall = compareRates([...pairs.values()]);
    const groups = groupComparisons(pairs);
    const cases = caseLists(pairs, critical, options.excerptChars ?? 1000);
    const nothing = missingEverything(base, head, overall);
    const hasBase = base.results.length > 0;
    const decided = !nothing && hasBase
        ? families({ pairs, overall, groups, cases, options }, { base, head })
        : { levels: levelsOf(options), regression: [], inconclusive: [], critical: [] };
    const inconclusive = nothing ? [nothing] : decided.inconclusive;
    if (!nothing) {
        // Without a base the head stands alone: its errors still count against it.
        const share = hasBase ? undefined : errorShare(base, head, options.maxErrorRate);
        const moved = errorsMoveGate(overall, options);
        inconclusive.push(...[share, moved].filter((f) => f !== undefined));
    }
    const errorRate = (r) => (r.results.length ? r.results.filter(isError).length / r.results.length : 0);
    return {
        alpha,
        maxErrorRate: options.maxErrorRate,
        levels: decided.levels,
        overall,
        groups,
        newlyFailing: cases.lists.newlyFailing,
        newlyPassing: cases.lists.newlyPassing,
        stillFailing: cases.lists.stillFailing,
        flaky: cases.lists.flaky,
        newlyErroring: cases.newlyErroring,
        critical: decided.critical,
        ...(fresh
            ? {
                fresh: {
                    cases: fresh.cases.length,
                    redrawn: fresh.redrawn,
                    stage2Cases: new Set(fresh.stage2.head.map(caseKeyOf)).size,
                    calls: fresh.calls,
                    stopped: fresh.stopped,
                },
            }
            : {}),
        ...(options.redrawn ? { redrawn: options.redrawn } : {}),
        ...(decided.tooSmall ? { tooSmall: decided.tooSmall } : {}),
        headFailingCases: cases.headFailingCases,
        regression: decided.regression.length > 0,
        regressionFindings: decided.regression,
        inconclusive: inconclusive.length > 0,
        inconclusiveFindings: inconclusive,
        errorRate: { base: errorRate(base), head: errorRate(head) },
        usage: usageOf(base.results, head.results),
    };
}

const PROMPT_REASONS = {
    changed: 'changed: the text differs between base and head',
    new: 'new: no base version to compare with',
    unchanged: 'unchanged: identical text at base and head',
};
/**
 * `basePrompts[i]` is the earlier version of `headPrompts[i]` (pairPrompts' output), or undefined when the
 * pull request adds it. Only the raw template text decides: a new label or id with the same text is
 * unchanged, and a change of whitespace is a change (models see whitespace).
 */
function affectedPrompts(basePrompts, headPrompts) {
    if (basePrompts.length !== headPrompts.length) {
        throw new RangeError(`base prompts must be aligned to the head prompts: got ${basePrompts.length} for ${headPrompts.length} head prompts`);
    }
    const prompts = headPrompts.map((head, headIdx) => {
        const base = basePrompts[headIdx];
        const same = base !== undefined && base.raw === head.raw && stableStringify(base.config) === stableStringify(head.config);
        const status = base === undefined ? 'new' : same ? 'unchanged' : 'changed';
        return { headIdx, label: head.label, status, reason: PROMPT_REASONS[status] };
    });
    return {
        evaluate: prompts.filter((p) => p.status !== 'unchanged').map((p) => p.headIdx),
        prompts,
    };
}

// Which suites a change touches, and which changed prompt files no suite tests. Pure.
/** A prompt file's repository-relative path, from its config's repository-relative path. */
function promptRepoPath(configPath, promptFile) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(configPath), promptFile));
}
/** Every path a change touches: the new path, and the old one of a rename. */
function touchedPaths(changes) {
    const paths = new Set();
    for (const c of changes) {
        paths.add(c.path);
        if (c.previousPath)
            paths.add(c.previousPath);
    }
    return paths;
}
/** The changed files among a suite's files (repository-relative paths on both sides). */
function changedSuiteFiles(suiteFiles, changes) {
    const touched = touchedPaths(changes);
    return [...new Set(suiteFiles)].filter((f) => touched.has(f)).sort();
}
/**
 * Changed files that match the prompt globs but that no suite reads: prompt edits nobody measures.
 * A deleted file counts too (a suite that still read it would have failed to load).
 */
function untestedPromptChanges(changes, promptGlobs, testedFiles) {
    if (promptGlobs.length === 0)
        return [];
    const isPrompt = picomatch([...promptGlobs], { dot: true });
    return changes
        .map((c) => c.path)
        .filter((p) => isPrompt(p) && !testedFiles.has(p))
        .sort();
}

// Adaptive repeats: the first samples of every case (cache reused) screen; fresh samples decide, in the two
// stages of the design stated in src/compare/sequential.ts. The provider calls come through `resample`, so
// this loop is the same in the pipeline and in `npm run simulate`.
/** Fresh evidence for the verdict, or undefined when the first samples screen it out and nothing was drawn. */
async function gatherFreshEvidence(input) {
    const design = input.design ?? DEFAULT_DESIGN;
    const level = input.criticalTests.size > 0 ? input.alpha / 2 : input.alpha;
    const cases = pairedCases(input.base, input.head, input.criticalTests);
    if (cases.length === 0)
        return undefined;
    let calls = 0;
    /** Fresh samples of each group of cases, on both sides. */
    const draw = async (groups) => {
        const drawn = { base: [], head: [] };
        for (const [n, which] of groups) {
            const [base, head] = await Promise.all([input.resample(which, 'base', n), input.resample(which, 'head', n)]);
            drawn.base.push(...base);
            drawn.head.push(...head);
            calls += base.length + head.length;
        }
        return drawn;
    };
    let stage1 = { base: [], head: [] };
    let stage2 = { base: [], head: [] };
    let redrawn = 0;
    let stopped = 'screened';
    if (!headNoWorse(freshPairs(cases, input.base, input.head))) {
        // Stage 1: the first samples this run drew are fresh; the cached ones are drawn again.
        const [base, head] = await Promise.all([
            redrawSide('base', input.base, cases, input.resample),
            redrawSide('head', input.head, cases, input.resample),
        ]);
        stage1 = { base: base.results, head: head.results };
        calls += base.drawn.length + head.drawn.length;
        redrawn = Math.max(base.drawn.length, head.drawn.length);
        const decision = stageOneDecision(freshPairs(cases, stage1.base, stage1.head), level, design);
        stopped = decision === 'continue' ? 'final' : decision;
        if (decision === 'continue')
            stage2 = await draw(stageTwoRepeats(cases, stage1, design));
    }
    // Critical flips: enough repeats drawn after their selection that their own exact test can decide them.
    const critical = newlyFailingCritical(cases, input.base, input.head);
    let topUp = { base: [], head: [] };
    if (critical.length > 0) {
        const needed = freshRepeatsForCritical(input.alpha / 2, critical.length);
        const have = freshPairs(critical, stage2.base, stage2.head);
        topUp = await draw(byCount(critical, (_, i) => needed - Math.min(have[i].baseOutcomes, have[i].headOutcomes)));
    }
    if (stopped === 'screened' && critical.length === 0)
        return undefined;
    return { design, level, stopped, cases, stage1, redrawn, stage2, critical, topUp, calls };
}
/**
 * The engine's case filter for a resample of `cases` on a side: its plan's prompt `headIdx` maps the side's
 * prompt positions to the head's (as results are re-indexed), providers are matched by their result name.
 */
function resampleFilter(cases, headIdx, providers) {
    const wanted = new Set(cases.map((c) => JSON.stringify([c.promptIdx, c.provider, c.testIdx])));
    const names = providers.map((p) => p.label ?? p.id);
    return (planned) => wanted.has(JSON.stringify([headIdx[planned.promptIdx], names[planned.providerIdx], planned.testIdx]));
}
/**
 * With repeats (repeat > 1) the repeats themselves are tested, so none of them may come from the cache (a cached
 * base is one sample reused by every pull request): unless the head's samples are no worse than the base's (the
 * screen, which only ever accepts), every cached result of a paired case is drawn again. Undefined when none was.
 */
async function redrawCached(base, head, resample) {
    const cases = pairedCases(base, head, new Set());
    if (headNoWorse(freshPairs(cases, base, head)))
        return undefined;
    const [b, h] = await Promise.all([
        redrawSide('base', base, cases, resample),
        redrawSide('head', head, cases, resample),
    ]);
    const redrawn = b.drawn.length + h.drawn.length;
    return redrawn > 0 ? { base: b.results, head: h.results, redrawn } : undefined;
}
/**
 * One side's results with every cached result of `cases` drawn again (as many per case as came from the cache):
 * what stage 1 and `redrawCached` test instead of the cache's samples.
 */
async function redrawSide(side, results, cases, resample) {
    const paired = new Set(cases.map((c) => c.key));
    const stale = (r) => r.cached && paired.has(caseKeyOf(r));
    const perCase = new Map();
    for (const r of results.filter(stale))
        perCase.set(caseKeyOf(r), (perCase.get(caseKeyOf(r)) ?? 0) + 1);
    const groups = byCount(cases, (c) => perCase.get(c.key) ?? 0);
    const drawn = (await Promise.all([...groups].map(([n, which]) => resample(which, side, n)))).flat();
    return { results: [...results.filter((r) => !stale(r)), ...drawn], drawn };
}

// Which base prompt is the earlier version of which head prompt. Pure.
/**
 * For each head prompt, the base prompt it replaces, or undefined when the pull request adds it.
 * Prompts pair by id; a prompt whose file was renamed pairs with the base prompt of the old path
 * (ids of file prompts are `file://<path relative to the config>`, optionally with `:<n>`).
 */
function pairPrompts(basePrompts, headPrompts, changes, configDir) {
    const byId = new Map(basePrompts.map((p) => [p.id, p]));
    const renamedFrom = new Map();
    for (const c of changes) {
        if (c.status === 'renamed' && c.previousPath)
            renamedFrom.set(c.path, c.previousPath);
    }
    const toConfigRelative = (repoPath) => path.posix.relative(configDir, repoPath);
    const toRepo = (configRelative) => path.posix.join(configDir, configRelative);
    const paired = headPrompts.map((head) => {
        const same = byId.get(head.id);
        if (same)
            return same;
        if (!head.file)
            return undefined;
        const old = renamedFrom.get(toRepo(head.file));
        const headPrefix = `file://${head.file}`;
        if (!old || !head.id.startsWith(headPrefix))
            return undefined;
        // Same position in the old file: `file://old.txt:1` is the earlier `file://new.txt:1`.
        return byId.get(`file://${toConfigRelative(old)}${head.id.slice(headPrefix.length)}`);
    });
    // An inline prompt without an explicit id is identified by its text, so editing it changes its id. When the
    // config lists as many prompts as before, an unpaired inline prompt pairs with the unpaired one in its place.
    if (basePrompts.length === headPrompts.length) {
        const taken = new Set(paired.filter((p) => p !== undefined));
        paired.forEach((p, i) => {
            const base = basePrompts[i];
            if (p === undefined && !headPrompts[i].file && !base.file && !taken.has(base))
                paired[i] = base;
        });
    }
    return paired;
}

// What the pull request changed in a suite itself (not its prompts): tests added, removed or with changed
// assertions, the gate, the providers. The verdict never uses the pull request's suite for a case the base's
// suite has (the base's tests are the yardstick); these facts let the reader see what the PR's suite would
// have judged differently. Pure: facts only, the report phrases them.
/** How a test is recognised on both sides: what it is about (description, vars), not what it asserts. */
function testKey(test) {
    return stableJson({ description: test.description ?? null, vars: test.vars });
}
function written(assertions) {
    return assertions.map((a) => Object.fromEntries(Object.entries(a).filter(([key]) => key !== 'location')));
}
function titleOf(test) {
    return test.description ?? JSON.stringify(test.vars);
}
/** The test keys of `tests` in order, with `#n` for the n-th repetition of a key. */
function keyed(tests) {
    const out = new Map();
    const seen = new Map();
    for (const test of tests) {
        const key = testKey(test);
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        out.set(n === 0 ? key : `${key}#${n}`, test);
    }
    return out;
}
/** The scoring function as written: the same file at another path (base and head trees) is the same reference. */
const scorerOf = (test) => test.assertScoringFunction?.reference;
function loosenedBy(before, after) {
    if (before.critical && !after.critical)
        return true;
    // A scoring function decides the verdict on its own: another one (or none) may pass anything.
    if (scorerOf(before) !== scorerOf(after))
        return true;
    if ((after.threshold ?? 1) < (before.threshold ?? 1))
        return true;
    const afterJson = new Set(written(after.assert).map(stableJson));
    const beforeAsserts = written(before.assert);
    if (beforeAsserts.some((a) => !afterJson.has(stableJson(a)))) {
        // An assertion of the base is gone or rewritten: loosened unless only assertions were added.
        return true;
    }
    return false;
}
/** The keys of the PR's tests that the base's suite does not have: new cases, judged by the gate alone. */
function newTestIndexes(base, head) {
    const baseKeys = new Set(keyed(base.tests).keys());
    return [...keyed(head.tests).keys()].flatMap((key, i) => (baseKeys.has(key) ? [] : [i]));
}
function compareSuites(base, head) {
    const before = keyed(base.tests);
    const after = keyed(head.tests);
    const tests = [];
    for (const [key, test] of before) {
        const now = after.get(key);
        if (!now) {
            tests.push({ status: 'removed', title: titleOf(test), before: written(test.assert), loosened: true });
        }
        else if (stableJson(written(test.assert)) !== stableJson(written(now.assert)) ||
            test.threshold !== now.threshold ||
            Boolean(test.critical) !== Boolean(now.critical) ||
            scorerOf(test) !== scorerOf(now)) {
            tests.push({
                status: 'changed',
                title: titleOf(now),
                before: written(test.assert),
                after: written(now.assert),
                loosened: loosenedBy(test, now),
            });
        }
    }
    for (const [key, test] of after) {
        if (!before.has(key))
            tests.push({ status: 'added', title: titleOf(test), after: written(test.assert), loosened: false });
    }
    const changes = { tests };
    if (stableJson(base.gate) !== stableJson(head.gate))
        changes.gate = { before: base.gate, after: head.gate };
    const ids = (s) => s.providers.map((p) => p.label ?? p.id);
    if (stableJson(ids(base)) !== stableJson(ids(head)))
        changes.providers = { before: ids(base), after: ids(head) };
    return changes;
}

// Where a review reads each revision from. The base's suite is the yardstick, so the base revision is written
// out whole (its scripts import their neighbours) under the workspace (so that they resolve the workspace's
// node_modules), unless the caller already has it (pull_request_target checks out the base). On untrusted
// events the head is read as text only: just the prompt files the base's suite names (and the changed
// files, for new prompts its globs match) are written to a directory of their own, and nothing there runs.
/** The directory under the workspace that review trees (and nothing a suite reads) live in. */
const TREES_DIR = path.join(WORK_DIR, 'trees');
async function exists(p) {
    return stat(p).then(() => true, () => false);
}
async function openTrees(options) {
    const root = path.join(options.repoDir, TREES_DIR);
    await mkdir(root, { recursive: true });
    const made = [];
    const fresh = async (name) => {
        const dir = await mkdtemp(path.join(root, `${name}-`));
        made.push(dir);
        return dir;
    };
    let base = options.baseTree;
    if (!base) {
        base = await fresh('base');
        await options.materializeBase(['.'], base);
    }
    let head;
    return {
        base,
        headText: async () => (head ??= await fresh('head')),
        close: async () => {
            for (const dir of made)
                await rm(dir, { recursive: true, force: true });
            // Left in place when another run's trees are still there.
            await rmdir(root).catch(() => undefined);
        },
    };
}
/** Writes `paths` of the base into the base tree when it lacks them (history-less checkouts fetch file by file). */
async function ensureBaseFiles(trees, materializeBase, paths) {
    const missing = [];
    for (const p of paths)
        if (!(await exists(path.join(trees.base, p))))
            missing.push(p);
    if (missing.length > 0)
        await materializeBase(missing, trees.base);
}

// One suite's review in three steps, so that a sharded run can stop after the second and a merge job can
// pick up at the third:
//   prepare  — load the suite, decide whether it is affected, find the base version of each prompt and which
//              prompts need running at all (no provider calls);
//   evaluate — run the head's tests on the head's and on the base's prompts (optionally one shard's cases);
//   decide   — compare per case, apply the gate.
const loadOptions = (input, projectRoot) => ({
    overrides: { repeat: input.evaluate.repeat, maxConcurrency: input.evaluate.maxConcurrency },
    projectRoot,
});
/** The base revision's suite, or why it cannot be had (a suite the pull request adds has none). */
async function loadBaseSuite(input, trees, configPath, wanted) {
    await ensureBaseFiles(trees, input.materializeBase, [configPath, ...wanted]);
    const abs = path.join(trees.base, configPath);
    try {
        await stat(abs);
    }
    catch {
        return {};
    }
    try {
        return { suite: await loadSuite(abs, loadOptions(input, trees.base)) };
    }
    catch (err) {
        return { problem: `the base revision's ${configPath} could not be loaded (${messageOf(err)})` };
    }
}
/**
 * The head's text of the prompts the base's suite names, for an untrusted head: the base's `prompts` entries, as
 * its loader recorded them, resolved against a directory holding only the head's files as text (renamed files
 * under their old name).
 */
async function headPromptTexts(input, trees, configPath, base) {
    const dir = await trees.headText();
    const promptFiles = repoPaths(trees.base, base.prompts.flatMap((p) => (p.file ? [path.join(base.rootDir, p.file)] : [])));
    const renamedTo = new Map(input.changes.flatMap((c) => (c.previousPath ? [[c.previousPath, c.path]] : [])));
    const wanted = new Set(promptFiles.map((f) => renamedTo.get(f) ?? f));
    const written = base.writtenPrompts;
    // New files the base's prompt globs match are prompts too; other changed files are not fetched (a capped
    // pull request would otherwise cost a request per file through the API).
    const globs = written.globs.map((g) => path.posix.join(path.posix.dirname(configPath), g));
    const isPrompt = globs.length > 0 ? picomatch(globs) : () => false;
    for (const c of input.changes)
        if (c.status !== 'deleted' && isPrompt(c.path))
            wanted.add(c.path);
    await input.materializeHead([...wanted], dir);
    for (const [from, to] of renamedTo) {
        if (!promptFiles.includes(from))
            continue;
        await mkdir(path.dirname(path.join(dir, from)), { recursive: true });
        await copyFile(path.join(dir, to), path.join(dir, from)).catch(() => undefined);
    }
    const resolved = await resolvePrompts(written.entries, path.join(dir, path.posix.dirname(configPath)), written.locator.displayPath, { locator: written.locator, projectRoot: dir, runsCode: false });
    return resolved.prompts;
}
async function prepareSuite(input, trees, configPath, logger) {
    const options = input.evaluate;
    const untrusted = input.trust === 'untrusted';
    // The pull request's own suite is loaded only when its code may run (trusted events).
    const prSuite = untrusted
        ? undefined
        : await loadSuite(path.resolve(input.repoDir, configPath), loadOptions(input, input.repoDir));
    const base = await loadBaseSuite(input, trees, configPath, prSuite ? repoPaths(input.repoDir, prSuite.referencedFiles) : []);
    const name = base.suite?.description ?? prSuite?.description ?? configPath;
    const empty = { head: { headIdx: [], prompts: [] }, skippedPrompts: [], newPrompts: [] };
    if (!base.suite && !prSuite) {
        const reason = base.problem
            ? `skipped: ${base.problem}; on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run`
            : `skipped: the pull request adds this suite, and on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run (its tests and code would be the pull request's)`;
        logger.warn(`${configPath}: ${reason}`);
        return { configPath, name, affectedBy: [configPath], readFiles: [configPath], ...empty, skip: { reason } };
    }
    for (const warning of (prSuite ?? base.suite)?.warnings ?? [])
        logger.warn(warning);
    let headPrompts;
    try {
        headPrompts = prSuite ? prSuite.prompts : await headPromptTexts(input, trees, configPath, base.suite);
    }
    catch (err) {
        // The head deleted or moved a prompt file the base's suite reads: that suite cannot judge the head's text.
        const reason = `skipped: the base's suite names prompts the pull request no longer has as text (${messageOf(err)}); on ${UNTRUSTED_EVENT_WORDS} only the base's suite may run`;
        logger.warn(`${configPath}: ${reason}`);
        return { configPath, name, affectedBy: [configPath], readFiles: [configPath], ...empty, skip: { reason } };
    }
    const yardstick = base.suite ? { ...base.suite, prompts: headPrompts } : prSuite;
    const promptFiles = new Set(headPrompts.flatMap((p) => (p.file ? [promptRepoPath(configPath, p.file)] : [])));
    const suiteFiles = [
        ...promptFiles,
        ...(base.suite ? repoPaths(trees.base, base.suite.referencedFiles) : []),
        ...(prSuite ? repoPaths(input.repoDir, prSuite.referencedFiles) : []),
    ];
    const readFiles = [...new Set(suiteFiles)].sort();
    const affectedBy = input.changesIncomplete ? readFiles : changedSuiteFiles(readFiles, input.changes);
    const prepared = {
        configPath,
        name,
        suite: yardstick,
        affectedBy,
        readFiles,
        ...empty,
        baseProblem: base.problem,
    };
    if (affectedBy.length === 0 && !input.evaluateUnaffected) {
        logger.info(`${configPath}: no file this suite reads changed; skipped`);
        return { ...prepared, skip: {} };
    }
    const changedSuiteItself = affectedBy.filter((f) => !promptFiles.has(f));
    if (changedSuiteItself.length > 0 && base.suite) {
        prepared.suiteChanges = {
            files: changedSuiteItself,
            evaluated: prSuite !== undefined,
            ...(prSuite ? compareSuites(base.suite, prSuite) : { tests: [] }),
        };
    }
    const missing = missingCredentials(prSuite && prepared.suiteChanges ? [...yardstick.providers, ...prSuite.providers] : yardstick.providers, options.env ?? process.env);
    if (missing.length > 0) {
        if (input.missingCredentials === 'skip') {
            const reason = `skipped: no credentials for provider ${missing.join(', ')} on fork pull requests — GitHub does not pass secrets to them`;
            logger.warn(`${configPath}: ${reason}`);
            return { ...prepared, skip: { reason } };
        }
        throw new MissingCredentialsError(`${configPath}: no credentials for provider ${missing.join(', ')}: set them in the step's env, e.g. \`env: OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\``);
    }
    const everything = headPrompts.map((_, i) => i);
    const paired = base.suite
        ? pairPrompts(base.suite.prompts, headPrompts, input.changes, path.posix.dirname(configPath) === '.' ? '' : path.posix.dirname(configPath))
        : undefined;
    const withPrSuite = (plan) => {
        if (!prSuite || !base.suite || !plan.suiteChanges)
            return plan;
        const run = plan.head.headIdx;
        return {
            ...plan,
            prSuite: {
                suite: prSuite,
                head: { headIdx: run, prompts: run.map((i) => headPrompts[i]) },
                newTests: newTestIndexes(base.suite, prSuite),
            },
        };
    };
    if (!paired || !paired.some((p) => p !== undefined)) {
        const head = { headIdx: everything, prompts: headPrompts };
        return withPrSuite({ ...prepared, head, newPrompts: headPrompts.map((p) => p.label) });
    }
    // When only prompt files changed, a prompt whose text is the same on both sides would give the same
    // outcomes on both: it is not run at all. When tests, vars, providers or scripts changed, every prompt is.
    const onlyPromptsChanged = changedSuiteItself.length === 0 && !input.evaluateUnaffected;
    const verdicts = affectedPrompts(paired, headPrompts);
    const run = onlyPromptsChanged ? verdicts.evaluate : everything;
    const skippedPrompts = onlyPromptsChanged
        ? verdicts.prompts.filter((p) => p.status === 'unchanged').map((p) => ({ id: p.label, reason: p.reason }))
        : [];
    const newPrompts = verdicts.prompts.filter((p) => p.status === 'new').map((p) => p.label);
    if (run.length === 0) {
        logger.info(`${configPath}: the changed prompt files have the same text on both sides; skipped`);
        return { ...prepared, skip: {}, skippedPrompts };
    }
    const pairedRun = run.filter((i) => paired[i] !== undefined);
    return withPrSuite({
        ...prepared,
        head: { headIdx: run, prompts: run.map((i) => headPrompts[i]) },
        base: pairedRun.length ? { headIdx: pairedRun, prompts: pairedRun.map((i) => paired[i]) } : undefined,
        skippedPrompts,
        newPrompts,
    });
}
const UNTRUSTED_EVENT_WORDS = "events that run with the base repository's secrets (pull_request_target, workflow_run)";
function missingCredentials(providers, env) {
    const seen = new Set();
    return providers.flatMap((p) => requiredCredentials(p, env)
        .map((name) => `${p.label ?? p.id} (${name})`)
        .filter((m) => !seen.has(m) && seen.add(m)));
}
/** What the engine runs for one side: the suite with the side's prompts, and the side's cases (all, or a filter's). */
function sideRun(suite, side, filter) {
    const subset = { ...suite, prompts: side.headIdx.map((i) => suite.prompts[i]) };
    const identities = planIdentities({
        tests: suite.tests,
        prompts: subset.prompts,
        providers: suite.providers,
        repeat: suite.evaluateOptions.repeat,
    });
    const include = filter?.(identities);
    return { subset, prompts: side.prompts, identities, ...(include ? { include } : {}) };
}
/** The suite restricted to one side's prompts; results are re-indexed to the head's prompt positions. */
async function evaluateSide(configPath, suite, which, side, options, cache, filter) {
    const { subset, prompts, identities, include } = sideRun(suite, side, filter);
    const results = await evaluateSuite(subset, {
        ...options,
        prompts,
        cache,
        include,
        where: { config: configPath, side: which },
    });
    for (const r of results.results)
        r.promptIdx = side.headIdx[r.promptIdx];
    return { results, identities };
}
async function evaluateSides(prepared, options, cache, logger, filter, 
/** Shards run the verdict's cases only (shard files hold base and head); single runs show the PR's suite too. */
scope = 'all') {
    const none = { made: 0, cached: 0 };
    const { suite, configPath } = prepared;
    if (prepared.skip || !suite || prepared.head.headIdx.length === 0) {
        return { calls: none, identities: { head: [], base: [] } };
    }
    logger.info(`${configPath}: evaluating the head (${prepared.head.headIdx.length} prompts, ${suite.tests.length} tests)`);
    const head = await evaluateSide(configPath, suite, 'head', prepared.head, options, cache, filter);
    let base;
    if (prepared.base) {
        logger.info(`${configPath}: evaluating the base (${prepared.base.headIdx.length} prompts)`);
        base = await evaluateSide(configPath, suite, 'base', prepared.base, options, cache, filter);
    }
    let prHead;
    if (prepared.prSuite && scope === 'all') {
        logger.info(`${configPath}: evaluating the pull request's version of the suite on the head`);
        const pr = prepared.prSuite;
        prHead = (await evaluateSide(configPath, pr.suite, 'head', pr.head, options, cache, filter)).results;
    }
    // ── fresh samples (src/review/adaptive.ts); a sharded run gets them in the merge job ──
    const fresh = filter
        ? {}
        : await freshEvidenceFor(prepared, { head: head.results, base: base?.results }, options);
    // ── end fresh samples ──
    return {
        head: fresh.redrawn?.head ?? head.results,
        base: fresh.redrawn?.base ?? base?.results,
        prHead,
        calls: [base?.results, prHead].reduce((acc, r) => (r ? addCalls(acc, countCalls(r)) : acc), addCalls(countCalls(head.results), freshCalls(fresh))),
        identities: { head: head.identities, base: base?.identities ?? [] },
        ...(fresh.fresh ? { fresh: fresh.fresh } : {}),
        ...(fresh.redrawn ? { redrawn: fresh.redrawn.calls } : {}),
    };
}
/**
 * Fresh samples for one suite's evaluated sides (src/review/adaptive.ts), never from the cache: at repeat 1 the
 * two-stage design; with repeats, every cached result drawn again. Empty when they do not apply.
 */
async function freshEvidenceFor(prepared, sides, options) {
    const { suite } = prepared;
    if (!suite || !sides.head || !sides.base || !prepared.base)
        return {};
    // The spend plan is made before the first call and cannot foresee the fresh samples: under `max-calls` /
    // `max-cost` there are none, and the first samples are tested as they are (the report says so).
    if (options.budget)
        return {};
    const resample = async (cases, which, n) => {
        const plan = which === 'base' ? prepared.base : prepared.head;
        const again = { ...suite, evaluateOptions: { ...suite.evaluateOptions, repeat: n } };
        const only = () => resampleFilter(cases, plan.headIdx, suite.providers);
        const noCache = { ...options, cacheDir: undefined };
        return (await evaluateSide(prepared.configPath, again, which, plan, noCache, undefined, only)).results.results;
    };
    if (suite.evaluateOptions.repeat !== 1) {
        const redrawn = await redrawCached(sides.base.results, sides.head.results, resample);
        if (!redrawn)
            return {};
        return {
            redrawn: {
                base: { ...sides.base, results: redrawn.base },
                head: { ...sides.head, results: redrawn.head },
                calls: redrawn.redrawn,
            },
        };
    }
    const fresh = await gatherFreshEvidence({
        base: sides.base.results,
        head: sides.head.results,
        criticalTests: new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : []))),
        alpha: suite.gate.alpha,
        resample,
    });
    return fresh ? { fresh } : {};
}
/** Calls the fresh samples made (never cached). */
const freshCalls = (sides) => ({
    made: sides.fresh?.calls ?? sides.redrawn?.calls ?? 0,
    cached: 0,
});
/** Compare and gate one suite's evaluated sides. */
function decideSuite(prepared, sides, logger) {
    const { configPath, name, suite, affectedBy, readFiles } = prepared;
    const common = {
        configPath,
        name,
        affectedBy,
        readFiles,
        suite,
        newPrompts: prepared.newPrompts,
        skippedPrompts: prepared.skippedPrompts,
        baseProblem: prepared.baseProblem,
        suiteChanges: prepared.suiteChanges,
        calls: sides.calls,
    };
    if (prepared.skip || !sides.head || !suite) {
        return { ...common, verdict: 'skipped', skippedReason: prepared.skip?.reason };
    }
    const head = sides.head;
    const criticalTests = new Set(suite.tests.flatMap((t, i) => (t.critical ? [i] : [])));
    const comparison = compareResults(sides.base ?? { ...head, results: [] }, head, {
        alpha: suite.gate.alpha,
        maxErrorRate: suite.gate.maxErrorRate,
        criticalTests,
        gate: suite.gate,
        ...(sides.fresh ? { fresh: sides.fresh } : {}),
        ...(sides.redrawn ? { redrawn: sides.redrawn } : {}),
    });
    const prSuite = prepared.prSuite && sides.prHead ? prSuiteOutcome(prepared.prSuite, sides.prHead) : undefined;
    // Cases only the PR's suite has are new: the gate judges them with the yardstick's head outcomes.
    const headRate = pooledRate(comparison.overall.head, prSuite?.newTestOutcomes);
    const verdict = decideVerdict({
        inconclusive: comparison.inconclusive,
        regression: sides.base !== undefined && comparison.regression,
        headPassRate: headRate,
    }, suite.gate);
    logger.info(`${configPath}: head ${(headRate * 100).toFixed(1)}% over ${head.stats.cases} cases → ${verdict}`);
    return {
        ...common,
        verdict,
        gate: gate(headRate, suite.gate),
        gatePassRate: headRate,
        base: sides.base,
        head,
        comparison,
        prSuite,
    };
}
/** Passed / outcomes over the yardstick's head and, when there are any, the new tests' outcomes. */
function pooledRate(head, extra) {
    if (!extra || extra.passed + extra.failed === 0)
        return head.rate;
    const outcomes = head.passed + head.failed + extra.passed + extra.failed;
    return outcomes === 0 ? 0 : (head.passed + extra.passed) / outcomes;
}
function prSuiteOutcome(pr, results) {
    const count = (filter) => {
        const chosen = results.results.filter(filter);
        const passed = chosen.filter((r) => r.error === undefined && r.pass).length;
        const errors = chosen.filter((r) => r.error !== undefined).length;
        return { passed, failed: chosen.length - passed - errors, errors };
    };
    const newTests = new Set(pr.newTests);
    const all = count(() => true);
    const outcomes = all.passed + all.failed;
    return {
        results,
        ...all,
        rate: outcomes === 0 ? 0 : all.passed / outcomes,
        newTests: pr.newTests.length,
        newTestOutcomes: count((r) => newTests.has(r.testIdx)),
    };
}

/** What every side of every prepared suite would call, under `filter` (a shard, a sample). */
async function planReview(prepared, options, cache, filter) {
    const plans = [];
    for (const suite of prepared) {
        if (suite.skip || !suite.suite || suite.head.headIdx.length === 0)
            continue;
        // The verdict's two sides under the yardstick, and the PR's own suite on the head when it runs too.
        const runs = [
            { suite: suite.suite, side: suite.head },
            { suite: suite.suite, side: suite.base },
            { suite: suite.prSuite?.suite, side: suite.prSuite?.head },
        ];
        for (const run of runs) {
            if (!run.suite || !run.side)
                continue;
            const { subset, prompts, include } = sideRun(run.suite, run.side, filter);
            plans.push(await planEvaluation(subset, { ...options, prompts, ...(cache ? { cache } : {}), include }));
        }
    }
    return mergeSpendPlans(plans);
}
/** The review's plan checked against its budget: the filter to run with (a sample, when so chosen). */
function budgetReview(prepared, options, cache, filter) {
    return withinBudget(options, (f) => planReview(prepared, options, cache, f), filter);
}
/** `compare --estimate`: the plan, and the limit it would exceed; nothing is called. */
async function estimateReview(prepared, options, cache) {
    const plan = await planReview(prepared, options, cache, undefined);
    const excess = options.budget ? budgetExcess(plan, options.budget) : undefined;
    return { plan, ...(excess ? { excess } : {}) };
}

// The results file one shard job writes and the merge job reads. Self-describing: besides its results it
// says which plan they belong to (case count and a hash of every case identity, in plan order), so the
// merge can prove the shards ran the same suites and that together they hold every case exactly once.
/** A shard file cannot be read or is not one. */
class ShardFileError extends UserError {
    name = 'ShardFileError';
}
function fingerprintPlan(identities) {
    return { cases: identities.length, hash: sha256Hex(JSON.stringify(identities)) };
}
function configHash(text) {
    return sha256Hex(text);
}
/**
 * One side as this shard ran it. `identities` is the side's full plan (planIdentities), `results` what the
 * engine returned for this shard's cases only, in plan order.
 */
function buildShardSide(input) {
    const caseIndexes = [];
    input.identities.forEach((id, index) => {
        if (shardOf(id, input.shard.total) === input.shard.index)
            caseIndexes.push(index);
    });
    if (caseIndexes.length !== input.results.results.length) {
        throw new Error(`${input.config} (${input.side}): shard ${input.shard.index}/${input.shard.total} holds ${caseIndexes.length} cases of the plan but the run returned ${input.results.results.length} results; was the engine given the shard's case filter?`);
    }
    return {
        config: input.config,
        side: input.side,
        suite: input.results.suite,
        plan: fingerprintPlan(input.identities),
        caseIndexes,
        caseIds: caseIndexes.map((i) => input.identities[i]),
        results: input.results.results,
    };
}
// A result is checked for every field of CaseResult that the merge, the comparison and the report read.
const caseResultSchema = looseObject({
    testIdx: number().int().nonnegative(),
    promptIdx: number().int().nonnegative(),
    promptId: string(),
    provider: string(),
    repeat: number().int().nonnegative(),
    description: string().optional(),
    vars: record(string(), unknown()),
    output: unknown(),
    pass: boolean(),
    score: number(),
    error: string().optional(),
    assertions: array(looseObject({
        type: string(),
        pass: boolean(),
        score: number(),
        reason: string(),
        metric: string().optional(),
    })),
    latencyMs: number(),
    tokens: object({ prompt: number(), completion: number(), total: number() }),
    cost: number(),
    cached: boolean(),
    prompt: string().optional(),
});
const shardFileSchema = object({
    version: literal(1),
    kind: literal('promptgate-shard'),
    shard: object({ index: number().int().min(1), total: number().int().min(1).max(MAX_SHARDS) })
        .refine((s) => s.index <= s.total, { message: 'shard index must not exceed the total' }),
    base: string(),
    head: string(),
    configs: array(object({ path: string(), hash: string() })),
    sides: array(object({
        config: string(),
        side: _enum(['base', 'head']),
        suite: string(),
        plan: object({ cases: number().int().nonnegative(), hash: string() }),
        caseIndexes: array(number().int().nonnegative()),
        caseIds: array(string()),
        results: array(caseResultSchema),
    })),
});
async function writeShardFile(file, data) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(data) + '\n');
}
/** The default name of shard i of n, as the merge job looks for it. */
function shardFileName(shard) {
    return `promptgate-shard-${shard.index}-of-${shard.total}.json`;
}
/**
 * A shard run's file, as the action and `compare --shard` both write it: the sides it ran, with the hash of
 * each config (read from `repoDir`) so the merge can tell that every shard reviewed the same suites.
 */
async function writeReviewShard(file, run) {
    const configs = await Promise.all(run.configPaths.map(async (p) => ({
        path: p,
        hash: configHash(await readFile(path.join(run.repoDir, p), 'utf8')),
    })));
    await writeShardFile(file, {
        version: 1,
        kind: 'promptgate-shard',
        shard: run.shard,
        base: run.base,
        head: run.head,
        configs,
        sides: run.sides,
    });
}
async function readShardFile(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        throw new ShardFileError(`${file}: cannot read the shard file: ${messageOf(error)}`);
    }
    return { source: file, data: parseShardFile(text, file) };
}
function parseShardFile(text, source) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new ShardFileError(`${source}: not JSON (${messageOf(error)}); expected a file written by \`--shard i/n\``);
    }
    if (json?.kind !== 'promptgate-shard') {
        throw new ShardFileError(`${source}: not a promptgate shard file (its "kind" must be "promptgate-shard")`);
    }
    const parsed = shardFileSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ShardFileError(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    return parsed.data;
}

// Puts the shard files of one run back together into each config's base and head results, as an unsharded
// run would have returned them. Pure: it refuses (naming the file and the case) any set of files that is
// not exactly one run's shards, because a silently missing case would change the pass rate it reports.
/** The shard files do not make up one whole run. `problems` has one line per thing wrong. */
class ShardMergeError extends UserError {
    problems;
    name = 'ShardMergeError';
    constructor(problems) {
        super(`the shard files cannot be merged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
    }
}
/** More than this many missing or duplicated cases are summarised, not listed. */
const LISTED_CASES = 10;
function mergeShards(files) {
    const first = files[0];
    if (!first)
        throw new ShardMergeError(['no shard files were given']);
    const problems = [...runMismatches(first, files), ...shardCoverage(first.data.shard.total, files)];
    // Cases are only worth checking once the files are known to be one run's.
    if (problems.length > 0)
        throw new ShardMergeError(problems);
    const configs = [];
    for (const { path: config } of first.data.configs) {
        const merged = { config };
        for (const side of ['base', 'head']) {
            const parts = sidePartsOf(files, config, side, problems);
            if (parts) {
                const results = mergeSide(parts, first.data.shard.total, config, side, problems);
                if (results)
                    merged[side] = results;
            }
        }
        configs.push(merged);
    }
    for (const file of files) {
        for (const s of file.data.sides) {
            if (!first.data.configs.some((c) => c.path === s.config)) {
                problems.push(`${file.source}: has results for ${s.config}, which is not one of the run's configs`);
            }
        }
    }
    if (problems.length > 0)
        throw new ShardMergeError(problems);
    return { base: first.data.base, head: first.data.head, configs };
}
/** Every file must come from the same run: same revisions, same configs, same number of shards. */
function runMismatches(first, files) {
    const problems = [];
    const ref = first.data;
    const configsOf = (f) => f.data.configs.map((c) => `${c.path}@${c.hash}`).join(', ');
    for (const file of files.slice(1)) {
        const d = file.data;
        const differs = (what, theirs, ours) => problems.push(`${file.source}: ${what} ${theirs}, but ${first.source} has ${ours}: they are shards of different runs`);
        if (d.base !== ref.base)
            differs('was run on base', d.base, ref.base);
        if (d.head !== ref.head)
            differs('was run on head', d.head, ref.head);
        if (d.shard.total !== ref.shard.total)
            differs('splits the run into', `${d.shard.total} shards`, `${ref.shard.total}`);
        if (configsOf(file) !== configsOf(first))
            differs('evaluated the configs', `[${configsOf(file)}]`, `[${configsOf(first)}]`);
    }
    return problems;
}
/** Each shard 1..n exactly once. */
function shardCoverage(total, files) {
    const problems = [];
    const byIndex = new Map();
    for (const file of files)
        byIndex.set(file.data.shard.index, [...(byIndex.get(file.data.shard.index) ?? []), file.source]);
    for (let index = 1; index <= total; index++) {
        const sources = byIndex.get(index) ?? [];
        if (sources.length === 0)
            problems.push(`shard ${index}/${total} is missing: no file for it was given`);
        if (sources.length > 1)
            problems.push(`shard ${index}/${total} was given more than once: ${sources.join(', ')}`);
    }
    return problems;
}
/** One config side's part from every file; undefined when no file ran that side. */
function sidePartsOf(files, config, side, problems) {
    const parts = [];
    const without = [];
    for (const file of files) {
        const found = file.data.sides.filter((s) => s.config === config && s.side === side);
        if (found.length > 1)
            problems.push(`${file.source}: has the ${side} side of ${config} ${found.length} times`);
        if (found[0])
            parts.push({ source: file.source, shardIndex: file.data.shard.index, side: found[0] });
        else
            without.push(file.source);
    }
    if (parts.length === 0)
        return undefined;
    if (without.length > 0) {
        problems.push(`${without.join(', ')}: ha${without.length === 1 ? 's' : 've'} no ${side} side for ${config}, but ${parts[0].source} has one`);
        return undefined;
    }
    return parts;
}
function mergeSide(parts, total, config, side, problems) {
    const label = `${config} (${side})`;
    const plan = parts[0].side.plan;
    const before = problems.length;
    for (const part of parts.slice(1)) {
        const p = part.side.plan;
        if (p.cases !== plan.cases || p.hash !== plan.hash) {
            problems.push(`${part.source}: ${label} planned ${p.cases} cases (plan ${p.hash.slice(0, 12)}), but ${parts[0].source} planned ${plan.cases} (plan ${plan.hash.slice(0, 12)}): the shards ran different suites`);
        }
    }
    if (problems.length > before)
        return undefined;
    const slots = new Array(plan.cases);
    for (const { source, shardIndex, side: s } of parts) {
        if (s.caseIndexes.length !== s.caseIds.length || s.caseIds.length !== s.results.length) {
            problems.push(`${source}: ${label} lists ${s.caseIndexes.length} case positions, ${s.caseIds.length} case ids and ${s.results.length} results; they must be aligned`);
            continue;
        }
        const duplicates = [];
        s.caseIndexes.forEach((index, i) => {
            const id = describeCase(s.caseIds[i]);
            if (!Number.isInteger(index) || index >= plan.cases) {
                problems.push(`${source}: ${label} case ${id} is at position ${index}, outside the plan of ${plan.cases} cases`);
            }
            else if (shardOf(s.caseIds[i], total) !== shardIndex) {
                problems.push(`${source}: ${label} case ${id} belongs to shard ${shardOf(s.caseIds[i], total)}/${total}, not ${shardIndex}/${total}`);
            }
            else if (slots[index]) {
                duplicates.push(`#${index} ${id} (also in ${slots[index].source})`);
            }
            else {
                slots[index] = { result: s.results[i], source, id };
            }
        });
        if (duplicates.length > 0)
            problems.push(`${source}: ${label} repeats ${listed(duplicates)}`);
    }
    const missing = [];
    for (let index = 0; index < plan.cases; index++)
        if (!slots[index])
            missing.push(`#${index}`);
    if (missing.length > 0) {
        problems.push(`${label}: no shard file has a result for case${missing.length === 1 ? '' : 's'} ${listed(missing)} of ${plan.cases}`);
    }
    if (problems.length > before)
        return undefined;
    const results = slots.map((slot) => slot.result);
    return { version: 1, suite: parts[0].side.suite, stats: summarizeStats(results), results };
}
/** A case identity (plan.ts caseIdentity: [prompt, provider, test, repeat]) as a reader would name it. */
function describeCase(identity) {
    try {
        const [prompt, provider, test, repeat] = JSON.parse(identity);
        return `(test ${test}, prompt ${prompt}, provider ${provider}, repeat ${repeat})`;
    }
    catch {
        return identity;
    }
}
function listed(items) {
    if (items.length <= LISTED_CASES)
        return items.join(', ');
    return `${items.slice(0, LISTED_CASES).join(', ')} and ${items.length - LISTED_CASES} more`;
}

// The whole review as plain functions, I/O passed in. The action and the CLI both call these.
//
//   load suite ─► find changes ─► materialize base prompts ─► run both sides ─► compare ─► gate
//
// A run can also stop after "run both sides" for one shard of the cases (reviewShard), and a merge job picks
// the shards up again at "compare" (reviewMerged): the result is the one a single run would give.
/** Prepares every suite with the base revision written out, then does the work; the trees go afterwards. */
async function withPrepared(input, work) {
    const logger = input.evaluate.logger ?? silentLogger;
    const trees = await openTrees(input);
    try {
        const prepared = [];
        for (const configPath of input.configPaths)
            prepared.push(await prepareSuite(input, trees, configPath, logger));
        return await work(prepared);
    }
    finally {
        await trees.close();
    }
}
async function review(input) {
    const logger = input.evaluate.logger ?? silentLogger;
    const cache = openCache(input.evaluate);
    return withPrepared(input, async (all) => {
        // Planned (and checked against max-calls / max-cost) before the first call of any suite.
        const evaluate = withSharedEngine(input.evaluate);
        const { filter, planned } = await budgetReview(all, evaluate, cache);
        const suites = [];
        for (const prepared of all) {
            const sides = await evaluateSides(prepared, evaluate, cache, logger, filter);
            suites.push(decideSuite(prepared, sides, logger));
        }
        return { ...summarize(input, suites), spend: planned };
    });
}
/** `compare --estimate`: the spend plan of the review, and the limit it would exceed; no provider is called. */
async function estimate(input) {
    return withPrepared(input, (all) => estimateReview(all, input.evaluate, openCache(input.evaluate)));
}
/**
 * One rate limiter per endpoint for the whole review (the base, the head and every suite share what they
 * learn), and one memo of rendered prompts for the spend plan and the run.
 */
function withSharedEngine(options) {
    return { limiters: new Limiters(), render: memoizedRender(), ...options };
}
function summarize(input, suites) {
    const tested = new Set();
    for (const s of suites)
        for (const f of s.readFiles)
            tested.add(f);
    const pooled = (side) => {
        let passed = 0;
        let outcomes = 0;
        for (const s of suites) {
            const rate = s.comparison?.overall[side];
            if (!rate)
                continue;
            passed += rate.passed;
            outcomes += rate.passed + rate.failed;
        }
        return outcomes === 0 ? null : passed / outcomes;
    };
    return {
        suites,
        untestedPromptChanges: untestedPromptChanges(input.changes, input.promptGlobs, tested),
        verdict: combineVerdicts(suites.map((s) => s.verdict)),
        basePassRate: pooled('base'),
        headPassRate: pooled('head'),
        regressions: suites.filter((s) => s.verdict === 'regression').length,
        calls: suites.reduce((acc, s) => addCalls(acc, s.calls), { made: 0, cached: 0 }),
    };
}
// ── Sharding on an Actions matrix ──────────────────────────────────────────────────────────────────────
/** One shard's part of a review: the sides of every suite, as far as this shard ran them. */
async function reviewShard(input, shard) {
    const logger = input.evaluate.logger ?? silentLogger;
    const cache = openCache(input.evaluate);
    const sides = [];
    let calls = { made: 0, cached: 0 };
    await withPrepared(input, async (all) => {
        const evaluate = withSharedEngine(input.evaluate);
        const { filter } = await budgetReview(all, evaluate, cache, (ids) => shardCaseFilter(ids, shard));
        for (const prepared of all) {
            const evaluated = await evaluateSides(prepared, evaluate, cache, logger, filter, 'verdict');
            calls = addCalls(calls, evaluated.calls);
            for (const side of ['head', 'base']) {
                const results = evaluated[side];
                if (!results)
                    continue;
                sides.push(buildShardSide({ config: prepared.configPath, side, shard, identities: evaluated.identities[side], results }));
            }
        }
    });
    return { sides, calls };
}
/**
 * The review from shard files: the suites are prepared again (no provider calls) for their thresholds,
 * prompts and skip reasons; the results come from the shards, merged and checked for completeness.
 */
async function reviewMerged(input, files) {
    const logger = input.evaluate.logger ?? silentLogger;
    const merged = mergeShards(files);
    const byConfig = new Map(merged.configs.map((c) => [c.config, c]));
    const calls = new Map();
    for (const file of files) {
        for (const side of file.data.sides) {
            const counts = calls.get(side.config) ?? { made: 0, cached: 0 };
            const cached = side.results.filter((r) => r.cached).length;
            calls.set(side.config, addCalls(counts, { made: side.results.length - cached, cached }));
        }
    }
    return withPrepared(input, async (all) => {
        const suites = [];
        for (const prepared of all) {
            const sides = byConfig.get(prepared.configPath);
            // Adaptive repeats run here, once, on the merged first samples (as a single run would).
            const fresh = await freshEvidenceFor(prepared, { head: sides?.head, base: sides?.base }, input.evaluate);
            const counts = addCalls(calls.get(prepared.configPath) ?? { made: 0, cached: 0 }, freshCalls(fresh));
            const decided = {
                head: fresh.redrawn?.head ?? sides?.head,
                base: fresh.redrawn?.base ?? sides?.base,
                calls: counts,
                ...(fresh.fresh ? { fresh: fresh.fresh } : {}),
                ...(fresh.redrawn ? { redrawn: fresh.redrawn.calls } : {}),
            };
            suites.push(decideSuite(prepared, decided, logger));
        }
        return summarize(input, suites);
    });
}

// Fitting a report under a size limit: render less and less until it fits, and as a last resort cut on a
// line boundary and close whatever the cut left open (a code fence, <details>), so the markdown stays whole.
/** GitHub counts a comment's characters; UTF-16 units are never fewer than code points, so this is safe. */
const utf16Length = (text) => text.length;
/** Which fence and how many <details> are still open at the end of the markdown (ours sit on their own lines). */
function openBlocks(markdown) {
    let fence;
    let details = 0;
    for (const line of markdown.split('\n')) {
        if (fence) {
            if (line.trimEnd() === fence)
                fence = undefined;
            continue;
        }
        const opening = /^(`{3,}|~{3,})/.exec(line);
        if (opening)
            fence = opening[1];
        else if (/^<details[\s>]/.test(line))
            details++;
        else if (/^<\/details>/.test(line) && details > 0)
            details--;
    }
    return fence === undefined ? { details } : { fence, details };
}
function closing(blocks) {
    return (blocks.fence ? `\n${blocks.fence}` : '') + '\n\n</details>'.repeat(blocks.details);
}
/**
 * Cut `markdown` on a line boundary so that it, the closers of whatever it leaves open, and `tail`
 * fit in `max`. A line longer than the budget is cut by code points.
 */
function trimToBudget(markdown, tail, max, measure = utf16Length) {
    if (measure(markdown + tail) <= max)
        return markdown + tail;
    const lines = markdown.split('\n');
    let low = 0;
    let high = lines.length;
    const attempt = (count) => {
        const kept = lines.slice(0, count).join('\n');
        return kept + closing(openBlocks(kept)) + tail;
    };
    // Binary search on the number of whole lines kept (the closers only grow by a bounded amount).
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (measure(attempt(mid)) <= max)
            low = mid;
        else
            high = mid - 1;
    }
    const result = attempt(low);
    if (measure(result) <= max)
        return result;
    // Not even the closers and tail fit: give up structure and cut the tail by code points.
    return [...tail].slice(0, Math.max(0, max)).join('');
}
/**
 * Render at the richest detail level that fits; if none does, trim the leanest on a line boundary.
 * `render(level)` gets 0 (everything) up to `levels - 1` (the least).
 */
function fitToBudget(render, levels, max, tail, measure = utf16Length) {
    for (let level = 0; level < levels; level++) {
        const body = render(level);
        const full = body + tail(level > 0);
        if (measure(full) <= max)
            return full;
    }
    return trimToBudget(render(levels - 1), tail(true), max, measure);
}

const percent = (x) => `${(100 * x).toFixed(1)}%`;
/** Signed change in percentage points, with a real minus sign. */
function points(delta) {
    const value = (100 * delta).toFixed(1);
    if (value === '0.0' || value === '-0.0')
        return '±0.0 pts';
    return delta > 0 ? `+${value} pts` : `−${value.slice(1)} pts`;
}
function relativeChange(base, head) {
    if (base === 0)
        return head === 0 ? '±0%' : 'new';
    const change = (100 * (head - base)) / base;
    if (Math.abs(change) < 0.05)
        return '±0%';
    return change > 0 ? `+${change.toFixed(1)}%` : `−${(-change).toFixed(1)}%`;
}
const VERDICT_WORDS = {
    ship: { emoji: '✅', words: 'Ship' },
    regression: { emoji: '⛔', words: 'Regression' },
    inconclusive: { emoji: '⚠️', words: 'Inconclusive' },
    'fix-prompt': { emoji: '🛠️', words: 'Fix the prompt first' },
    'fine-tune': { emoji: '🎯', words: 'Consider fine-tuning' },
    skipped: { emoji: '⏭️', words: 'Skipped' },
};
/** What follows the verdict's words, e.g. "head 94.0% vs base 92.0%". Plain text: the caller escapes. */
function verdictDetail(verdict, suite, datasetPath) {
    if (!suite)
        return verdict === 'skipped' ? 'no prompt used by a suite changed' : '';
    const c = suite.comparison;
    const hasBase = c.overall.base.passed + c.overall.base.failed > 0;
    const rates = hasBase
        ? `head ${percent(c.overall.head.rate)} vs base ${percent(c.overall.base.rate)}`
        : `head ${percent(c.overall.head.rate)} (no base to compare: new in this pull request)`;
    switch (verdict) {
        case 'inconclusive': {
            const reasons = inconclusiveReasons(c);
            const more = reasons.length - 1;
            return `${rates}; ${reasons[0] ?? 'the evidence cannot decide'}${more > 0 ? ` (and ${more} more reason${more === 1 ? '' : 's'} below)` : ''}`;
        }
        case 'fix-prompt':
            return `${rates} (below ${percent(suite.gate.fix)})`;
        case 'fine-tune': {
            const n = c.headFailingCases;
            const cases = `${n} failing case${n === 1 ? '' : 's'}`;
            return datasetPath ? `${rates}; ${cases} exported as a dataset (${datasetPath})` : `${rates}; ${cases}`;
        }
        case 'skipped':
            return 'no prompt of this suite changed';
        default:
            return rates;
    }
}
/** "gate: consider fine-tuning (60.9%)": what the gate says on the head's pass rate, whatever the verdict. */
function gateClause(suite) {
    if (!suite)
        return '';
    if (!suite.gateDecision)
        return 'gate: no head outcome to judge';
    return `gate: ${GATE_WORDS[suite.gateDecision]} (${percent(suite.comparison.overall.head.rate)})`;
}
/** Whether the check blocks the merge, and for a run that does not decide, what would make it block. */
function blockClause(input) {
    if (input.blocks)
        return `merge blocked (fail-on: ${failOnWords(input.failPolicy)})`;
    if (input.failPolicy.failOn === 'never')
        return 'not blocking (fail-on: never)';
    if (input.overallVerdict === 'inconclusive')
        return `not blocking (an inconclusive run blocks only with fail-on: ${input.failPolicy.failOn},inconclusive)`;
    return 'not blocking';
}
/** What the fresh evidence was, for a reader: which samples the tests used, and where the design stopped. */
function freshClause(f) {
    const redrawn = f.redrawn ? `, ${f.redrawn} of them drawn again because the first sample came from the cache` : '';
    const stop = {
        screened: 'the head did no worse on its first samples, so only critical cases were re-run',
        early: 'stage 1 decided it',
        futile: 'stage 1 showed the head no worse, so it stopped there',
        final: `stage 2 re-ran ${f.stage2Cases} case(s) chosen by their stage-1 totals`,
    };
    return `fresh samples only: stage 1 is one per side of ${f.cases} case(s)${redrawn}; ${stop[f.stopped]} (${f.calls} calls beyond the first samples, none from the cache)`;
}
/** p-values as people read them: 2 significant digits, tiny ones as "<0.001". */
function formatP(p) {
    if (p < 0.001)
        return '<0.001';
    return p
        .toPrecision(2)
        .replace(/^(\d\.\d*?)0+$/, '$1')
        .replace(/\.$/, '');
}
/** "p = 0.012" or "p < 0.001". */
function pClause(p) {
    return p < 0.001 ? 'p < 0.001' : `p = ${formatP(p)}`;
}
/** What each gate decision tells the author, in lower case. */
const GATE_WORDS = {
    ship: 'ship',
    'fix-prompt': 'fix the prompt first',
    'fine-tune': 'consider fine-tuning',
};
const caseName = (c) => `test ${c.testIdx}${c.description ? ` (${c.description})` : ''} on ${c.promptId} × ${c.provider}`;
/** Why it is a regression, one sentence per finding. */
function regressionReasons(c) {
    const alpha = `α = ${c.alpha}`;
    return c.regressionFindings.map((f) => {
        switch (f.rule) {
            case 'overall': {
                const split = f.split ? `α/2 = ${formatP(f.level)}, α split with critical tests` : alpha;
                const stages = f.fresh?.stages === 2 ? 'two stages' : 'one stage';
                const level = f.fresh ? `${split}; fresh samples of ${f.fresh.cases} cases, in ${stages}` : split;
                return `head worse than base overall (${f.fresh ? 'exact group-sequential' : 'one-sided paired'} ${pClause(f.pValue)} < ${level})`;
            }
            case 'group':
                return `${f.promptId} × ${f.provider}: head worse (${pClause(f.pValue)}; adjusted for the overall test first and Holm over ${f.groups} groups: ${formatP(f.adjustedP)} < ${alpha})`;
            case 'critical':
                return `critical ${caseName(f.change)} newly failing (exact test over its repeats ${pClause(f.pValue)}, adjusted ${formatP(f.adjustedP)} < ${alpha})`;
        }
    });
}
const NO_OUTCOME = {
    'no-case-ran': 'no case ran',
    'no-outcome': 'no case produced an outcome',
    'no-paired-outcome': 'no case produced an outcome on both base and head',
};
/** Why the evidence cannot decide, one sentence per finding, most important first. */
function inconclusiveReasons(c) {
    return c.inconclusiveFindings.map((f) => {
        switch (f.rule) {
            case 'no-outcome':
                return NO_OUTCOME[f.what];
            case 'critical-undecided':
                return `critical ${caseName(f.change)} is newly failing, but ${f.change.base.outcomes} base and ${f.change.head.outcomes} head outcome(s) cannot decide it: it needs ${f.repeatsNeeded} fresh repeats per side`;
            case 'critical-no-head-outcome':
                return `critical ${caseName(f.change)} has no head outcome: every head call errored`;
            case 'error-share':
                return `${f.errors} of ${f.calls} ${f.side} calls errored (${percent(f.errors / f.calls)}, more than the ${percent(f.maxErrorRate)} allowed)`;
            case 'errors-could-hide': {
                const erroring = f.newlyErroring ? ` (${f.newlyErroring} newly erroring cases)` : '';
                return `${f.errors} calls errored${erroring}: were the missing head outcomes fails, the head would be significantly worse (${pClause(f.pValue)})`;
            }
            case 'too-little-fresh':
                return `too little fresh evidence: the ${f.cases} case(s) and their fresh repeats can never reach significance (the smallest p is ${formatP(f.smallestP)}); more repeats (the \`repeat\` input) or more cases would decide it`;
            case 'too-small': {
                const collapse = f.everyCaseWorse
                    ? `every case got worse (base ${percent(f.baseRate)} → head ${percent(f.headRate)}), but `
                    : '';
                return `too small to decide: ${collapse}${f.cases} paired case(s) can never reach significance (the smallest p is 1/${2 ** f.cases}); it needs at least ${f.casesNeeded} cases`;
            }
            case 'errors-move-gate':
                return `${f.errors} head calls errored: were they fails, the head's pass rate would be ${percent(f.worstRate)} and the gate would say ${GATE_WORDS[f.then]} instead of ${GATE_WORDS[f.now]}`;
        }
    });
}

// The "Suite changes" section: what the pull request changed in the suite itself, beside a verdict that used
// the base's suite for every case the base has. Words only; the facts come from review/suite-changes.ts.
const STATUS_WORDS = {
    added: '➕ added',
    removed: '➖ removed',
    changed: '✏️ assertions changed',
};
function fenced(value) {
    // A fence longer than any run of backticks in the text, so model-controlled text cannot close it.
    const text = distExports.stringify(value ?? []).trimEnd();
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}yaml\n${text}\n${fence}`;
}
function testRow(change) {
    const loosened = change.loosened ? ' · **loosened**' : '';
    const body = [
        change.before !== undefined ? `Base:\n\n${fenced(change.before)}` : '',
        change.after !== undefined ? `Pull request:\n\n${fenced(change.after)}` : '',
    ]
        .filter(Boolean)
        .join('\n\n');
    return `<details><summary>${STATUS_WORDS[change.status]}${loosened}: ${escapeInline(change.title, 120)}</summary>\n\n${body}\n\n</details>`;
}
function suiteChangesSection(changes, pr) {
    if (!changes)
        return '';
    const parts = [
        '#### Suite changes',
        `The pull request changes the suite itself (${changes.files.map((f) => `\`${escapeInline(f, 120)}\``).join(', ')}). ` +
            "The verdict above judged base and head prompts under the **base's** tests, assertions and gate; " +
            (changes.evaluated
                ? "the pull request's version of the suite was evaluated on the head too."
                : "on this event the pull request's version of the suite is shown, **not run** (its code would be the pull request's)."),
    ];
    if (pr) {
        const errors = pr.errors ? `, ${pr.errors} errors` : '';
        const fresh = pr.newTests ? ` (${pr.newTests} tests only it has, judged by the gate with the head)` : '';
        parts.push(`Under the pull request's suite the head passes **${percent(pr.rate)}** (${pr.passed} passed, ${pr.failed} failed${errors})${fresh}.`);
    }
    const loosened = changes.tests.filter((t) => t.loosened).length;
    if (changes.tests.length > 0) {
        const counts = ['added', 'removed', 'changed']
            .map((status) => [status, changes.tests.filter((t) => t.status === status).length])
            .filter(([, n]) => n > 0)
            .map(([status, n]) => `${n} ${status}`)
            .join(', ');
        parts.push(`Tests: ${counts}${loosened ? ` — ${loosened} loosened` : ''}.`);
        parts.push(changes.tests.map(testRow).join('\n'));
    }
    if (changes.gate) {
        const g = (x) => `ship > ${percent(x.ship)}, fix < ${percent(x.fix)}, α = ${x.alpha}`;
        parts.push(`Gate: ${g(changes.gate.before)} → ${g(changes.gate.after)} (the base's applies).`);
    }
    if (changes.providers) {
        parts.push(`Providers: ${changes.providers.before.map((p) => escapeInline(p, 60)).join(', ')} → ${changes.providers.after.map((p) => escapeInline(p, 60)).join(', ')} (the base's ran).`);
    }
    return parts.join('\n\n');
}

const ratio = (side) => `${side.passed}/${side.outcomes}`;
const where = (c) => `${escapeInline(c.promptId, 80)} × ${escapeInline(c.provider, 60)}`;
const title = (c) => `test ${c.testIdx}${c.description ? ` · ${escapeInline(c.description, 120)}` : ''}`;
function varsText(vars) {
    const entries = Object.entries(vars);
    const shown = entries.slice(0, 8).map(([key, value]) => {
        const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
        return `${escapeInline(key, 40)} = ${escapeInline(text, 120)}`;
    });
    if (entries.length > 8)
        shown.push(`… ${entries.length - 8} more`);
    return shown.length ? shown.join(' · ') : '(none)';
}
function headline(input) {
    const { emoji, words } = VERDICT_WORDS[input.overallVerdict];
    const suite = input.suites.find((s) => s.verdict === input.overallVerdict) ?? input.suites[0];
    const detail = verdictDetail(input.overallVerdict, input.overallVerdict === 'skipped' && input.suites.length === 0 ? undefined : suite, input.datasetPath);
    const which = input.suites.length > 1 && suite ? `suite ${escapeInline(suite.name, 80)}: ` : '';
    const gated = input.overallVerdict === 'skipped' ? '' : gateClause(suite);
    const heading = [`${emoji} ${words}`, ...(gated ? [gated] : []), blockClause(input)].join(' · ');
    return `## ${heading}${detail ? `\n\n${which}${escapeInline(detail, 400)}` : ''}`;
}
/** A pass rate with its Wilson 95% interval underneath, small: one column per side keeps the table narrow. */
function rateCell(r) {
    return `${percent(r.rate)}<br><sub>${percent(r.interval.low)}–${percent(r.interval.high)}</sub>`;
}
function rateRow(label, r, flagged) {
    const p = `${formatP(r.adjustedP)}${flagged ? ' ⛔' : ''}`;
    return `| ${label} | ${rateCell(r.base)} | ${rateCell(r.head)} | ${points(r.delta)} | ${p} | ${r.cases} | ${r.base.errors} → ${r.head.errors} |`;
}
function ratesTable(c) {
    const rows = [
        // One label column and short headers: the table fits GitHub's 760 px comment column.
        '| Prompt × provider | Base <sub>95% CI</sub> | Head <sub>95% CI</sub> | Δ | p <sub>adj.</sub> | Cases | Errors |',
        '|---|--:|--:|--:|--:|--:|--:|',
        ...c.groups.map((g) => rateRow(`${escapeInline(g.promptId, 60)}<br><sub>${escapeInline(g.provider, 60)}</sub>`, g, g.regression)),
    ];
    if (c.groups.length !== 1)
        rows.push(rateRow('**All**', c.overall, c.overall.adjustedP < c.alpha && c.overall.base.passed + c.overall.base.failed > 0));
    return rows.join('\n');
}
/** What the critical family said about a case, in words. */
function criticalLine(check) {
    if (!check)
        return [];
    const p = check.pValue === undefined ? '' : `exact p = ${formatP(check.pValue)}, adjusted ${formatP(check.adjustedP)}`;
    switch (check.status) {
        case 'regression':
            return [`- critical: ${p} — significant, a regression`];
        case 'undecided':
            return [
                `- critical: ${p} — not decidable with these repeats: needs ${check.repeatsNeeded} fresh repeats per side`,
            ];
        case 'not-significant':
            return [`- critical: ${p} — not significant, not counted`];
        default:
            return [];
    }
}
function caseBlock(c, critical, detail) {
    return [
        `**${title(c)}** · ${where(c)} · head passed ${ratio(c.head)}, base ${ratio(c.base)}${c.critical ? ' · **critical**' : ''}`,
        '',
        ...criticalLine(critical.find((k) => k.change === c)),
        `- vars: ${varsText(c.vars)}`,
        `- failed: ${c.head.reasons.length ? c.head.reasons.map((r) => escapeInline(r, 300)).join(' · ') : '(no reason given)'}`,
        '',
        'Base output:',
        '',
        codeBlock(c.base.excerpt, 'text', detail.excerptChars),
        '',
        'Head output:',
        '',
        codeBlock(c.head.excerpt, 'text', detail.excerptChars),
    ].join('\n');
}
/** The check a case failed first (its assertion type, or `error`): what its group is named after. */
const failedCheck = (c) => /^([^:]+):/.exec(c.head.reasons[0] ?? '')?.[1] ?? 'no reason given';
/**
 * Newly failing cases grouped by the check they failed: one collapsed group per check, its cases inside.
 * Critical cases come first and stay open: they are the ones a reviewer must see.
 */
function newlyFailingSection(list, critical, detail) {
    if (list.length === 0)
        return '';
    let budget = detail.newlyFailing;
    const take = (cases) => {
        const shown = cases.slice(0, Math.max(0, budget));
        budget -= shown.length;
        return shown;
    };
    const parts = take(list.filter((c) => c.critical)).map((c) => caseBlock(c, critical, detail));
    const groups = new Map();
    for (const c of list.filter((c) => !c.critical))
        groups.set(failedCheck(c), [...(groups.get(failedCheck(c)) ?? []), c]);
    for (const [check, cases] of [...groups].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))) {
        const shown = take(cases);
        const example = escapeInline(cases[0].head.reasons[0]?.slice(check.length + 1).trim() ?? '', 120);
        const summary = `${escapeInline(check, 60)} — ${cases.length} case${cases.length === 1 ? '' : 's'}${example ? `, e.g. ${example}` : ''}`;
        const hidden = cases.length - shown.length;
        const more = hidden > 0 ? `\n\n_…and ${hidden} more: the full list is in the job summary._` : '';
        const body = shown.length
            ? shown.map((c) => caseBlock(c, critical, detail)).join('\n\n')
            : '_Shown in the job summary._';
        parts.push(`<details>\n<summary>${summary}</summary>\n\n${body}${more}\n\n</details>`);
    }
    return `#### ❌ Newly failing (${list.length})\n\n${parts.join('\n\n')}`;
}
/** A collapsed table of cases; `reason` adds the head's failure reasons. */
function collapsedList(heading, list, detail, withReason) {
    if (list.length === 0)
        return '';
    const shown = list.slice(0, detail.listRows);
    const header = withReason
        ? '| Test | Prompt × provider | Base | Head | Head failed because |\n|---|---|--:|--:|---|'
        : '| Test | Prompt × provider | Base | Head |\n|---|---|--:|--:|';
    const rows = shown.map((c) => {
        const cells = [title(c), where(c), ratio(c.base), ratio(c.head)];
        if (withReason)
            cells.push(c.head.reasons.map((r) => escapeInline(r, 200)).join(' · ') || '—');
        return `| ${cells.join(' | ')} |`;
    });
    const more = list.length > shown.length
        ? `\n\n_…and ${list.length - shown.length} more: the full list is in the job summary._`
        : '';
    return `<details>\n<summary>${heading} (${list.length})</summary>\n\n${header}\n${rows.join('\n')}${more}\n\n</details>`;
}
/** Cases with outcomes on the base and only errors on the head: missing evidence, never passes. */
function newlyErroringSection(list, detail) {
    if (list.length === 0)
        return '';
    const shown = list.slice(0, detail.listRows);
    const rows = shown.map((c) => `| ${title(c)}${c.critical ? ' · **critical**' : ''} | ${where(c)} | ${ratio(c.base)} | ${c.head.errors} | ${escapeInline(c.head.reasons[0]?.replace(/^error: /, '') ?? '', 200)} |`);
    const more = list.length > shown.length ? `\n\n_…and ${list.length - shown.length} more: see the job summary._` : '';
    return `#### ⚠️ Newly erroring (${list.length})\n\nOutcomes on the base, only errors on the head: missing evidence, not passes.\n\n| Test | Prompt × provider | Base | Head errors | Error |\n|---|---|--:|--:|---|\n${rows.join('\n')}${more}`;
}
/** Where the p-values come from when fresh samples decided. */
function freshNote(c) {
    if (c.redrawn)
        return `<sub>🔁 ${c.redrawn} result(s) that came from the cache were drawn again before the test, so a cached base cannot decide the verdict.</sub>`;
    if (!c.fresh)
        return '';
    return `<sub>🔁 The tests use ${freshClause(c.fresh)}, so a cached base cannot decide the verdict. Rates and lists are the first samples.</sub>`;
}
/** A suite too small for any drop to be significant says so, and what it would take. */
function tooSmallNote(c) {
    if (!c.tooSmall || c.inconclusive)
        return '';
    return `ℹ️ Too small for any drop to be significant: ${c.tooSmall.cases} paired case(s), and the paired test's smallest p is 1/${2 ** c.tooSmall.cases}. It needs at least ${c.tooSmall.casesNeeded} cases (more repeats do not help: the test counts cases).`;
}
function legend(c, suite) {
    const tests = c.levels.critical > 0
        ? `α = ${c.alpha} split in half between the paired test over repeats (overall first, then each prompt × provider, Holm) and the critical cases (exact test over each case's repeats, Holm)`
        : `one-sided paired test over repeats, α = ${c.alpha}; overall first, then each prompt × provider (Holm)`;
    return (`<sub>Gate: ship above ${percent(suite.gate.ship)}, fix the prompt below ${percent(suite.gate.fix)}. Regression: ${tests}; p adjusted to α's scale, ⛔ below α. ` +
        `Pass rates count outcomes; errors are missing data, shown apart (inconclusive when they could change the verdict, or above ${percent(c.maxErrorRate)}).</sub>`);
}
const omitted = (what, n) => (n > 0 ? `_${n} ${what} omitted to fit: see the job summary._` : '');
/** Tokens and cost per call when there are any; latency only when it changed beyond its noise. */
function usageTable(usage) {
    const { base, head } = usage;
    const rows = [];
    if (base.tokens > 0 || head.tokens > 0)
        rows.push(`| Tokens | ${base.tokens.toFixed(1)} | ${head.tokens.toFixed(1)} | ${relativeChange(base.tokens, head.tokens)} |`);
    if (base.cost > 0 || head.cost > 0)
        rows.push(`| Cost | $${base.cost.toFixed(6)} | $${head.cost.toFixed(6)} | ${relativeChange(base.cost, head.cost)} |`);
    if (usage.latencyChanged && base.latencyMs !== null && head.latencyMs !== null)
        rows.push(`| Latency | ${Math.round(base.latencyMs)} ms | ${Math.round(head.latencyMs)} ms | ${relativeChange(base.latencyMs, head.latencyMs)} |`);
    if (rows.length === 0)
        return '';
    return ['| Per call | Base | Head | Change |', '|---|--:|--:|--:|', ...rows].join('\n');
}
function suiteSection(suite, detail, several) {
    const c = suite.comparison;
    const { emoji, words } = VERDICT_WORDS[suite.verdict];
    const parts = [`### Suite ${escapeInline(suite.name, 100)}`];
    if (several) {
        const gated = suite.verdict === 'skipped' ? '' : ` · ${gateClause(suite)}`;
        parts.push(`**${emoji} ${words}**${gated} — ${escapeInline(verdictDetail(suite.verdict, suite), 300)}`);
    }
    parts.push(legend(c, suite));
    if (suite.skippedPrompts?.length) {
        parts.push(`Not compared: ${suite.skippedPrompts.map((p) => `${escapeInline(p.id, 80)} (${escapeInline(p.reason, 120)})`).join(' · ')}`);
    }
    if (suite.verdict === 'skipped' && c.overall.cases === 0)
        return parts.join('\n\n');
    parts.push(ratesTable(c));
    parts.push(freshNote(c));
    parts.push(suiteChangesSection(suite.suiteChanges, suite.prSuite));
    const regression = regressionReasons(c);
    const inconclusive = inconclusiveReasons(c);
    if (regression.length)
        parts.push(regression.map((r) => `- ⛔ ${escapeInline(r, 300)}`).join('\n'));
    if (inconclusive.length) {
        const what = c.regression ? 'Also missing or too little evidence (the regression stands)' : 'Inconclusive';
        parts.push(`${what}:\n\n${inconclusive.map((r) => `- ⚠️ ${escapeInline(r, 300)}`).join('\n')}`);
    }
    parts.push(tooSmallNote(c));
    parts.push(newlyFailingSection(c.newlyFailing, c.critical, detail));
    parts.push(newlyErroringSection(c.newlyErroring, detail));
    parts.push(detail.newlyPassing
        ? collapsedList('✅ Newly passing', c.newlyPassing, detail, false)
        : omitted('newly passing cases', c.newlyPassing.length));
    parts.push(detail.flaky
        ? collapsedList('🎲 Flaky (repeats disagree)', c.flaky, detail, true)
        : omitted('flaky cases', c.flaky.length));
    parts.push(detail.stillFailing
        ? collapsedList('🔁 Still failing', c.stillFailing, detail, true)
        : omitted('still failing cases', c.stillFailing.length));
    parts.push(usageTable(c.usage));
    return parts.filter(Boolean).join('\n\n');
}
function notesSection(notes) {
    if (!notes?.length)
        return '';
    return notes.map((n) => `> ⚠️ ${escapeInline(n, 500)}`).join('\n>\n');
}
function untestedSection(files) {
    if (files.length === 0)
        return '';
    return `### ⚠️ Prompt changes no suite tests\n\n${files.map((f) => `- ${escapeInline(f, 200)}`).join('\n')}`;
}
function diffStat(diff) {
    const lines = diff.split('\n');
    const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
    const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
    return `+${added} −${removed}`;
}
function diffsSection(diffs, detail) {
    if (diffs.length === 0)
        return '';
    if (detail.diffLines === 0) {
        return `### Prompt diffs\n\n${diffs.map((d) => `- ${escapeInline(d.file, 200)} (${diffStat(d.diff)})`).join('\n')}\n\n${omitted('diffs', diffs.length)}`;
    }
    const blocks = diffs.map((d) => {
        const lines = d.diff.replace(/\n$/, '').split('\n');
        const shown = lines.slice(0, detail.diffLines).join('\n');
        const cut = lines.length > detail.diffLines
            ? `\n\n_…${lines.length - detail.diffLines} more lines: see the job summary._`
            : '';
        return `<details>\n<summary>${escapeInline(d.file, 200)} (${diffStat(d.diff)})</summary>\n\n${codeBlock(shown, 'diff', Number.MAX_SAFE_INTEGER)}${cut}\n\n</details>`;
    });
    return `### Prompt diffs\n\n${blocks.join('\n\n')}`;
}
function safeUrl(url) {
    if (!/^https?:\/\/[^\s]+$/.test(url))
        return undefined;
    return url.replace(/[()<>"'`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
const shortSha = (sha) => (/^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : escapeInline(sha, 12));
function footer(input) {
    const url = input.runUrl ? safeUrl(input.runUrl) : undefined;
    const parts = [
        `base ${shortSha(input.baseSha)} → head ${shortSha(input.headSha)}`,
        ...(url ? [`[workflow run](${url})`] : []),
        `${input.calls.made} calls made, ${input.calls.cached} served from cache`,
        'promptgate',
    ];
    return `---\n<sub>${parts.join(' · ')}</sub>\n`;
}
/** The marker is ours, but check it is one HTML comment so it can never open anything. */
function markerLine(marker) {
    if (!/^<!--[^]*?-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
        return `<!-- ${marker.replace(/-->|--|[<>]/g, '')} -->`;
    }
    return marker;
}

// The sticky comment and the job summary: the same report, with different budgets.
/** GitHub rejects comments over 65,536 characters; keep a margin. */
const COMMENT_MAX_CHARS = 65_000;
const FULL = {
    newlyPassing: true,
    flaky: true,
    stillFailing: true,
    diffLines: Number.MAX_SAFE_INTEGER,
    newlyFailing: 30,
    listRows: 50,
    excerptChars: 400,
};
/** Least useful first: newly passing, flaky, then diffs shortened, then still failing, then fewer failing cases. */
const COMMENT_LEVELS = [
    FULL,
    { ...FULL, newlyPassing: false },
    { ...FULL, newlyPassing: false, flaky: false },
    { ...FULL, newlyPassing: false, flaky: false, diffLines: 60 },
    { ...FULL, newlyPassing: false, flaky: false, diffLines: 15 },
    { ...FULL, newlyPassing: false, flaky: false, diffLines: 0 },
    { ...FULL, newlyPassing: false, flaky: false, diffLines: 0, stillFailing: false },
    {
        ...FULL,
        newlyPassing: false,
        flaky: false,
        diffLines: 0,
        stillFailing: false,
        newlyFailing: 10,
        excerptChars: 200,
    },
    { ...FULL, newlyPassing: false, flaky: false, diffLines: 0, stillFailing: false, newlyFailing: 3, excerptChars: 120 },
];
COMMENT_LEVELS.map((d) => ({
    ...d,
    newlyFailing: d.newlyFailing * 10,
    listRows: 1000,
    excerptChars: d.excerptChars * 5,
}));
function renderBody(input, detail) {
    const several = input.suites.length > 1;
    return [
        markerLine(input.marker),
        headline(input),
        notesSection(input.notes),
        ...input.suites.map((s) => suiteSection(s, detail, several)),
        untestedSection(input.untestedPromptChanges),
        diffsSection(input.promptDiffs, detail),
    ]
        .filter(Boolean)
        .join('\n\n');
}
function render(input, levels, max, measure, trimmedNote) {
    const tail = (trimmed) => `\n\n${trimmed ? `> ℹ️ ${trimmedNote}\n\n` : ''}${footer(input)}`;
    return fitToBudget((level) => renderBody(input, levels[level]), levels.length, max, tail, measure);
}
/** The sticky pull-request comment, at most `maxChars` characters. */
function renderComment(input, options = {}) {
    const note = 'Shortened to fit a pull-request comment: the full report is in the job summary of the workflow run.';
    return render(input, COMMENT_LEVELS, options.maxChars ?? COMMENT_MAX_CHARS, utf16Length, note);
}

/** One line, no control characters: terminal escape sequences in model output must not reach the terminal. */
const isControl = (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};
const clean = (text, max) => 
// Cut first: a 10 MB output is never spread into code points.
[...revealInvisible(truncateCodePoints(text, max)).replace(/\r\n?|\n/g, ' ↵ ')]
    .map((ch) => (isControl(ch) ? '�' : ch))
    .join('');
function table(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
    return rows.map((r) => r
        .map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
        .join('  ')
        .trimEnd());
}
const rateCells = (r) => [
    percent(r.base.rate),
    percent(r.head.rate),
    points(r.delta),
    formatP(r.adjustedP),
    String(r.cases),
    `${r.base.errors} → ${r.head.errors}`,
];
function caseLines(heading, list) {
    if (list.length === 0)
        return [];
    return [
        `${heading} (${list.length}):`,
        ...list.map((c) => {
            const reason = c.head.reasons[0] ? ` — ${clean(c.head.reasons[0], 160)}` : '';
            return `    test ${c.testIdx} ${clean(c.description ?? '', 60)} [${clean(c.promptId, 40)} × ${clean(c.provider, 30)}] base ${c.base.passed}/${c.base.outcomes} → head ${c.head.passed}/${c.head.outcomes}${reason}`;
        }),
    ];
}
function renderText(input) {
    const { words } = VERDICT_WORDS[input.overallVerdict];
    const top = input.suites.find((s) => s.verdict === input.overallVerdict) ?? input.suites[0];
    const detail = verdictDetail(input.overallVerdict, top, input.datasetPath);
    const gated = input.overallVerdict === 'skipped' ? '' : gateClause(top);
    const heading = [words.toUpperCase(), ...(gated ? [gated] : []), blockClause(input)].join(' · ');
    const lines = [heading, ...(detail ? [`  ${clean(detail, 400)}`] : [])];
    for (const note of input.notes ?? [])
        lines.push(`note: ${clean(note, 500)}`);
    for (const suite of input.suites) {
        const c = suite.comparison;
        lines.push('', `Suite ${clean(suite.name, 100)}: ${VERDICT_WORDS[suite.verdict].words}`);
        const rows = [
            ['prompt', 'provider', 'base', 'head', 'Δ', 'p adj.', 'cases', 'errors'],
            ...c.groups.map((g) => [clean(g.promptId, 50), clean(g.provider, 40), ...rateCells(g)]),
        ];
        if (c.groups.length !== 1)
            rows.push(['all', '', ...rateCells(c.overall)]);
        lines.push(...table(rows).map((l) => `  ${l}`));
        if (c.fresh)
            lines.push(`  the tests use ${freshClause(c.fresh)}`);
        lines.push(...inconclusiveReasons(c).map((r) => `  inconclusive: ${clean(r, 300)}`));
        lines.push(...regressionReasons(c).map((r) => `  regression: ${clean(r, 300)}`));
        lines.push(...caseLines('  newly failing', c.newlyFailing), ...caseLines('  newly erroring', c.newlyErroring));
        lines.push(...caseLines('  newly passing', c.newlyPassing));
        lines.push(...caseLines('  flaky', c.flaky), ...caseLines('  still failing', c.stillFailing));
    }
    if (input.untestedPromptChanges.length)
        lines.push('', 'Prompt changes no suite tests:', ...input.untestedPromptChanges.map((f) => `  ${clean(f, 200)}`));
    lines.push('', `base ${input.baseSha.slice(0, 7)} → head ${input.headSha.slice(0, 7)} · ${input.calls.made} calls made, ${input.calls.cached} from cache`);
    return lines.join('\n') + '\n';
}

// The failing cases as a fine-tuning dataset: when the gate says "consider fine-tuning", the cases the prompt
// cannot fix are exactly the examples a tuned model must learn. One JSON object per line. Pure.
function datasetRecord(r) {
    const prompt = r.prompt ?? '';
    return {
        messages: parseChatMessages(prompt) ?? [{ role: 'user', content: prompt }],
        rejected: typeof r.output === 'string' ? r.output : JSON.stringify(r.output ?? null),
        vars: r.vars,
        failedAssertions: r.assertions.filter((a) => !a.pass).map((a) => ({ type: a.type, reason: a.reason })),
        meta: {
            promptId: r.promptId,
            provider: r.provider,
            testIdx: r.testIdx,
            repeat: r.repeat,
            ...(r.description ? { description: r.description } : {}),
        },
    };
}
/** Failed (not errored) cases as JSONL; errors are not examples of anything. */
function failingCasesJsonl(results) {
    const failing = results.filter((r) => !r.pass && r.error === undefined);
    return { jsonl: failing.map((r) => JSON.stringify(datasetRecord(r)) + '\n').join(''), count: failing.length };
}
/**
 * The fine-tuning dataset of a review: the failing head cases of every suite whose gate says consider
 * fine-tuning. Undefined when there is none.
 */
function fineTuneDataset(result) {
    const failing = result.suites.filter((s) => s.verdict === 'fine-tune' && s.head).flatMap((s) => s.head.results);
    const dataset = failingCasesJsonl(failing);
    return dataset.count > 0 ? dataset : undefined;
}

// The sticky comment's hidden marker: pure, so reports can carry it without loading the GitHub client.
/** The hidden HTML marker for a key, e.g. `<!-- promptgate:suite-a -->`. */
function markerFor(key) {
    if (!/^[A-Za-z0-9._:/@+-]+$/.test(key)) {
        throw new UsageError(`comment key ${JSON.stringify(key)} cannot go in a hidden marker: use letters, digits and . _ : / @ + - (no spaces), e.g. "default" or "suite-a".`);
    }
    return `<!-- promptgate:${key} -->`;
}

// What a review publishes, built from its result: the report's input and the JSON report document. Pure.
/**
 * One sticky comment per set of configs: two promptgate steps with different suites keep separate comments.
 * Only characters a hidden marker can hold (see markerFor); configs are joined with `+`.
 */
function commentKey(configPaths) {
    return configPaths.map((p) => p.replace(/[^A-Za-z0-9._/@-]/g, '_')).join('+') || 'default';
}
function buildReportInput(args) {
    const { result } = args;
    const failPolicy = args.failPolicy ?? DEFAULT_FAIL_POLICY;
    return {
        failPolicy,
        blocks: reviewBlocks(result, failPolicy),
        marker: markerFor(args.key),
        suites: result.suites.flatMap((s) => s.comparison && s.suite
            ? [
                {
                    name: s.name,
                    comparison: s.comparison,
                    verdict: s.verdict,
                    gate: { ship: s.suite.gate.ship, fix: s.suite.gate.fix },
                    ...(s.gate ? { gateDecision: s.gate } : {}),
                    skippedPrompts: [
                        ...s.skippedPrompts,
                        ...s.newPrompts.map((id) => ({ id, reason: 'new in this pull request: evaluated on the head only' })),
                        ...(s.baseProblem ? [{ id: s.configPath, reason: s.baseProblem }] : []),
                    ],
                    suiteChanges: s.suiteChanges,
                    prSuite: s.prSuite && {
                        passed: s.prSuite.passed,
                        failed: s.prSuite.failed,
                        errors: s.prSuite.errors,
                        rate: s.prSuite.rate,
                        newTests: s.prSuite.newTests,
                    },
                },
            ]
            : []),
        overallVerdict: result.verdict,
        untestedPromptChanges: result.untestedPromptChanges,
        promptDiffs: args.diffs,
        baseSha: args.baseSha,
        headSha: args.headSha,
        runUrl: args.runUrl,
        datasetPath: args.datasetPath,
        calls: result.calls,
        notes: [
            ...(args.notes ?? []),
            ...sampleNote(result.spend),
            ...result.suites.flatMap((s) => (s.skippedReason ? [`${s.name}: ${s.skippedReason}`] : [])),
        ],
    };
}
/** Whether the check fails: the verdict under `fail-on`, or a suite skipped for credentials under `skipped`. */
/** The JSON report (an output of the action, `-o` of compare): everything decided, with per-case results. */
function reportDocument(result, target) {
    return {
        version: 1,
        promptgate: VERSION,
        base: target.base,
        head: target.head,
        verdict: result.verdict,
        basePassRate: result.basePassRate,
        headPassRate: result.headPassRate,
        regressions: result.regressions,
        calls: result.calls,
        untestedPromptChanges: result.untestedPromptChanges,
        suites: result.suites.map((s) => ({
            config: s.configPath,
            name: s.name,
            verdict: s.verdict,
            gate: s.gate ?? null,
            affectedBy: s.affectedBy,
            newPrompts: s.newPrompts,
            skippedPrompts: s.skippedPrompts,
            baseProblem: s.baseProblem ?? null,
            skippedReason: s.skippedReason ?? null,
            comparison: s.comparison ?? null,
            base: s.base ?? null,
            head: s.head ?? null,
        })),
    };
}

// Where a review's facts come from: the changed files, the base revision's files, and per-file diffs.
// The git implementation serves the CLI and the action; the action adds a REST fallback for shallow clones.
/** The working tree's version of some files (a local compare against uncommitted edits). */
async function copyFromWorktree(repoDir, paths, destDir) {
    for (const p of paths) {
        const dest = path.join(destDir, assertSafeRepoPath(p));
        await mkdir(path.dirname(dest), { recursive: true });
        await copyFile(path.join(repoDir, p), dest).catch(() => undefined);
    }
}
/**
 * Git history is present: diff base...head (or base against the working tree when head is undefined).
 * The base side's files come from `baseFiles` (default: base itself). The action's workspace is the merge of
 * the pull request into the base, so the base's tip is the right comparison there; a local branch that has
 * not merged the base's newer commits compares with its fork point instead (pass it as `baseFiles`), so a
 * prompt changed on main since then is not taken for a change of the branch.
 */
async function gitSources(repoDir, base, head, baseFiles = base) {
    const changes = head ? await changedFiles(repoDir, base, head) : await changedFilesAgainstWorktree(repoDir, base);
    return {
        changes,
        materializeBase: async (paths, destDir) => {
            await materializeRevision(repoDir, baseFiles, paths.includes('.') ? 'all' : paths, destDir);
        },
        materializeHead: async (paths, destDir) => {
            if (head)
                await materializeRevision(repoDir, head, paths.includes('.') ? 'all' : paths, destDir);
            else
                await copyFromWorktree(repoDir, paths, destDir);
        },
        diff: (file, previousPath) => head
            ? unifiedDiff(repoDir, base, head, file, previousPath)
            : unifiedDiffAgainstWorktree(repoDir, base, file, previousPath),
        notes: [],
    };
}
/** The prompt files a reviewer should see diffed: prompts of affected suites that changed, and untested ones. */
function diffedPromptFiles(result, changes) {
    const wanted = new Set(result.untestedPromptChanges);
    for (const s of result.suites) {
        if (!s.suite)
            continue;
        for (const p of s.suite.prompts) {
            if (p.file)
                wanted.add(promptRepoPath(s.configPath, p.file));
        }
    }
    return changes.filter((c) => wanted.has(c.path) || (c.previousPath !== undefined && wanted.has(c.previousPath)));
}
async function collectPromptDiffs(result, sources) {
    const diffs = [];
    for (const c of diffedPromptFiles(result, sources.changes)) {
        const diff = await sources.diff(c.path, c.previousPath);
        if (diff)
            diffs.push({ file: c.previousPath ? `${c.previousPath} → ${c.path}` : c.path, diff });
    }
    return diffs;
}

// `promptgate compare` and `promptgate merge`: the pull request review, run locally. Prints the comment the
// action would post — the way to review a prompt change before pushing it.
/**
 * Sets a review up in the repository around the working directory. With a head ref the head's files are
 * written to a temp dir, as the base's are: the workspace is never touched.
 */
async function setUpLocalReview(cmd, base, head, io) {
    assertSafeRef(base, '--base');
    if (head)
        assertSafeRef(head, '--head');
    const repoDir = (await gitText(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
    const configs = cmd.config.length > 0
        ? cmd.config.map((c) => path.resolve(io.cwd, c))
        : [requireDefaultConfig(io.cwd, io.cwd, 'pass -c FILE')];
    const configPaths = configs.map((c) => posixRelative(repoDir, c));
    const cwdInRepo = posixRelative(repoDir, io.cwd);
    const progress = createReviewProgress({ tty: io.isTTY, write: (text) => io.progress?.(text) });
    const controller = new AbortController();
    let finished = 0;
    const headDir = head ? await mkdtemp(path.join(os.tmpdir(), 'promptgate-head-')) : undefined;
    const stopListening = io.onInterrupt?.(() => controller.abort(new Error('interrupted (Ctrl-C)')));
    const cleanup = async () => {
        stopListening?.();
        if (headDir)
            await rm(headDir, { recursive: true, force: true });
    };
    try {
        if (head && headDir)
            await materializeRevision(repoDir, head, 'all', headDir);
        // A local branch may not have merged the base's newer commits: compare with the fork point.
        const sources = await gitSources(repoDir, base, head, await mergeBase(repoDir, base, head ?? 'HEAD'));
        const input = {
            repoDir: headDir ?? repoDir,
            configPaths,
            promptGlobs: cmd.prompts.map((g) => path.posix.join(cwdInRepo, g)),
            changes: sources.changes,
            materializeBase: sources.materializeBase,
            materializeHead: sources.materializeHead,
            evaluate: {
                repeat: cmd.repeat,
                maxConcurrency: cmd.maxConcurrency,
                cacheDir: cmd.cache ? path.join(io.cwd, CACHE_DIR) : undefined,
                env: io.env,
                logger: io.logger,
                signal: controller.signal,
                onProgress: progress.onProgress,
                onResult: (result, where) => {
                    finished++;
                    progress.onResult(result, where);
                },
                ...(cmd.budget ? budgetOption(cmd.budget) : {}),
                onPlan: (planned) => io.logger.info(spendPlanText(planned)),
            },
        };
        return {
            input,
            sources,
            configPaths,
            cleanup,
            finishProgress: progress.finish,
            interrupted: controller.signal,
            finished: () => finished,
        };
    }
    catch (err) {
        await cleanup();
        throw err;
    }
}
async function printReport(result, local, target, format, output, io) {
    const diffs = await collectPromptDiffs(result, local.sources);
    const report = buildReportInput({
        result,
        key: commentKey(local.configPaths),
        diffs,
        baseSha: target.base,
        headSha: target.head,
        notes: local.sources.notes,
    });
    const document = reportDocument(result, target);
    if (format === 'json')
        io.stdout(JSON.stringify(document, null, 2));
    else if (format === 'text')
        io.stdout(renderText(report));
    else
        io.stdout(renderComment(report));
    if (output)
        await writeFile(path.resolve(io.cwd, output), JSON.stringify(document, null, 2) + '\n');
}
async function runCompareCommand(cmd, io) {
    const shard = cmd.shard ? parseShard(cmd.shard) : undefined;
    const local = await setUpLocalReview(cmd, cmd.base, cmd.head, io);
    try {
        const target = { base: cmd.base, head: cmd.head ?? 'working tree' };
        if (shard) {
            const { sides, calls } = await reviewShard(local.input, shard);
            const file = path.resolve(io.cwd, cmd.output ?? shardFileName(shard));
            const { repoDir } = local.input;
            await writeReviewShard(file, { shard, ...target, repoDir, configPaths: local.configPaths, sides });
            io.stdout(`shard ${shard.index}/${shard.total}: ${calls.made} calls made, ${calls.cached} from cache → ${file}`);
            return 0;
        }
        if (cmd.estimate) {
            const { plan, excess } = await estimate(local.input);
            io.stdout(spendPlanText({ plan }));
            if (excess)
                io.stdout(excessSentence(excess));
            return 0;
        }
        let result;
        try {
            result = await review(local.input);
        }
        catch (err) {
            if (!local.interrupted.aborted)
                throw err;
            local.finishProgress();
            // A comparison needs both sides of every case: a partial run has no verdict to print.
            io.stderr(`promptgate: interrupted before a verdict: ${local.finished()} cases had finished (kept in the output cache, so a re-run does not ask for them again${cmd.cache ? '' : ' — but --no-cache was given'}).`);
            return EXIT_INTERRUPTED;
        }
        local.finishProgress();
        await printReport(result, local, target, cmd.format, cmd.output, io);
        if (cmd.dataset) {
            const dataset = fineTuneDataset(result);
            const file = path.resolve(io.cwd, cmd.dataset);
            await writeFile(file, dataset?.jsonl ?? '');
            io.stderr(dataset
                ? `dataset: ${dataset.count} failing cases → ${path.relative(io.cwd, file) || file}`
                : `dataset: no suite's gate says consider fine-tuning, so ${path.relative(io.cwd, file) || file} is empty`);
        }
        const failure = cmd.failOn && checkFailure(result, cmd.failOn);
        if (failure) {
            io.stderr(`promptgate: the check fails: ${failure}`);
            return EXIT_CHECK_FAILED;
        }
        return 0;
    }
    finally {
        await local.cleanup();
    }
}
async function runMergeCommand(cmd, io) {
    const files = await Promise.all(cmd.files.map((f) => readShardFile(path.resolve(io.cwd, f))));
    const { base, head } = files[0].data;
    // Shards of a working-tree comparison compare against the working tree here too.
    const headRef = head === 'working tree' ? undefined : head;
    const local = await setUpLocalReview({ ...cmd, cache: false }, base, headRef, io);
    try {
        const result = await reviewMerged(local.input, files);
        await printReport(result, local, { base, head }, cmd.format, cmd.output, io);
        return 0;
    }
    finally {
        await local.cleanup();
    }
}

export { runCompareCommand, runMergeCommand };
