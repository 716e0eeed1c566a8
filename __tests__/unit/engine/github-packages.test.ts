// The GitHub Packages back end of mode: prune (engine/github-packages.ts) against the GitHub Packages API
// stand-in (support/github-packages.ts, no registry behind it): pagination over three pages, the org and the
// user paths, package names with `/`, the errors a user can act on (401/403/404, never the token), a page
// that fails (or answers 409, which Octokit's paginate would take for the end of the list), and remove by id.
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {GitHubPackages, isGitHubContainerRegistry, packagesApiMismatch} from '../../../src/engine/github-packages.js';
import {startPackagesStandIn, type PackagesStandIn} from '../../support/github-packages.js';

const TOKEN = 'ghs_unitTestToken0123456789';
let api: PackagesStandIn;
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
const backend = (token = TOKEN) => new GitHubPackages({token, baseUrl: api.url});
const lastRequests = (from: number) => api.requests.slice(from).map(r => `${r.method} ${r.path}`);

beforeAll(async () => {
  process.env['MULTIARCH_PUBLISH_API_BACKOFF_MS'] = '1';
  api = await startPackagesStandIn({token: TOKEN});
  api.setOwner('acme', 'Organization');
  api.setOwner('octocat', 'User');
  for (let i = 1; i <= 250; i++) api.add('acme', 'big', digest(i), i % 50 === 0 ? [`v${i}`] : [], new Date(Date.UTC(2024, 0, 1, 0, 0, i)));
  api.add('acme', 'team/app', digest(1), ['latest']);
  api.add('octocat', 'tool', digest(2), ['v1', 'sha256-' + '2'.padStart(64, '0') + '.sig']);
  api.add('octocat', 'tool', digest(3));
});

afterAll(async () => {
  delete process.env['MULTIARCH_PUBLISH_API_BACKOFF_MS'];
  await api.close();
});

describe('isGitHubContainerRegistry', () => {
  test.each([
    ['ghcr.io', true],
    ['GHCR.IO', true],
    ['ghcr.io.', true],
    ['docker.io', false],
    ['containers.ghes.example.com', false],
    ['ghcr.io.example.com', false],
    ['127.0.0.1:5000', false]
  ])('%s: %s', (host, expected) => {
    expect(isGitHubContainerRegistry(host)).toBe(expected);
  });
});

