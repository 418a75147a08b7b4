// /explain topic:<topic> [depth:quick|deep] [step:true] — concept refreshers with live demos.
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Reply } from '../src/core/reply.ts';
import { DEFAULT_DAYS, MAX_DAYS } from '../src/explain/rnn.ts';
import { topicDiagram } from '../src/explain/diagrams.ts';
import { DEFAULT_LSTM_INPUT } from '../src/explain/lstm.ts';
import { ATTENTION_PAIRS, encodeLstmInput, MAX_STEP_DAYS, MAX_STEP_SENTENCE, parseStepPayload, STEP_HELP, StepError, stepReply, STEP_TOPICS, type StepTopic } from '../src/explain/step.ts';
import { autocompleteTopic, getTopic, TOPIC_ALIASES, TOPIC_CHOICES, topicIndex } from '../src/explain/topics.ts';
import type { Depth, TopicId } from '../src/explain/types.ts';
import { describeScaling, parseValues, VALUES_EXAMPLE } from '../src/explain/values.ts';

function topicList(): Reply {
  return {
    title: 'What /explain covers',
    text: `${topicIndex()}\n\nTry \`/explain topic:lstm\`, add \`depth:deep\` for the full version, or \`step:true\` (lstm, attention) to step through the computation.`,
  };
}

export const explain = defineCommand({
  name: 'explain',
  worker: true,
  description: 'Concept refreshers from the study notes, with live numbers and a chart',
  examples: ['/explain topic:lstm', '/explain topic:attention depth:deep', '/explain topic:lstm step:true', '/explain topic:rnn days:30'],
  options: [
    {
      name: 'topic',
      type: 'string',
      description: 'The concept to explain (leave it out to list them)',
      choices: TOPIC_CHOICES,
      aliases: TOPIC_ALIASES,
      autocomplete: autocompleteTopic,
    },
    {
      name: 'depth',
      type: 'string',
      description: 'quick (one message, default) or deep (in sections)',
      choices: [
        { name: 'quick', value: 'quick' },
        { name: 'deep', value: 'deep' },
      ],
    },
    { name: 'step', type: 'boolean', description: 'Step through the computation with buttons (lstm, attention)' },
    { name: 'days', type: 'integer', description: `rnn: days to unroll (default ${DEFAULT_DAYS})`, min: 1, max: MAX_DAYS },
    { name: 'values', type: 'string', description: `lstm: 2–${MAX_STEP_DAYS} days to run, e.g. ${VALUES_EXAMPLE}`, maxLength: 200 },
    { name: 'text', type: 'string', description: 'attention step-through: an English sentence to translate', maxLength: MAX_STEP_SENTENCE },
  ],
  async handler(req) {
    const topicId = req.options.topic as TopicId | undefined;
    if (!topicId) return topicList();
    const depth = (req.options.depth as Depth | undefined) ?? 'quick';
    const notes: string[] = [];
    if (req.options.days !== undefined && topicId !== 'rnn') notes.push('`days` only applies to topic rnn, so it was ignored.');
    if (req.options.values !== undefined && topicId !== 'lstm') notes.push('`values` only applies to topic lstm, so it was ignored.');
    if (req.options.text !== undefined && !(topicId === 'attention' && req.options.step === true)) notes.push('`text` only applies to `topic:attention step:true`, so it was ignored.');
    let values: number[] | undefined;
    if (typeof req.options.values === 'string' && topicId === 'lstm') {
      // ≤ 10 days: the trace must fit one message, and a step-through id ≤ 100 characters
      const parsed = parseValues(req.options.values, { min: 2, max: MAX_STEP_DAYS });
      if (!parsed.ok) throw new UserError(parsed.message, `/explain topic:lstm values:${VALUES_EXAMPLE}`);
      values = parsed.values.scaled;
      const scaled = describeScaling(parsed.values);
      if (scaled) notes.push(scaled);
    }

    if (req.options.step === true) {
      if (!(STEP_TOPICS as readonly string[]).includes(topicId)) {
        throw new UserError(`Step-through is available for \`lstm\` and \`attention\`; \`${topicId}\` has no steps yet.`, '/explain topic:lstm step:true');
      }
      const topic = topicId as StepTopic;
      const xs = values ?? DEFAULT_LSTM_INPUT;
      const sentence = typeof req.options.text === 'string' ? req.options.text.replace(/\s+/g, ' ').trim() : '';
      const input = topic === 'lstm' ? encodeLstmInput(xs) : sentence || Object.keys(ATTENTION_PAIRS)[0]!;
      let r: Reply;
      try {
        r = await stepReply({ topic, step: 1, input });
      } catch (err) {
        if (err instanceof StepError && err.friendly) throw new UserError(err.friendly, '/explain topic:attention step:true text:the cat is on the table');
        throw err;
      }
      return notes.length ? { ...r, text: `${r.text}\n\n*${notes.join(' ')}*` } : r;
    }

    const e = await getTopic(topicId).explain({ depth, days: req.options.days as number | undefined, values });
    const text = notes.length ? `${e.text}\n\n*${notes.join(' ')}*` : e.text;
    // The architecture diagram leads; the topic's data chart follows as the second image.
    const images = [topicDiagram(topicId, { depth, values }), e.image].filter((i) => i !== undefined);
    return { title: e.title, text, fields: e.sections, images: images.length ? images : undefined };
  },
  async onButton(req) {
    try {
      return { ...(await stepReply(parseStepPayload(req.payload))), mode: 'update' };
    } catch (err) {
      if (err instanceof StepError) return { text: err.friendly ?? STEP_HELP, ephemeral: true, mode: 'new' };
      throw err;
    }
  },
});
