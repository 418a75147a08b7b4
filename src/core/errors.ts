// Two kinds of failure: the user's input (a friendly message, exit code 2) and ours (an apology
// with an error id the user can quote; the stack goes to the log only).
import { randomBytes } from 'node:crypto';

export class UserError extends Error {
  constructor(
    message: string,
    /** A line the user can try instead, e.g. an example command. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