describe('packagesApiMismatch', () => {
  test.each([
    ['ghcr.io', 'https://api.github.com', undefined],
    ['ghcr.io', 'https://ghes.example.com/api/v3', /ghcr\.io holds github\.com's packages, but this run's GitHub API is https:\/\/ghes\.example\.com\/api\/v3 .*its token is not sent/],
    ['ghcr.io', 'https://api.acme.ghe.com', /GHE\.com/],
    ['containers.ghes.example.com', 'https://ghes.example.com/api/v3', undefined],
    ['127.0.0.1:5000', 'http://127.0.0.1:8080', undefined]
  ])('%s with %s', (host, apiUrl, expected) => {
    const problem = packagesApiMismatch(host, apiUrl);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('GitHubPackages.list', () => {
  test('an organization package of 250 versions: three pages of 100, every version mapped, newest first', async () => {
    const from = api.requests.length;
    const b = backend();
    expect([b.label, b.listsUntagged]).toEqual(['GitHub Packages API', true]);
    const versions = await b.list('acme/big');
    expect(versions).toHaveLength(250);
    expect(new Set(versions.map(v => v.id)).size).toBe(250);
    expect(versions[0]).toEqual({digest: digest(250), tags: ['v250'], created: new Date(Date.UTC(2024, 0, 1, 0, 0, 250)), id: expect.any(Number)});
    expect(versions[249]).toEqual({digest: digest(1), tags: [], created: new Date(Date.UTC(2024, 0, 1, 0, 0, 1)), id: expect.any(Number)});
    expect(versions.filter(v => v.tags.length).map(v => v.tags[0])).toEqual(['v250', 'v200', 'v150', 'v100', 'v50']);
    expect(lastRequests(from)).toEqual([
      'GET /users/acme',
      'GET /orgs/acme/packages/container/big/versions?per_page=100',
      'GET /orgs/acme/packages/container/big/versions?per_page=100&page=2',
      'GET /orgs/acme/packages/container/big/versions?per_page=100&page=3'
    ]);
    expect(api.requests.slice(from).every(r => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  test('a user package: the /users/ path; the owner is asked once per back end', async () => {
    const from = api.requests.length;
    const b = backend();
    const versions = await b.list('octocat/tool');
    expect(versions.map(v => [v.digest, v.tags])).toEqual([
      [digest(3), []],
      [digest(2), ['v1', `sha256-${'2'.padStart(64, '0')}.sig`]]
    ]);
    await b.list('octocat/tool');
    expect(lastRequests(from)).toEqual(['GET /users/octocat', 'GET /users/octocat/packages/container/tool/versions?per_page=100', 'GET /users/octocat/packages/container/tool/versions?per_page=100']);
  });

  test('a package name with `/` goes URL-encoded (team%2Fapp)', async () => {
    const from = api.requests.length;
    const versions = await backend().list('acme/team/app');
    expect(versions.map(v => [v.digest, v.tags])).toEqual([[digest(1), ['latest']]]);
    expect(lastRequests(from)).toContain('GET /orgs/acme/packages/container/team%2Fapp/versions?per_page=100');
  });

  test.each([
    ['a refused token (401)', 'acme/big', 'ghs_wrongToken', /cannot read the owner acme: HTTP 401.*The token was refused: github-token must be a valid token/s],
    ['an owner that does not exist (404)', 'nobody/app', TOKEN, /cannot read the owner nobody: HTTP 404.*No GitHub user or organization is called nobody/s],
    ['a package that does not exist (404)', 'acme/absent', TOKEN, /cannot read the versions of absent of acme: HTTP 404 \(Package not found\.\)\. .*No container package absent of this owner, or the token may not see it.*packages: read/s],
    ['an image name without a package', 'acme', TOKEN, /acme: a GitHub package is named <owner>\/<package>/]
  ])('%s: an error that says what to do, without the token', async (_, name, token, message) => {
    const e = (await backend(token)
      .list(name)
      .then(
        () => undefined,
        err => err
      )) as Error;
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain(token);
    expect(e.message).not.toContain(TOKEN);
  });

  test.each([
    ['500 (retried, then final)', 500, /HTTP 500.*after 3 attempts/s],
    ['403', 403, /HTTP 403.*Reading package versions needs `packages: read`/s],
    // Octokit's paginate takes a 409 for the end of the list: here it must fail the listing
    ['409', 409, /HTTP 409/]
  ])('page 2 of 3 answers %s: the listing throws (never a partial list)', async (_, status, message) => {
    api.faults.failPage = 2;
    api.faults.pageStatus = status;
    try {
      await expect(backend().list('acme/big')).rejects.toThrow(message);
    } finally {
      delete api.faults.failPage;
      delete api.faults.pageStatus;
    }
  });

  test('a version that is no container manifest: the listing throws', async () => {
    api.add('acme', 'odd', 'not-a-digest');
    await expect(backend().list('acme/odd')).rejects.toThrow(/acme\/odd lists a version that is not a container manifest .*nothing is pruned/);
  });
});

describe('GitHubPackages.remove', () => {
  test('DELETE of the version by its id, on the owner kind path, with the package name encoded', async () => {
    const victim = api.add('acme', 'team/app', digest(7));
    const b = backend();
    const listed = (await b.list('acme/team/app')).find(v => v.digest === digest(7))!;
    expect(listed.id).toBe(victim.id);
    const from = api.requests.length;
    await b.remove('acme/team/app', listed);
    expect(lastRequests(from)).toEqual([`DELETE /orgs/acme/packages/container/team%2Fapp/versions/${victim.id}`]);
    expect(api.requests[api.requests.length - 1]!.status).toBe(204);
    expect(api.deleted.map(v => v.id)).toContain(victim.id);
    expect(api.versions('acme', 'team/app').map(v => v.name)).toEqual([digest(1)]);
  });

  test('a user package: DELETE /users/{owner}/...', async () => {
    const v = api.add('octocat', 'tool', digest(9));
    const from = api.requests.length;
    await backend().remove('octocat/tool', {digest: digest(9), tags: [], id: v.id});
    expect(lastRequests(from)).toEqual(['GET /users/octocat', `DELETE /users/octocat/packages/container/tool/versions/${v.id}`]);
  });

  test('403 (not admin of the package): the permissions and the package role named, not the token', async () => {
    const v = api.add('acme', 'team/app', digest(8));
    api.faults.forbidDelete = true;
    try {
      const e = (await backend()
        .remove('acme/team/app', {digest: digest(8), tags: [], id: v.id})
        .catch(err => err)) as Error;
      expect(e.message).toContain(`cannot delete version ${v.id} (${digest(8).slice(0, 19)}…) of team/app of acme: HTTP 403 (You must have admin permissions on the package to delete it.). Deleting`);
      expect(e.message.indexOf('Admin role')).toBeLessThan(300);
      expect(e.message).toContain('`packages: write`');
      expect(e.message).toContain('Manage Actions access, give this repository the Admin role');
      expect(e.message).toMatch(/\(API http:\/\/127\.0\.0\.1:\d+\)$/);
      expect(e.message).toContain('delete:packages');
      expect(e.message).not.toContain(TOKEN);
    } finally {
      api.faults.forbidDelete = false;
    }
    expect(api.versions('acme', 'team/app').some(x => x.id === v.id)).toBe(true);
  });

  test("the API's message is one line in the error, whatever it holds", async () => {
    const v = api.add('acme', 'team/app', digest(14));
    api.faults.forbidDelete = true;
    api.faults.forbidMessage = 'denied\n::error::forged\r\u001b[31mred';
    try {
      const e = (await backend()
        .remove('acme/team/app', {digest: digest(14), tags: [], id: v.id})
        .catch(err => err)) as Error;
      expect(e.message).toContain('HTTP 403 (denied ::error::forged [31mred)');
      expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    } finally {
      api.faults.forbidDelete = false;
      delete api.faults.forbidMessage;
    }
  });

  test('a delete that fails (500, retried) throws; a version not there (404) throws', async () => {
    const v = api.add('acme', 'team/app', digest(10));
    api.faults.failDelete = x => x.id === v.id;
    try {
      await expect(backend().remove('acme/team/app', {digest: digest(10), tags: [], id: v.id})).rejects.toThrow(/HTTP 500.*after 3 attempts/);
    } finally {
      delete api.faults.failDelete;
    }
    await expect(backend().remove('acme/team/app', {digest: digest(11), tags: [], id: 987654})).rejects.toThrow(/version 987654 .*HTTP 404.*not there/);
  });

  test("GitHub's secondary rate limit (403 with retry-after): waited for, then deleted", async () => {
    const v = api.add('acme', 'team/app', digest(12));
    api.faults.rateLimitDeletes = 1;
    const from = api.requests.length;
    await backend().remove('acme/team/app', {digest: digest(12), tags: [], id: v.id});
    expect(api.requests.slice(from).map(r => `${r.method} ${r.status}`)).toEqual(['GET 200', 'DELETE 403', 'DELETE 204']);
    expect(api.versions('acme', 'team/app').some(x => x.id === v.id)).toBe(false);
  });

  test('a delete done whose answer was lost (502): the retry finds it gone (404), and that is a delete', async () => {
    const v = api.add('acme', 'team/app', digest(13));
    api.faults.lostDeleteAnswers = 1;
    const from = api.requests.length;
    await backend().remove('acme/team/app', {digest: digest(13), tags: [], id: v.id});
    expect(api.requests.slice(from).map(r => `${r.method} ${r.status}`)).toEqual(['GET 200', 'DELETE 502', 'DELETE 404']);
  });

  test('a version without an id (a distribution listing): nothing asked', async () => {
    const from = api.requests.length;
    await expect(backend().remove('acme/team/app', {digest: digest(1), tags: ['latest']})).rejects.toThrow(/no package version id to delete/);
    expect(api.requests.length).toBe(from);
  });
});
