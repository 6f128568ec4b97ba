// `promptgate compare`: the pull request review, run locally. Prints the comment the action would post —
// the way to review a prompt change before pushing it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findDefaultConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import { gitText } from '../git/exec.js';
import { materializeRevision } from '../git/materialize.js';
import { assertSafeRef } from '../git/refs.js';
import { review } from '../pipeline.js';
import { renderComment } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { buildReportInput, reportDocument } from '../review/outputs.js';
import { collectPromptDiffs, gitSources } from '../review/sources.js';
import type { CompareCommand } from './args.js';
import type { CliIo } from './io.js';

export async function runCompareCommand(cmd: CompareCommand, io: CliIo): Promise<number> {
  assertSafeRef(cmd.base, '--base');
  if (cmd.head) assertSafeRef(cmd.head, '--head');
  const repoDir = (await gitText(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  const configs = cmd.config.length > 0 ? cmd.config.map((c) => path.resolve(io.cwd, c)) : [findDefaultConfig(io.cwd)];
  if (configs.some((c) => c === undefined)) {
    throw new UsageError(
      `no config found in ${io.cwd}: create promptgate.yaml (or promptfooconfig.yaml), or pass -c FILE`,
    );
  }
  const configPaths = (configs as string[]).map((c) => path.relative(repoDir, c).split(path.sep).join('/'));
  const cwdInRepo = path.relative(repoDir, io.cwd).split(path.sep).join('/');
  const promptGlobs = cmd.prompts.map((g) => path.posix.join(cwdInRepo, g));

  // With --head REF the head's files are written to a temp dir, as the base's are: the workspace is never touched.
  const headDir = cmd.head ? await mkdtemp(path.join(os.tmpdir(), 'promptgate-head-')) : undefined;
  try {
    if (cmd.head && headDir) await materializeRevision(repoDir, cmd.head, 'all', headDir);
    const sources = await gitSources(repoDir, cmd.base, cmd.head);
    const result = await review({
      repoDir: headDir ?? repoDir,
      configPaths,
      promptGlobs,
      changes: sources.changes,
      materializeBase: sources.materializeBase,
      evaluate: {
        repeat: cmd.repeat,
        maxConcurrency: cmd.maxConcurrency,
        cacheDir: cmd.cache ? path.join(io.cwd, '.promptgate', 'cache') : undefined,
        env: io.env,
        logger: io.logger,
        onProgress: io.isTTY ? io.progress : undefined,
      },
    });
    const diffs = await collectPromptDiffs(result, headDir ?? repoDir, sources);
    const target = { base: cmd.base, head: cmd.head ?? 'working tree' };
    const report = buildReportInput({
      result,
      key: configPaths.join(','),
      diffs,
      baseSha: cmd.base,
      headSha: target.head,
      notes: sources.notes,
    });
    const document = reportDocument(result, target);
    if (cmd.format === 'json') io.stdout(JSON.stringify(document, null, 2));
    else if (cmd.format === 'text') io.stdout(renderText(report));
    else io.stdout(renderComment(report));
    if (cmd.output) await writeFile(path.resolve(io.cwd, cmd.output), JSON.stringify(document, null, 2) + '\n');
    return 0;
  } finally {
    if (headDir) await rm(headDir, { recursive: true, force: true });
  }
}
