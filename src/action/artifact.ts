// The results outlive the run: the JSON report, the job's markdown and the fine-tuning dataset are uploaded
// as one workflow artifact. @actions/artifact (and its Azure SDK) is loaded only when there is a service to
// talk to, as @actions/cache is.
import path from 'node:path';
import { messageOf } from '../errors.js';
import type { Logger } from '../types.js';

/** The part of @actions/artifact's client this uses; a test may pass its own. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number; size?: number }>;
}

export interface UploadedArtifact {
  id: number;
  name: string;
  url: string;
}

/**
 * An artifact name from the comment key (GitHub refuses `"` `:` `<` `>` `|` `*` `?` `\` `/` and line breaks).
 * Names are unique within a workflow run, and a re-run keeps the earlier attempt's artifacts: an attempt after
 * the first says which it is.
 */
export function artifactName(key: string, env: NodeJS.ProcessEnv = {}): string {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  const suffix = Number.isInteger(attempt) && attempt > 1 ? `-attempt-${attempt}` : '';
  return `promptgate-${key.replace(/[^A-Za-z0-9._-]+/g, '_')}`.slice(0, 200) + suffix;
}

/** Where GitHub shows an artifact of this run. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/artifacts/${id}`;
}

async function defaultUploader(): Promise<ArtifactUploader> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/**
 * Uploads `files` (all inside `dir`) as one artifact. Undefined when the service is not there (a local run)
 * or the upload failed: the results are still in the summary and the outputs, and the log says why.
 */
export async function uploadResults(args: {
  name: string;
  dir: string;
  files: string[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
  uploader?: () => Promise<ArtifactUploader>;
}): Promise<UploadedArtifact | undefined> {
  const { env, logger } = args;
  if (!args.uploader && (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)) {
    logger.info('the Actions artifact service is not available here: the results stay in this run only');
    return undefined;
  }
  try {
    const client = await (args.uploader ?? defaultUploader)();
    const uploaded = await client.uploadArtifact(
      args.name,
      args.files.map((f) => path.resolve(args.dir, f)),
      args.dir,
    );
    if (uploaded.id === undefined) throw new Error('the artifact service returned no artifact id');
    const url = artifactUrl(env, uploaded.id) ?? '';
    logger.info(`results uploaded as artifact ${args.name} (${uploaded.size ?? '?'} bytes): ${url}`);
    return { id: uploaded.id, name: args.name, url };
  } catch (err) {
    logger.warn(
      `could not upload the results artifact ${args.name}: ${messageOf(err)}. The results are in the job summary and the outputs.`,
    );
    return undefined;
  }
}
