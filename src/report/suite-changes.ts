// The "Suite changes" section: what the pull request changed in the suite itself, beside a verdict that used
// the base's suite for every case the base has. Words only; the facts come from review/suite-changes.ts.
import { stringify } from 'yaml';
import type { SuiteChanges, TestChange } from '../review/suite-changes.js';
import { escapeInline } from './escape.js';
import { percent } from './format.js';

export interface PrSuiteSummary {
  passed: number;
  failed: number;
  errors: number;
  rate: number;
  newTests: number;
}

const STATUS_WORDS: Record<TestChange['status'], string> = {
  added: '➕ added',
  removed: '➖ removed',
  changed: '✏️ assertions changed',
};

function fenced(value: unknown): string {
  // A fence longer than any run of backticks in the text, so model-controlled text cannot close it.
  const text = stringify(value ?? []).trimEnd();
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}yaml\n${text}\n${fence}`;
}

function testRow(change: TestChange): string {
  const loosened = change.loosened ? ' · **loosened**' : '';
  const body = [
    change.before !== undefined ? `Base:\n\n${fenced(change.before)}` : '',
    change.after !== undefined ? `Pull request:\n\n${fenced(change.after)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return `<details><summary>${STATUS_WORDS[change.status]}${loosened}: ${escapeInline(change.title, 120)}</summary>\n\n${body}\n\n</details>`;
}

export function suiteChangesSection(changes: SuiteChanges | undefined, pr: PrSuiteSummary | undefined): string {
  if (!changes) return '';
  const parts = [
    '#### Suite changes',
    `The pull request changes the suite itself (${changes.files.map((f) => `\`${escapeInline(f, 120)}\``).join(', ')}). ` +
      "The verdict above judged base and head prompts under the **base's** tests, assertions and gate; " +
      (changes.evaluated
        ? "the pull request's version of the suite was evaluated on the head too."
        : "on this event the pull request's version of the suite is shown, **not run** (its code would be the pull request's)."),
  ];
  if (pr) {
    const errors = pr.errors ? `, ${pr.errors} errors` : '';
    const fresh = pr.newTests ? ` (${pr.newTests} tests only it has, judged by the gate with the head)` : '';
    parts.push(
      `Under the pull request's suite the head passes **${percent(pr.rate)}** (${pr.passed} passed, ${pr.failed} failed${errors})${fresh}.`,
    );
  }
  const loosened = changes.tests.filter((t) => t.loosened).length;
  if (changes.tests.length > 0) {
    const counts = (['added', 'removed', 'changed'] as const)
      .map((status) => [status, changes.tests.filter((t) => t.status === status).length] as const)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ');
    parts.push(`Tests: ${counts}${loosened ? ` — ${loosened} loosened` : ''}.`);
    parts.push(changes.tests.map(testRow).join('\n'));
  }
  if (changes.gate) {
    const g = (x: typeof changes.gate.before) => `ship > ${percent(x.ship)}, fix < ${percent(x.fix)}, α = ${x.alpha}`;
    parts.push(`Gate: ${g(changes.gate.before)} → ${g(changes.gate.after)} (the base's applies).`);
  }
  if (changes.providers) {
    parts.push(
      `Providers: ${changes.providers.before.map((p) => escapeInline(p, 60)).join(', ')} → ${changes.providers.after.map((p) => escapeInline(p, 60)).join(', ')} (the base's ran).`,
    );
  }
  return parts.join('\n\n');
}
