// npm run eval:word2vec [-- --model models/word2vec] — WordSim-353 and SimLex-999 Spearman and
// Google analogy accuracy of the shipped vectors; updates metadata.json and MODEL_CARD.md.
import { resolve } from 'node:path';
import { evaluateModel } from './card.ts';
import { MODEL_DIR, parseArgs } from './common.ts';

const args = parseArgs(process.argv.slice(2));
await evaluateModel(resolve(args.model ?? MODEL_DIR));
