// Reads a step's stdout as GitHub's runner does (ActionCommandManager): lines end at LF and at a bare
// CR; a line whose text (leading blanks trimmed) starts `::name props::data` is a command, and so is a
// `##[name props]data` anywhere in a line (the legacy form); between `::stop-commands::TOKEN` and
// `::TOKEN::` nothing is a command but that closing line. Node built-ins only.

export interface WorkflowCommand {
  name: string;
  properties: string;
  data: string;
  line: string;
}

export interface ParsedLog {
  /** Commands the runner would act on (stop-commands and its closing token excluded). */
  commands: WorkflowCommand[];
  /** Lines the runner shows as text, each with whether it was inside a stop-commands region. */
  lines: {text: string; inRegion: boolean}[];
  /** Regions left open at the end of the log. */
  open: string | undefined;
}

function parseLine(line: string): WorkflowCommand | undefined {
  const t = line.trimStart();
  const v2 = /^::([^\s:]+)( [^:]*)?::(.*)$/s.exec(t);
  if (v2) return {name: v2[1], properties: (v2[2] ?? '').trim(), data: v2[3], line};
  const i = line.indexOf('##[');
  if (i >= 0) {
    const rest = line.slice(i + 3);
    const end = rest.indexOf(']');
    if (end > 0) {
      const [name, ...props] = rest.slice(0, end).split(' ');
      return {name, properties: props.join(' '), data: rest.slice(end + 1), line};
    }
  }
  return undefined;
}

export function parseRunnerLog(stdout: string): ParsedLog {
  const out: ParsedLog = {commands: [], lines: [], open: undefined};
  let stopToken: string | undefined;
  for (const line of stdout.replace(/\r\n/g, '\n').split(/\n|\r/)) {
    const cmd = parseLine(line);
    if (stopToken !== undefined) {
      if (cmd && cmd.name === stopToken && /^::/.test(line.trimStart())) stopToken = undefined;
      else out.lines.push({text: line, inRegion: true});
      continue;
    }
    if (cmd?.name === 'stop-commands') {
      stopToken = cmd.data;
      continue;
    }
    if (cmd) out.commands.push(cmd);
    else out.lines.push({text: line, inRegion: false});
  }
  out.open = stopToken;
  return out;
}
