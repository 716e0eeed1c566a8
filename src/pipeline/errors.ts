/** Failures that end a run with a precise message, before or after side effects. */
export class PolicyRefusal extends Error {
  constructor(readonly violations: string[]) {
    super(`The tag policy refuses this release (${violations.length} violation${violations.length === 1 ? '' : 's'}); nothing was built or pushed.`);
    this.name = 'PolicyRefusal';
  }
}
