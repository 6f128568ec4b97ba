// The GitHub Action: reads inputs and the event, runs the review, publishes. The only file that knows @actions/*.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseInputs } from './action/inputs.js';
import { readTarget, UNTRUSTED_EVENTS } from './action/event.js';
import { publishReview } from './action/publish.js';
import { actionSources } from './action/sources.js';
import { collectPromptDiffs } from './review/sources.js';
import { findDefaultConfig } from './config/load.js';
import { messageOf, UsageError } from './errors.js';
import { createGitHubClient } from './github/client.js';
import { review } from './pipeline.js';
import type { Logger } from './types.js';

const logger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
};

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const env = process.env;
    core.setSecret(inputs.token);
    // Provider keys come from the environment: mask them in the log before anything can print one.
    for (const [name, value] of Object.entries(env)) {
      if (value && value.length >= 4 && /(_API_KEY|_TOKEN|_SECRET)$/.test(name)) core.setSecret(value);
    }
    const eventPath = env.GITHUB_EVENT_PATH;
    const payload = eventPath ? JSON.parse(await readFile(eventPath, 'utf8')) : {};
    const target = readTarget({
      eventName: env.GITHUB_EVENT_NAME ?? '',
      payload,
      repository: env.GITHUB_REPOSITORY ?? '',
      sha: env.GITHUB_SHA ?? '',
      baseInput: inputs.base,
    });
    const repoDir = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const workDir = path.resolve(repoDir, inputs.workingDirectory);
    const configs =
      inputs.configs.length > 0 ? inputs.configs : [findDefaultConfig(workDir)].flatMap((c) => (c ? [c] : []));
    if (configs.length === 0) {
      throw new UsageError(
        `no config found in ${inputs.workingDirectory}: add promptgate.yaml (or promptfooconfig.yaml), or set the \`config\` input`,
      );
    }
    const configPaths = configs.map((c) => path.relative(repoDir, path.resolve(workDir, c)).split(path.sep).join('/'));
    const client = createGitHubClient({ token: inputs.token, baseUrl: env.GITHUB_API_URL, logger });

    const sources = await actionSources({ repoDir, target, client, logger });
    const result = await review({
      repoDir,
      configPaths,
      promptGlobs: inputs.promptGlobs.map((g) => path.posix.join(inputs.workingDirectory, g)),
      changes: sources.changes,
      materializeBase: sources.materializeBase,
      evaluateUnaffected: inputs.comment === 'always',
      trust: UNTRUSTED_EVENTS.has(target.event) && !inputs.allowUntrustedCode ? 'untrusted' : 'trusted',
      missingCredentials: target.kind === 'pull_request' && target.fromFork ? 'skip' : 'fail',
      evaluate: {
        repeat: inputs.repeat,
        maxConcurrency: inputs.maxConcurrency,
        cacheDir: inputs.cache ? path.join(workDir, '.promptgate', 'cache') : undefined,
        env,
        logger,
        secrets: [inputs.token],
      },
    });
    const diffs = await collectPromptDiffs(result, repoDir, sources);
    await publishReview({
      core,
      client,
      inputs,
      target,
      result,
      diffs,
      configPaths,
      env,
      logger,
      notes: sources.notes,
    });
  } catch (err) {
    core.setFailed(messageOf(err));
  }
}
