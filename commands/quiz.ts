// /quiz: the bot posts a question with one button per choice, members answer, the reveal
// follows when the countdown ends. Scores, leaderboards and daily schedules live in the store.
import type { CommandRequest, OptionDef, Outbox } from '../src/core/command.ts';
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { inlineCode, type Reply } from '../src/core/reply.ts';
import type { Difficulty } from '../src/store/types.ts';
import { getQuizService } from '../src/quiz/index.ts';
import type { Source } from '../src/quiz/pick.ts';
import { DEFAULT_SECONDS, MAX_SECONDS, MIN_SECONDS, type QuizService } from '../src/quiz/service.ts';
import { DIFFICULTY_CHOICES, TOPIC_ALIASES, TOPIC_CHOICES, type Topic } from '../src/quiz/topics.ts';
import { formatHHMM, isValidTimeZone, parseHHMM } from '../src/quiz/zonedTime.ts';

const topic: OptionDef = {
  name: 'topic',
  description: 'What to ask about (default: any topic)',
  type: 'string',
  choices: TOPIC_CHOICES,
  aliases: TOPIC_ALIASES,
};
const difficulty: OptionDef = { name: 'difficulty', description: 'easy, medium or hard', type: 'string', choices: DIFFICULTY_CHOICES };
const seconds: OptionDef = {
  name: 'seconds',
  description: `Time to answer, ${MIN_SECONDS}–${MAX_SECONDS} s (default ${DEFAULT_SECONDS})`,
  type: 'integer',
  min: MIN_SECONDS,
  max: MAX_SECONDS,
};
const source: OptionDef = {
  name: 'source',
  description: 'Curated bank, computed by our models, or either (default)',
  type: 'string',
  choices: [
    { name: 'curated bank', value: 'bank' },
    { name: 'computed by our models', value: 'model' },
    { name: 'either', value: 'any' },
  ],
  aliases: { curated: 'bank', generated: 'model', models: 'model', computed: 'model', either: 'any' },
};

const TIME_ZONES = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** The service, with this request's outbox attached when the platform has none yet (console). */
async function service(req: { platform: CommandRequest['platform']; outbox?: Outbox }): Promise<QuizService> {
  const svc = getQuizService();
  if (req.outbox && !svc.isAttached(req.platform)) await svc.attach(req.platform, req.outbox);
  return svc;
}

function where(req: CommandRequest) {
  return { platform: req.platform, channelId: req.channelId, serverId: req.serverId };
}

async function start(req: CommandRequest): Promise<Reply> {
  const svc = await service(req);
  const started = await svc.start(
    where(req),
    {
      topic: req.options.topic as Topic | undefined,
      difficulty: req.options.difficulty as Difficulty | undefined,
      source: req.options.source as Source | undefined,
      seconds: req.options.seconds as number | undefined,
    },
    req.userId,
    req.outbox,
  );
  if ('problem' in started) throw new UserError(started.problem, '/quiz start topic:lstm');
  return started.reply;
}

function describeSchedule(s: { time: string; timeZone: string; topic?: string; difficulty?: string; seconds: number }, next: number): string {
  const what = [s.topic ?? 'any topic', s.difficulty].filter(Boolean).join(', ');
  return (
    `Every day at **${s.time}** (${s.timeZone}): one quiz on ${what}, ${s.seconds} s to answer.\n` +
    `Next one: ${new Date(next).toISOString().slice(0, 16).replace('T', ' ')} UTC.`
  );
}

