// A loopback stand-in for GitHub's REST API: enough of it for the comment and PR code, and for running
// the bundled action end to end in a child process (point GITHUB_API_URL at `url`). One repository,
// inspectable state, scriptable faults, every request recorded. Never listens beyond 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The routes it speaks, spelled as in GitHub's docs (and Octokit); also the keys for `fail()`. */
export const ROUTES = {
  getUser: 'GET /user',
  listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  getComment: 'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
  updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
  getPull: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  listPullFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
  getContent: 'GET /repos/{owner}/{repo}/contents/{path}',
} as const;
export type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** Login the GITHUB_TOKEN acts as. Any token not listed in `users` is treated as one. */
export const ACTIONS_BOT = 'github-actions[bot]';
/** GitHub caps the PR files listing at this many files. */
export const PULL_FILES_CAP = 3000;
/** GitHub's limit on a comment body, in characters. */
export const COMMENT_BODY_LIMIT = 65536;

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakePullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  files: FakePullFile[];
}

/** A canned failure, consumed by the next request to its route. */
export type Fault =
  | 'secondary-rate-limit'
  | 'rate-limit'
  | 'not-found'
  | 'body-too-long'
  | 'server-error'
  | 'permission'
  | { status: number; body?: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  /** Path without the query, percent-decoded. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names, including `authorization`. */
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  /** The route it matched (a ROUTES value), or undefined for a 404 on an unknown path. */
  route?: Route;
  /** Set once answered: the status, and when (performance.now(), as a benchmark times the comment). */
  status?: number;
  answeredAt?: number;
}

export interface FakeGitHubOptions {
  /** `owner/repo` it serves; others get 404. Default `octo/demo`. */
  repository?: string;
  /** token → login for personal tokens (GET /user answers). Other tokens act as `github-actions[bot]`. */
  users?: Record<string, string>;
}

export class FakeGitHubState {
  comments: FakeComment[] = [];
  pulls = new Map<number, FakePull>();
  /** `${ref}:${path}` → bytes. */
  contents = new Map<string, Buffer>();
  private nextId = 1000;
  private clock = Date.parse('2024-01-01T00:00:00Z');

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  /** Adds a comment as if someone posted it (e.g. a PR author pasting our marker). */
  seedComment(issue_number: number, body: string, login = 'octocat'): FakeComment {
    return this.addComment(issue_number, body, login);
  }

  addComment(issue_number: number, body: string, login: string): FakeComment {
    const id = this.nextId++;
    const at = this.tick();
    const comment: FakeComment = {
      id,
      issue_number,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue_number}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue_number: number): FakeComment[] {
    return this.comments.filter((c) => c.issue_number === issue_number);
  }

  /** Creates or changes a pull request; unspecified fields keep sensible defaults. */
  setPull(number: number, patch: Partial<Omit<FakePull, 'number'>> = {}): FakePull {
    const current = this.pulls.get(number) ?? {
      number,
      state: 'open' as const,
      head: { sha: 'b'.repeat(40), ref: 'feature' },
      base: { sha: 'a'.repeat(40), ref: 'main' },
      files: [],
    };
    const next = { ...current, ...patch, number };
    this.pulls.set(number, next);
    return next;
  }

  setFile(ref: string, path: string, content: string | Buffer): void {
    this.contents.set(`${ref}:${path}`, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  }

  tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** Queues faults for a route; each request to it consumes one, in order. */
  fail(route: Route, ...faults: Fault[]): void;
  /** Runs `fn` once, right after the next request to `route` is answered (e.g. a push landing mid-write). */
  after(route: Route, fn: (state: FakeGitHubState) => void): void;
  close(): Promise<void>;
}

class HttpReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

function faultReply(fault: Fault): HttpReply {
  switch (fault) {
    case 'secondary-rate-limit':
      return new HttpReply(
        403,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': '1' },
      );
    case 'rate-limit':
      return new HttpReply(
        403,
        { message: 'API rate limit exceeded for installation ID 1.' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
        },
      );
    case 'not-found':
      return new HttpReply(404, NOT_FOUND);
    case 'body-too-long':
      return bodyTooLong();
    case 'server-error':
      return new HttpReply(502, { message: 'Server Error' });
    case 'permission':
      return new HttpReply(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      });
    default:
      return new HttpReply(fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers);
  }
}

function bodyTooLong(): HttpReply {
  return new HttpReply(422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
      },
    ],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  });
}

