#!/usr/bin/env node
// Dependency-free loopback stand-in for the few GitHub REST routes the action needs to post its sticky
// comment, for the review benchmark (scripts/bench-review.mjs). In memory, one repository, never beyond
// 127.0.0.1. The TypeScript twin with pagination, faults and the contents API is __tests__/support/fake-github.ts.
//
//   import { startFakeGitHub } from './fake-github.mjs';
//   const github = await startFakeGitHub();        // github.url is GITHUB_API_URL
//   github.setPull(7, { head: headSha, base: baseSha });
//   github.writes                                   // every comment created or updated, with `at` (performance.now())
//
//   node scripts/fake-github.mjs [--port 0] [--pull 7:HEADSHA:BASESHA]...
// prints "fake-github listening on http://127.0.0.1:<port>" once ready.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The login an installation token (the GITHUB_TOKEN) writes as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Routes: GET /user (403, as for an installation token), GET/POST /repos/:o/:r/issues/:n/comments,
 * PATCH /repos/:o/:r/issues/comments/:id, GET /repos/:o/:r/pulls/:n. Anything else is a 404 and is kept in
 * `unknown`, so a caller can say the action asked for more than this fake speaks.
 */
export async function startFakeGitHub({ repository = 'octo/demo', port = 0 } = {}) {
  const [owner, repo] = repository.split('/');
  const prefix = `/repos/${owner}/${repo}`;
  const comments = [];
  const pulls = new Map();
  const writes = [];
  const unknown = [];
  let requests = 0;
  let nextId = 1000;
  let url = '';

  const routes = [
    ['GET', /^\/user$/, () => [403, { message: 'Resource not accessible by integration' }]],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (n) => [200, commentsOn(Number(n))]],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
      (n, body) => {
        if (typeof body?.body !== 'string') return [422, { message: '"body" wasn\'t supplied.' }];
        const id = nextId++;
        const at = new Date().toISOString();
        const comment = {
          id,
          issue_number: Number(n),
          body: body.body,
          user: { login: ACTIONS_BOT, type: 'Bot' },
          html_url: `https://github.com/${owner}/${repo}/pull/${n}#issuecomment-${id}`,
          created_at: at,
          updated_at: at,
        };
        comments.push(comment);
        writes.push({ action: 'created', id, issue: Number(n), at: performance.now(), chars: body.body.length });
        return [201, comment];
      },
    ],
    [
      'PATCH',
      /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
      (id, body) => {
        const found = comments.find((c) => c.id === Number(id));
        if (!found) return [404, { message: 'Not Found' }];
        if (typeof body?.body !== 'string') return [422, { message: '"body" wasn\'t supplied.' }];
        found.body = body.body;
        found.updated_at = new Date().toISOString();
        writes.push({
          action: 'updated',
          id: found.id,
          issue: found.issue_number,
          at: performance.now(),
          chars: body.body.length,
        });
        return [200, found];
      },
    ],
    [
      'GET',
      /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/,
      (n) => {
        const pull = pulls.get(Number(n));
        if (!pull) return [404, { message: 'Not Found' }];
        return [
          200,
          {
            number: pull.number,
            state: 'open',
            head: { sha: pull.head, ref: 'feature' },
            base: { sha: pull.base, ref: 'main' },
            html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
          },
        ];
      },
    ],
  ];

  function commentsOn(issue) {
    return comments.filter((c) => c.issue_number === issue);
  }

  function answer(method, path, body) {
    for (const [m, pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match || m !== method) continue;
      if (path !== '/user' && !path.startsWith(`${prefix}/`)) return [404, { message: 'Not Found' }];
      return handler(match[1], body);
    }
    unknown.push(`${method} ${path}`);
    return [404, { message: 'Not Found' }];
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const path = decodeURIComponent(new URL(req.url ?? '/', url).pathname);
      let body;
      try {
        body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const [status, payload] = req.headers.authorization
        ? answer(req.method ?? 'GET', path, body)
        : [401, { message: 'Requires authentication' }];
      const text = JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    comments,
    writes,
    unknown,
    get requests() {
      return requests;
    },
    commentsOn,
    /** Creates or changes pull request `number`; `head` and `base` are the SHAs GET pulls/:n answers. */
    setPull(number, { head, base }) {
      pulls.set(number, { number, head, base });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const github = await startFakeGitHub({ port: portAt === -1 ? 0 : Number(args[portAt + 1]) });
  args.forEach((arg, i) => {
    if (arg !== '--pull') return;
    const [number, head, base] = String(args[i + 1]).split(':');
    github.setPull(Number(number), { head, base });
  });
  console.log(`fake-github listening on ${github.url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => github.close().then(() => process.exit(0)));
}
