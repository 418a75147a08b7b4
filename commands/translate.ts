// /translate text:<English> [model] [compare] [decoding] [layer] [head] [vocab] — our own toy
// English→Spanish models, with the chart of where the model looked.
import { renderDecodingGif } from '../src/render/diagram/decoding.ts';
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { inlineCode, neutraliseMentions, titleText } from '../src/core/escape.ts';
import type { Button, Field, ImageAttachment, Reply } from '../src/core/reply.ts';
import { renderHeatmap } from '../src/render/index.ts';
import type { ModelKind } from '../src/nn/translate/model/config.ts';
import { LOW_CONFIDENCE, type TextTranslation, type UnknownWord } from '../src/nn/translate/infer/service.ts';

const EXAMPLE = "/translate text:let's go to the beach";
/**
 * The transformer is the default: on this machine's training budget it reached test BLEU 98
 * while the LSTM + attention model stayed far behind (models/translate/eval.json).
 */
export const DEFAULT_MODEL: ModelKind = 'transformer';
const MODEL_NAMES: Record<ModelKind, string> = { attention: 'LSTM + attention', transformer: 'transformer', seq2seq: 'plain seq2seq (LSTM, no attention)' };

export function unknownLine(unknown: readonly UnknownWord[]): string {
  if (!unknown.length) return '';
  const parts = unknown.map((u) => `${inlineCode(u.word)}${u.suggestions.length ? ` (did you mean ${u.suggestions.map((w) => inlineCode(w)).join(', ')}?)` : ''}`);
  return `⚠️ Not in my vocabulary, so I could not really translate: ${parts.join('; ')}.`;
}

/** "Read as:" with what was rewritten: chat words and corrected typos. */
export function readAsLine(t: TextTranslation): string {
  const changes = t.corrections.length ? ` (${t.corrections.map((c) => `${inlineCode(c.from)} → ${inlineCode(c.to)}`).join(', ')})` : '';
  return `Read as: ${inlineCode(t.pieces ? joinPieces(t.source) : t.source.join(' '))}${changes}`;
}

/** Piece labels → words with their pieces marked: ["back", "-prop", "␣", "-ble", "-u"] → "back·prop ble·u". */
export function joinPieces(labels: readonly string[]): string {
  const words: string[] = [];
  let open = false; // the last word is a bare word start ("␣") waiting for its first piece
  for (const l of labels) {
    if (l === '␣') {
      words.push('');
      open = true;
    } else if (l.length > 1 && l.startsWith('-') && words.length) {
      words[words.length - 1] += (open ? '' : '·') + l.slice(1);
      open = false;
    } else {
      words.push(l);
      open = false;
    }
  }
  return words.filter(Boolean).join(' ');
}

/** The words the model did not translate itself, and the low-confidence warning. */
export function honestyLines(t: TextTranslation): string[] {
  const lines: string[] = [];
  const suggestions = new Map(t.unknown.map((u) => [u.word.toLowerCase(), u.suggestions]));
  const copied = t.rare
    .filter((r) => r.how === 'copied')
    .map((r) => {
      const s = suggestions.get(r.source.toLowerCase()) ?? [];
      return `${inlineCode(r.source)}${s.length ? ` (did you mean ${s.map((w) => inlineCode(w)).join(', ')}?)` : ''}`;
    });
  const looked = t.rare.filter((r) => r.how === 'lexicon').map((r) => `${inlineCode(r.source)} → ${inlineCode(r.output)}`);
  if (copied.length) lines.push(`_Italics_: not translated by the model. Copied as typed: ${copied.join(', ')}.`);
  if (looked.length) lines.push(`${copied.length ? '' : '_Italics_: not translated by the model. '}From the dictionary: ${looked.join(', ')}.`);
  if (t.addedNegation) lines.push(`_${t.addedNegation}_ added: the model dropped the negation, and a translation must not lose it.`);
  if (t.confidence < LOW_CONFIDENCE) lines.push(`⚠️ Low confidence: the model gave its own words only ${Math.round(t.confidence * 100)}% probability on average, so treat this as a guess.`);
  return lines;
}

