/**
 * `{{...}}` expressions, evaluated with handlebars exactly as docker/metadata-action does
 * (`{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`, `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`,
 * `{{commit_date ...}}`, and the semver/pep440 pattern variables), including handlebars' HTML escaping.
 *
 * handlebars and dayjs are loaded only when some text holds `{{`: most pushes with the default tags never
 * need them, and cold start is part of what this action promises.
 */
import type HandlebarsNamespace from 'handlebars';
import type dayjsNamespace from 'dayjs';

type Handlebars = typeof HandlebarsNamespace;
type DayJs = typeof dayjsNamespace;

let hbs: Handlebars | undefined;
let dayjs: DayJs | undefined;

export function hasExpression(text: string): boolean {
  return text.includes('{{');
}

/**
 * The common shapes of expressions — `{{name}}` and `{{name 'str' key='str'}}` — are evaluated here with
 * handlebars' own semantics (own-property lookup, functions called as helpers, HTML escaping); anything
 * else (blocks, paths, sub-expressions, escapes, built-in helpers, ...) goes to handlebars itself, loaded
 * only then. A differential test holds the two to the same output.
 */
interface Mustache {
  start: number;
  end: number;
  name: string;
  params: string[];
  hash: Record<string, string>;
}
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing', 'else', 'this']);
const STRING = String.raw`(?:'[^'\\]*'|"[^"\\]*")`;
const MUSTACHE = new RegExp(String.raw`^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s+${STRING})*)((?:\s+[A-Za-z_][A-Za-z0-9_]*=${STRING})*)\s*$`);
const PARAM = new RegExp(STRING, 'g');
const HASH = new RegExp(String.raw`([A-Za-z_][A-Za-z0-9_]*)=(${STRING})`, 'g');
const unquote = (s: string) => s.slice(1, -1);

