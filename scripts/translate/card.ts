// Model cards: models/translate/<name>/card.json and README.md, written from metadata.json
// (training) and eval.json (metrics) — never by hand.
import fs from 'node:fs';
import path from 'node:path';
import { MODELS_DIR } from '../../src/nn/translate/infer/translator.ts';
import { MODEL_KINDS } from '../../src/nn/translate/model/config.ts';
import { DATA_DIR } from './data.ts';
import { WILD_DATA_DIR } from './distill/paths.ts';
import { WILD_KINDS } from './devset/wild.ts';

const SUBWORD_NOTE = ' Open vocabulary: SentencePiece unigram pieces trained here (one vocabulary per language, plus every word of the beginner course as a whole piece), encoded by src/nn/translate/model/subword.ts; numbers, links, e-mails, @mentions, `code`, emoji and words with characters it never saw are copy slots (⟪0⟫, ⟪1⟫, …) put back verbatim.';
const WILD_SOURCE = 'data/translate-wild (npm run data:translate-wild): Apertium eng-spa translations (sequence-level distillation) of Brown corpus sentences, WordNet examples and generated chat / ML study talk (part of it typed as chat: lowercase, u/im/dont, typos, emoji), mixed with the generator\'s gold pairs (30% typed as chat); the wild dev set and the generated valid/test/long sentences removed';

interface WildDoc {
  date: string;
  beam: number;
  sentences: number;
  results: Record<string, { bleu: Record<string, number>; copiedWords: number; loops: number; truncations: number }>;
}

const DESCRIPTION: Record<string, string> = {
  attention: '2-layer LSTM encoder and decoder (fused gates) with dot-product attention over the encoder top layer at every decoder step (scores → softmax → weighted sum, concatenated with the decoder state → tanh dense → softmax over Spanish words).',
  transformer: 'Encoder–decoder transformer: embeddings × √d plus sinusoidal positions, multi-head self-attention, residual + layer norm (post-norm), masked decoder self-attention, encoder–decoder attention, softmax over Spanish words.',
  seq2seq: 'Plain seq2seq: 2-layer LSTM encoder whose final h and c (per layer) are the context handed to a 2-layer LSTM decoder started with <EOS>; teacher forcing in training; no attention.',
};

interface EvalDoc {
  date: string;
  beam: number;
  testSentences: number;
  longSentences: number;
  results: Record<string, { test: { bleu: number; exact: number }; long: { bleu: number; exact: number }; bleuByLength: (number | null)[]; aer?: { layer: string; aer: number }[]; msPerSentence?: number; greedy?: { test: { bleu: number; exact: number }; long: { bleu: number; exact: number } } }>;
}

interface Stage {
  steps: number;
  plannedSteps?: number;
  tokensPerBatch: number;
  peakLr: number;
  warmup: number;
  seed: number;
  kindWeights?: Record<string, number>; // --weight
  budgetMinutes?: number; // --minutes
}

/** The train:translate options a stage's own record adds beyond steps / tokens / lr / warm-up / seed. */
const stageExtras = (st: Stage) =>
  (st.kindWeights ? ` --weight ${Object.entries(st.kindWeights).map(([k, w]) => `${k}=${w}`).join(',')}` : '') + (st.budgetMinutes ? ` --minutes ${st.budgetMinutes}` : '');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Tried {
  what: string;
  date: string;
  command: string;
  wallMinutes: number;
  stages: { wordWarmStartSeconds: number; wildSeconds: number; wildSteps: number; validLoss: number };
  wild: { bleu: Record<string, number>; loops: number; truncations: number };
  shippedWildSameCode?: { bleu: Record<string, number>; loops: number; truncations: number };
  test: { bleu: number };
  long: { bleu: number };
  shipped: boolean;
  why: string;
}

