// JSON Lines framing for scripted use: exactly one reply per input line, always. A line ends at
// "\n" (a "\r" before it is dropped); a bare "\r" does not end a line. A blank line — empty or only
// whitespace, including no-break, ideographic and zero-width spaces, BOMs and U+2028 — is
// answered with a user error rather than skipped, so a script can pair replies with lines by count.
import type { Outcome, Status } from '../../core/dispatch.ts';

export function exitCode(status: Status): number {
  return status === 'ok' ? 0 : status === 'user-error' ? 2 : 1;
}

/** \s covers NBSP, U+3000, U+2028/2029 and U+FEFF; the zero-width characters are added. */
const BLANK = /^[\s\u180e\u200b-\u200d\u2060]*$/u;

export function isBlankLine(line: string): boolean {
  return BLANK.test(line);
}

export function blankLineOutcome(): Outcome {
  return { status: 'user-error', reply: { text: '⚠️ That line is empty. Type a command, for example `/help`.', ephemeral: true } };
}

/** The lines of a byte or text stream, UTF-8 decoded across chunk boundaries. */
export async function* readLines(input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  const cut = function* (final: boolean) {
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
    if (final && pending !== '') yield pending.replace(/\r$/, '');
  };
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* cut(false);
  }
  pending += decoder.decode();
  yield* cut(true);
}

export interface Answer {
  json: object;
  status: Status;
}

export interface LineAnswerer {
  /** A non-blank line, trimmed. */
  run(line: string): Promise<Answer>;
  /** The JSON of an outcome that did not come from run() (a blank line). */
  show(outcome: Outcome): Answer;
}

/** One JSON object per input line on `write`; returns the worst exit code seen (1 beats 2 beats 0). */
export async function serveJsonLines(input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, write: (text: string) => void, answerer: LineAnswerer): Promise<number> {
  let worst = 0;
  for await (const line of readLines(input)) {
    const answer = isBlankLine(line) ? answerer.show(blankLineOutcome()) : await answerer.run(line.trim());
    write(`${JSON.stringify({ ...answer.json, status: answer.status })}\n`);
    const code = exitCode(answer.status);
    worst = worst === 1 || code === 1 ? 1 : Math.max(worst, code);
  }
  return worst;
}
