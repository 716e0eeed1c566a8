#!/usr/bin/env node
/**
 * Entry point of the bundle, for the runner's `main` and `post` steps and for the terminal
 * (`node dist/index.js plan|build|publish`, the package's `multiarch-publish` bin). Thin: it picks the
 * mode and turns failures into clear errors. The runner passes no arguments; any argument means the CLI.
 */
import * as runner from './action/runner.js';
import {InputErrors, InputError} from './pipeline/inputs/errors.js';
import {PolicyRefusal} from './pipeline/errors.js';
import {cancellation} from './engine/cancel.js';

async function entry(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length) {
    const {runCli} = await import('./action/cli.js');
    // `--plan` anywhere is the older spelling of the plan command
    process.exitCode = await runCli(args.includes('--plan') ? ['plan', ...args.filter(a => a !== '--plan' && a !== 'plan')] : args);
    return;
  }
  if (runner.getState('isPost') === 'true') {
    const {runPost} = await import('./action/post.js');
    await runPost();
    return;
  }
  // a cancelled run stops its build but lets a tag phase finish (engine/cancel.ts); the post step still cleans up
  cancellation.listen();
  try {
    const unwritable = runner.unwritableRunnerFiles(['GITHUB_STATE']);
    if (unwritable.length) throw new Error(`${unwritable[0]} Nothing was logged in to, built or pushed.`);
    runner.saveState('isPost', 'true');
    const {runMain} = await import('./action/run-main.js');
    await runMain();
  } catch (e) {
    fail(e);
  }
}

export function fail(e: unknown): void {
  if (e instanceof InputErrors || e instanceof InputError) {
    const errors = e instanceof InputErrors ? e.errors : [e];
    for (const err of errors) runner.error(err.message, {title: `Invalid input: ${err.input}`});
    runner.setFailed(`${errors.length} input error${errors.length === 1 ? '' : 's'}: nothing was logged in to, built or pushed.`);
  } else if (e instanceof PolicyRefusal) {
    for (const v of e.violations) runner.error(v, {title: 'Tag policy'});
    runner.setFailed(e.message);
  } else {
    runner.setFailed(e instanceof Error ? e.message : String(e));
    if (e instanceof Error && e.stack) runner.debug(e.stack);
  }
}

await entry();
