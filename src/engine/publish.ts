import type {Prepared} from '../modes/prepare.js';
export async function publish(_p: Prepared, _env: NodeJS.ProcessEnv): Promise<void> {
  throw new Error('Publishing is not available yet: run with dry-run: true.');
}
