// What both benchmarks share: the runner's file-command format, a GitHub API stand-in, statistics, and
// the engine bench's docker traces, action.yml's defaults and the registry's HTTP API.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** GITHUB_OUTPUT / GITHUB_STATE: `name=value` lines and `name<<DELIM` blocks. */
export function parseFileCommands(text) {
  const out = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body = [];
      i++;
      while (i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i++]);
      out[heredoc[1]] = body.join('\n');
      continue;
    }
    const kv = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (kv) out[kv[1]] = kv[2];
  }
  return out;
}

/**
 * A GitHub REST API stand-in: GET /repos/:owner/:repo answers `repoJson` (a string, Buffer or object),
 * anything else 404. Served from the calling process: children must be spawned asynchronously.
 */
export async function startApiStub(repoJson) {
  const body = typeof repoJson === 'string' || Buffer.isBuffer(repoJson) ? repoJson : JSON.stringify(repoJson);
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/?$/.test((req.url ?? '').split('?')[0])) {
      res.writeHead(200, {'content-type': 'application/json; charset=utf-8'});
      res.end(body);
    } else {
      res.writeHead(404, {'content-type': 'application/json; charset=utf-8'});
      res.end('{"message":"Not Found"}');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(resolve);
      })
  };
}

const sorted = xs => [...xs].sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** 90th percentile, nearest rank. */
export function p90(xs) {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
}

export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The docker calls a run made, from the trace the bench's `docker` shim writes (one line per call:
 * start and end in seconds since the epoch with microseconds, exit code, arguments).
 */
export function readTrace(file) {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [start, end, rc, ...args] = line.split(' ');
      return {start: Number(start) * 1000, end: Number(end) * 1000, ms: (Number(end) - Number(start)) * 1000, rc: Number(rc), args: args.join(' ')};
    })
    .sort((a, b) => a.start - b.start);
}

/** What a docker call is: its command words (`buildx imagetools create`), without flags and references. */
export function callKind(args) {
  const words = [];
  for (const w of args.split(' ')) {
    if (!w || w.startsWith('-') || /[/:@=]/.test(w) || words.length === 3) break;
    words.push(w);
  }
  return words.join(' ') || args.split(' ')[0];
}

/** The calls by kind (count, summed ms) and the wall time they cover together (overlaps counted once). */
export function traceSummary(calls) {
  const kinds = new Map();
  for (const c of calls) {
    const k = kinds.get(callKind(c.args)) ?? {count: 0, ms: 0};
    k.count++;
    k.ms += c.ms;
    kinds.set(callKind(c.args), k);
  }
  let wall = 0;
  let until = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.end <= until) continue;
    wall += c.end - Math.max(c.start, until);
    until = c.end;
  }
  return {kinds, wallMs: wall, count: calls.length};
}

/** The INPUT_* variable the runner sets for an input. */
export const inputEnvName = name => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** The defaults of action.yml's inputs, as the runner passes them (INPUT_* for every input with a
 *  default; `${{ ... }}` defaults are left out: the bench gives those inputs itself). */
export function actionDefaults() {
  const text = fs.readFileSync(path.join(repo, 'action.yml'), 'utf8');
  const defaults = {};
  let inInputs = false;
  let current;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inInputs = /^inputs:\s*$/.test(line);
    if (!inInputs) continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const def = /^ {4}default:\s*(.*)$/.exec(line);
    if (def && current) {
      let v = def[1].trim();
      if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/''/g, "'");
      else if (/^".*"$/.test(v)) v = JSON.parse(v);
      if (!v.includes('${{')) defaults[current] = v;
    }
  }
  return defaults;
}

/** GET on the registry's HTTP API (basic auth); resolves {status, headers, body}. */
export function registryGet(addr, user, password, urlPath, accept) {
  return registryRequest(addr, user, password, 'GET', urlPath, accept);
}

/** One request (GET, HEAD, DELETE) to the registry's HTTP API (basic auth); resolves {status, headers, body}. */
export function registryRequest(addr, user, password, method, urlPath, accept) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `http://${addr}${urlPath}`,
      {
        method,
        headers: {
          ...(user ? {authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')} : {}),
          ...(accept ? {accept} : {})
        },
        timeout: 10_000
      },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve({status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8')}));
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`${method} http://${addr}${urlPath}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Runs a command (argument array, no shell) and resolves {ms, code, signal, log, events, startedAt}:
 * the wall time in ms, the exit code, stdout and stderr interleaved, the stdout lines with the ms at
 * which each arrived ({t, line}) and the epoch ms at which it started. Asynchronous, so that servers
 * living in the caller's process (the API stub, the cache service) keep answering. Rejects only when
 * it cannot start or outlives `timeoutMs` (then it is killed).
 */
export function runProcess(cmd, args, {env, cwd, input, timeoutMs = 10 * 60_000} = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(cmd, args, {env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']});
    let log = '';
    let partial = '';
    const events = [];
    child.stdout.on('data', d => {
      log += d;
      const t = elapsed();
      const lines = (partial + d).split('\n');
      partial = lines.pop();
      for (const line of lines) events.push({t, line: line.replace(/\r$/, '')});
    });
    child.stderr.on('data', d => (log += d));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s; log so far:\n${log}`));
    }, timeoutMs);
    child.on('error', err => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = elapsed();
      if (partial) events.push({t: ms, line: partial});
      resolve({ms, code, signal, log, events, startedAt});
    });
  });
}
