// Real temporary folders for init's tests: init reads and writes the file system, so that is what it gets.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'init');
const made: string[] = [];

export async function emptyDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promptgate-init-'));
  made.push(dir);
  return dir;
}

/** A copy of `__tests__/fixtures/init/<name>`, so tests can write into it. */
export async function copyOfFixture(name: string): Promise<string> {
  const dir = await emptyDir();
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
