/** The post step: undoes what main set up (logins, builder, credentials directory), even after a failure. */
import * as runner from './runner.js';

export async function runPost(): Promise<void> {
  const {cleanup} = await import('../engine/cleanup.js');
  await cleanup(runner.getState);
}
