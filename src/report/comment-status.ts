// Words the sticky comment needs beyond the review itself: the body that replaces a review once nothing is
// affected any more (after a revert), the line that links the run's results artifact, and the note a stale
// write leaves. Pure.
import { escapeInline } from './escape.js';

const short = (sha: string) => (/^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : escapeInline(sha, 12));
const MAX_FILES = 20;

export interface NoLongerAffected {
  /** The head the comment described before. */
  previousHead?: string;
  headSha: string;
  baseSha: string;
  /** Files changed between the previous head and this one; undefined when the previous head is not known here. */
  changedSince?: string[];
  runUrl?: string;
}

/**
 * The comment once no suite is affected any more (e.g. the author reverted the prompt): it says so, and what
 * changed since the review it replaces, so the ⛔ of an earlier head never stands for the newest one.
 */
export function renderNoLongerAffected(input: NoLongerAffected): string {
  const lines = ['## ✅ No suite is affected any more', ''];
  const since = input.previousHead ? ` since the review of \`${short(input.previousHead)}\`` : '';
  lines.push(
    `At head \`${short(input.headSha)}\` this pull request no longer changes any prompt, test, vars file, script or config a suite reads${since}: there is nothing to review, and the check passes.`,
  );
  if (input.changedSince && input.changedSince.length > 0) {
    const shown = input.changedSince.slice(0, MAX_FILES).map((f) => `\`${escapeInline(f, 200)}\``);
    const more = input.changedSince.length - shown.length;
    lines.push('', `Changed${since}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`);
  } else if (input.previousHead && input.changedSince === undefined) {
    lines.push(
      '',
      `(\`${short(input.previousHead)}\` is not in this clone, so the files changed since are not listed.)`,
    );
  }
  const run = input.runUrl && /^https:\/\//.test(input.runUrl) ? ` · [workflow run](${input.runUrl})` : '';
  lines.push('', `<sub>base ${short(input.baseSha)} → head ${short(input.headSha)}${run} · promptgate</sub>`);
  return lines.join('\n') + '\n';
}

/** The line that points at the uploaded results (report JSON, the markdown, the dataset). */
export function resultsLink(artifact: { name: string; url: string }): string {
  const url = /^https?:\/\//.test(artifact.url) ? artifact.url : undefined;
  const name = escapeInline(artifact.name, 200);
  return url
    ? `📦 Full results (JSON report, this report, the failing cases as a dataset): artifact [${name}](${url})`
    : `📦 Full results (JSON report, this report, the failing cases as a dataset): artifact ${name} of this run`;
}
