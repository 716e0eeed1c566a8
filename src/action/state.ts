/** What main leaves for the post step to undo: one place for the state's names. */
import * as runner from './runner.js';

export const STATE = {
  dockerConfig: 'dockerConfig',
  buildxConfig: 'buildxConfig',
  logins: 'logins',
  builder: 'builder',
  secretsDir: 'secretsDir'
} as const;

export function remember(name: (typeof STATE)[keyof typeof STATE], value: string): void {
  runner.saveState(name, value);
}
