import { readdir, mkdir, writeFile, readFile, access, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { a7 as picomatch, a8 as nunjucks, a9 as distExports, aa as NOT_VARIABLE_NAMES, ab as posixRelative, ac as loadSuite, ad as suiteSecrets, B as messageOf } from './cli-main.js';
import 'node:fs';
import 'node:os';
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
import './cli-version.js';
import 'node:child_process';

// Finds the files in a repository that look like prompt templates, by the names and folders people use
// for them. Detection only proposes: the user edits the starter config, so a miss costs one line there.
/** The places prompts live, as globs relative to the repository (shown in the "none found" message). */
const PROMPT_PATTERNS = [
    'prompts/**/*.{txt,md,json,j2,jinja,jinja2,njk,tmpl,prompt}',
    '**/*.prompt',
    '**/*.prompt.md',
    '**/*.prompt.txt',
    '**/prompts/*.{txt,md,json}',
    'templates/**/*.{txt,md,j2,njk}',
];
/** Folders that hold installed, generated or tool state rather than the project's own prompts. */
const SKIPPED_FOLDERS = new Set([
    'node_modules',
    'dist',
    'build',
    'coverage',
    'vendor',
    'venv',
    '__pycache__',
    'target',
    'out',
]);
/** Names that sit in a prompts folder without being a prompt. */
const NOT_PROMPTS = /^(readme|license|licence|changelog|contributing|package|package-lock|tsconfig)(\.[^/]*)?$/i;
/** More than this many detected prompts make a starter config nobody reads; the rest is named in a note. */
const MAX_DETECTED_PROMPTS = 20;
const matchesPromptPattern = picomatch([...PROMPT_PATTERNS], { nocase: true });
async function detectPromptFiles(root, limit = MAX_DETECTED_PROMPTS) {
    const found = (await listFiles(root, ''))
        .filter((file) => matchesPromptPattern(file) && !NOT_PROMPTS.test(path.posix.basename(file)))
        .sort();
    return { files: found.slice(0, limit), total: found.length };
}
/**
 * Every file under `dir`, as `/`-separated paths relative to the root. Hidden folders are skipped too: they
 * hold tool state (.venv, .next) or prompts for tools rather than the app (.github/prompts for Copilot).
 */
async function listFiles(root, dir) {
    let entries;
    try {
        entries = await readdir(path.join(root, dir), { withFileTypes: true });
    }
    catch {
        return [];
    }
    const files = [];
    for (const entry of entries) {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
            if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name))
                continue;
            files.push(...(await listFiles(root, relative)));
        }
        else if (entry.isFile()) {
            files.push(relative);
        }
    }
    return files;
}

// Renders a template with its placeholder vars the way the eval will (nunjucks, no autoescape), so init
// picks an assertion that the first `promptgate eval` with `echo` passes, and warns about a template that
// will not render at all.
const environment = new nunjucks.Environment(null, { autoescape: false });
function renderWithPlaceholders(template, vars) {
    try {
        return { ok: true, output: environment.renderString(template, vars) };
    }
    catch (err) {
        // nunjucks prefixes its messages with "(unknown path)" and a stack of template names; keep the cause.
        const message = err instanceof Error ? err.message : String(err);
        return {
            ok: false,
            error: message
                .replace(/^\(unknown path\)\s*/, '')
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean)
                .join(' '),
        };
    }
}

// The starter `promptgate.yaml` that `promptgate init` writes: one entry per detected prompt, the offline
// `echo` provider, and one test per prompt filling its variables with placeholders. Written as text, not
// through a YAML serializer alone, because the comments are half of its value to a first-time reader.
/** Where editors fetch the schema for completion and checks in a user's repository. */
const PUBLISHED_SCHEMA_URL = 'https://raw.githubusercontent.com/promptgate/promptgate/v1/promptgate.schema.json';
/**
 * With `echo` the output is the rendered prompt, so "no `{{` or `{%` left" checks that every variable was
 * filled in and that the template renders; it holds for a real model's answer too until the user writes
 * better. Written as a regex of character classes because an assertion's value is itself a template: a
 * literal `{{` there would not parse.
 */