const triedLine = (t: Tried) => {
  const bleu = (b: Record<string, number>) => `${WILD_KINDS.map((k) => `${k} ${b[k]!.toFixed(1)}`).join(', ')}, all ${b.all!.toFixed(1)}`;
  return (
    `- ${t.date}: ${t.what}: \`${t.command}\`, ${t.wallMinutes} min wall (word-level warm start ${Math.round(t.stages.wordWarmStartSeconds / 60)} min, wild stage ${t.stages.wildSteps} steps in ${Math.round(t.stages.wildSeconds / 60)} min, valid loss ${t.stages.validLoss.toFixed(3)}). ` +
    `Wild dev set: ${bleu(t.wild.bleu)} (loops ${t.wild.loops}, truncated ${t.wild.truncations})` +
    (t.shippedWildSameCode ? `; this shipped model measured by the same code: ${bleu(t.shippedWildSameCode.bleu)} (loops ${t.shippedWildSameCode.loops}, truncated ${t.shippedWildSameCode.truncations})` : '') +
    `. Generated test BLEU ${t.test.bleu.toFixed(1)}, long ${t.long.bleu.toFixed(1)}. ${t.shipped ? 'Shipped.' : `Not shipped: ${t.why}.`}`
  );
};

export function writeCards(evalDoc: EvalDoc): void {
  const stats = fs.existsSync(path.join(DATA_DIR, 'stats.json')) ? JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'stats.json'), 'utf8')) : undefined;
  const ap = evalDoc.results.apertium;
  const wildFile = path.join(MODELS_DIR, 'wild-eval.json');
  const wildDoc = fs.existsSync(wildFile) ? (JSON.parse(fs.readFileSync(wildFile, 'utf8')) as WildDoc) : undefined;
  const wildStats = fs.existsSync(path.join(WILD_DATA_DIR, 'stats.json')) ? JSON.parse(fs.readFileSync(path.join(WILD_DATA_DIR, 'stats.json'), 'utf8')) : undefined;
  // the data build's own options (stats.json), so the recipe names --teacher-fixes when it was used
  const fixes = wildStats?.options?.teacherFixes;
  const wildCommand = `npm run data:translate-wild -- --talk ${wildStats?.options?.talk ?? 80000}${fixes === 2 ? ' --teacher-fixes 2' : fixes ? ' --teacher-fixes' : ''}`;
  const wildLine = (name: string) => {
    const r = wildDoc?.results[name];
    return r ? `${WILD_KINDS.map((k) => `${k} ${r.bleu[k]!.toFixed(1)}`).join(', ')}, all ${r.bleu.all!.toFixed(1)} (copied words ${r.copiedWords}, loops ${r.loops}, truncated ${r.truncations})` : undefined;
  };
  for (const name of MODEL_KINDS) {
    const dir = path.join(MODELS_DIR, name);
    if (!fs.existsSync(path.join(dir, 'metadata.json'))) continue;
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8'));
    const m = evalDoc.results[name];
    const tr = meta.training;
    const wild = tr.data === 'wild';
    const description = (DESCRIPTION[name] ?? '') + (meta.tokenizer === 'subword' ? SUBWORD_NOTE : '');
    // the warm start is recorded by the stage that made it; later --continue stages inherit it
    type WarmStart = { from: string; srcPieces: number; tgtPieces: number; stage: Stage & { seconds: number } };
    const ws = (tr.warmStart ?? [...((tr.previousStages ?? []) as { warmStart?: WarmStart }[])].reverse().find((st) => st.warmStart?.stage)?.warmStart) as WarmStart | undefined;
    const card = {
      name,
      description,
      data: wild
        ? { source: WILD_SOURCE, corpus: wildStats }
        : {
            source: 'scripts/translate/generate.ts (seeded grammar in scripts/translate/grammar/ over its lexicon.ts; npm run data:translate)',
            corpus: stats,
          },
      config: meta.config,
      parameters: meta.parameters,
      weights: { format: 'tfjs weightsManifest, float16', bytes: meta.weightsBytes },
      training: { ...tr, history: undefined },
      evaluation: m ? { date: evalDoc.date, decoding: `beam ${evalDoc.beam} on the whole sets, greedy beside`, testSentences: evalDoc.testSentences, longSentences: evalDoc.longSentences, ...m } : undefined,
      wildDevSet: wildDoc?.results[name] ? { date: wildDoc.date, beam: wildDoc.beam, sentences: wildDoc.sentences, ...wildDoc.results[name], apertium: wildDoc.results.apertium } : undefined,
      peer: ap ? { apertiumEngSpa: { test: ap.test, long: ap.long } } : undefined,
      reproduce: tr.oneCommand
        ? [
            'npm run data:translate',
            wildCommand,
            tr.oneCommand.command,
            'npm run eval:translate',
            ...(wildDoc ? ['npm run eval:translate-wild'] : []),
          ]
        : [
            `npm run data:translate`,
            ...(ws
              ? [
                  `npm run train:translate -- --model ${name} --steps ${ws.stage.plannedSteps ?? ws.stage.steps} --tokens ${ws.stage.tokensPerBatch} --lr ${ws.stage.peakLr} --warmup ${ws.stage.warmup} --seed ${ws.stage.seed} --out ${ws.from}`,
                  wildCommand,
                ]
              : wild
                ? [wildCommand]
                : []),
            // one command per training stage, oldest first; later stages start from the earlier weights
            ...[...(tr.previousStages ?? []), tr].map(
              (st: Stage, i: number) =>
                `npm run train:translate -- --model ${name} --steps ${st.plannedSteps ?? st.steps} --tokens ${st.tokensPerBatch} --lr ${st.peakLr} --warmup ${st.warmup} --seed ${st.seed}${i > 0 ? ' --continue' : ''}${wild ? ' --data wild' : ''}${ws && i === 0 ? ` --init ${ws.from}` : ''}${stageExtras(st)}` +
                (st === tr && tr.interpolation ? ` --from models/translate/${name} --out data/translate/${name}-next` : ''),
            ),
            // the shipped weights: between the previous stage and this one (scripts/translate/interpolate.ts)
            ...(tr.interpolation ? [`npx tsx scripts/translate/interpolate.ts --base models/translate/${name} --tuned data/translate/${name}-next --alpha ${tr.interpolation.alpha} --out models/translate/${name}`] : []),
            'npm run eval:translate',
            ...(wildDoc ? ['npm run eval:translate-wild'] : []),
          ],
    };
    fs.writeFileSync(path.join(dir, 'card.json'), JSON.stringify(card, null, 2));
    const lines = [
      `# ${name} — English→Spanish toy translator`,
      '',
      description,
      '',
      wild && wildStats
        ? `- Data: ${WILD_SOURCE}: ${wildStats.train.toLocaleString('en')} training pairs (${Object.entries(wildStats.trainByKind as Record<string, number>).map(([k, n]) => `${n.toLocaleString('en')} ${k}`).join(', ')}), ${wildStats.valid} valid.`
        : '',
      ws ? `- Warm start: every weight of the word-level transformer trained first on the generated corpus (${ws.stage.steps} steps, ${Math.round(ws.stage.seconds / 60)} min; \`${ws.from}\`), its embeddings copied to the ${ws.srcPieces} English and ${ws.tgtPieces} Spanish pieces that are whole words of its vocabulary.` : '',
      wild ? '' : `- Data: generated corpus (${stats ? `${stats.sizes.train.toLocaleString('en')} train / ${stats.sizes.valid} valid / ${stats.sizes.test} test / ${stats.sizes.long} long pairs, ${stats.englishTypes} English and ${stats.spanishTypes} Spanish word types, 1–30 words` : 'see data:translate'}), no sentence shared between splits.`,
      `- Size: ${meta.parameters.toLocaleString('en')} parameters, ${(meta.weightsBytes / 1e6).toFixed(2)} MB float16; config ${JSON.stringify(meta.config)}.`,
      `- Training: ${tr.steps} steps of ~${tr.tokensPerBatch} target tokens, Adam peak lr ${tr.peakLr}, warm-up ${tr.warmup}, cosine decay${tr.budgetMinutes ? ` over a ${tr.budgetMinutes}-min wall-clock budget` : ''}, seed ${tr.seed},${tr.kindWeights ? ` corpus kinds drawn ${Object.entries(tr.kindWeights as Record<string, number>).map(([k, w]) => `${k} ×${w}`).join(', ')} (others ×1),` : ''} ${Math.round(tr.seconds / 60)} min wall time on ${tr.backend} (${tr.threads ? `data-parallel on ${tr.threads} threads` : 'one core'} of a 2-core machine); final train loss ${tr.finalLoss?.toFixed?.(3)}, valid loss ${tr.validLoss?.toFixed?.(3)}.` +
        (tr.previousStages
          ? ` This is stage ${tr.previousStages.length + 1}, started from the weights of earlier stages (${tr.previousStages.map((st: { steps: number; peakLr: number; seconds: number; validLoss?: number }) => `${st.steps} steps at lr ${st.peakLr}, ${Math.round(st.seconds / 60)} min, valid loss ${st.validLoss?.toFixed?.(3)}`).join('; ')}), with a fresh Adam state; ${Math.round(tr.totalSeconds / 60)} min in all.`
          : '') +
        (tr.oneCommand
          ? ` Trained from scratch by one command, \`${tr.oneCommand.command}\`: the word-level warm start ${Math.round(tr.oneCommand.stages.wordWarmStart / 60)} min, then this ${Math.round(tr.oneCommand.stages.wild / 60)} min; ${Math.round(tr.oneCommand.wallSeconds / 60)} min wall time in all (loading data included) within its ${tr.oneCommand.budgetMinutes}-min budget.`
          : '') +
        (tr.interpolation
          ? ` The shipped weights are (1 − α)·θ_previous stage + α·θ_this stage with α = ${tr.interpolation.alpha} (WiSE-FT weight interpolation, Wortsman et al., 2022: the stage's new data mix forgets some of the beginner course; the interpolation keeps most of both), α the largest of 1, 0.75, 0.5 whose generated valid-set BLEU (400 sentences, beam 4, \`npm run eval:translate -- --valid --limit 400 --models ${name}\`) is at least 95.5.`
          : ''),
      m
        ? `- Test (${evalDoc.testSentences} sentences, beam ${evalDoc.beam} as /translate decodes): BLEU ${m.test.bleu.toFixed(1)}, exact match ${pct(m.test.exact)}. Long set (20–30 words, ${evalDoc.longSentences} sentences, beam ${evalDoc.beam}): BLEU ${m.long.bleu.toFixed(1)}, exact ${pct(m.long.exact)}.` +
          (m.greedy ? ` Greedy decoding: test BLEU ${m.greedy.test.bleu.toFixed(1)}, long ${m.greedy.long.bleu.toFixed(1)}.` : '')
        : '- Not evaluated yet: run npm run eval:translate.',
      m?.aer ? `- Attention alignment error rate vs gold alignments (teacher-forced, argmax per Spanish word): ${m.aer.map((a) => `${a.layer} ${pct(a.aer)}`).join('; ')}.` : '',
      ap ? `- Peer on the same sentences: Apertium eng-spa (rule-based) BLEU ${ap.test.bleu.toFixed(1)} test, ${ap.long.bleu.toFixed(1)} long.` : '',
      wildLine(name) ? `- Wild dev set (scripts/translate/devset/wild.tsv, ${wildDoc!.sentences} hand-written sentences never trained on, multi-reference BLEU lower-cased without ¿¡?!.,;:, beam ${wildDoc!.beam}): ${wildLine(name)}; Apertium eng-spa on the same: ${wildLine('apertium') ?? 'not measured'}.` : '',
      '- BLEU by sentence length: ../bleu-by-length.png.',
      meta.tokenizer === 'subword'
        ? `- A toy still: outside the beginner course it learnt from Apertium's translations in ${Math.round((tr.totalSeconds ?? tr.seconds) / 60)} min of training on a shared CPU, and copies what it cannot translate.`
        : '- A toy: it knows only the generator\'s vocabulary and constructions (`/translate vocab:true` lists the words).',
      `- Reproduce: ${card.reproduce.map((c) => `\`${c}\``).join(', ')}.`,
      '',
    ].filter((l) => l !== '');
    // candidates measured but not shipped (tried.json, written from their eval output), so the card keeps them
    const triedFile = path.join(dir, 'tried.json');
    const tried = fs.existsSync(triedFile) ? (JSON.parse(fs.readFileSync(triedFile, 'utf8')).tried as Tried[]) : [];
    if (tried.length) lines.push('', '## Tried', '', ...tried.map(triedLine));
    fs.writeFileSync(path.join(dir, 'README.md'), lines.join('\n') + '\n');
    if (m) {
      meta.metrics = { test: m.test, long: m.long, aer: m.aer, date: evalDoc.date };
      fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(meta, null, 2));
    }
  }
}
