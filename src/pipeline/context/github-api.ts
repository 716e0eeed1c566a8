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
 * x-ratelimit-remaining: 0) after Retry-After, or the x-ratelimit-reset time, when the server gives one.
 */
export function retryWait(e: AttemptError, attempt: number, limits: ApiLimits, now = Date.now()): number | undefined {
  if (attempt >= limits.attempts) return undefined;
  const status = e.status ?? 0;
  const headers = e.response?.headers ?? {};
  const rateLimited = status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0');
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
 * Each attempt under its own deadline; failures retried as retryWait says; only a JSON document counts as
 * an answer. The signal goes with each call's own options: Octokit honours `request.signal` there (set from
 * a `request` hook it was not passed on to the fetch, and a trickling server held the step).
 */
async function withDeadlineAndRetries(limits: ApiLimits, attempt: (signal: AbortSignal) => Promise<{data: unknown}>): Promise<{data: unknown}> {
  for (let n = 1; ; n++) {
    const signal = AbortSignal.timeout(limits.deadlineMs);
    const deadline = () => new Error(`no complete answer within ${limits.deadlineMs / 1000} s`);
    let response: {data: unknown};
    try {
      response = await attempt(signal);
    } catch (e) {
      if (signal.aborted) throw deadline();
      const wait = retryWait(e as AttemptError, n, limits);
      if (wait === undefined) throw new Error(n > 1 ? `${describe(e as AttemptError)} after ${n} attempts` : describe(e as AttemptError));
      await sleep(wait);
      continue;
    }
    // Octokit hands back what it read of a JSON body that broke off (or could not be parsed) as a string.
    if (signal.aborted) throw deadline();
    if (typeof response.data !== 'object' || response.data === null) throw new Error('the answer is not a JSON document');
    return response;
  }
}

interface Api {
  get(route: string, params: Record<string, string>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function client(ctx: Context, token: string, warn: (m: string) => void): Promise<Api> {
  const {getOctokit} = await import('@actions/github');
  const {GitHub} = await import('@actions/github/lib/utils');
  const options = {
    baseUrl: ctx.apiUrl,
    userAgent: 'multiarch-publish',
    // Octokit logs to the console; its warnings (deprecated endpoints) become the step's, the rest is noise.
    log: {debug: () => {}, info: () => {}, warn, error: warn}
  };
  // getOctokit insists on a token; without one the same class asks anonymously, as the API allows for public repositories.
  const octokit = token ? getOctokit(token, options) : new GitHub(options);
  const limits = apiLimits();
  return {get: async (route, params) => (await withDeadlineAndRetries(limits, signal => octokit.request(route, {...params, request: {signal}}))).data};
}

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