const TEMPLATE_MARKUP = /\{\{|\{%/;
const RENDERED_CLEANLY = { type: 'not-regex', value: '[{][{]|[{][%]' };
/** For templates that print `{{` or `{%` themselves (raw blocks), where the check above cannot pass. */
const ANSWERED = { type: 'javascript', value: "String(output).trim() !== ''" };
/** Used when no prompt file was found, so the first `promptgate eval` still has something to run. */
const EXAMPLE_PROMPT = 'Summarize this support ticket in one sentence for the next agent: {{ ticket }}';
const EXAMPLE_VARS = { ticket: 'I was charged twice for order #4412 this month.' };
/**
 * @param sharedVars every prompt's variables together, written as `defaultTest.vars` when given: every test
 * runs against every prompt, and a prompt rendered without its variables can fail (`{{ tags | join }}`).
 */
function renderStarterConfig(prompts, assertion, sharedVars) {
    const header = [
        `# yaml-language-server: $schema=${PUBLISHED_SCHEMA_URL}`,
        "# promptgate suite, written by `promptgate init`. The format is promptfoo's; `gate:` is promptgate's own.",
        '# Run it locally with `promptgate eval`; on pull requests, .github/workflows/prompt-review.yml runs it on',
        '# the base and the head and comments with the difference.',
        '',
        'description: Prompt review suite',
    ];
    const promptLines = prompts.length > 0
        ? ['prompts:', ...prompts.map((prompt) => `  - ${yamlScalar(`file://${prompt.file}`)}`)]
        : [
            '# No prompt files were found, so here is an example inline prompt. Point at yours instead, e.g.',
            '#   - file://prompts/classify.txt',
            'prompts:',
            `  - ${yamlScalar(EXAMPLE_PROMPT)}`,
        ];
    const providerLines = [
        'providers:',
        '  # `echo` answers with the rendered prompt: free, offline, and enough to check that every variable',
        '  # reaches the prompt. When you are ready, swap in a real model (its key comes from the environment):',
        '  # - openai:chat:gpt-4o-mini          # OPENAI_API_KEY',
        '  # - id: openai:chat:gpt-4o',
        '  #   config: { temperature: 0 }',
        '  - echo',
    ];
    const tests = prompts.length > 0
        ? prompts.map((prompt) => ({
            description: `${prompt.file} renders with its variables`,
            vars: prompt.vars,
            assert: [assertion],
        }))
        : [{ description: 'example prompt renders with its variables', vars: EXAMPLE_VARS, assert: [assertion] }];
    const defaultTestLines = sharedVars
        ? [
            "# Every test runs against every prompt, so every prompt's variables need a value in every test:",
            "# these defaults give them one, and each test's own vars override them.",
            'defaultTest:',
            ...indent(distExports.stringify({ vars: sharedVars }, { lineWidth: 0, aliasDuplicateObjects: false })),
        ]
        : [];
    const testLines = [
        '# One test per prompt. Replace the placeholder values with real inputs, and the',
        '# assertion with what a good answer holds, e.g. `type: icontains` with `value: refund`.',
        assertion === RENDERED_CLEANLY
            ? '# The starter assertion checks that no `{{` or `{%` is left, i.e. every variable was filled in.'
            : '# The starter assertion checks that the answer is not empty.',
        ...(passesAListOfStrings(prompts)
            ? ['# A list of strings runs a test once per string; a list the prompt needs whole is nested: [[a, b]].']
            : []),
        'tests:',
        ...indent(distExports.stringify(tests, { lineWidth: 0, aliasDuplicateObjects: false })),
    ];
    const gateLines = [
        "# The gate on the head's pass rate: above `ship` it ships, below `fix` fix the prompt first.",
        'gate:',
        '  ship: 0.9',
        '  fix: 0.5',
    ];
    return ([...header, ...promptLines, ...providerLines, ...defaultTestLines, ...testLines, ...gateLines].join('\n') + '\n');
}
function passesAListOfStrings(prompts) {
    const nested = (value) => Array.isArray(value)
        ? Array.isArray(value[0]) || value.some(nested)
        : value !== null && typeof value === 'object' && Object.values(value).some(nested);
    return prompts.some((prompt) => nested(prompt.vars));
}
function indent(block) {
    return block
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`);
}
/** One YAML scalar on one line: plain when it reads back the same, else quoted by the yaml package. */
function yamlScalar(value) {
    const written = distExports.stringify(value, { lineWidth: 0 }).trimEnd();
    // A JSON string is a valid double-quoted YAML scalar, and stays on one line.
    return written.includes('\n') ? JSON.stringify(value) : written;
}

// Finds the variables a nunjucks prompt template reads, so `promptgate init` can write a test that fills
// every one of them. Only `{{ ... }}` output expressions are read for variables; `{% ... %}` tags are read
// just for the names they bind (for-loop variables, `set`, macro arguments), which are not inputs, and for
// the lists a for-loop walks, which need a list as their placeholder.
const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const IDENTIFIER_PATH = /[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*/g;
/** Filters that fail on a string, so what they filter needs a list placeholder: `{{ tags | join(", ") }}`. */
const LIST_FILTER = /^\|\s*(join|sort|batch|slice|groupby|sum|select|reject|selectattr|rejectattr)\b/;
/** The template's input variables by name, in order of first use, each with the shape its uses need. */
function templateVariables(template) {
    const source = template
        .replace(/\{#[\s\S]*?#\}/g, '')
        .replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, '');
    const bound = new Set();
    const loops = [];
    const uses = [];
    // Top-level names in the order the template first reads them: the order a reader meets them in.
    const appearance = [];
    for (const match of source.matchAll(TAG)) {
        if (match[1] !== undefined) {
            const read = usesIn(match[1]);
            uses.push(...read);
            appearance.push(...read.map((use) => use.path[0]));
        }
        else {
            const loop = readTag(match[2] ?? '', bound);
            if (loop) {
                loops.push(loop);
                if (loop.iterable[0] !== undefined)
                    appearance.push(loop.iterable[0]);
            }
        }
    }
    const variables = new Map();
    // A loop variable's fields tell what the list's items must hold: `{% for m in messages %}{{ m.text }}`.
    for (const loop of loops) {
        if (loop.iterable.length === 0 || bound.has(loop.iterable[0]))
            continue;
        const item = loop.names.length === 1 ? shapeOfUses(uses, loop.names[0]) : { kind: 'text' };
        place(variables, loop.iterable, { kind: 'list', item });
    }
    for (const use of uses) {
        if (!bound.has(use.path[0]))
            place(variables, use.path, use.list ? { kind: 'list', item: { kind: 'text' } } : { kind: 'text' });
    }
    return reorder(variables, appearance);
}
/** Identifier paths an expression reads: not filter names, not keywords, not keyword-argument names. */
function usesIn(expression) {
    const code = expression.replace(STRING_LITERAL, '""');
    const uses = [];
    for (const match of code.matchAll(IDENTIFIER_PATH)) {
        const start = match.index ?? 0;
        const before = code.slice(0, start).trimEnd();
        const after = code.slice(start + match[0].length).trimStart();
        // A filter name, a method, or a test name (`x is defined`) is not a variable.
        if (before.endsWith('|') || before.endsWith('.') || /\bis(\s+not)?$/.test(before))
            continue;
        if (/^=(?!=)/.test(after))
            continue;
        let path = match[0].split('.').map((part) => part.trim());
        // `name.upper()` reads `name`; `range(3)` reads nothing.
        if (after.startsWith('('))
            path = path.slice(0, -1);
        if (path.length === 0 || NOT_VARIABLE_NAMES.has(path[0]))
            continue;
        uses.push({ path, list: LIST_FILTER.test(after) });
    }
    return uses;
}
/** Adds the names a tag binds to `bound`; returns the loop when the tag opens one. */
function readTag(tag, bound) {
    const forTag = /^\s*for\s+([\w\s,]+?)\s+in\s+(.+)$/s.exec(tag);
    if (forTag) {
        const names = forTag[1]
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean);
        names.forEach((name) => bound.add(name));
        return { names, iterable: usesIn(forTag[2])[0]?.path ?? [] };
    }
    const setTag = /^\s*set\s+([\w\s,]+?)\s*(=|$)/s.exec(tag);
    if (setTag) {
        setTag[1].split(',').forEach((name) => bound.add(name.trim()));
        return undefined;
    }
    const macroTag = /^\s*macro\s+(\w+)\s*\(([^)]*)\)/s.exec(tag);
    if (macroTag) {
        bound.add(macroTag[1]);
        for (const arg of macroTag[2].split(',')) {
            const name = arg.split('=')[0].trim();
            if (name)
                bound.add(name);
        }
    }
    return undefined;
}
/** The shape a loop variable's uses need for one list item. */
function shapeOfUses(uses, name) {
    const item = new Map();
    for (const use of uses)
        if (use.path[0] === name)
            place(item, use.path, { kind: 'text' });
    return item.get(name) ?? { kind: 'text' };
}
/** Records `leaf` at `path`, widening text to an object where a field of it is read. */
function place(into, path, leaf) {
    const [head, ...rest] = path;
    if (head === undefined)
        return;
    const existing = into.get(head);
    if (rest.length === 0) {
        if (existing === undefined || (existing.kind === 'text' && leaf.kind !== 'text'))
            into.set(head, leaf);
        return;
    }
    const fields = existing?.kind === 'object' ? existing.fields : new Map();
    if (existing?.kind === 'list')
        return; // `items.length` and the like: the list already satisfies it.
    into.set(head, { kind: 'object', fields });
    place(fields, rest, leaf);
}
/** Orders the top-level names by their first appearance in the template. */
function reorder(variables, appearance) {
    const ordered = new Map();
    for (const name of appearance) {
        if (variables.has(name) && !ordered.has(name))
            ordered.set(name, variables.get(name));
    }
    return ordered;
}
/** A value of the shape: text says which variable it stands for, so a reader knows what to replace. */
function placeholderValue(shape, path) {
    switch (shape.kind) {
        case 'text':
            return `example ${path.join(' ')}`;
        case 'object':
            return Object.fromEntries([...shape.fields].map(([field, inner]) => [field, placeholderValue(inner, [...path, field])]));
        case 'list': {
            const item = placeholderValue(shape.item, [...path.slice(0, -1), singular(path[path.length - 1] ?? 'item')]);
            // A list of strings in `vars` runs the test once per string (promptfoo's semantics), so the template
            // would see one string; nested one level deeper it is passed as one list, as the template needs.
            return typeof item === 'string' ? [[item]] : [item];
        }
    }
}
/** Placeholder vars for a whole template. */
function placeholderVars(variables) {
    return Object.fromEntries([...variables].map(([name, shape]) => [name, placeholderValue(shape, [name])]));
}
function singular(name) {
    return name.length > 1 && name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : `${name} item`;
}
/**
 * The variables of several templates together, each with a shape that serves all of its uses: a name read
 * as text in one prompt and as an object or list in another becomes the object or list, since every test
 * runs against every prompt.
 */
function mergeVariables(all) {
    const merged = new Map();
    for (const variables of all) {
        for (const [name, shape] of variables) {
            const earlier = merged.get(name);
            merged.set(name, earlier ? mergeShape(earlier, shape) : shape);
        }
    }
    return merged;
}
function mergeShape(a, b) {
    if (a.kind === 'text')
        return b;
    if (b.kind === 'text')
        return a;
    if (a.kind === 'object' && b.kind === 'object')
        return { kind: 'object', fields: mergeVariables([a.fields, b.fields]) };
    if (a.kind === 'list' && b.kind === 'list')
        return { kind: 'list', item: mergeShape(a.item, b.item) };
    return a; // a list in one prompt and an object in another: no one value is both; keep the first.
}

// The `.github/workflows/prompt-review.yml` that `promptgate init` writes: the action on every pull request,
// with the least permissions it needs, one run per pull request at a time, and the keys the suite's providers
// read. There is no `paths:` filter on purpose: a job that does not run cannot update the comment after a
// revert, and a required check whose job never starts waits forever. The action itself decides, cheaply and
// without any model call, when nothing a suite reads changed.
/**
 * Globs for the prompt files found: the folder of every prompt (`prompts/**`), a prompt at the root by its own
 * name. A folder inside another listed folder is left out, as the outer glob already covers it. `/`-separated.
 */
function promptGlobs(promptFiles) {
    const folders = new Set();
    const files = new Set();
    for (const file of promptFiles) {
        const folder = path.posix.dirname(file);
        if (folder === '.')
            files.add(file);
        else
            folders.add(folder);
    }
    const outermost = [...folders].filter((folder) => ![...folders].some((other) => other !== folder && folder.startsWith(`${other}/`)));
    return [...outermost.sort().map((folder) => `${folder}/**`), ...[...files].sort()];
}
function renderWorkflow(options) {
    const inputs = [`          config: ${quoted(options.config)}`];
    if (options.workingDirectory !== '.')
        inputs.push(`          working-directory: ${quoted(options.workingDirectory)}`);
    if (options.prompts.length === 1) {
        inputs.push(`          prompts: ${quoted(options.prompts[0])} # a new prompt file no suite reads is reported`);
    }
    else if (options.prompts.length > 1) {
        inputs.push('          # A new prompt file that no suite reads yet is reported, not skipped green:', '          prompts: |', ...options.prompts.map((glob) => `            ${glob}`));
    }
    const env = options.keys.length > 0
        ? ['        env:', ...options.keys.map((key) => `          ${key}: \${{ secrets.${key} }}`)]
        : [
            '        # When the suite calls a real model, give the step its key:',
            '        # env:',
            '        #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
        ];
    return ([
        '# Written by `promptgate init`. On every pull request promptgate finds what the change touches (prompts,',
        '# tests, vars, scripts, the config); when a suite is affected it runs it on the base and on the head,',
        '# compares them case by case and posts one comment with the verdict. No `paths:` filter: the check then',
        '# reports on every pull request (so it can be required), and a revert updates the comment.',
        'name: prompt review',
        'on:',
        '  pull_request:',
        'permissions:',
        '  contents: read # read the repository and the base revision',
        '  pull-requests: write # write the one sticky comment',
        'concurrency:',
        '  # One review per pull request: a newer push cancels the run on the older head.',
        '  group: prompt-review-${{ github.event.pull_request.number }}',
        '  cancel-in-progress: true',
        'jobs:',
        '  promptgate:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          fetch-depth: 0 # base and head must both be in the clone',
        '      - uses: promptgate/promptgate@v1',
        '        with:',
        ...inputs,
        '          fail-on: regression # or `gate` to also block when the gate says fix the prompt first',
        ...env,
    ].join('\n') + '\n');
}
/** A glob or path as a single-quoted YAML scalar (a leading `*` would otherwise be an alias). */
function quoted(value) {
    return distExports.stringify(value, { defaultStringType: 'QUOTE_SINGLE', lineWidth: 0 }).trimEnd();
}

// Writes a file only when it is not there yet, unless forced: `init` never overwrites a user's work by surprise.
async function writeNewFile(file, content, force) {
    await mkdir(path.dirname(file), { recursive: true });
    try {
        // `wx` fails if the file exists, so there is no window between checking and writing.
        await writeFile(file, content, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
        return 'written';
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return 'exists';
        throw err;
    }
}

// `promptgate init`: a user's first minute. Finds the prompt files, writes a starter suite whose first
// `promptgate eval` is green, and a pull-request workflow with the least permissions. Asks nothing, so it
// works in CI and in scripts; never overwrites a file unless forced.
const CONFIG_FILE = 'promptgate.yaml';
const PROMPTFOO_CONFIG_FILE = 'promptfooconfig.yaml';
const WORKFLOW_FILE = '.github/workflows/prompt-review.yml';
async function runInit(options) {
    const { cwd, force, log } = options;
    const result = { written: [], skipped: [], gitignore: 'already' };
    const repoRoot = (await findRepoRoot(cwd)) ?? cwd;
    const workingDirectory = posixRelative(repoRoot, cwd) || '.';
    const detected = await detectPromptFiles(cwd);
    const found = await readStarterPrompts(cwd, detected.files, log);
    reportDetection(found, detected.total, log);
    const sharedVars = placeholderVars(mergeVariables(found.map((prompt) => prompt.variables)));
    // promptgate runs a promptfoo config as it is; a new promptgate.yaml beside it would shadow it.
    const existingPromptfoo = !(await exists(path.join(cwd, CONFIG_FILE))) && (await exists(path.join(cwd, PROMPTFOO_CONFIG_FILE)));
    const configFile = existingPromptfoo ? PROMPTFOO_CONFIG_FILE : CONFIG_FILE;
    if (existingPromptfoo) {
        log(`Found ${PROMPTFOO_CONFIG_FILE}: promptgate runs it as it is, so no ${CONFIG_FILE} was written.`);
    }
    else {
        const starters = found.map((prompt) => starterPrompt(prompt, sharedVars, log));
        const assertion = starters.every((starter) => starter.rendersCleanly) ? RENDERED_CLEANLY : ANSWERED;
        // Every test runs against every prompt: with several prompts, defaults give each of them all its variables.
        await write(CONFIG_FILE, renderStarterConfig(starters, assertion, found.length > 1 ? sharedVars : undefined));
    }
    // With no prompt found yet, watch the conventional folder, where the user is told to put them.
    const globs = found.length > 0 ? promptGlobs(found.map((prompt) => prompt.file)) : ['prompts/**'];
    await write(posixRelative(cwd, path.join(repoRoot, WORKFLOW_FILE)), renderWorkflow({
        config: configFile,
        workingDirectory,
        prompts: globs,
        keys: await providerKeys(path.join(cwd, configFile), log),
    }));
    result.gitignore = await ignoreOutputCache(cwd);
    if (result.gitignore !== 'already') {
        log(`${result.gitignore === 'created' ? 'Wrote' : 'Added .promptgate/ to'} .gitignore: the output cache must not be committed`);
    }
    const toCommit = [...result.written, ...(result.gitignore === 'already' ? [] : ['.gitignore'])];
    if (result.written.length > 0)
        log(`Next: run \`promptgate eval\`, then commit ${toCommit.join(', ')}.`);
    return result;
    async function write(relative, content) {
        const outcome = await writeNewFile(path.join(cwd, relative), content, force);
        if (outcome === 'written') {
            result.written.push(relative);
            log(`Wrote ${relative}`);
        }
        else {
            result.skipped.push(relative);
            log(`Skipped ${relative}: it exists (pass --force to overwrite it)`);
        }
    }
}
/**
 * The test for one prompt: its own variables, valued as every prompt needs them (`sharedVars`), and
 * whether it renders with them leaving no template markup behind, which decides the assertion.
 */
function starterPrompt(prompt, sharedVars, log) {
    const vars = Object.fromEntries([...prompt.variables.keys()].map((name) => [name, sharedVars[name]]));
    const rendered = renderWithPlaceholders(prompt.text, sharedVars);
    if (!rendered.ok)
        log(`Warning: ${prompt.file} does not render as a nunjucks template: ${rendered.error}`);
    return { file: prompt.file, vars, rendersCleanly: rendered.ok && !TEMPLATE_MARKUP.test(rendered.output) };
}
/** Reads each detected file for its variables; drops JSON that does not parse, which the loader would reject. */
async function readStarterPrompts(cwd, files, log) {
    const prompts = [];
    for (const file of files) {
        const text = await readFile(path.join(cwd, file), 'utf8');
        if (file.toLowerCase().endsWith('.json') && !parsesAsJson(text)) {
            log(`Left out ${file}: it is not valid JSON (a .json prompt is a list of chat messages)`);
            continue;
        }
        prompts.push({ file, text, variables: templateVariables(text) });
    }
    return prompts;
}
function reportDetection(prompts, total, log) {
    if (prompts.length === 0) {
        log(`No prompt files found (looked for ${PROMPT_PATTERNS.join(', ')}).`);
        log(`The starter config has an example inline prompt instead: "${EXAMPLE_PROMPT}". Replace it with file://<your prompt>.`);
        return;
    }
    log(`Found ${prompts.length} prompt file${prompts.length === 1 ? '' : 's'}:`);
    for (const prompt of prompts)
        log(`  ${prompt.file}`);
    if (total > MAX_DETECTED_PROMPTS) {
        log(`...and ${total - MAX_DETECTED_PROMPTS} more, left out to keep the starter config readable; add them as file:// entries or a glob such as file://prompts/**/*.txt.`);
    }
}
/**
 * The env vars the suite's providers read their keys from (what the workflow must pass from secrets). A
 * config that does not load yet gives none, and says so: the workflow's commented example stands instead.
 */
async function providerKeys(configPath, log) {
    try {
        const suite = await loadSuite(configPath);
        const keys = suiteSecrets(suite.providers).sort();
        if (keys.length > 0)
            log(`The suite's providers read ${keys.join(', ')}: add them as repository secrets.`);
        return keys;
    }
    catch (err) {
        log(`Could not read the providers of ${path.basename(configPath)} (${messageOf(err)}): add their keys to the workflow's env by hand.`);
        return [];
    }
}
/** `.promptgate/` in the project's .gitignore: a committed cache would answer every case with 0 calls. */
async function ignoreOutputCache(cwd) {
    const file = path.join(cwd, '.gitignore');
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch {
        text = undefined;
    }
    if (text === undefined) {
        await writeFile(file, '# promptgate: the output cache, local to each machine and CI run\n.promptgate/\n');
        return 'created';
    }
    if (/^\/?\.promptgate(\/(\*\*?)?)?\s*$/m.test(text))
        return 'already';
    await appendFile(file, `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}.promptgate/\n`);
    return 'updated';
}
/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree). */
async function findRepoRoot(dir) {
    for (let current = path.resolve(dir);; current = path.dirname(current)) {
        if (await exists(path.join(current, '.git')))
            return current;
        if (path.dirname(current) === current)
            return undefined;
    }
}
async function exists(file) {
    try {
        await access(file);
        return true;
    }
    catch {
        return false;
    }
}
function parsesAsJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}

export { CONFIG_FILE, WORKFLOW_FILE, runInit };
