// The action's review sources: git when the checkout has the history (fetch-depth: 0), else the REST API.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasCommit } from '../git/changes.js';
import type { GitHubClient } from '../github/client.js';
import { getFileAtRef, listPullRequestFiles, PULL_FILES_CAP } from '../github/pr.js';
import { gitSources, type ReviewSources } from '../review/sources.js';
import { UsageError } from '../errors.js';
import { assertSafeRepoPath } from '../git/refs.js';
import type { MaterializeBase } from '../review/types.js';
import type { Logger } from '../types.js';
import type { ReviewTarget } from './event.js';

export async function actionSources(options: {
  repoDir: string;
  target: ReviewTarget;
  client: GitHubClient;
  logger: Logger;
}): Promise<ReviewSources> {
  const { repoDir, target, client, logger } = options;
  if ((await hasCommit(repoDir, target.base)) && (await hasCommit(repoDir, target.head))) {
    return gitSources(repoDir, target.base, target.head);
  }
  if (target.kind !== 'pull_request') {
    throw new UsageError(
      `commit ${target.base.slice(0, 12)} is not in this checkout: use actions/checkout with \`fetch-depth: 0\``,
    );
  }
  logger.info('the base commit is not in this checkout (shallow clone?): reading the pull request through the API');
  const listed = await listPullRequestFiles(client, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
  });
  const notes: string[] = [];
  if (listed.truncated) {
    const note = `GitHub lists at most ${PULL_FILES_CAP} files of a pull request and this one reached that cap: changes beyond it were not seen, so every file counts as changed. Check out with \`fetch-depth: 0\` so promptgate can ask git instead.`;
    logger.warn(note);
    notes.push(note);
  }
  // Without history only single files can be fetched: each path that is a file at the revision is written.
  const filesAt =
    (ref: string): MaterializeBase =>
    async (paths, destDir) => {
      for (const p of paths) {
        if (p === '.' || p.endsWith('/')) continue;
        const bytes = await getFileAtRef(client, { owner: target.owner, repo: target.repo, path: p, ref });
        if (!bytes) continue;
        const dest = path.join(destDir, assertSafeRepoPath(p));
        await mkdir(path.dirname(dest), { recursive: true });
        await writeFile(dest, bytes);
      }
    };
  return {
    changes: listed.files,
    changesIncomplete: listed.truncated,
    materializeBase: filesAt(target.base),
    materializeHead: filesAt(target.head),
    diff: async () => '',
    notes,
  };
}
