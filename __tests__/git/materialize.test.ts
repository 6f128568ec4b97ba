import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materializeRevision } from '../../src/git/materialize.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe('materializeRevision writes files as they were at a revision, elsewhere', () => {
  let repo: TestRepo;
  let base: string;
  let scratch: string;

  beforeAll(async () => {
    repo = await createRepo();
    await repo.write('promptgate.yaml', 'prompts: [file://prompts/a.txt]\n');
    await repo.write('prompts/a.txt', 'base version\n');
    await repo.write('prompts/sub dir/ü b.txt', 'nested\n');
    await repo.write('prompts/star*[1].txt', 'literal name\n');
    await repo.write('other/x.txt', 'unrelated\n');
    base = await repo.commit('base');
    await repo.write('prompts/a.txt', 'head version\n');
    await repo.write('prompts/new.txt', 'added on head\n');
    await repo.commit('head');
    await repo.write('prompts/a.txt', 'uncommitted edit\n');
  });
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'promptgate-mat-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));
  afterAll(() => repo.cleanup());

  test('selected files and folders, at the base revision; files absent there are skipped', async () => {
    const dest = join(scratch, 'base');
    const returned = await materializeRevision(
      repo.dir,
      base,
      ['promptgate.yaml', 'prompts/a.txt', 'prompts/sub dir', 'prompts/new.txt', 'prompts/star*[1].txt'],
      dest,
    );
    expect(returned).toBe(dest);
    expect(await listFiles(dest)).toEqual([
      'promptgate.yaml',
      'prompts/a.txt',
      'prompts/star*[1].txt',
      'prompts/sub dir/ü b.txt',
    ]);
    expect(await readFile(join(dest, 'prompts/a.txt'), 'utf8')).toBe('base version\n');
  });

  test('the workspace and index are left exactly as they were', async () => {
    const statusBefore = await repo.git('status', '--porcelain=v1');
    const indexBefore = await repo.git('ls-files', '--stage');
    await materializeRevision(repo.dir, base, 'all', join(scratch, 'all'));
    expect(await repo.git('status', '--porcelain=v1')).toBe(statusBefore);
    expect(await repo.git('ls-files', '--stage')).toBe(indexBefore);
    expect(await readFile(join(repo.dir, 'prompts/a.txt'), 'utf8')).toBe('uncommitted edit\n');
  });

  test("'all' writes the whole tree at that revision", async () => {
    const dest = await materializeRevision(repo.dir, 'HEAD', 'all', join(scratch, 'head'));
    expect(await listFiles(dest)).toEqual([
      'other/x.txt',
      'promptgate.yaml',
      'prompts/a.txt',
      'prompts/new.txt',
      'prompts/star*[1].txt',
      'prompts/sub dir/ü b.txt',
    ]);
    expect(await readFile(join(dest, 'prompts/a.txt'), 'utf8')).toBe('head version\n');
  });

  test('nothing requested exists at the revision: an empty folder, not an error', async () => {
    const dest = await materializeRevision(repo.dir, base, ['prompts/new.txt'], join(scratch, 'empty'));
    expect(await readdir(dest)).toEqual([]);
  });

  test('an unknown revision is an error', async () => {
    await expect(materializeRevision(repo.dir, 'no-such-ref', 'all', join(scratch, 'x'))).rejects.toThrow(
      /does not name a commit/,
    );
  });

  test('symlinks pointing outside the destination are dropped; links inside are kept', async () => {
    const evil = await createRepo();
    try {
      await evil.write('prompts/real.txt', 'inside\n');
      await symlink('/etc/passwd', join(evil.dir, 'prompts/leak.txt'));
      await symlink('../../../../../../etc/hostname', join(evil.dir, 'prompts/climb.txt'));
      await symlink('real.txt', join(evil.dir, 'prompts/alias.txt'));
      const sha = await evil.commit('links');
      const dest = await materializeRevision(evil.dir, sha, ['prompts'], join(scratch, 'evil'));
      expect(await listFiles(dest)).toEqual(['prompts/alias.txt', 'prompts/real.txt']);
      expect(await readFile(join(dest, 'prompts/alias.txt'), 'utf8')).toBe('inside\n');
    } finally {
      await evil.cleanup();
    }
  });
});