/** The mustaches of a template when every one is of the simple shape, else undefined. */
function simpleMustaches(template: string): Mustache[] | undefined {
  if (template.includes('\\{{') || template.includes('{{{')) return undefined;
  const out: Mustache[] = [];
  let at = 0;
  for (;;) {
    const open = template.indexOf('{{', at);
    if (open < 0) return out;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return undefined;
    const m = MUSTACHE.exec(template.slice(open + 2, close));
    if (!m || BUILTIN_HELPERS.has(m[1])) return undefined;
    const hash: Record<string, string> = {};
    for (const [, k, v] of m[3].matchAll(HASH)) hash[k] = unquote(v);
    out.push({start: open, end: close + 2, name: m[1], params: (m[2].match(PARAM) ?? []).map(unquote), hash});
    at = close + 2;
  }
}

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;'};
/** handlebars' escapeExpression. */
function escapeExpression(value: unknown): string {
  let s: string;
  if (typeof value !== 'string') {
    if (value == null) return '';
    if (!value) return String(value);
    s = '' + value;
  } else s = value;
  return /[&<>"'`=]/.test(s) ? s.replace(/[&<>"'`=]/g, c => ESCAPES[c]) : s;
}

/** Evaluates simple mustaches; undefined when handlebars must decide (e.g. a missing helper's error). */
function renderSimple(template: string, mustaches: Mustache[], context: object): string | undefined {
  let out = '';
  let at = 0;
  for (const m of mustaches) {
    const value = Object.prototype.hasOwnProperty.call(context, m.name) ? (context as Record<string, unknown>)[m.name] : undefined;
    let result: unknown;
    if (typeof value === 'function') {
      result = value.call(context, ...m.params, {name: m.name, hash: m.hash, data: {}});
    } else {
      if (m.params.length || Object.keys(m.hash).length) return undefined; // handlebars: "Missing helper"
      result = value;
    }
    out += template.slice(at, m.start) + escapeExpression(result);
    at = m.end;
  }
  return out + template.slice(at);
}

/** True when the text needs handlebars itself (not only the simple shapes). */
export function needsHandlebars(text: string): boolean {
  return hasExpression(text) && simpleMustaches(text) === undefined;
}

/** Loads what the texts need: dayjs for date helpers, handlebars for anything beyond the simple shapes. */
export async function prepareExpressions(texts: Iterable<string>): Promise<void> {
  const list = [...texts].filter(hasExpression);
  const loads: Promise<void>[] = [];
  if (!dayjs && list.some(t => /date/.test(t))) {
    loads.push(
      Promise.all([
        import('dayjs'),
        import('dayjs/plugin/utc.js'),
        import('dayjs/plugin/timezone.js'),
        import('dayjs/plugin/advancedFormat.js'),
        // moment's week and day-of-year tokens (W, WW, w, ww, GGGG, gggg, DDD, E): advancedFormat calls these
        import('dayjs/plugin/isoWeek.js'),
        import('dayjs/plugin/weekOfYear.js'),
        import('dayjs/plugin/weekYear.js'),
        import('dayjs/plugin/dayOfYear.js')
      ]).then(([d, ...plugins]) => {
        const dj = (d.default ?? d) as unknown as DayJs;
        for (const p of plugins) dj.extend((p.default ?? p) as unknown as dayjsNamespace.PluginFunc);
        dayjs = dj;
      })
    );
  }
  if (!hbs && list.some(needsHandlebars)) {
    loads.push(
      import('handlebars/dist/handlebars.min.js').then(h => {
        hbs = (h.default ?? h) as unknown as Handlebars;
      })
    );
  }
  await Promise.all(loads);
}

function engine(): Handlebars {
  if (!hbs) throw new Error('internal: the expression engine was not prepared');
  return hbs;
}

/** Renders a template against a context exactly as handlebars would; text without `{{` is returned as it is. */
export function render(template: string, context: object): string {
  if (!hasExpression(template)) return template;
  const simple = simpleMustaches(template);
  const out = simple && renderSimple(template, simple, context);
  return out ?? engine().compile(template)(context);
}

/** True when a pattern is exactly one `{{raw}}` mustache (metadata-action keeps such pre-release tags unchanged). */
export function isRawStatement(pattern: string): boolean {
  if (!hasExpression(pattern)) return false;
  const simple = simpleMustaches(pattern);
  if (simple) return simple.length === 1 && simple[0].start === 0 && simple[0].end === pattern.length && simple[0].name === 'raw';
  try {
    const program = engine().parseWithoutProcessing(pattern);
    const [only] = program.body;
    if (program.body.length === 1 && only.type === 'MustacheStatement') {
      const parts = (only as unknown as {path: {parts?: string[]}}).path.parts ?? [];
      return parts.length === 1 && parts[0] === 'raw';
    }
  } catch {
    return false;
  }
  return false;
}

interface HelperOptions {
  hash: Record<string, unknown>;
}

/** A `{{date}}`-style helper: moment-compatible format string, `tz=` option, UTC by default. */
function dateHelper(date: Date, defaultTz: string) {
  return function (format: unknown, options?: HelperOptions): string {
    if (options === undefined) {
      // `{{date}}` with no argument: handlebars passes its options object first
      options = format as HelperOptions;
      format = undefined;
    }
    let tz = defaultTz;
    for (const key of Object.keys(options?.hash ?? {})) {
      if (key !== 'tz') throw new Error(`Unknown ${key} attribute`);
      tz = String(options!.hash[key]);
    }
    return withKnownLocalZone(() => {
      const dj = dayjs!;
      const d = tz === 'UTC' ? dj.utc(date) : dj(date).tz(tz);
      if (typeof format !== 'string') {
        // moment's default format, which metadata-action shows for an unquoted format
        return d.format(tz === 'UTC' ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
      }
      return d.format(momentTokens(format, d, date));
    });
  };
}

/**
 * dayjs checks a date with `Date#toString()`, which in local time makes V8 work out the machine's time
 * zone first (~10 ms of a cold start). Nothing here uses local time, so while formatting, the local zone
 * is UTC; the environment is left as it was (child processes never see the change).
 */
function withKnownLocalZone<T>(fn: () => T): T {
  if (process.env['TZ'] !== undefined) return fn();
  process.env['TZ'] = 'UTC';
  try {
    return fn();
  } finally {
    delete process.env['TZ'];
  }
}

/**
 * metadata-action formats with moment. The moment tokens dayjs' format lacks (DDD, DDDD, E, e) or gets
 * wrong in another time zone (X, x: an instant does not depend on the zone) become literals first;
 * `[...]` escapes are kept as they are.
 */
function momentTokens(format: string, d: dayjsNamespace.Dayjs, date: Date): string {
  return format.replace(/\[[^\]]*]|DDDD|DDD|X|x|E|e/g, token => {
    switch (token) {
      case 'DDDD':
        return `[${String(d.dayOfYear()).padStart(3, '0')}]`;
      case 'DDD':
        return `[${d.dayOfYear()}]`;
      case 'E':
        return `[${d.isoWeekday()}]`;
      case 'e':
        return `[${d.day()}]`; // the English locale's week starts on Sunday, as moment's default
      case 'X':
        return `[${Math.floor(date.getTime() / 1000)}]`;
      case 'x':
        return `[${date.getTime()}]`;
      default:
        return token;
    }
  });
}

/** What the global expressions read from the GitHub context. */
export interface ExpressionContext {
  ref: string;
  sha: string;
  shortSha: string;
  eventName: string;
  payload: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  now: Date;
  commitDate: Date;
}

/** The variables and helpers of every expression (labels, values, prefixes, ...). */
export function globalScope(ctx: ExpressionContext, defaultTz = 'UTC'): Record<string, unknown> {
  const isDefaultBranch = (): boolean => {
    const branch = ctx.ref.replace(/^refs\/heads\//g, '');
    if (!branch) return false;
    if (ctx.payload?.repository?.default_branch == branch) return true;
    // these events always run on the last commit of the default branch
    return /create|discussion|issues|schedule/.test(ctx.eventName);
  };
  return {
    branch: () => (/^refs\/heads\//.test(ctx.ref) ? ctx.ref.replace(/^refs\/heads\//g, '') : ''),
    tag: () => (/^refs\/tags\//.test(ctx.ref) ? ctx.ref.replace(/^refs\/tags\//g, '') : ''),
    sha: () => ctx.shortSha,
    base_ref: () => {
      if (/^refs\/tags\//.test(ctx.ref) && ctx.payload?.base_ref != undefined) return String(ctx.payload.base_ref).replace(/^refs\/heads\//g, '');
      if (/^refs\/pull\//.test(ctx.ref) && ctx.payload?.pull_request?.base?.ref != undefined) return String(ctx.payload.pull_request.base.ref);
      return '';
    },
    is_default_branch: () => String(isDefaultBranch()),
    is_not_default_branch: () => String(!isDefaultBranch()),
    date: dateHelper(ctx.now, defaultTz),
    commit_date: dateHelper(ctx.commitDate, defaultTz)
  };
}

/** Only the date helpers: what a `type=schedule` pattern sees. */
export function scheduleScope(ctx: ExpressionContext, defaultTz = 'UTC'): Record<string, unknown> {
  return {date: dateHelper(ctx.now, defaultTz), commit_date: dateHelper(ctx.commitDate, defaultTz)};
}
