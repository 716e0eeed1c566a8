/**
 * Every escape of an untrusted value (branch and tag names, labels, repository descriptions, file paths,
 * buildx's error messages) on its way into the job summary or the log. One place, so that a new cell or
 * line cannot forget it: a `|` would split a table row, a `<` open HTML, a backtick end a code span, a
 * newline end a table row or start a workflow command in the log.
 */

/** The longest run of backticks in `s` (0 when there is none). */
function longestBacktickRun(s: string): number {
  return Math.max(0, ...(s.match(/`+/g) ?? []).map(run => run.length));
}

/**
 * Inline code that the value cannot close, also safe inside a table cell: CommonMark ends a code span
 * only at a backtick run as long as the opening one, so the delimiter is one backtick longer than the
 * longest run inside (padded with a space when the value starts or ends with a backtick or a space,
 * which CommonMark strips again). A code span cannot hold a line break (CR, LF: a space), and GFM
 * splits a table row at every `|` not escaped by an odd run of backslashes, even in code, so the run
 * before each `|` is made odd (`|` -> `\|`, which the table reads as `|`; outside a table the backslash
 * shows). Inside a code span nothing else is markup or HTML.
 */
export function code(s: string): string {
  const value = s.replace(/\r\n|\r|\n/g, ' ').replace(/(\\*)\|/g, (_, run: string) => `${run}${run.length % 2 ? '\\\\' : '\\'}|`);
  const fence = '`'.repeat(longestBacktickRun(value) + 1);
  const pad = /^[` ]|[` ]$/.test(value) && value.trim() !== '' ? ' ' : '';
  return fence + pad + value + pad + fence;
}

/**
 * Plain text in markdown (a table cell, a list item, a bold line): every character that can start
 * markup, HTML, an entity, a link or an autolink is backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped, and renders it as the character): `\` `` ` `` `*` `~` `[` `]` `<` `>` `|`
 * `&` `!` `$` (math), `#` (headings, issue references), `@` (mentions, e-mail autolinks), a `_` that
 * is not inside a word (GFM reads no emphasis in `pull_request`), and the autolink triggers: the `:` of
 * `://`, `mailto:` and `xmpp:`, and the `.` of `www.`. A value that starts with what opens a
 * block (`-`, `+`, `=`, `1.`, indentation) cannot open one either: leading blanks are dropped (HTML
 * collapses them anyway) and a leading marker is escaped. Line breaks become `<br>` so a cell stays
 * on its row and a list item stays one item.
 */
export function text(s: string): string {
  return s
    .replace(/^[ \t]+/, '')
    .replace(/[\\`*[\]<>|~&!$#@]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/:(?=\/\/)|(?<=\b(?:mailto|xmpp)):/gi, '\\:')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Text inside an HTML element of the summary (`<summary>`), where markdown is not read but HTML is. */
export function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n|\r/g, ' ');
}

/**
 * A fenced code block that the content cannot close: CommonMark ends a fence only at a run of
 * backticks at least as long as the opening one, so the fence is one longer than the longest run inside
 * (counted over the lines as the renderer splits them: at LF, CRLF and a bare CR).
 */
export function codeBlock(lines: string[], info = ''): string[] {
  // a bare CR is a line ending to CommonMark: the content's lines are split at it too
  const content = lines.flatMap(l => l.split(/\r\n|\r|\n/));
  const fence = '`'.repeat(Math.max(2, ...content.map(longestBacktickRun)) + 1);
  return [fence + info.replace(/[`\r\n]/g, ''), ...content, fence];
}

/**
 * One value in the printed plan (the log, the terminal): a line break inside a value would start a line
 * of its own, which the runner could read as a workflow command (`::set-output`), so it is shown as `\n`.
 */
export function logValue(s: string): string {
  return s.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/**
 * Text from docker, buildx or BuildKit (a fork's Dockerfile controls `RUN` output) on its way to the
 * runner's log, where a line starting `::` or holding `##[` anywhere is a workflow command. The text goes
 * between `::stop-commands::<token>` and `::<token>::`, inside which the runner acts on nothing but the
 * closing token; the token is fresh per region and random, so the output can neither guess nor contain
 * it (`token` is redrawn by the caller while the text holds it). A CR not followed by LF ends a line for
 * the runner, so it becomes a line break here: every line the runner sees is inside the region.
 */
export function commandRegion(text: string, token: string): string {
  const body = text.replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(/\n$/, '');
  return `::stop-commands::${token}\n${body}\n::${token}::\n`;
}
