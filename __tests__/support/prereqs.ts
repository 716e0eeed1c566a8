// Prerequisites of the end-to-end tests, and the one rule about them: under CI (CI=true, as GitHub and
// .ci/run set it) a file whose prerequisites are missing FAILS, naming what is missing; it never passes by
// skipping. Outside CI it is skipped, with a warning on stderr (jest drops the console output of a file
// whose tests are all skipped, so the warning goes straight to the stream).
//
//   const gate = await prerequisites('e2e qemu-install', [dockerProblem(), imageProblem(IMAGE, 'scripts/binfmt-image.sh')]);
//   gate.describe('...', () => { ...tests and hooks... });     (or gate.test(...) for a lone test; its
//                                                              hooks check gate.ready themselves)
//
// Each check resolves to a sentence saying what is missing and how to get it, or to undefined when the
// prerequisite is there. Programs run with argument arrays, never through a shell.
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

export const ENGINE_HINT = 'run `eval "$(bash scripts/engine-up.sh)"` as root first (dockerd, buildx, QEMU binfmt and the registry; it puts docker on PATH)';
export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';

/** CI as the runners set it: any value but empty, `false`, `0` or `no`. */
export function isCI(value: string | undefined = process.env.CI): boolean {
  return value !== undefined && !/^(|false|0|no)$/i.test(value.trim());
}

type Check = Promise<string | undefined> | string | undefined;

export interface Gate {
  /** Every prerequisite is there. */
  ready: boolean;
  /** What is missing, one sentence each. */
  problems: string[];
  /** The suite's describe: the real one when ready; under CI, when not ready, a describe whose single test
   *  fails with the problems (the suite's own tests and hooks are not registered, so nothing touches a
   *  half-present engine); outside CI a skipped describe. */
  describe(name: string, fn: () => void): void;
  /** The same for a single test, in a file without a describe: the real test when ready; under CI a test
   *  of that name that fails with the problems; outside CI a skipped test. */
  test(name: string, fn: jest.ProvidesCallback, timeoutMs?: number): void;
  /** The message of the failure (or warning). */
  message: string;
}

/** Runs the checks (at once) and decides how the suite runs. */
export async function prerequisites(suite: string, checks: Check[]): Promise<Gate> {
  const problems = (await Promise.all(checks)).filter((p): p is string => typeof p === 'string' && p !== '');
  const ready = problems.length === 0;
  const ci = isCI();
  const message = ready
    ? ''
    : `[${suite}] prerequisites missing:\n  - ${problems.join('\n  - ')}\n` +
      (ci ? 'CI is set: an end-to-end test never passes by skipping, so this fails.' : 'Skipped (under CI=true this is a failure).');
  if (!ready && !ci) process.stderr.write(`\n⚠ ${message}\n\n`);
  return {
    ready,
    problems,
    message,
    describe(name, fn) {
      if (ready) describe(name, fn);
      else if (ci)
        describe(name, () => {
          test('prerequisites are present', () => {
            throw new Error(message);
          });
        });
      else describe.skip(name, fn);
    },
    test(name, fn, timeoutMs) {
      if (ready) test(name, fn, timeoutMs);
      else if (ci)
        test(name, () => {
          throw new Error(message);
        });
      else test.skip(name, fn, timeoutMs);
    }
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise(resolve => {
    execFile(cmd, args, {timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024}, (err, stdout, stderr) => {
      const code = err ? (typeof (err as {code?: unknown}).code === 'number' ? (err as {code: number}).code : 127) : 0;
      resolve({code, stdout: String(stdout), stderr: String(stderr) || (err && code === 127 ? err.message : '')});
    });
  });
}

const lastLine = (r: Run) => (r.stderr || r.stdout).trim().split('\n').pop() || `exit ${r.code}`;

/** The docker daemon answers. (`docker version`, not `docker info --format`: that one exits 0 with an
 *  empty answer when the daemon is unreachable.) */
export async function dockerProblem(): Promise<string | undefined> {
  const r = await run('docker', ['version', '--format', '{{.Server.Version}}']);
  return r.code === 0 && r.stdout.trim() !== '' ? undefined : `docker is not reachable (\`docker version\`: ${lastLine(r)}): ${ENGINE_HINT}`;
}

/** The buildx plugin works. */
export async function buildxProblem(): Promise<string | undefined> {
  const r = await run('docker', ['buildx', 'version']);
  return r.code === 0 ? undefined : `\`docker buildx version\` failed (${lastLine(r)}): ${ENGINE_HINT}`;
}

/** The registry answers /v2/ — with these credentials when given (200), else anonymously (200 or 401). */
export function registryProblem(addr: string, credentials?: {user: string; password: string}): Promise<string | undefined> {
  return new Promise(resolve => {
    const headers: Record<string, string> = credentials ? {authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`} : {};
    const req = http.get(`http://${addr}/v2/`, {headers, timeout: 5_000}, res => {
      res.resume();
      const ok = credentials ? res.statusCode === 200 : res.statusCode === 200 || res.statusCode === 401;
      resolve(ok ? undefined : `the registry at http://${addr}/v2/ answers HTTP ${res.statusCode}${credentials ? ` with user ${credentials.user}` : ''}: ${ENGINE_HINT}`);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', e => resolve(`no registry answers at http://${addr}/v2/ (${e.message}): ${ENGINE_HINT}`));
  });
}

/** A local image (which cannot be pulled here) is in the engine's store; `script` makes it. */
export async function imageProblem(ref: string, script: string): Promise<string | undefined> {
  const r = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref]);
  return r.code === 0 ? undefined : `the image ${ref} is not in the engine's store (\`docker image inspect\`: ${lastLine(r)}): build it with \`bash ${script}\` (scripts/test.sh does, as root)`;
}

/** binfmt_misc has an enabled qemu-<name> entry for each name (aarch64, arm, riscv64, ...). */
export function binfmtProblem(names: string[]): string | undefined {
  const missing = names.filter(n => {
    try {
      return fs.readFileSync(`${BINFMT_DIR}/qemu-${n}`, 'utf8').split('\n')[0].trim() !== 'enabled';
    } catch {
      return true;
    }
  });
  return missing.length === 0 ? undefined : `QEMU is not registered (enabled) in ${BINFMT_DIR} for ${missing.join(', ')}: ${ENGINE_HINT}`;
}

/** The tests change global kernel state (binfmt_misc), which needs root. */
export function rootProblem(why: string): string | undefined {
  return process.getuid?.() === 0 ? undefined : `not running as root, which ${why}`;
}
