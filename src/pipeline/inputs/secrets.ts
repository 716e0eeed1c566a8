/**
 * The build secrets, as docker/build-push-action reads them: `secrets` (`id=value`, a value over several
 * lines quoted as one CSV field: `"id=line one` ... `last line"`), `secret-files` (`id=path`) and
 * `secret-envs` (`id=ENV_NAME`). Records are read with csv-parse as build-push-action does (relaxed
 * quotes, one record per secret, its fields joined back with commas; `secret-envs` also takes several
 * on a line). Errors name the input, the line and the id at most: never a value.
 */
import {realpathSync, statSync} from 'node:fs';
import {isAbsolute, relative, resolve, sep} from 'node:path';
import {parse} from 'csv-parse/sync';
import {InputError} from './errors.js';
import type {Env} from '../../action/runner.js';

export type SecretInput = 'secrets' | 'secret-files' | 'secret-envs';

interface SecretBase {
  id: string;
  /** Where it was written: input and (first) line, for messages. */
  input: SecretInput;
  line: number;
}

export type BuildSecret =
  | (SecretBase & {source: 'value'; value: string})
  /** `path`: the file itself (symlinks resolved), absolute. */
  | (SecretBase & {source: 'file'; path: string})
  /** `value`: the variable's value, for masking only (bake reads the variable itself). */
  | (SecretBase & {source: 'env'; env: string; value: string});

export interface ParsedSecrets {
  secrets: BuildSecret[];
  warnings: string[];
  errors: InputError[];
}

/** Below this, masking a value would turn common text of the log into `***`. */
export const SHORT_SECRET = 4;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID_RULE = 'the id made of letters, digits, ".", "_" and "-"';

interface Entry {
  line: number;
  text: string;
}

/** The first line after `after` that holds something (csv-parse skips blank lines and `#` comments). */
function firstContentLine(lines: string[], after: number): number {
  for (let i = after; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t !== '' && !t.startsWith('#')) return i + 1;
  }
  return after + 1;
}

/**
 * The entries of one input, each with the line it starts on. `splitCommas`: every field of a record is
 * an entry of its own (secret-envs); otherwise a record is one entry, its fields joined back.
 */
export function secretEntries(input: SecretInput, text: string | undefined, splitCommas: boolean, errors: InputError[]): Entry[] {
  if (!text || !text.trim()) return [];
  const lines = text.split(/\r\n|\n|\r/);
  const out: Entry[] = [];
  let end = 0;
  const starts: number[] = [];
  try {
    const records = parse(text, {
      columns: false,
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      comment: '#',
      comment_no_infix: true,
      // where the last whole record ended: an unclosed quote opened on the first line after it
      on_record: (record: string[], context: {lines: number}) => {
        starts.push(firstContentLine(lines, end));
        end = context.lines;
        return record;
      }
    });
    records.forEach((record, n) => {
      const line = starts[n];
      const entries = splitCommas ? record : [record.join(',')];
      for (const e of entries.map(x => x.trim()).filter(Boolean)) out.push({line, text: e});
    });
  } catch (e) {
    // csv-parse's messages may quote characters of the text: its code and a line number only
    const code = (e as {code?: string}).code ?? '';
    const at = (e as {lines?: number}).lines;
    const detail = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is not closed (a value over several lines is written "id=line one ... last line", the quotes around the whole entry)' : `cannot be read as CSV (${code || 'parse error'})`;
    const start = firstContentLine(lines, end);
    errors.push(new InputError(input, detail, code === 'CSV_QUOTE_NOT_CLOSED' ? start : (at ?? start), '***'));
    return [];
  }
  return out;
}

function splitEntry(text: string): {id: string; value: string} | undefined {
  const i = text.indexOf('=');
  if (i <= 0) return undefined;
  const id = text.slice(0, i);
  return ID.test(id) ? {id, value: text.slice(i + 1)} : undefined;
}

/** Some place a fork's pull request writes (the workspace) must not lead, by a symlink, to one it does not. */
function inside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** Checks a secret file and returns its real path; throws a message without the file's content. */
export function resolveSecretFile(path: string, workspace: string): string {
  if (/[\0-\x1f\x7f]/.test(path)) throw new Error('the path holds a control character');
  const given = resolve(workspace, path);
  let real: string;
  try {
    real = realpathSync(given);
  } catch {
    throw new Error(`the file ${path} does not exist (in ${workspace})`);
  }
  if (!statSync(real).isFile()) throw new Error(`${path} is not a regular file`);
  if (/^\/(proc|sys|dev)(\/|$)/.test(real)) throw new Error(`${path} leads to ${real}, a file of the system, not a secret file`);
  // a file the checkout holds may be a symlink put there by a pull request: it must stay in the checkout
  const ws = (() => {
    try {
      return realpathSync(workspace);
    } catch {
      return resolve(workspace);
    }
  })();
  // `given` is resolved lexically (`conf/../x` is `x`, whatever `conf` is), so it decides which files of the checkout count
  if ((inside(given, resolve(workspace)) || inside(given, ws)) && !inside(real, ws)) {
    throw new Error(`${path} is in the workspace but leads (through a symlink) outside it`);
  }
  return real;
}

