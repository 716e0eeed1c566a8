// Temporary git repositories for the tests of the git context and the CLI.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The committer date of every commit made here: 2024-06-28T14:30:22Z. */
export const COMMIT_DATE = '2024-06-28T14:30:22Z';

const gitEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: COMMIT_DATE,
  GIT_COMMITTER_DATE: COMMIT_DATE
});

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

const made: string[] = [];

/** A fresh temporary directory (removed by removeTempDirs). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A repository `<tmp>/<name>` on branch `main` (init.defaultBranch=main in its own config) with one commit
 * holding `files` (default: a Dockerfile).
 */
export function makeRepo(name = 'demo-app', files: Record<string, string> = {Dockerfile: 'FROM scratch\n'}): string {
  const dir = path.join(tempDir('mp-git-'), name);
  fs.mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'init.defaultBranch', 'main');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
}
