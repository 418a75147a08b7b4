// Parses "0, 0.5 0.25,1" into numbers for /predict and /explain topic:lstm, with min–max scaling
// when values fall outside [0, 1] (the toy models were trained on prices normalised to 0–1).
import { inlineCode } from '../core/reply.ts';

export const MIN_VALUES = 2;
export const MAX_VALUES = 30;
export const VALUES_EXAMPLE = '0, 0.5, 0.25, 1';

export interface ParsedValues {
  raw: number[];
  scaled: number[];
  /** Present when the values were min–max scaled; used to map predictions back. */
  scaling?: { min: number; max: number };
}

export type ParseResult = { ok: true; values: ParsedValues } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseValues(text: string, limits = { min: MIN_VALUES, max: MAX_VALUES }): ParseResult {
  const example = `Example: ${inlineCode(VALUES_EXAMPLE)} (one number per day).`;
  const tokens = text.split(/[\s,;]+/).filter((t) => t.length > 0);
  const bad = tokens.find((t) => !NUMBER.test(t) || !Number.isFinite(Number(t)));
  if (bad !== undefined) {
    return { ok: false, message: `${inlineCode(bad.slice(0, 30))} is not a number. Give ${limits.min} to ${limits.max} numbers separated by commas or spaces. ${example}` };
  }
  if (tokens.length < limits.min || tokens.length > limits.max) {
    return { ok: false, message: `Got ${tokens.length} number${tokens.length === 1 ? '' : 's'}; give ${limits.min} to ${limits.max}, one per day. ${example}` };
  }
  const raw = tokens.map(Number);
  if (raw.every((v) => v >= 0 && v <= 1)) return { ok: true, values: { raw, scaled: raw } };
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  const scaled = raw.map((v) => (max === min ? 0 : (v - min) / (max - min)));
  return { ok: true, values: { raw, scaled, scaling: { min, max } } };
}

/** One sentence telling the user how their values were scaled (or nothing if they were not). */
export function describeScaling(v: ParsedValues): string {
  if (!v.scaling) return '';
  const { min, max } = v.scaling;
  if (max === min) return `All values are equal (${min}), so min–max scaling maps every day to 0.`;
  return `Some values were outside 0–1, so they were min–max scaled: (value − ${fmtRaw(min)}) / (${fmtRaw(max)} − ${fmtRaw(min)}), which maps the lowest to 0 and the highest to 1.`;
}

export function unscale(v: ParsedValues, x: number): number {
  return v.scaling ? v.scaling.min + x * (v.scaling.max - v.scaling.min) : x;
}

export function fmtRaw(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
