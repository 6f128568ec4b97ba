#!/usr/bin/env node
// Renders a promptgate comment (markdown) to a PNG as GitHub shows it on a pull request, for the README and
// for reviewing a change to the comment by eye:
//   node scripts/render-comment.mjs [input.md] [output.png]
// Default input: the richest golden comment in __tests__/__outputs__/; default output: docs/comment.png.
//
// As GitHub does: GFM to HTML (marked, GFM on), raw HTML kept but sanitized (DOMPurify: scripts, styles and
// event handlers go; <details> stays collapsed), GitHub's markdown CSS, inside a comment box 760px wide.
// Screenshotted by the Debian Chromium (`apt-get install -y chromium`) driven by playwright-core, offline:
// every request other than the page itself is refused.
/* global document, window -- used only inside page.evaluate(), which runs in the browser */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GOLDEN_DIR = path.join(ROOT, '__tests__', '__outputs__');
const DEFAULT_OUTPUT = path.join(ROOT, 'docs', 'comment.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMENT_WIDTH = 760;
const require = createRequire(import.meta.url);

async function main() {
  const [inputArg, outputArg] = process.argv.slice(2);
  const input = inputArg ? path.resolve(inputArg) : await richestGoldenComment();
  const output = path.resolve(outputArg ?? DEFAULT_OUTPUT);
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH`,
    );
  }
  const markdown = await readFile(input, 'utf8');
  const page = await commentPage(markdownToHtml(markdown));
  await screenshot(page, output);
  console.log(`${path.relative(ROOT, input)} → ${path.relative(ROOT, output)}`);
}

/**
 * The golden comment that shows the most of the comment's parts (tables, collapsed sections, code, headings,
 * lists), so the picture shows what a reviewer will meet; the longer file breaks a tie.
 */
async function richestGoldenComment() {
  const files = (await readdir(GOLDEN_DIR))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(GOLDEN_DIR, name));
  if (files.length === 0) throw new Error(`no golden comments (*.md) in ${GOLDEN_DIR}; pass an input file`);
  const features = [/^\|.*\|$/m, /<details>/, /^```/m, /^#{3,4} /m, /^- /m, /<sub>/];
  const scored = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8');
      return { file, score: features.filter((feature) => feature.test(text)).length, size: (await stat(file)).size };
    }),
  );
  scored.sort((a, b) => b.score - a.score || b.size - a.size || a.file.localeCompare(b.file));
  return scored[0].file;
}

/** GFM to HTML. Raw HTML passes through here and is sanitized in the page, as GitHub sanitizes it. */
function markdownToHtml(markdown) {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({
    renderer: {
      // GitHub colours diff blocks line by line; the rest of the highlighting is not needed to judge a comment.
      code({ text, lang }) {
        if (lang !== 'diff') return false;
        const lines = text.split('\n').map((line) => {
          const kind = line.startsWith('+')
            ? 'pl-mi1'
            : line.startsWith('-')
              ? 'pl-md'
              : line.startsWith('@@')
                ? 'pl-mdr'
                : '';
          return kind ? `<span class="${kind}">${escapeHtml(line)}</span>` : escapeHtml(line);
        });
        return `<div class="highlight highlight-source-diff"><pre>${lines.join('\n')}</pre></div>`;
      },
    },
  });
  return marked.parse(markdown);
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A page like a pull request's conversation: one comment box, header above, the markdown body inside. */
async function commentPage(unsafeHtml) {
  const css = await readFile(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'promptgate-comment-'));
  const file = path.join(dir, 'comment.html');
  await writeFile(
    file,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>promptgate comment</title>
<style>${css}</style>
<style>
  body { margin: 0; padding: 16px; background: #fff; width: ${COMMENT_WIDTH}px; }
  .comment { border: 1px solid #d0d7de; border-radius: 6px; background: #fff; overflow: hidden; }
  .comment-header {
    display: flex; align-items: center; gap: 6px; padding: 0 16px; height: 40px;
    background: #f6f8fa; border-bottom: 1px solid #d0d7de; color: #59636e;
    font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  }
  .comment-header strong { color: #1f2328; font-weight: 600; }
  .label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; line-height: 18px; font-weight: 500; }
  .markdown-body { padding: 16px; font-size: 14px; }
  .markdown-body li:has(> input[type="checkbox"]) { list-style: none; }
  /* GitHub's colours for diff blocks (prettylights). */
  .markdown-body .pl-mi1 { color: #116329; background: #dafbe1; }
  .markdown-body .pl-md { color: #82071e; background: #ffebe9; }
  .markdown-body .pl-mdr { color: #6639ba; font-weight: bold; }
</style></head>
<body>
  <div class="comment">
    <div class="comment-header"><strong>github-actions</strong><span class="label">bot</span> commented</div>
    <div class="markdown-body" id="body"></div>
  </div>
  <template id="unsafe">${unsafeHtml.replace(/<\/template/gi, '&lt;/template')}</template>
</body></html>`,
  );
  return { file, dir, unsafeHtml };
}

async function screenshot(page, output) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // playwright-core adds --no-sandbox (needed as root) and its own temporary profile.
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: COMMENT_WIDTH + 32, height: 600 },
      deviceScaleFactor: 2,
      javaScriptEnabled: true,
    });
    const tab = await context.newPage();
    const pageUrl = pathToFileURL(page.file).href;
    // Offline and self-contained: nothing but the page itself and the sanitizer may load.
    await tab.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
    await tab.goto(pageUrl);
    await tab.addScriptTag({ path: require.resolve('dompurify/dist/purify.js') });
    // GitHub's sanitizer drops scripts, styles, forms and inline styles; DOMPurify does the same here.
    await tab.evaluate(() => {
      const unsafe = document.getElementById('unsafe').innerHTML;
      document.getElementById('body').innerHTML = window.DOMPurify.sanitize(unsafe, {
        FORBID_TAGS: ['style', 'form', 'iframe'],
        FORBID_ATTR: ['style'],
      });
    });
    await tab.evaluate(() => document.fonts.ready);
    await mkdir(path.dirname(output), { recursive: true });
    await tab.locator('.comment').screenshot({ path: output });
  } finally {
    await browser.close();
    await rm(page.dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`render-comment: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