/** compare:true — when the models disagree, one line saying why, pointing to /explain attention. */
export function disagreementLine(results: readonly TextTranslation[]): string {
  const texts = new Map(results.map((r) => [r.model, r.text]));
  if (new Set(texts.values()).size <= 1) return results.length > 1 ? 'All models agree.' : '';
  const s2s = texts.get('seq2seq');
  const withAttention = results.filter((r) => r.model !== 'seq2seq').map((r) => r.text);
  const why =
    s2s !== undefined && new Set(withAttention).size === 1
      ? 'plain seq2seq must squeeze the whole sentence into one context vector, while the attention models look back at every English word as they write'
      : 'each model looked at different English words while writing (compare the charts)';
  return `The models disagree: ${why} — see \`/explain attention\`.`;
}

export function attentionChart(t: TextTranslation, layerNote = ''): ImageAttachment | undefined {
  if (!t.attention.length || !t.tokens.length) return undefined;
  // the attention has one row more than the words when the model also wrote <EOS>: show it too
  const rows = t.attention.length > t.tokens.length ? [...t.tokens, '<EOS>'] : t.tokens;
  return renderHeatmap({
    title: `Where the ${MODEL_NAMES[t.model]} looked${layerNote}`,
    rows,
    cols: t.source,
    values: t.attention.slice(0, rows.length),
    xLabel: 'English (input)',
    yLabel: 'Spanish (output)',
    min: 0,
    max: 1,
    valueFormat: 'percent',
    filename: `attention-${t.model}.png`,
    // Discord shows a second image's alt text as an embed description: no mention may form there.
    alt: neutraliseMentions(`Attention weights of the ${t.model} model: for each Spanish word (${rows.join(' ')}) the share of attention on each English word (${t.source.join(' ')}).`),
  });
}

/** Characters of word list a vocab page holds: one Discord embed and one Slack section, with room to spare. */
const VOCAB_PAGE_CHARS = 1800;
/** A prefix longer than this matches no word; the button id (≤ 100 chars) carries it. */
const VOCAB_PREFIX_MAX = 60;

