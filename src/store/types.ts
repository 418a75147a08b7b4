// The store interface: everything the quiz feature keeps and everything several copies of the
// bot must agree on. Two engines implement it: SQLite (embedded default) and PostgreSQL (shared by
// replicas). Each method is atomic on its own.
import type { Platform } from '../core/command.ts';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** A question as asked: a snapshot, so bank edits never change a quiz already posted. */
export interface QuestionSnapshot {
  id: string; // bank id ("lstm-03") or generated id ("gen:gpt-tokens:…")
  topic: string;
  difficulty: Difficulty;
  prompt: string;
  choices: string[];
  answer: number; // index into choices
  explanation: string;
}

export interface NewQuiz {
  id: string;
  platform: Platform;
  channelId: string;
  serverId?: string;
  createdBy?: string; // user id, or "schedule"
  question: QuestionSnapshot;
  openedAt: number; // epoch ms
  closesAt: number; // epoch ms
}

export interface QuizRecord extends NewQuiz {
  status: 'open' | 'closed';
  closedAt?: number;
  messageId?: string;
}

export interface NewAnswer {
  quizId: string;
  userId: string;
  userName: string;
  choice: number;
  at: number;
}

export type AnswerOutcome =
  | { status: 'recorded'; correct: boolean; answer: number; points: number }
  | { status: 'duplicate'; previousChoice: number }
  | { status: 'unknown-quiz' }
  | { status: 'closed' }
  | { status: 'bad-choice'; choices: number };

export interface QuizResult {
  quiz: QuizRecord;
  /** How many chose each option, by choice index. */
  counts: number[];
  total: number;
  /** Who answered correctly first (by commit order), if anyone. */
  firstCorrect?: { userId: string; userName: string; at: number };
  correctCount: number;
}

/** A score table: one per channel and one per server/workspace. */
export type ScoreScope =
  | { kind: 'channel'; platform: Platform; channelId: string }
  | { kind: 'server'; platform: Platform; serverId: string };

export interface ScoreRow {
  userId: string;
  userName: string;
  points: number;
  answers: number;
  correct: number;
  streak: number;
  bestStreak: number;
  rank: number;
}

export interface Schedule {
  platform: Platform;
  channelId: string;
  serverId?: string;
  time: string; // "HH:MM" local to timeZone
  timeZone: string; // IANA name
  topic?: string;
  difficulty?: Difficulty;
  seconds: number;
  createdBy: string;
  createdAt: number;
  /** The slot (epoch ms) of the last quiz posted for this schedule; nothing is posted twice for one slot. */
  lastSlot?: number;
}

export interface QuizStore {
  createQuiz(quiz: NewQuiz): Promise<QuizRecord>;
  setQuizMessage(quizId: string, messageId: string): Promise<void>;
  getQuiz(quizId: string): Promise<QuizRecord | undefined>;
  openQuizzes(platform: Platform): Promise<QuizRecord[]>;
  /** Commits the answer (and the score change) before resolving. */
  recordAnswer(answer: NewAnswer): Promise<AnswerOutcome>;
  /** Closes an open quiz and returns its tallies; undefined when it was already closed (one closer wins). */
  closeQuiz(quizId: string, at: number): Promise<QuizResult | undefined>;
  /** Tallies of any quiz (open or closed). */
  quizResult(quizId: string): Promise<QuizResult | undefined>;
  /** Records that the reveal was posted (or that there is nothing to reveal). */
  markRevealed(quizId: string, at: number): Promise<void>;
  /** Closed quizzes whose reveal was never confirmed posted (a crash or a platform error in between). */
  unrevealedQuizzes(platform: Platform): Promise<QuizRecord[]>;

  /** Bank question ids already asked in this channel since its history was last reset. */
  askedQuestions(platform: Platform, channelId: string): Promise<Set<string>>;
  forgetAsked(platform: Platform, channelId: string, questionIds: readonly string[]): Promise<void>;

  leaderboard(scope: ScoreScope, limit: number): Promise<ScoreRow[]>;
  scoreOf(scope: ScoreScope, userId: string): Promise<ScoreRow | undefined>;

  saveSchedule(schedule: Schedule): Promise<void>;
  deleteSchedule(platform: Platform, channelId: string): Promise<boolean>;
  getSchedule(platform: Platform, channelId: string): Promise<Schedule | undefined>;
  listSchedules(platform: Platform): Promise<Schedule[]>;
  /** Marks a slot as posted; false when it (or a later one) already was, so two posters cannot both post. */
  claimScheduleSlot(platform: Platform, channelId: string, slot: number): Promise<boolean>;

  /**
   * Takes `key` for this caller: true once, false for everyone after. With `leaseMs` the claim
   * lapses unless confirmed by `completeClaim`, so work whose owner died can be taken over.
   */
  claimOnce(key: string, at: number, leaseMs?: number): Promise<boolean>;
  /** Makes a leased claim permanent (the work it guarded is done). */
  completeClaim(key: string): Promise<void>;
  /** Gives a claim back (the work failed and may be tried again, here or elsewhere). */
  releaseClaim(key: string): Promise<void>;
  /** True the first time a Slack request/trigger id is seen (within `keepMs`), false for a retry or repeat. */
  claimTrigger(id: string, at: number, keepMs?: number): Promise<boolean>;
  /** Starts a heavy job for a user across all processes sharing the store, or says why not. */
  acquireUserSlot(userId: string, at: number, limits: UserLimits): Promise<UserRefusal | undefined>;
  /** Ends it; the cooldown counts from here. */
  releaseUserSlot(userId: string, at: number): Promise<void>;

  close(): Promise<void>;
}

export interface UserLimits {
  cooldownMs: number;
  maxInFlight: number;
  /** A slot not released by then (its process died) no longer counts. */
  leaseMs: number;
}

export interface UserRefusal {
  reason: 'in-flight' | 'cooldown';
  retryAfterMs: number;
}

/** How long trigger ids are remembered: Slack retries within minutes. */
export const TRIGGER_KEEP_MS = 60 * 60 * 1000;

/** The refusal (or none) for a user's slot row as it stands; shared by both engines so they agree. */
export function judgeUserSlot(
  row: { inFlight: number; lastStart: number; leaseUntil: number } | undefined,
  at: number,
  limits: UserLimits,
): UserRefusal | undefined {
  if (!row) return undefined;
  const inFlight = row.leaseUntil <= at ? 0 : row.inFlight;
  if (inFlight >= limits.maxInFlight) return { reason: 'in-flight', retryAfterMs: Math.max(1000, Math.min(row.leaseUntil - at, limits.cooldownMs || 1000)) };
  const since = at - row.lastStart;
  if (since < limits.cooldownMs) return { reason: 'cooldown', retryAfterMs: limits.cooldownMs - since };
  return undefined;
}

export const POINTS: Record<Difficulty, number> = { easy: 1, medium: 2, hard: 3 };
