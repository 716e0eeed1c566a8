/**
 * The two GitHub REST API calls the metadata needs: the repository (default labels, default branch) and,
 * only when an expression reads `{{commit_date}}` and the payload lacks it, the commit. Through
 * @actions/github's Octokit, loaded on the first call (it and its HTTP stack would cost every cold start,
 * and `plan` or a run without a repository never asks). Failures degrade to what the context knows, with
 * a warning: labels lose a description, a step does not fail or hang for them.
 *
 * Octokit as @actions/github makes it: GITHUB_API_URL as the base (a GHES `/api/v3` prefix included),
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY through @actions/http-client's proxy dispatcher, redirects followed.
 * On top: a deadline per attempt and bounded retries.
 */
import type {Context} from './index.js';
import type {RepoInfo} from '../metadata/labels.js';

/** How long the API may take. The defaults suit a runner; tests shorten them through the environment. */
export interface ApiLimits {
  /** Whole attempt, headers and body: a server that trickles a byte every few seconds must not hold the step. */
  deadlineMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt when the server does not say (Retry-After), doubled for each further one. */
  backoffMs: number;
  /** The longest wait a Retry-After or rate-limit reset may ask for; beyond it the call fails at once. */
  maxWaitMs: number;
}

const DEFAULT_LIMITS: ApiLimits = {deadlineMs: 10_000, attempts: 3, backoffMs: 1_000, maxWaitMs: 10_000};

export function apiLimits(env: Record<string, string | undefined> = process.env): ApiLimits {
  const ms = (name: string, fallback: number): number => {
    const n = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    deadlineMs: ms('MULTIARCH_PUBLISH_API_DEADLINE_MS', DEFAULT_LIMITS.deadlineMs),
    attempts: DEFAULT_LIMITS.attempts,
    backoffMs: ms('MULTIARCH_PUBLISH_API_BACKOFF_MS', DEFAULT_LIMITS.backoffMs),
    maxWaitMs: ms('MULTIARCH_PUBLISH_API_MAX_WAIT_MS', DEFAULT_LIMITS.maxWaitMs)
  };
}

