// Loads the shipped toy models (models/predict/*.json, written by `npm run train:predict`).
import { readFileSync } from 'node:fs';
import { lstmFromFlat, type LstmWeights } from '../lstm-unit.ts';
import { rnnFromFlat, type RnnWeights } from './rnn-unit.ts';

export const MODEL_DIR = new URL('../../../models/predict/', import.meta.url);

export interface SavedUnit {
  kind: 'lstm' | 'rnn';
  params: number[]; // flat order of lstmToFlat / rnnToFlat
  finalLoss: number;
  restartLosses: number[];
  trainingMs: number;
  predictions: { name: string; xs: number[]; target: number; prediction: number }[];
}

export interface PredictModels {
  lstm: LstmWeights;
  rnn: RnnWeights;
  lstmInfo: SavedUnit;
  rnnInfo: SavedUnit;
}

let cached: PredictModels | undefined;

function readUnit(kind: 'lstm' | 'rnn'): SavedUnit {
  return JSON.parse(readFileSync(new URL(`${kind}.json`, MODEL_DIR), 'utf8')) as SavedUnit;
}

export function loadPredictModels(): PredictModels {
  if (!cached) {
    const lstmInfo = readUnit('lstm');
    const rnnInfo = readUnit('rnn');
    cached = { lstm: lstmFromFlat(lstmInfo.params), rnn: rnnFromFlat(rnnInfo.params), lstmInfo, rnnInfo };
  }
  return cached;
}
