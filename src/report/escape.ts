/**
 * Every escape of an untrusted value (branch and tag names, labels, repository descriptions, file paths,
 * buildx's error messages) on its way into the job summary or the log. One place, so that a new cell or
 * line cannot forget it: a `|` would split a table row, a `<` open HTML, a backtick end a code span, a
 * newline end a table row or start a workflow command in the log.
 */

/**
 * Inline code, also safe inside a table cell. A backtick cannot be escaped inside a code span, so it
 * becomes `'`; GFM splits a table row at every unescaped `|`, even in code, so `|` is escaped; a code
 * span cannot hold a line break.
 */
export function code(s: string): string {
  return '`' + s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ') + '`';
}

/**
 * Plain text in markdown (a table cell, a list item, a bold line): characters that start markup or
 * HTML are backslash-escaped (CommonMark lets any ASCII punctuation be escaped), line breaks become
 * `<br>` so a cell stays on its row. A `_` inside a word (`pull_request`) starts no emphasis in GFM and
 * is left as written.
 */
export function text(s: string): string {
  return s
    .replace(/[\\`*[\]<>|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&')
    .replace(/\r?\n|\r/g, '<br>');
}

/** Text inside an HTML element of the summary (`<summary>`), where markdown is not read but HTML is. */
export function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n|\r/g, ' ');
}

/**
 * A fenced code block that the content cannot close: CommonMark ends a fence only at a run of
 * backticks at least as long as the opening one, so the fence is one longer than the longest run inside.
 */
export function codeBlock(lines: string[], info = ''): string[] {
  const longest = Math.max(2, ...lines.map(l => Math.max(0, ...(l.match(/`+/g) ?? []).map(run => run.length))));
  const fence = '`'.repeat(longest + 1);
  return [fence + info, ...lines, fence];
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
