/**
 * An error in what the user wrote: it names the input and, where there is one, the line (1-based, as
 * counted in the input's text) and quotes it verbatim. Every such error is reported before any side effect.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly detail: string,
    readonly line?: number,
    readonly text?: string
  ) {
    const where = line !== undefined ? `Input "${input}", line ${line}` : `Input "${input}"`;
    super(`${where}: ${detail}${text !== undefined ? ` (in: ${text})` : ''}`);
    this.name = 'InputError';
  }
}

/** Several input errors at once: the user fixes them all in one go instead of one per run. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map(e => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}
