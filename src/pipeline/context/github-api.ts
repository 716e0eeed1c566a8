/**
 * The two GitHub REST API calls the metadata needs: the repository (default labels, default branch) and,
 * only when an expression reads `{{commit_date}}` and the payload lacks it, the commit. Plain fetch: no
 * REST client is loaded for two GETs. Failures degrade to what the context knows, with a warning.
 */
import type {Context} from './index.js';
import type {RepoInfo} from '../metadata/labels.js';

const TIMEOUT_MS = 10_000;

/** One GET of a JSON document. node:http(s) rather than fetch: undici's first use costs more than this whole action. */
async function getJson(ctx: Context, path: string, token: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const url = new URL(`${ctx.apiUrl}${path}`);
  const {request} = url.protocol === 'http:' ? await import('node:http') : await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        headers: {
          accept: 'application/vnd.github+json',
          'user-agent': 'multiarch-publish',
          ...(token ? {authorization: `token ${token}`} : {})
        },
        timeout: TIMEOUT_MS
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 300) return reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(new Error(`GET ${path}: not JSON (${(e as Error).message})`));
          }
        });
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
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
    const data = await getJson(ctx, `/repos/${ctx.owner}/${ctx.repo}`, token);
    return {
      name: data.name ?? '',
      description: data.description ?? '',
      htmlUrl: data.html_url ?? '',
      license: data.license?.spdx_id ?? '',
      defaultBranch: data.default_branch ?? ctx.defaultBranch
    };
  } catch (e) {
    warn(`Cannot read repository ${ctx.owner}/${ctx.repo} from the GitHub API (${(e as Error).message}); the default labels use what the workflow context gives.`);
    return repoFromContext(ctx);
  }
}

/** The committer date of ctx.sha from the API, or the build's clock when the API cannot tell. */
export async function fetchCommitDate(ctx: Context, token: string, warn: (m: string) => void): Promise<Date> {
  if (ctx.owner && ctx.repo && ctx.sha) {
    try {
      const data = await getJson(ctx, `/repos/${ctx.owner}/${ctx.repo}/commits/${ctx.sha}`, token);
      const date = data.commit?.committer?.date;
      if (date) return new Date(date);
    } catch (e) {
      warn(`Cannot read the date of commit ${ctx.shortSha} from the GitHub API (${(e as Error).message}); {{commit_date}} uses the build time.`);
    }
  }
  return ctx.now;
}
