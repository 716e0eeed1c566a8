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

/** Loads the expression engine when any of the texts needs it. Idempotent. */
export async function prepareExpressions(texts: Iterable<string>): Promise<void> {
  if (hbs) return;
  for (const t of texts) {
    if (hasExpression(t)) {
      const [h, d, utc, tz, adv] = await Promise.all([
        import('handlebars/dist/handlebars.min.js'),
        import('dayjs'),
        import('dayjs/plugin/utc.js'),
        import('dayjs/plugin/timezone.js'),
        import('dayjs/plugin/advancedFormat.js')
      ]);
      const dj = (d.default ?? d) as unknown as DayJs;
      for (const p of [utc, tz, adv]) dj.extend((p.default ?? p) as unknown as dayjsNamespace.PluginFunc);
      dayjs = dj;
      hbs = (h.default ?? h) as unknown as Handlebars;
      return;
    }
  }
}

function engine(): Handlebars {
  if (!hbs) throw new Error('internal: the expression engine was not prepared');
  return hbs;
}

/** Renders a handlebars template against a context; text without `{{` is returned as it is. */
export function render(template: string, context: object): string {
  if (!hasExpression(template)) return template;
  return engine().compile(template)(context);
}

/** True when a pattern is exactly `{{raw}}` (metadata-action keeps such pre-release tags unchanged). */
export function isRawStatement(pattern: string): boolean {
  if (!hasExpression(pattern)) return false;
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
    const dj = dayjs!;
    const d = tz === 'UTC' ? dj.utc(date) : dj(date).tz(tz);
    if (typeof format !== 'string') {
      // moment's default format, which metadata-action shows for an unquoted format
      return d.format(tz === 'UTC' ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
    }
    return d.format(format);
  };
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
