// Running a program from an end-to-end test: no shell, output captured, never throwing for a non-zero exit code.
import {execFile} from 'node:child_process';

export interface Exec {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell), never throwing for a non-zero exit code. */
export function exec(cmd: string, args: string[], opts: {env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number} = {}): Promise<Exec> {
  return new Promise(resolve => {
    const child = execFile(cmd, args, {env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024}, (err, stdout, stderr) => {
      const code = err ? (typeof (err as {code?: unknown}).code === 'number' ? (err as {code: number}).code : 127) : 0;
      resolve({code, stdout: String(stdout), stderr: String(stderr) || (err && code === 127 ? err.message : '')});
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
