// Writes a file only when it is not there yet, unless forced: `init` never overwrites a user's work by surprise.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type WriteOutcome = 'written' | 'exists';

export async function writeNewFile(file: string, content: string, force: boolean): Promise<WriteOutcome> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `wx` fails if the file exists, so there is no window between checking and writing.
    await writeFile(file, content, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
    return 'written';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw err;
  }
}
