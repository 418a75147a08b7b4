// Real runs of the trained English→Spanish models (models/translate, issue 6) for the seq2seq and
// attention explainers — only when those models are present. Loaded lazily by path so /explain
// works without them (and then says /translate will show a trained run); it never invents output.
import { existsSync } from 'node:fs';
import { log } from '../core/log.ts';

type Kind = 'seq2seq' | 'attention' | 'transformer';
const SERVICE = '../nn/translate/infer/service.ts';

/** The notes' example first, then the notes' "don't eat" case; the first one the model knows every word of is used. */
export const CANDIDATES: Record<Kind, readonly string[]> = {
  seq2seq: ["let's go", 'to go'],
  attention: ["don't eat the apple", "we don't eat meat", "don't eat", "let's go"],
  transformer: ["don't eat the apple", "we don't eat meat", "don't eat", "let's go"],
};

export interface RealRun {
  model: Kind;
  english: string;
  source: string[];
  tokens: string[]; // Spanish tokens; attention has one more row, for <EOS>
  text: string; // written Spanish
  attention: number[][]; // [output token][source token]; empty for plain seq2seq
}

interface Service {
  availableModels(): Promise<string[]>;
  translateText(text: string, name: Kind, opts?: { beam?: number }): Promise<{ source: string[]; tokens: string[]; text: string; attention: number[][]; unknown: unknown[] }>;
}

export function translationServicePresent(): boolean {
  return existsSync(new URL(SERVICE, import.meta.url));
}

/** Whether a trained model of this kind is shipped (cheap: no tensor engine is loaded). */
export async function modelAvailable(kind: Kind): Promise<boolean> {
  if (!translationServicePresent()) return false;
  try {
    return (await ((await import(SERVICE)) as Service).availableModels()).includes(kind);
  } catch (err) {
    log.warn({ err, kind }, 'translation service present but unusable');
    return false;
  }
}

export async function realRun(kind: Kind): Promise<RealRun | undefined> {
  if (!translationServicePresent()) return undefined;
  try {
    const service = (await import(SERVICE)) as Service;
    if (!(await service.availableModels()).includes(kind)) return undefined;
    for (const english of CANDIDATES[kind]) {
      const t = await service.translateText(english, kind, { beam: 1 });
      if (t.unknown.length) continue;
      return { model: kind, english, source: t.source, tokens: t.tokens, text: t.text, attention: t.attention };
    }
    return undefined;
  } catch (err) {
    log.warn({ err, kind }, 'translation model present but could not be run; /explain falls back to pointing at /translate');
    return undefined;
  }
}

/** One line per output word: the input words it drew on most, with their attention %. */
export function attentionLines(run: RealRun, maxRows = 8): string {
  return run.attention
    .slice(0, maxRows)
    .map((row, i) => {
      const top = row
        .map((w, j) => ({ w, word: run.source[j] ?? '?' }))
        .sort((a, b) => b.w - a.w)
        .slice(0, 2)
        .map((x) => `${x.word} ${(x.w * 100).toFixed(0)}%`)
        .join(', ');
      return `${(run.tokens[i] ?? '<EOS>').padEnd(10)} ← ${top}`;
    })
    .join('\n');
}

type LayerNumbers = import('../nn/translate/infer/layer-numbers.ts').LayerNumbers;
const LAYER_NUMBERS = '../nn/translate/infer/layer-numbers.ts';

/** Feed-forward, layer-norm and masked self-attention numbers of our trained transformer, if shipped. */
const layerCache = new Map<string, LayerNumbers>();

export async function transformerLayer(english = "don't eat the apple"): Promise<LayerNumbers | undefined> {
  const hit = layerCache.get(english); // the weights are fixed: the numbers never change
  if (hit) return hit;
  if (!(await modelAvailable('transformer'))) return undefined;
  try {
    const mod = (await import(LAYER_NUMBERS)) as typeof import('../nn/translate/infer/layer-numbers.ts');
    const n = await mod.transformerLayerNumbers(english);
    if (n) layerCache.set(english, n);
    return n;
  } catch (err) {
    log.warn({ err }, 'transformer present but its layer numbers could not be computed');
    return undefined;
  }
}