export interface SecretsRaw {
  secrets?: string;
  files?: string;
  envs?: string;
}

/**
 * The three inputs -> the build secrets. `env`: where secret-envs are looked up (the step's environment,
 * which every docker process of the action inherits); `workspace`: what relative secret-files are
 * relative to (GITHUB_WORKSPACE).
 */
export function parseSecrets(raw: SecretsRaw, env: Env, workspace: string): ParsedSecrets {
  const errors: InputError[] = [];
  const warnings: string[] = [];
  const secrets: BuildSecret[] = [];
  const seen = new Map<string, BuildSecret>();

  const add = (s: BuildSecret, shortCheck?: string) => {
    const first = seen.get(s.id);
    if (first) {
      errors.push(new InputError(s.input, `the secret id "${s.id}" is already given (${first.input}, line ${first.line}); each id once across secrets, secret-files and secret-envs`, s.line));
      return;
    }
    seen.set(s.id, s);
    secrets.push(s);
    if (shortCheck !== undefined && shortCheck.length < SHORT_SECRET) {
      warnings.push(`Input "${s.input}", line ${s.line}: the value of secret "${s.id}" is shorter than ${SHORT_SECRET} characters; it is used, and masked, but masking it turns every occurrence of those characters in the log into *** (is it the value you meant?)`);
    }
  };

  for (const {line, text} of secretEntries('secrets', raw.secrets, false, errors)) {
    const e = splitEntry(text);
    // the line holds a secret: errors quote its id at most
    if (!e) {
      const hint = text.includes('\n') || !text.includes('=') ? ' (a value over several lines is quoted as a whole: "id=line one ... last line")' : '';
      errors.push(new InputError('secrets', `a secret is written id=value, ${ID_RULE} (the value is never shown)${hint}`, line, '***'));
      continue;
    }
    add({source: 'value', id: e.id, input: 'secrets', line, value: e.value}, e.value);
  }

  for (const {line, text} of secretEntries('secret-files', raw.files, false, errors)) {
    const e = splitEntry(text);
    if (!e || !e.value) {
      errors.push(new InputError('secret-files', `a secret file is written id=path, ${ID_RULE}`, line, text));
      continue;
    }
    try {
      add({source: 'file', id: e.id, input: 'secret-files', line, path: resolveSecretFile(e.value, workspace)});
    } catch (err) {
      errors.push(new InputError('secret-files', `secret "${e.id}": ${(err as Error).message}`, line));
    }
  }

  for (const {line, text} of secretEntries('secret-envs', raw.envs, true, errors)) {
    const e = splitEntry(text);
    if (!e || !ENV_NAME.test(e.value)) {
      errors.push(new InputError('secret-envs', `a secret from the environment is written id=ENV_NAME, ${ID_RULE}, the variable's name letters, digits and "_"`, line, text));
      continue;
    }
    const value = env[e.value];
    if (value === undefined) {
      errors.push(new InputError('secret-envs', `secret "${e.id}": the environment variable ${e.value} is not set (set it in the step's env:)`, line));
      continue;
    }
    add({source: 'env', id: e.id, input: 'secret-envs', line, env: e.value, value}, value);
  }
  return {secrets, warnings, errors};
}

/**
 * What to mask for the secrets: every value, and each line of a value over several lines (a build that
 * prints the secret prints it a line at a time). Lines shorter than SHORT_SECRET are not masked alone.
 */
export function secretValues(secrets: readonly BuildSecret[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    if (s.source === 'file' || s.value === '') continue;
    out.add(s.value);
    for (const l of s.value.split(/\r\n|\n|\r/)) if (l.trim().length >= SHORT_SECRET) out.add(l.trim());
  }
  return [...out];
}

/** A field of a buildx CSV attribute list, quoted when it holds a comma, a quote or a newline. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The bake `secret` entry of a file or env secret (value secrets are written to a file first). */
export function bakeSecretEntry(s: BuildSecret, valueFile?: string): string {
  switch (s.source) {
    case 'value':
      return `id=${s.id},${csvField(`src=${valueFile ?? ''}`)}`;
    case 'file':
      return `id=${s.id},type=file,${csvField(`src=${s.path}`)}`;
    case 'env':
      return `id=${s.id},type=env,env=${s.env}`;
  }
}
