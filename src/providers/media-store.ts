// Where generated media (videos) are written: one directory per run's temp space, under the same
// `<RUNNER_TEMP or os tmp>/promptgate/` the action writes its other outputs to. Files are named by a hash of
// their bytes, so the same video is stored once and an output naming it is stable.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export function mediaDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), 'promptgate', 'media');
}

/** Writes `bytes` as `<sha256>.<extension>` (atomically: a temp file renamed into place) and returns its path. */
export async function storeMedia(bytes: Buffer, extension: string, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = mediaDir(env);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex')}.${extension}`);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return file;
}

/** promptfoo's video output: `[Video: <prompt>](<where the video is>)`, the prompt shortened as for images. */
export function videoMarkdown(alt: string, location: string): string {
  return `[Video: ${alt}](${location})`;
}
