// npm run eval:translate writes the cards; this rewrites them from eval.json and metadata.json alone.
import fs from 'node:fs';
import path from 'node:path';
import { MODELS_DIR } from '../../src/nn/translate/infer/translator.ts';
import { writeCards } from './card.ts';

writeCards(JSON.parse(fs.readFileSync(path.join(MODELS_DIR, 'eval.json'), 'utf8')));
