import { createHash } from 'node:crypto';
import { mkdir, writeFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { a as pollDelay } from './index-http.js';

// Where generated media (videos) are written: one directory per run's temp space, under the same
// `<RUNNER_TEMP or os tmp>/promptgate/` the action writes its other outputs to. Files are named by a hash of
// their bytes, so the same video is stored once and an output naming it is stable. The polling of the jobs that
// make them is here too: every video API is a job to create, poll and download.
function mediaDir(env) {
    return path.join(env.RUNNER_TEMP || os.tmpdir(), 'promptgate', 'media');
}
/** Writes `bytes` as `<sha256>.<extension>` (atomically: a temp file renamed into place) and returns its path. */
async function storeMedia(bytes, extension, env) {
    const dir = mediaDir(env);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex')}.${extension}`);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
    return file;
}
/** promptfoo's video output: `[Video: <prompt>](<where the video is>)`, the prompt shortened as for images. */
function videoMarkdown(alt, location) {
    return `[Video: ${alt}](${location})`;
}
/**
 * Polls a generation job every `intervalMs` until it finishes or fails. Outliving `maxMs` is an error but not a
 * transient one: another try would start (and pay for) another job.
 */
async function pollJob(poll, options) {
    const started = Date.now();
    for (;;) {
        const result = await poll();
        if (result)
            return result;
        if (Date.now() - started >= options.maxMs)
            return {
                failure: options.fail(`${options.what} did not finish within ${options.maxMs / 1000} s (${options.maxKey})`, false),
            };
        await pollDelay(options.intervalMs, options.signal);
    }
}
/** A config's polling interval or limit in ms when it sets a positive number, else the default. */
const pollSetting = (value, fallback) => typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

export { pollJob as a, pollSetting as p, storeMedia as s, videoMarkdown as v };