/** What a failed attempt carries, as @octokit/request-error shapes it (no response: the request never got one). */
interface AttemptError {
  status?: number;
  message?: string;
  response?: {headers?: Record<string, string | undefined>};
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before the next attempt, or undefined when the failure is final. 5xx answers and failures without
 * an answer (connection refused, reset) are retried with a doubling backoff; rate limits (429, and 403 with
 * x-ratelimit-remaining: 0 or with Retry-After: GitHub's secondary rate limit) after Retry-After, or the x-ratelimit-reset time, when the server gives one.
 */
export function retryWait(e: AttemptError, attempt: number, limits: ApiLimits, now = Date.now()): number | undefined {
  if (attempt >= limits.attempts) return undefined;
  const status = e.status ?? 0;
  const headers = e.response?.headers ?? {};
  // a secondary rate limit (many DELETEs in a row) is a 403 or 429 with retry-after, the primary one a 403 with x-ratelimit-remaining: 0
  const rateLimited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
  if (!rateLimited && status < 500) return undefined;
  let wait = retryAfterMs(headers['retry-after'], now);
  const reset = Number(headers['x-ratelimit-reset']);
  if (wait === undefined && rateLimited && reset > 0) wait = Math.max(0, reset * 1000 - now);
  wait ??= limits.backoffMs * 2 ** (attempt - 1);
  if (wait > limits.maxWaitMs) {
    throw new Error(`${describe(e)}; the API asks to retry in ${Math.ceil(wait / 1000)} s, longer than the ${limits.maxWaitMs / 1000} s this step waits`);
  }
  return wait;
}

function describe(e: AttemptError): string {
  return e.response ? `HTTP ${e.status}${e.message ? ` (${e.message})` : ''}` : (e.message ?? String(e));
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A failed call, final (retries spent or not worth it). `httpStatus` is the API's answer, undefined when
 * none came (refused, reset, the deadline). Not `status`: Octokit's paginate takes an error with
 * `status: 409` for the end of the list and stops quietly, and a list cut short must throw.
 */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | undefined,
    /** How many attempts were made (a DELETE answered 404 on a later one may have been done by an earlier one). */
    readonly attempts = 1
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

/**
 * Each attempt under its own deadline; failures retried as retryWait says; only a JSON document counts as
 * an answer (unless `emptyAnswer`: a DELETE's 204). The signal goes with each call's own options: Octokit
 * honours `request.signal` there (set from a `request` hook it was not passed on to the fetch, and a
 * trickling server held the step).
 */
async function withDeadlineAndRetries<R extends {data: unknown}>(limits: ApiLimits, attempt: (signal: AbortSignal) => Promise<R>, emptyAnswer = false): Promise<R> {
  for (let n = 1; ; n++) {
    const signal = AbortSignal.timeout(limits.deadlineMs);
    const deadline = () => new GitHubApiError(`no complete answer within ${limits.deadlineMs / 1000} s`, undefined);
    let response: R;
    try {
      response = await attempt(signal);
    } catch (e) {
      if (signal.aborted) throw deadline();
      const failure = e as AttemptError;
      const wait = retryWait(failure, n, limits);
      const status = failure.response ? failure.status : undefined;
      if (wait === undefined) throw new GitHubApiError(n > 1 ? `${describe(failure)} after ${n} attempts` : describe(failure), status, n);
      await sleep(wait);
      continue;
    }
    // Octokit hands back what it read of a JSON body that broke off (or could not be parsed) as a string.
    if (signal.aborted) throw deadline();
    if (emptyAnswer && (response.data === undefined || response.data === '')) return response;
    if (typeof response.data !== 'object' || response.data === null) throw new GitHubApiError('the answer is not a JSON document', undefined);
    return response;
  }
}

/** A REST call's answer, as Octokit gives it. */
export interface ApiResponse {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The GitHub REST API as this action calls it: every request (each page of a list too) under a deadline with bounded retries; failures throw GitHubApiError. */
export interface GitHubClient {
  get(route: string, params: Record<string, string | number>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Any method; `emptyAnswer` for a call that answers without a body (DELETE: 204). */
  request(route: string, params: Record<string, string | number>, opts?: {emptyAnswer?: boolean}): Promise<ApiResponse>;
  /**
   * Every page of a list, through Octokit's paginate (the Link header's rel="next", per_page as given);
   * each page must be a JSON array. A failed page throws: the list is complete or there is none.
   */
  paginate(route: string, params: Record<string, string | number>): Promise<unknown[]>;
}

/**
 * The one construction of Octokit in the action (the metadata's calls here, the GitHub Packages back end
 * of mode: prune, engine/github-packages.ts): @actions/github's getOctokit, loaded on the first call,
 * with `apiUrl` (GITHUB_API_URL, a GHES `/api/v3` prefix included) as the base.
 */
export async function githubClient(apiUrl: string, token: string, warn: (m: string) => void): Promise<GitHubClient> {
  const {getOctokit} = await import('@actions/github');
  const {GitHub} = await import('@actions/github/lib/utils');
  const options = {
    baseUrl: apiUrl,
    userAgent: 'multiarch-publish',
    // Octokit logs to the console; its warnings (deprecated endpoints) become the step's, the rest is noise.
    log: {debug: () => {}, info: () => {}, warn, error: warn}
  };
  // getOctokit insists on a token; without one the same class asks anonymously, as the API allows for public repositories.
  const octokit = token ? getOctokit(token, options) : new GitHub(options);
  const limits = apiLimits();
  const request = (route: string, params: Record<string, unknown>, emptyAnswer = false) =>
    withDeadlineAndRetries(limits, signal => octokit.request(route, {...params, request: {signal}}) as Promise<ApiResponse>, emptyAnswer);
  // What paginate calls for every page (the first from route and params, the next ones from the Link
  // header's absolute URL), so that each page has its own deadline and retries; its endpoint expands the route.
  const pageRequest = (route: string) =>
    Object.assign((options: Record<string, unknown>) => withDeadlineAndRetries(limits, signal => octokit.request({...options, request: {signal}} as never) as Promise<ApiResponse>), {
      endpoint: (params: Record<string, unknown>) => octokit.request.endpoint(route, params)
    });
  return {
    get: async (route, params) => (await request(route, params)).data,
    request: (route, params, opts = {}) => request(route, params, opts.emptyAnswer),
    paginate: async (route, params) => {
      const items: unknown[] = [];
      // route and params go through the endpoint of the request method given (URL template, encoding)
      for await (const page of octokit.paginate.iterator(pageRequest(route) as never, params as never) as AsyncIterable<ApiResponse>) {
        if (!Array.isArray(page.data)) throw new GitHubApiError(`a page of ${page.url ?? route} is not a JSON list`, undefined);
        items.push(...(page.data as unknown[]));
      }
      return items;
    }
  };
}

const client = (ctx: Context, token: string, warn: (m: string) => void): Promise<GitHubClient> => githubClient(ctx.apiUrl, token, warn);

/** What the context alone says about the repository. */
export function repoFromContext(ctx: Context): RepoInfo {
  return {
    name: ctx.repo,
    description: '',
    htmlUrl: ctx.owner && ctx.repo ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}` : '',
    license: '',
    defaultBranch: ctx.defaultBranch
  };
}

export async function fetchRepoInfo(ctx: Context, token: string, warn: (m: string) => void): Promise<RepoInfo> {
  if (!ctx.owner || !ctx.repo) return repoFromContext(ctx);
  try {
    const api = await client(ctx, token, warn);
    const data = await api.get('GET /repos/{owner}/{repo}', {owner: ctx.owner, repo: ctx.repo});
    return {
      name: data.name ?? '',
      description: data.description ?? '',
      htmlUrl: data.html_url ?? '',
      license: data.license?.spdx_id ?? '',
      defaultBranch: data.default_branch ?? ctx.defaultBranch
    };
  } catch (e) {
    warn(`Cannot read repository ${ctx.owner}/${ctx.repo} from the GitHub API at ${ctx.apiUrl} (${(e as Error).message}); the default labels use what the workflow context gives.`);
    return repoFromContext(ctx);
  }
}

/** The committer date of ctx.sha from the API, or the build's clock when the API cannot tell. */
export async function fetchCommitDate(ctx: Context, token: string, warn: (m: string) => void): Promise<Date> {
  if (ctx.owner && ctx.repo && ctx.sha) {
    try {
      const api = await client(ctx, token, warn);
      const data = await api.get('GET /repos/{owner}/{repo}/commits/{ref}', {owner: ctx.owner, repo: ctx.repo, ref: ctx.sha});
      const date = data.commit?.committer?.date;
      if (date) return new Date(date);
    } catch (e) {
      warn(`Cannot read the date of commit ${ctx.shortSha} from the GitHub API at ${ctx.apiUrl} (${(e as Error).message}); {{commit_date}} uses the build time.`);
    }
  }
  return ctx.now;
}

/** What GitHub's compare API says of `base...head` (the guard: engine/steps/guard.ts). */
export interface Comparison {
  /** `ahead`: head contains base and more; `behind`: base contains head; `identical`; `diverged`. */
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  aheadBy: number;
  behindBy: number;
  /** Committer dates of the two commits, where the answer carries them (for a diverged history). */
  baseDate?: Date;
  headDate?: Date;
}

const STATUSES: readonly Comparison['status'][] = ['ahead', 'behind', 'identical', 'diverged'];

/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`, or undefined when it cannot tell (no token, no
 * repository, a commit GitHub does not know, the API failing): the caller then falls back to dates. Both
 * commits must look like SHAs: they come from image labels, which whoever can push writes.
 */
export async function compareCommits(ctx: Context, token: string, base: string, head: string, warn: (m: string) => void): Promise<Comparison | undefined> {
  const sha = /^[0-9a-f]{7,64}$/i;
  if (!token || !ctx.owner || !ctx.repo || !sha.test(base) || !sha.test(head)) return undefined;
  try {
    const api = await client(ctx, token, warn);
    const data = await api.get('GET /repos/{owner}/{repo}/compare/{base}...{head}', {owner: ctx.owner, repo: ctx.repo, base, head});
    if (!STATUSES.includes(data.status)) throw new Error(`unexpected status ${JSON.stringify(String(data.status).slice(0, 20))}`);
    const date = (s: unknown) => (typeof s === 'string' && !Number.isNaN(Date.parse(s)) ? new Date(s) : undefined);
    // the last commit listed is head's only when the list is complete (GitHub lists at most 250)
    const commits = Array.isArray(data.commits) ? data.commits : [];
    const last = commits[commits.length - 1];
    const lastIsHead = typeof last?.sha === 'string' && last.sha.toLowerCase().startsWith(head.toLowerCase());
    return {
      status: data.status,
      aheadBy: Number(data.ahead_by) || 0,
      behindBy: Number(data.behind_by) || 0,
      baseDate: date(data.base_commit?.commit?.committer?.date),
      headDate: lastIsHead ? date(last.commit?.committer?.date) : undefined
    };
  } catch (e) {
    warn(`Cannot compare commits ${base.slice(0, 7)} and ${head.slice(0, 7)} through the GitHub API at ${ctx.apiUrl} (${(e as Error).message}); the tag guard falls back to dates.`);
    return undefined;
  }
}