async function schedule(req: CommandRequest): Promise<Reply> {
  const svc = await service(req);
  const action = req.options.action as 'daily' | 'off' | 'show';
  if (action === 'show') {
    const found = await svc.scheduler.show(req.platform, req.channelId);
    return {
      title: 'Quiz schedule',
      text: found ? describeSchedule(found.schedule, found.next) : 'No daily quiz in this channel. Set one with `/quiz schedule action:daily time:09:00`.',
    };
  }
  if (action === 'off') {
    const removed = await svc.scheduler.off(req.platform, req.channelId);
    return { title: 'Quiz schedule', text: removed ? 'Daily quiz switched off for this channel.' : 'There was no daily quiz in this channel.' };
  }
  const rawTime = req.options.time as string | undefined;
  const example = '/quiz schedule action:daily time:09:00 timezone:Europe/Berlin';
  if (!rawTime) throw new UserError('A daily quiz needs a time, as HH:MM in 24-hour format.', example);
  const hm = parseHHMM(rawTime);
  if (!hm) throw new UserError(`${inlineCode(rawTime.slice(0, 20))} is not a time. Use HH:MM in 24-hour format, like 09:00 or 18:30.`, example);
  const timeZone = (req.options.timezone as string | undefined) ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new UserError(`${inlineCode(timeZone.slice(0, 40))} is not a time zone I know. Use an IANA name like Europe/Berlin, America/New_York or UTC.`, example);
  }
  const { schedule: saved, next } = await svc.scheduler.set({
    platform: req.platform,
    channelId: req.channelId,
    serverId: req.serverId,
    time: formatHHMM(hm.hour, hm.minute),
    timeZone,
    topic: req.options.topic as string | undefined,
    difficulty: req.options.difficulty as Difficulty | undefined,
    seconds: (req.options.seconds as number | undefined) ?? 60,
    createdBy: req.userId,
  });
  return { title: 'Quiz schedule', text: `Scheduled. ${describeSchedule(saved, next)}` };
}

export const quiz = defineCommand({
  name: 'quiz',
  description: 'Quiz the channel on the syllabus: buttons, scores, leaderboards, daily schedules',
  examples: [
    '/quiz start topic:lstm seconds:10',
    '/quiz leaderboard',
    '/quiz stats',
    '/quiz start source:model topic:transformer',
    '/quiz schedule action:daily time:09:00 timezone:Europe/Berlin topic:attention',
  ],
  defaultSubcommand: 'start',
  // A model-computed question may load a translation model first (seconds on a cold start).
  slow: true,
  // An answer is one database write: confirmed inline after it is committed, no model-job cooldown.
  quickButtons: true,
  subcommands: [
    {
      name: 'start',
      description: 'Post a question with one button per choice and a countdown',
      options: [topic, difficulty, seconds, source],
      handler: start,
    },
    {
      name: 'leaderboard',
      description: 'Top 10 and your rank, in this channel or the whole server',
      options: [
        {
          name: 'scope',
          description: 'channel (default) or server/workspace',
          type: 'string',
          choices: [
            { name: 'this channel', value: 'channel' },
            { name: 'this server / workspace', value: 'server' },
          ],
          aliases: { workspace: 'server', guild: 'server', here: 'channel' },
        },
      ],
      handler: async (req) => (await service(req)).leaderboard({ ...where(req), userId: req.userId }, (req.options.scope as 'channel' | 'server') ?? 'channel'),
    },
    {
      name: 'stats',
      description: 'Your own points, accuracy and streaks',
      options: [],
      handler: async (req) => (await service(req)).stats({ ...where(req), userId: req.userId, userName: req.userName }),
    },
    {
      name: 'schedule',
      description: 'A daily quiz in this channel: daily, off or show',
      options: [
        {
          name: 'action',
          description: 'daily (set), off (remove) or show',
          type: 'string',
          required: true,
          choices: [
            { name: 'daily', value: 'daily' },
            { name: 'off', value: 'off' },
            { name: 'show', value: 'show' },
          ],
          aliases: { set: 'daily', on: 'daily', stop: 'off', remove: 'off', status: 'show' },
        },
        { name: 'time', description: 'HH:MM, 24-hour, for action daily', type: 'string', maxLength: 5 },
        {
          name: 'timezone',
          description: 'IANA time zone, e.g. Europe/Berlin (default UTC)',
          type: 'string',
          maxLength: 64,
          autocomplete: (partial) =>
            TIME_ZONES.filter((z) => z.toLowerCase().includes(partial.toLowerCase()))
              .slice(0, 25)
              .map((z) => ({ name: z, value: z })),
        },
        topic,
        difficulty,
        { ...seconds, description: `Time to answer, ${MIN_SECONDS}–${MAX_SECONDS} s (default 60)` },
      ],
      handler: schedule,
    },
  ],
  async onButton(req) {
    return (await service(req)).answer(req);
  },
});
