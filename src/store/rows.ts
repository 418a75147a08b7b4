// Rows as both engines return them (snake_case columns) → the store's records. One definition, so
// SQLite and PostgreSQL cannot drift apart in what a quiz, score or schedule looks like.
import type { Platform } from '../core/command.ts';
import type { QuestionSnapshot, QuizRecord, Schedule, ScoreRow } from './types.ts';

export interface QuizRow {
  id: string;
  platform: string;
  channel_id: string;
  server_id: string | null;
  created_by: string | null;
  question_json: string;
  n_choices: number;
  answer: number;
  points: number;
  opened_at: number;
  closes_at: number;
  status: 'open' | 'closed';
  closed_at: number | null;
  message_id: string | null;
}

export interface ScoreDbRow {
  user_id: string;
  user_name: string;
  points: number;
  answers: number;
  correct: number;
  streak: number;
  best_streak: number;
  rank: number;
}

export interface ScheduleRow {
  platform: string;
  channel_id: string;
  server_id: string | null;
  time: string;
  time_zone: string;
  topic: string | null;
  difficulty: string | null;
  seconds: number;
  created_by: string;
  created_at: number;
  last_slot: number | null;
}

export function toQuiz(row: QuizRow): QuizRecord {
  return {
    id: row.id,
    platform: row.platform as Platform,
    channelId: row.channel_id,
    serverId: row.server_id ?? undefined,
    createdBy: row.created_by ?? undefined,
    question: JSON.parse(row.question_json) as QuestionSnapshot,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    status: row.status,
    closedAt: row.closed_at ?? undefined,
    messageId: row.message_id ?? undefined,
  };
}

export function toScore(row: ScoreDbRow): ScoreRow {
  return {
    userId: row.user_id,
    userName: row.user_name,
    points: row.points,
    answers: row.answers,
    correct: row.correct,
    streak: row.streak,
    bestStreak: row.best_streak,
    rank: row.rank,
  };
}

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    platform: row.platform as Platform,
    channelId: row.channel_id,
    serverId: row.server_id ?? undefined,
    time: row.time,
    timeZone: row.time_zone,
    topic: row.topic ?? undefined,
    difficulty: (row.difficulty ?? undefined) as Schedule['difficulty'],
    seconds: row.seconds,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastSlot: row.last_slot ?? undefined,
  };
}
