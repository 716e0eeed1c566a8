/**
 * The post step: undoes what main set up (logins, builder, credentials directory), even after a failure.
 * Whatever goes wrong here is a warning: the post step never fails a job whose main step succeeded.
 */
import * as runner from './runner.js';
import {recall} from './state.js';

export async function runPost(): Promise<void> {
  try {
    const {cleanup} = await import('../engine/cleanup.js');
    await cleanup(recall);
  } catch (e) {
    runner.warning(`Cleaning up failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