function paginate<T>(items: T[], query: Record<string, string>, base: URL): { page: T[]; link?: string } {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
  const pageNo = Math.max(Number(query.page ?? 1) || 1, 1);
  const page = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const at = (n: number) => {
    const u = new URL(base.toString());
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>`;
  };
  const links: string[] = [];
  if (pageNo < last) links.push(`${at(pageNo + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (pageNo > 1) links.push(`${at(1)}; rel="first"`, `${at(pageNo - 1)}; rel="prev"`);
  return { page, link: links.length > 0 ? links.join(', ') : undefined };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const [owner, repo] = (options.repository ?? 'octo/demo').split('/') as [string, string];
  const users = options.users ?? {};
  const state = new FakeGitHubState(owner, repo);
  const requests: RecordedRequest[] = [];
  const faults = new Map<Route, Fault[]>();
  const afterHooks = new Map<Route, Array<(state: FakeGitHubState) => void>>();
  let url = '';

  const identityOf = (req: IncomingMessage): { login: string; personal: boolean } | undefined => {
    const auth = req.headers.authorization;
    if (!auth) return undefined;
    const token = auth.replace(/^(token|bearer)\s+/i, '');
    const login = users[token];
    return login ? { login, personal: true } : { login: ACTIONS_BOT, personal: false };
  };

  // Each handler answers for one route; `m` holds the route's captures.
  const handle = (route: Route, m: string[], req: IncomingMessage, rec: RecordedRequest, self: URL): HttpReply => {
    const who = identityOf(req)!;
    switch (route) {
      case ROUTES.getUser:
        // Installation tokens (the GITHUB_TOKEN) may not read /user: GitHub answers exactly this.
        return who.personal
          ? new HttpReply(200, { login: who.login, type: 'User' })
          : new HttpReply(403, { message: 'Resource not accessible by integration' });
      case ROUTES.listComments: {
        const { page, link } = paginate(state.commentsOn(Number(m[0])), rec.query, self);
        return new HttpReply(200, page, link ? { link } : {});
      }
      case ROUTES.createComment: {
        const body = (rec.body as { body?: unknown } | undefined)?.body;
        if (typeof body !== 'string')
          return new HttpReply(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.' });
        if (body.length > COMMENT_BODY_LIMIT) return bodyTooLong();
        return new HttpReply(201, state.addComment(Number(m[0]), body, who.login));
      }
      case ROUTES.getComment: {
        const found = state.comments.find((c) => c.id === Number(m[0]));
        return found ? new HttpReply(200, found) : new HttpReply(404, NOT_FOUND);
      }
      case ROUTES.updateComment: {
        const found = state.comments.find((c) => c.id === Number(m[0]));
        if (!found) return new HttpReply(404, NOT_FOUND);
        const body = (rec.body as { body?: unknown } | undefined)?.body;
        if (typeof body !== 'string')
          return new HttpReply(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.' });
        if (body.length > COMMENT_BODY_LIMIT) return bodyTooLong();
        found.body = body;
        found.updated_at = state.tick();
        return new HttpReply(200, found);
      }
      case ROUTES.deleteComment: {
        const before = state.comments.length;
        state.comments = state.comments.filter((c) => c.id !== Number(m[0]));
        return state.comments.length < before ? new HttpReply(204, undefined) : new HttpReply(404, NOT_FOUND);
      }
      case ROUTES.getPull: {
        const pull = state.pulls.get(Number(m[0]));
        if (!pull) return new HttpReply(404, NOT_FOUND);
        const { files, ...rest } = pull;
        return new HttpReply(200, {
          ...rest,
          changed_files: files.length,
          html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
        });
      }
      case ROUTES.listPullFiles: {
        const pull = state.pulls.get(Number(m[0]));
        if (!pull) return new HttpReply(404, NOT_FOUND);
        const { page, link } = paginate(pull.files.slice(0, PULL_FILES_CAP), rec.query, self);
        return new HttpReply(200, page, link ? { link } : {});
      }
      case ROUTES.getContent: {
        const path = m[0];
        const ref = rec.query.ref ?? 'main';
        const bytes = state.contents.get(`${ref}:${path}`);
        if (bytes) {
          if (String(req.headers.accept ?? '').includes('raw')) return new HttpReply(200, bytes);
          return new HttpReply(200, {
            type: 'file',
            encoding: 'base64',
            size: bytes.length,
            name: path.split('/').pop(),
            path,
            // GitHub wraps base64 at 60 columns; decoders must cope.
            content: (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
          });
        }
        const prefix = `${ref}:${path}/`;
        const children = [...state.contents.keys()].filter((k) => k.startsWith(prefix));
        if (children.length > 0) {
          return new HttpReply(
            200,
            children.map((k) => ({ type: 'file', path: k.slice(ref.length + 1) })),
          );
        }
        return new HttpReply(404, NOT_FOUND);
      }
    }
  };

  const repoPrefix = `/repos/${owner}/${repo}`;
  const table: Array<[Route, RegExp]> = [
    [ROUTES.getUser, /^\/user$/],
    [ROUTES.listComments, /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/],
    [ROUTES.createComment, /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/],
    [ROUTES.getComment, /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/],
    [ROUTES.updateComment, /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/],
    [ROUTES.deleteComment, /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/],
    [ROUTES.getPull, /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/],
    [ROUTES.listPullFiles, /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/],
    [ROUTES.getContent, /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/],
  ];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const self = new URL(req.url ?? '/', url);
      const path = decodeURIComponent(self.pathname);
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: Object.fromEntries(self.searchParams),
        headers: { ...req.headers },
        body: await readBody(req),
      };
      requests.push(rec);
      const reply = (() => {
        for (const [route, pattern] of table) {
          const method = route.slice(0, route.indexOf(' '));
          const m = pattern.exec(path);
          if (!m || method !== rec.method) continue;
          rec.route = route;
          const queued = faults.get(route);
          if (queued && queued.length > 0) return faultReply(queued.shift()!);
          if (!req.headers.authorization) return new HttpReply(401, { message: 'Requires authentication' });
          if (route !== ROUTES.getUser && !path.startsWith(`${repoPrefix}/`)) return new HttpReply(404, NOT_FOUND);
          return handle(route, m.slice(1), req, rec, self);
        }
        return new HttpReply(404, NOT_FOUND);
      })();
      const isBytes = Buffer.isBuffer(reply.body);
      const payload = reply.body === undefined ? '' : isBytes ? (reply.body as Buffer) : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': isBytes ? 'application/octet-stream' : 'application/json; charset=utf-8',
        'x-github-request-id': `FAKE:${requests.length}`,
        ...reply.headers,
      });
      res.end(payload);
      rec.status = reply.status;
      rec.answeredAt = performance.now();
      const hook = rec.route && afterHooks.get(rec.route)?.shift();
      hook?.(state);
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake-github crashed: ${String(err)}` }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    requests,
    fail(route, ...more) {
      faults.set(route, [...(faults.get(route) ?? []), ...more]);
    },
    after(route, fn) {
      afterHooks.set(route, [...(afterHooks.get(route) ?? []), fn]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
