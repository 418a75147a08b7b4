// Every quiz message as a platform-neutral Reply: the question, the reveal, the leaderboard,
// the stats and the short ephemeral answers to clicks.
import type { Button, Reply } from '../core/reply.ts';
import { escapeMarkdown } from '../core/reply.ts';
import { POINTS, type QuizRecord, type QuizResult, type ScoreRow } from '../store/types.ts';
import { TOPIC_LABELS, isTopic } from './topics.ts';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** A member's display name, safe to echo: no markdown, and "@" cannot ping anyone. */
export function displayName(name: string): string {
  // escapeMarkdown already breaks @everyone/@here; every other "@" gets the same zero-width space.
  return escapeMarkdown(name.slice(0, 64)).replace(/@(?!\u200b)/g, '@\u200b');
}

export function answerButtonId(quizId: string, choice: number): string {
  return `quiz:a:${quizId}:${choice}`;
}

function topicLabel(topic: string): string {
  return isTopic(topic) ? TOPIC_LABELS[topic] : topic;
}

export function quizTitle(quiz: QuizRecord): string {
  const kind = quiz.question.id.startsWith('gen:') ? ' · computed by our model' : '';
  return `Quiz · ${topicLabel(quiz.question.topic)} · ${quiz.question.difficulty}${kind}`;
}

function choiceLines(quiz: QuizRecord): string {
  return quiz.question.choices.map((c, i) => `**${LETTERS[i]}.** ${c}`).join('\n');
}

export function questionReply(quiz: QuizRecord): Reply {
  const seconds = Math.round((quiz.closesAt - quiz.openedAt) / 1000);
  const points = POINTS[quiz.question.difficulty];
  return {
    title: quizTitle(quiz),
    text:
      `**${quiz.question.prompt}**\n\n${choiceLines(quiz)}\n\n` +
      `⏱ ${seconds} s to answer, one answer each. Right answers score ${points} point${points === 1 ? '' : 's'}.`,
    buttons: quiz.question.choices.map((c, i) => ({
      id: answerButtonId(quiz.id, i),
      label: `${LETTERS[i]}. ${c}`.slice(0, 75),
      style: 'secondary',
    })),
  };
}

export function revealReply(result: QuizResult, withButtons: boolean): Reply {
  const { quiz, counts, total } = result;
  const q = quiz.question;
  const right = `${LETTERS[q.answer]}. ${q.choices[q.answer]}`;
  const tally = q.choices
    .map((c, i) => {
      const line = `${LETTERS[i]}. ${c}: ${counts[i]}`;
      return i === q.answer ? `- **${line}** ✓` : `- ${line}`;
    })
    .join('\n');
  const who =
    total === 0
      ? 'Nobody answered this time.'
      : `${result.correctCount} of ${total} answered right.` +
        (result.firstCorrect ? ` First right: **${displayName(result.firstCorrect.userName)}**.` : '');
  const buttons: Button[] | undefined = withButtons
    ? q.choices.map((c, i) => ({
        id: answerButtonId(quiz.id, i),
        label: `${LETTERS[i]}. ${c} (${counts[i]})`.slice(0, 75),
        style: i === q.answer ? 'success' : 'secondary',
        disabled: true,
      }))
    : undefined;
  return {
    title: `Answer · ${topicLabel(q.topic)}`,
    text: `**${q.prompt}**\n\nAnswer: **${right}**\n\n${q.explanation}\n\n${tally}\n\n${who}`,
    ...(buttons ? { buttons } : {}),
  };
}

function percent(row: ScoreRow): string {
  return row.answers === 0 ? '0%' : `${Math.round((100 * row.correct) / row.answers)}%`;
}

function scoreLine(row: ScoreRow): string {
  return (
    `${row.points} pt${row.points === 1 ? '' : 's'} · ${row.correct}/${row.answers} right (${percent(row)}) · ` +
    `streak ${row.streak} (best ${row.bestStreak})`
  );
}

export function leaderboardReply(scopeName: string, rows: ScoreRow[], me: ScoreRow | undefined, note?: string): Reply {
  if (rows.length === 0) {
    return {
      title: `Quiz leaderboard · ${scopeName}`,
      text: `${note ? `${note}\n\n` : ''}No answers yet. Start a quiz with \`/quiz start topic:lstm\`.`,
    };
  }
  const lines = rows.map((r) => `${r.rank}. **${displayName(r.userName)}**: ${scoreLine(r)}`);
  const mine = me
    ? rows.some((r) => r.userId === me.userId)
      ? `You are #${me.rank}.`
      : `You: #${me.rank}, ${scoreLine(me)}`
    : 'You have not answered here yet.';
  return {
    title: `Quiz leaderboard · ${scopeName}`,
    text: `${note ? `${note}\n\n` : ''}${lines.join('\n')}\n\n${mine}`,
  };
}

export function statsReply(userName: string, rows: { scope: string; row: ScoreRow | undefined }[]): Reply {
  const fields = rows.map(({ scope, row }) => ({
    name: scope,
    value: row
      ? `Rank #${row.rank}\n${row.points} points\n${row.correct}/${row.answers} right (${percent(row)})\n` +
        `Streak ${row.streak}, best ${row.bestStreak}`
      : 'No answers yet.',
    inline: true,
  }));
  return {
    title: `Quiz stats · ${displayName(userName)}`,
    text: rows.some((r) => r.row) ? 'Your quiz record:' : 'You have not answered a quiz here yet. Try `/quiz start`.',
    fields,
    ephemeral: true,
  };
}
