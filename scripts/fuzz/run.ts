// The fuzz harness: generated lines go through the console's JSON Lines path (the framing of
// `nn-tutor --json`, in-process) and forged button ids through the dispatcher; every reply is
// checked (check.ts). Quizzes use their own store and a clock that never moves, so no timer
// fires during or after a run.
import { commands } from '../../commands/index.ts';
import { plainStyle, toJsonReply } from '../../src/adapters/console/format.ts';
import { serveJsonLines } from '../../src/adapters/console/lines.ts';
import { ConsoleSession } from '../../src/adapters/console/session.ts';
import { personalRunner } from '../../src/adapters/start.ts';
import { dispatchButton, type Status } from '../../src/core/dispatch.ts';
import { Rng } from '../../src/core/random.ts';
import { Registry } from '../../src/core/registry.ts';
import type { Reply } from '../../src/core/reply.ts';
import { FakeClock, QuizService, setQuizService, stopQuizService } from '../../src/quiz/index.ts';
import type { QuizStore } from '../../src/store/types.ts';
import { checkReply, type Problem } from './check.ts';
import { forgedButtonId, fuzzLine } from './generate.ts';

export interface FuzzOptions {
  lines: number;
  /** Forged button ids sent straight to the dispatcher. */
  buttons: number;
  seed: number;
  outDir: string;
  store: QuizStore;
  /** Called every 1,000 inputs. */
  progress?: (done: number) => void;
}

export interface Finding {
  problem: Problem;
  input: string;
  reply: string;
}

export interface FuzzReport {
  lines: number;
  replies: number;
  buttons: number;
  statuses: Record<Status, number>;
  problems: Partial<Record<Problem, number>>;
  /** The shortest input for each problem. */
  examples: Finding[];
  ms: number;
}

function shortExample(input: string, reply: Reply): Finding['reply'] {
  return JSON.stringify([reply.title, reply.text].filter(Boolean).join(' | ').slice(0, 300));
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const registry = new Registry(commands);
  const rng = new Rng(opts.seed);
  setQuizService(new QuizService(opts.store, new FakeClock()));
  const report: FuzzReport = { lines: opts.lines, replies: 0, buttons: opts.buttons, statuses: { ok: 0, 'user-error': 0, 'internal-error': 0 }, problems: {}, examples: [], ms: 0 };
  const shortest = new Map<Problem, Finding>();
  const record = (input: string, reply: Reply, status: Status) => {
    report.statuses[status]++;
    for (const problem of checkReply(reply, status)) {
      report.problems[problem] = (report.problems[problem] ?? 0) + 1;
      const seen = shortest.get(problem);
      if (!seen || input.length < seen.input.length) shortest.set(problem, { problem, input, reply: shortExample(input, reply) });
    }
  };

  const session = new ConsoleSession({ runner: personalRunner(registry), outDir: opts.outDir, style: plainStyle, print: () => {}, userName: 'fuzz' });
  const lines = Array.from({ length: opts.lines }, () => fuzzLine(rng, registry));
  // "\n" or "\r\n" between lines, and the input cut into byte chunks at random places (through
  // multi-byte characters), as a pipe delivers it.
  const bytes = Buffer.from(lines.map((l) => l + (rng.chance(0.2) ? '\r\n' : '\n')).join(''), 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + rng.int(4096);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  let n = 0;
  try {
    await serveJsonLines(chunks, () => void report.replies++, {
      run: async (line) => {
        const result = await session.run(line);
        record(lines[n] ?? line, result.outcome.reply, result.outcome.status);
        if (++n % 1000 === 0) opts.progress?.(n);
        return { json: result.json, status: result.outcome.status };
      },
      show: (outcome) => {
        record(lines[n] ?? '', outcome.reply, outcome.status);
        if (++n % 1000 === 0) opts.progress?.(n);
        return { json: toJsonReply(outcome.reply, opts.outDir), status: outcome.status };
      },
    });
    for (let i = 0; i < opts.buttons; i++) {
      const id = forgedButtonId(rng, registry);
      const outcome = await dispatchButton(registry, id, session.context);
      record(`[button] ${id}`, outcome.reply, outcome.status);
    }
  } finally {
    await stopQuizService();
  }
  report.examples = [...shortest.values()];
  report.ms = performance.now() - started;
  return report;
}