/** "**s** sad, safe, …" lines, a letter's line split where it would overflow a page. */
function vocabLines(words: readonly string[]): string[] {
  const byLetter = new Map<string, string[]>();
  for (const w of words) byLetter.set(w[0]!, [...(byLetter.get(w[0]!) ?? []), w]);
  const lines: string[] = [];
  for (const [letter, ws] of byLetter) {
    let line = `**${letter}**`;
    for (const w of ws) {
      const next = line.endsWith('**') ? `${line} ${w}` : `${line}, ${w}`;
      if (next.length > VOCAB_PAGE_CHARS) {
        lines.push(line);
        line = `**${letter}** ${w}`;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function vocabPages(lines: readonly string[]): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (page.length && size + line.length + 1 > VOCAB_PAGE_CHARS) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(line);
    size += line.length + 1;
  }
  if (page.length) pages.push(page);
  return pages;
}

async function vocabReply(rawPrefix: string, pageNumber = 1): Promise<Reply> {
  const { getTranslator, availableModels } = await import('../src/nn/translate/infer/service.ts');
  const models = await availableModels();
  if (!models.length) throw new UserError('The translation models are not trained yet (npm run train:translate).');
  const t = await getTranslator(models[0]!);
  const prefix = rawPrefix.toLowerCase();
  const all = t.srcVocab.words().filter((w) => w !== '?').sort();
  const words = prefix ? all.filter((w) => w.startsWith(prefix)) : all;
  const pages = vocabPages(vocabLines(words));
  const page = Math.min(Math.max(1, Math.trunc(pageNumber)), Math.max(1, pages.length));
  const buttons: Button[] = [];
  if (pages.length > 1 && prefix.length <= VOCAB_PREFIX_MAX) {
    const id = (n: number) => `translate:vocab:${n}:${prefix}`;
    buttons.push({ id: id(page - 1), label: '◀ Previous', disabled: page === 1 }, { id: id(page + 1), label: 'Next ▶', disabled: page === pages.length });
  }
  const pageNote = pages.length > 1 ? ` Page ${page} of ${pages.length}${buttons.length ? '' : ` (\`page:\` shows the others)`}.` : '';
  return {
    title: `The toy translator's English vocabulary${prefix ? ` starting with “${titleText(rawPrefix, { max: 40 })}”` : ''}`,
    text:
      `${words.length} of ${all.length} words${prefix ? '' : ' (family, food, school, home, city, weather, time, daily routine, hobbies)'}. Contractions (don't, let's, I'm) and numbers 1–20 are understood.${pageNote}\n` +
      (pages.length ? pages[page - 1]!.join('\n') : `No word starts with ${inlineCode(rawPrefix, { max: 40 })}.`),
    ...(buttons.length ? { buttons } : {}),
  };
}

/** Vocab page buttons: "vocab:<page>:<prefix>". */
function parseVocabPayload(payload: string): { page: number; prefix: string } | undefined {
  const m = /^vocab:(\d{1,4}):(.{0,60})$/su.exec(payload);
  return m ? { page: Number(m[1]), prefix: m[2]! } : undefined;
}

export const translate = defineCommand({
  name: 'translate',
  worker: true,
  description: 'Translate English to Spanish with our own toy seq2seq, attention or transformer model',
  examples: ["/translate text:let's go", '/translate text:my mother works in the hospital model:attention', '/translate text:do you like apples? compare:true', '/translate vocab:true text:wa'],
  slow: true,
  options: [
    { name: 'text', type: 'string', description: `An English sentence (up to 30 words), e.g. let's eat the pizza` },
    {
      name: 'model',
      type: 'string',
      description: 'transformer (default), attention (LSTM + attention) or seq2seq',
      choices: [
        { name: 'attention', value: 'attention' },
        { name: 'transformer', value: 'transformer' },
        { name: 'seq2seq', value: 'seq2seq' },
      ],
      aliases: { lstm: 'attention', rnn: 'seq2seq', plain: 'seq2seq', t: 'transformer' },
    },
    { name: 'compare', type: 'boolean', description: 'Run all three models side by side' },
    {
      name: 'decoding',
      type: 'string',
      description: 'beam (beam search of 4, default) or greedy',
      choices: [
        { name: 'beam', value: 'beam' },
        { name: 'greedy', value: 'greedy' },
      ],
    },
    { name: 'layer', type: 'integer', description: 'Transformer: which decoder layer’s attention to chart (1–2, default 2)', min: 1, max: 2 },
    { name: 'head', type: 'integer', description: 'Transformer: one attention head (1–4) instead of the average', min: 1, max: 4 },
    { name: 'animate', type: 'boolean', description: 'An animated GIF of the model writing word by word, its attention moving' },
    { name: 'vocab', type: 'boolean', description: 'List the English words the toy model knows (text: filters by prefix)' },
    { name: 'page', type: 'integer', description: 'With vocab: which page of the word list', min: 1, max: 1000 },
  ],
  async handler(req) {
    const text = String(req.options.text ?? '').trim();
    if (req.options.vocab) return vocabReply(text, req.options.page === undefined ? 1 : Number(req.options.page));
    const service = await import('../src/nn/translate/infer/service.ts');
    const { normalizeEnglish } = await import('../src/nn/translate/model/text.ts');
    if (!text) throw new UserError('Give me an English sentence to translate.', EXAMPLE);
    const words = normalizeEnglish(text).tokens.filter((t) => t !== '?');
    if (!words.length) throw new UserError('That has no words I can read (only punctuation?).', EXAMPLE);
    if (words.length > service.MAX_WORDS) {
      throw new UserError(`That is ${words.length} words; the toy models were trained on sentences of up to ${service.MAX_WORDS}. Split it into shorter sentences.`, EXAMPLE);
    }
    const available = await service.availableModels();
    if (!available.length) throw new UserError('The translation models are not trained yet (npm run train:translate).');
    const requested = (req.options.model as ModelKind | undefined) ?? DEFAULT_MODEL;
    const model = available.includes(requested) ? requested : available[0]!;
    const beam = req.options.decoding === 'greedy' ? 1 : 4;
    const layer = req.options.layer !== undefined ? Number(req.options.layer) - 1 : undefined;
    const head = req.options.head !== undefined ? Number(req.options.head) - 1 : undefined;
    const opts = { beam, layer, head };
    const decodingName = beam === 1 ? 'greedy' : 'beam 4';
    const headNote = (m: ModelKind) => (m === 'transformer' ? ` (decoder layer ${(layer ?? 1) + 1}, ${head === undefined ? 'heads averaged' : `head ${head + 1}`})` : '');

    const runs = req.options.compare ? available : [model];
    const results: TextTranslation[] = [];
    for (const m of runs) results.push(await service.translateText(text, m, opts));
    const main = results.find((r) => r.model === model) ?? results[0]!;
    const t = await service.getTranslator(main.model);
    const vocabSize = t.srcVocab.words().length;

    const fields: Field[] = [{ name: 'Translation', value: main.marked || '(nothing)' }];
    if (req.options.compare) {
      for (const r of results) fields.push({ name: MODEL_NAMES[r.model], value: `${r.marked || '(nothing)'}\n${Math.round(r.ms)} ms`, inline: true });
    }
    const images = results.map((r) => attentionChart(r, headNote(r.model))).filter((x): x is ImageAttachment => !!x);
    // animate:true leads with the GIF (one frame per written word); the heatmap stays as the still.
    if (req.options.animate && main.attention.length && main.tokens.length) {
      images.unshift(renderDecodingGif({ model: MODEL_NAMES[main.model], source: main.source, output: main.tokens, attention: main.attention }));
    }
    const lines = [
      `**${main.marked || '(no translation)'}**`,
      readAsLine(main),
      ...honestyLines(main),
      req.options.compare ? disagreementLine(results) : '',
      main.model === 'seq2seq' && !req.options.compare
        ? 'Plain seq2seq has no attention: the whole sentence goes through one context vector (each layer’s h and c), so there is no chart — try `model:attention`.'
        : images.length
          ? 'Chart: each row is a Spanish word the model wrote, each column an English word it read; the darker the cell, the more attention.'
          : '',
      `${MODEL_NAMES[main.model]} · ${decodingName}${req.options.compare ? '' : ` · ${Math.round(main.ms)} ms`}.`,
      t.subword
        ? `_A toy model with an open vocabulary: it reads any English as ${vocabSize} subword pieces (Read as shows them; numbers, links, emoji and unknown symbols are copied through), trained on the beginner's course and on Apertium's translations of real and chat-styled English._`
        : `_A toy model: it knows ${vocabSize} English words from a generated beginner's corpus — \`/translate vocab:true\` lists them._`,
    ].filter(Boolean);
    if (requested !== model) lines.unshift(`The ${requested} model is not trained yet; using ${model}.`);
    return { title: req.options.compare ? 'Translation: three models side by side' : `Translation (${MODEL_NAMES[main.model]})`, text: lines.join('\n'), fields, images };
  },
  async onButton(req) {
    const vocab = parseVocabPayload(req.payload);
    if (!vocab) throw new UserError('That button is not one of mine, or it has expired. Run the command again.', '/translate vocab:true');
    return { ...(await vocabReply(vocab.prefix, vocab.page)), mode: 'update' };
  },
});
