/** What main leaves for the post step to undo: one place for the state's names. */
import * as runner from './runner.js';

export const STATE = {
  dockerConfig: 'dockerConfig',
  buildxConfig: 'buildxConfig',
  logins: 'logins',
  builder: 'builder',
  secretsDir: 'secretsDir',
  /** The run's work directory (bake file, its metadata, OCI layouts): RUNNER_TEMP/multiarch-publish-XXXXXX. */
  workDir: 'workDir',
  /** The metadata-action-compatible bake files (the `bake-file*` outputs): RUNNER_TEMP/multiarch-publish-bake-XXXXXX. */
  bakeFilesDir: 'bakeFilesDir'
} as const;

export type StateKey = (typeof STATE)[keyof typeof STATE];

/** Where the engine notes what it set up: the runner's state in the action, a local map elsewhere. */
export type Recorder = (name: StateKey, value: string) => void;

export function remember(name: StateKey, value: string): void {
  runner.saveState(name, value);
}

export function recall(name: StateKey): string {
  return runner.getState(name);
}
