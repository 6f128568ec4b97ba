// The one door to GitHub's REST API. Octokit (via @actions/github's getOctokit, which honours a custom
// baseUrl: GHES, or the loopback fake in tests) does the HTTP; this file adds what Octokit core does
// not: bounded retries for secondary rate limits and 5xx, and errors that say what to do.
import { getOctokit } from '@actions/github';
import { silentLogger, type Logger } from '../types.js';

export interface GitHubResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

export interface RequestHint {
  /** The workflow permission this call needs, named in the error when GitHub refuses it. */
  permission?: string;
  /** What still works when it is refused, appended to that error (e.g. "results are in the job summary"). */
  consequence?: string;
}

export interface GitHubClient {
  /** One REST call, e.g. `request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {...})`, retried when transient. */
  request<T = unknown>(route: string, params?: Record<string, unknown>, hint?: RequestHint): Promise<GitHubResponse<T>>;
}

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  /** Retries after the first attempt for rate limits and 5xx. Default 3. */
  maxRetries?: number;
  /** Longest single wait honoured from retry-after / x-ratelimit-reset; longer waits fail instead. Default 60 s. */
  maxWaitMs?: number;
  /** Injected in tests so retries do not really wait. */
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

/** GitHub answered with an error status (after retries, when it was transient). */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly route: string,
    readonly status: number,
    /** GitHub's own message (`message` of the error body, plus any `errors[].message`). */
    readonly githubMessage: string,
    message?: string,
  ) {
    super(message ?? `GitHub ${route} answered ${status}: ${githubMessage}`);
  }
}

/** The token may not do this: the message names the permission to grant in the workflow. */
export class GitHubPermissionError extends GitHubApiError {
  override name = 'GitHubPermissionError';
  constructor(
    route: string,
    githubMessage: string,
    readonly permission: string | undefined,
    consequence?: string,
  ) {
    super(
      route,
      403,
      githubMessage,
      `GitHub refused ${route}: ${githubMessage}. ` +
        (permission
          ? `The token needs the \`${permission}\` permission: add \`permissions: { ${permission} }\` to the workflow job. `
          : 'The token lacks a permission this call needs. ') +
        'On pull_request events from forks the GITHUB_TOKEN is read-only whatever the workflow asks.' +
        (consequence ? ` ${consequence}` : ''),
    );
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const octokit = getOctokit(options.token, {
    baseUrl,
    // @actions/github picks its (proxy-aware) fetch for the GITHUB_API_URL seen at import time; a
    // loopback server must never be sent through a proxy, so it gets the plain global fetch.
    ...(isLoopback(baseUrl) ? { request: { fetch: globalThis.fetch } } : {}),
  });
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? realSleep;
  const log = options.logger ?? silentLogger;

  return {
    async request<T>(route: string, params: Record<string, unknown> = {}, hint: RequestHint = {}) {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await octokit.request(route, params);
          return { status: res.status, data: res.data as T, headers: res.headers as GitHubResponse<T>['headers'] };
        } catch (err) {
          const failure = describeFailure(err);
          if (!failure) throw err;
          const waitMs = retryDelay(failure, attempt);
          if (waitMs !== undefined && attempt < maxRetries && waitMs <= maxWaitMs) {
            log.warn(
              `GitHub ${route} answered ${failure.status} (${failure.message}); retrying in ${Math.round(waitMs / 1000)} s`,
            );
            await sleep(waitMs);
            continue;
          }
          throw toError(route, failure, hint);
        }
      }
    },
  };
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

interface Failure {
  status: number;
  message: string;
  headers: Record<string, string | number | undefined>;
}

/** Pulls status, GitHub's message and headers out of an Octokit RequestError; undefined for anything else. */
function describeFailure(err: unknown): Failure | undefined {
  if (typeof err !== 'object' || err === null || typeof (err as { status?: unknown }).status !== 'number')
    return undefined;
  const e = err as { status: number; message?: string; response?: { data?: unknown; headers?: Failure['headers'] } };
  return {
    status: e.status,
    message: githubMessageOf(e.response?.data, e.message),
    headers: e.response?.headers ?? {},
  };
}

export function githubMessageOf(data: unknown, fallback = ''): string {
  if (typeof data === 'object' && data !== null) {
    const d = data as { message?: unknown; errors?: unknown };
    const details = Array.isArray(d.errors)
      ? d.errors.map((x) => (typeof x === 'object' && x && 'message' in x ? String(x.message) : String(x)))
      : [];
    const main = typeof d.message === 'string' ? d.message : fallback;
    return details.length > 0 ? `${main}: ${details.join('; ')}` : main;
  }
  return typeof data === 'string' && data.length > 0 ? data : fallback;
}

/**
 * How long to wait before retrying, or undefined when the failure is not transient.
 * Rate limits (403/429 with retry-after or x-ratelimit-remaining: 0) wait as GitHub says; 5xx and
 * network failures (Octokit reports those as 500) back off 1 s, 2 s, 4 s ...
 */
export function retryDelay(failure: Failure, attempt: number): number | undefined {
  const { status, headers } = failure;
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      return Number.isFinite(reset) ? Math.max(reset * 1000 - Date.now(), 0) + 1000 : 60_000;
    }
    // Secondary limits without headers: GitHub asks for at least a minute.
    if (/secondary rate limit/i.test(failure.message)) return 60_000;
    if (status === 429) return 1000 * 2 ** attempt;
    return undefined;
  }
  if (status >= 500 || status === 0) return 1000 * 2 ** attempt;
  return undefined;
}

function toError(route: string, failure: Failure, hint: RequestHint): GitHubApiError {
  if (
    failure.status === 403 &&
    /resource not accessible by (integration|personal access token)/i.test(failure.message)
  ) {
    return new GitHubPermissionError(route, failure.message, hint.permission, hint.consequence);
  }
  return new GitHubApiError(route, failure.status, failure.message);
}

/**
 * Every item of a paginated list, 100 per page, until GitHub's Link header has no rel="next"
 * (or, without a Link header, until a page comes back short).
 */
export async function paginate<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  hint?: RequestHint,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await client.request<T[]>(route, { ...params, per_page: 100, page }, hint);
    items.push(...res.data);
    const link = String(res.headers.link ?? '');
    const hasNext = link ? /rel="next"/.test(link) : res.data.length === 100;
    if (!hasNext || res.data.length === 0) return items;
  }
}
