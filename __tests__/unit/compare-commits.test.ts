// compareCommits (pipeline/context/github-api.ts) against a compare API stand-in on 127.0.0.1: the answer's
// status and dates, and undefined (the date fallback) without a token, for labels that are no SHA, and on failure.
import {afterAll, beforeAll, describe, expect, jest, test} from '@jest/globals';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {compareCommits} from '../../src/pipeline/context/github-api.js';
import type {Context} from '../../src/pipeline/context/index.js';

const BASE = 'b'.repeat(40);
const HEAD = 'a'.repeat(40);
const seen: string[] = [];
let server: http.Server;
let ctx: Context;

beforeAll(async () => {
  process.env['MULTIARCH_PUBLISH_API_BACKOFF_MS'] = '1';
  server = http.createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ? '[auth]' : ''}`);
    const json = (status: number, body: object) => {
      res.writeHead(status, {'content-type': 'application/json'});
      res.end(JSON.stringify(body));
    };
    if (req.url === `/repos/acme/app/compare/${BASE}...${HEAD}`) {
      return json(200, {status: 'diverged', ahead_by: 2, behind_by: 1, base_commit: {commit: {committer: {date: '2024-01-02T00:00:00Z'}}}, commits: [{sha: 'f'.repeat(40), commit: {committer: {date: '2024-01-01T00:00:00Z'}}}, {sha: HEAD, commit: {committer: {date: '2024-01-03T00:00:00Z'}}}]});
    }
    if (req.url === `/repos/acme/app/compare/${BASE}...${'e'.repeat(40)}`) {
      // more than 250 commits: GitHub lists the first 250, so the last listed is not head
      return json(200, {status: 'ahead', ahead_by: 300, behind_by: 0, base_commit: {commit: {committer: {date: '2024-01-02T00:00:00Z'}}}, commits: [{sha: 'f'.repeat(40), commit: {committer: {date: '2024-01-05T00:00:00Z'}}}]});
    }
    if (req.url?.includes('cccccc')) return json(200, {status: 'sideways'});
    json(404, {message: 'Not Found'});
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
  ctx = {owner: 'acme', repo: 'app', apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`} as Context;
});

afterAll(async () => {
  delete process.env['MULTIARCH_PUBLISH_API_BACKOFF_MS'];
  server.closeAllConnections();
  await new Promise<void>(resolve => server.close(() => resolve()));
});

describe('compareCommits', () => {
  test('the answer: status, counts, the two commits dates (head: the last of commits)', async () => {
    const warn = jest.fn();
    expect(await compareCommits(ctx, 'tok', BASE, HEAD, warn)).toEqual({status: 'diverged', aheadBy: 2, behindBy: 1, baseDate: new Date('2024-01-02T00:00:00Z'), headDate: new Date('2024-01-03T00:00:00Z')});
    expect(seen.pop()).toBe(`/repos/acme/app/compare/${BASE}...${HEAD} [auth]`);
    expect(warn).not.toHaveBeenCalled();
  });

  test('a commit list cut short (over 250 commits): no head date from it', async () => {
    expect(await compareCommits(ctx, 'tok', BASE, 'e'.repeat(40), jest.fn())).toEqual({status: 'ahead', aheadBy: 300, behindBy: 0, baseDate: new Date('2024-01-02T00:00:00Z'), headDate: undefined});
  });

  test.each([
    ['no token', '', BASE],
    ['a base that is no SHA', 'tok', '../../user'],
    ['a base with a query', 'tok', `${BASE}?x=1`]
  ])('%s: undefined, nothing asked', async (_, token, base) => {
    const before = seen.length;
    expect(await compareCommits(ctx, token, base, HEAD, jest.fn())).toBeUndefined();
    expect(seen.length).toBe(before);
  });

  test.each([
    ['a commit GitHub does not know (404)', 'd'.repeat(40), /HTTP 404/],
    ['a status it does not know', 'c'.repeat(40), /unexpected status "sideways"/]
  ])('%s: undefined with a warning', async (_, base, message) => {
    const warn = jest.fn();
    expect(await compareCommits(ctx, 'tok', base, HEAD, warn)).toBeUndefined();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(message);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/falls back to dates/);
  });
});
