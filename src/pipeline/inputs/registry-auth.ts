/**
 * `registry-auth`: a YAML list of registry/username/password, as docker/login-action takes it. The text
 * holds passwords, so nothing of it is ever quoted: errors give a line and a column, the YAML library's own
 * messages and warnings (which carry an excerpt of the source) are dropped, and anchors, aliases and tags,
 * which only make a credential list harder to read and an error quote a value, are refused.
 */
import {InputError, InputErrors} from './errors.js';

export interface RegistryCredential {
  registry: string;
  username: string;
  password: string;
}

const INPUT = 'registry-auth';

function at(pos: {line: number; col: number} | undefined): string {
  return pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere';
}

/** What a YAML value is, never what it holds. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}

/** Parses `registry-auth`; every error names a line and column, none quotes the text. */
export async function parseRegistryAuth(text: string): Promise<RegistryCredential[]> {
  if (!text.trim()) return [];
  const {parseDocument, LineCounter, visit, isAlias, isNode, isMap, isSeq, isScalar, isPair} = await import('yaml');
  const lines = new LineCounter();
  // logLevel silent: the library never writes its warnings to the console (they quote the source)
  const doc = parseDocument(text, {lineCounter: lines, logLevel: 'silent', prettyErrors: false, uniqueKeys: true});
  const pos = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset));
  const errors: InputError[] = [];
  for (const e of doc.errors) {
    // the library's message quotes the line: only its code and position are kept
    errors.push(new InputError(INPUT, `not valid YAML at ${at(pos(e.pos[0]))} (${e.code.toLowerCase().replace(/_/g, ' ')})`));
  }
  if (errors.length) throw new InputErrors(errors);
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      errors.push(new InputError(INPUT, `an alias (*name) at ${at(pos(node.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; write each value out`));
    } else if (isNode(node)) {
      const n = node as {anchor?: string; tag?: string; range?: [number, number, number]};
      if (n.anchor) errors.push(new InputError(INPUT, `an anchor (&name) at ${at(pos(n.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; write each value out`));
      if (n.tag) errors.push(new InputError(INPUT, `a tag (!tag) at ${at(pos(n.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; quote the value instead`));
    }
  });
  if (errors.length) throw new InputErrors(errors);

  const root = doc.contents;
  const items = isSeq(root) ? root.items : undefined;
  if (!items) throw new InputError(INPUT, 'expected a YAML list of entries with registry, username and password');
  const out: RegistryCredential[] = [];
  items.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const loc = ` at ${at(pos(isNode(entry) ? entry.range?.[0] : undefined))}`;
    if (!isMap(entry)) {
      errors.push(new InputError(INPUT, `${where}${loc} is not a mapping of registry, username and password`));
      return;
    }
    const fields: Record<string, {value: unknown; line: string}> = {};
    const unknown: string[] = [];
    for (const pair of entry.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' || !['registry', 'username', 'password'].includes(key)) {
        // a key is not secret, but it may be a pasted password: only plain identifiers are named
        unknown.push(typeof key === 'string' && /^[A-Za-z_-]{1,32}$/.test(key) ? key : `(a key at ${at(pos(isNode(pair.key) ? pair.key.range?.[0] : undefined))})`);
        continue;
      }
      const v = pair.value;
      fields[key] = {value: isScalar(v) ? v.value : isNode(v) ? v.toJSON() : v, line: at(pos(isNode(v) ? v.range?.[0] : isNode(pair.key) ? pair.key.range?.[0] : undefined))};
    }
    if (unknown.length) errors.push(new InputError(INPUT, `${where}${loc} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (registry, username, password)`));
    const registry = fields['registry'] ? fields['registry'].value : 'docker.io';
    const username = fields['username']?.value;
    const password = fields['password']?.value;
    if (typeof registry !== 'string' || !registry) errors.push(new InputError(INPUT, `${where}${loc}: registry is ${typeof registry === 'string' ? 'empty' : `${kindOf(registry)}, not a string`}`));
    const named = typeof registry === 'string' && /^[A-Za-z0-9.:/_-]{1,255}$/.test(registry) ? ` (${registry})` : '';
    if (typeof username !== 'string' || !username) errors.push(new InputError(INPUT, `${where}${named}${loc} has ${fields['username'] === undefined ? 'no username' : typeof username === 'string' ? 'an empty username' : `a username that is ${kindOf(username)}, not a string (at ${fields['username'].line}; quote it)`}`));
    if (typeof password !== 'string' || !password) errors.push(new InputError(INPUT, `${where}${named}${loc} has ${fields['password'] === undefined ? 'no password' : typeof password === 'string' ? 'an empty password' : `a password that is ${kindOf(password)}, not a string (at ${fields['password'].line}; quote it)`}`));
    if (typeof username === 'string' && username && typeof password === 'string' && password && typeof registry === 'string' && registry) out.push({registry, username, password});
  });
  if (errors.length) throw new InputErrors(errors);
  return out;
}
