/**
 * @actions/core, the parts a run needs at start-up. core's index imports its OIDC client, and with it
 * @actions/http-client and undici, eagerly: about 140 ms of every cold start on the benchmark machine
 * (`bench/dry-run.mjs`), for an ID token only signing will ask for. So the runner protocol comes from
 * core's own modules (workflow commands, file commands, the job summary) and the few one-line wrappers
 * core's index puts around them are restated here with core's semantics; `idToken` loads the whole of
 * @actions/core when it is first called. core's package exports only its index, hence the file paths.
 */
import {EOL} from 'node:os';
import {issue, issueCommand} from '../../node_modules/@actions/core/lib/command.js';
import {issueFileCommand, prepareKeyValueMessage} from '../../node_modules/@actions/core/lib/file-command.js';
import {toCommandProperties, toCommandValue} from '../../node_modules/@actions/core/lib/utils.js';
import type {AnnotationProperties} from '../../node_modules/@actions/core/lib/core.js';

export {summary} from '../../node_modules/@actions/core/lib/summary.js';
export type {AnnotationProperties};

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message);
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup');
}

export function setOutput(name: string, value: string): void {
  if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', {name}, toCommandValue(value));
}

export function saveState(name: string, value: string): void {
  if (process.env['GITHUB_STATE']) return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  issueCommand('save-state', {name}, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = toCommandValue(value);
  if (process.env['GITHUB_ENV']) return issueFileCommand('ENV', prepareKeyValueMessage(name, value));
  issueCommand('set-env', {name}, toCommandValue(value));
}

/** core.addPath: the directory first on PATH for this process and, through GITHUB_PATH, the job's later steps. */
export function addPath(dir: string): void {
  if (process.env['GITHUB_PATH']) issueFileCommand('PATH', dir);
  else issueCommand('add-path', {}, dir);
  process.env['PATH'] = `${dir}${process.platform === 'win32' ? ';' : ':'}${process.env['PATH'] ?? ''}`;
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function isDebug(): boolean {
  return process.env['RUNNER_DEBUG'] === '1';
}

/** The workflow's OIDC token (keyless signing), through the whole of @actions/core, loaded on first use. */
export async function idToken(audience?: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}
