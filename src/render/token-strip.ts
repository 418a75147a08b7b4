// Token strip: a tokenizer's pieces as coloured boxes in reading order, wrapped into rows, each
// with its id underneath. Whitespace is drawn visibly (· space, → tab, ⏎ newline).
import type { EChartsOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { baseOption, frame, PAD } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { FONT_FAMILY, hasGlyph, textWidth } from './fonts.ts';
import { FONT } from './theme.ts';
import type { TokenStripSpec } from './types.ts';

const BOX_H = FONT.label + 13;
const ID_H = FONT.small + 5;
const ROW_GAP = 8;
const GAP = 3;

/** Whitespace made visible: · space, → tab, ⏎ line break. */
export function showWhitespace(text: string): string {
  return text.replace(/ /g, '·').replace(/\t/g, '→').replace(/\r?\n/g, '⏎');
}

/** A token as drawn: visible whitespace, '□' for characters the font lacks. */
export function visibleToken(text: string): string {
  return [...showWhitespace(text)].map((ch) => (hasGlyph(ch.codePointAt(0)!) ? ch : '□')).join('');
}

export function tokenStripOption(spec: TokenStripSpec): { option: EChartsOption; height: number; width: number } {
  const width = spec.width ?? 640;
  const f0 = frame({ ...spec, height: 400 });
  const t = f0.theme;
  const maxW = width - 2 * PAD;
  type Placed = { x: number; y: number; w: number; label: string; id: number; i: number };
  const placed: Placed[] = [];
  let x = 0;
  let row = 0;
  spec.tokens.forEach((tok, i) => {
    let label = visibleToken(tok.text);
    if (textWidth(label, FONT.label) > maxW - 12) label = label.slice(0, 40) + '…';
    const w = Math.max(textWidth(label, FONT.label), textWidth(String(tok.id), FONT.small)) + 12;
    if (x > 0 && x + w > maxW) {
      x = 0;
      row++;
    }
    placed.push({ x, y: row * (BOX_H + ID_H + ROW_GAP), w, label, id: tok.id, i });
    x += w + GAP;
  });
  const rows = row + 1;
  // cropped to the content: no empty band below the last row, nor right of a single short row
  const height = Math.min(4096, f0.top + 8 + rows * (BOX_H + ID_H + ROW_GAP) - ROW_GAP + PAD);
  const used = Math.max(...placed.map((p) => p.x + p.w), spec.title ? textWidth(spec.title, FONT.title, 'semibold') : 0);
  const cropped = Math.max(160, Math.min(width, Math.ceil(used + 2 * PAD)));
  const fills = t.palette.slice(0, 6);
  const elements = placed.flatMap((p) => {
    const left = PAD + p.x;
    const top = f0.top + 8 + p.y;
    return [
      { type: 'rect', shape: { x: left, y: top, width: p.w, height: BOX_H, r: 4 }, style: { fill: fills[p.i % fills.length], opacity: 0.28, stroke: fills[p.i % fills.length], lineWidth: 1 } },
      { type: 'text', x: left + p.w / 2, y: top + BOX_H / 2, style: { text: p.label, fill: t.text, font: `${FONT.label}px ${FONT_FAMILY}`, align: 'center', verticalAlign: 'middle' } },
      { type: 'text', x: left + p.w / 2, y: top + BOX_H + ID_H / 2 + 1, style: { text: String(p.id), fill: t.mutedText, font: `${FONT.small}px ${FONT_FAMILY}`, align: 'center', verticalAlign: 'middle' } },
    ];
  });
  return { option: { ...baseOption({ ...f0, width: cropped, height }, spec.title), graphic: { elements } } as EChartsOption, height, width: cropped };
}

export function renderTokenStrip(spec: TokenStripSpec): ImageAttachment {
  const { option, width, height } = tokenStripOption(spec);
  const data = svgToPng(renderSvg(option, width, height));
  const shown = spec.tokens.slice(0, 12).map((t) => visibleToken(t.text)).join(' | ');
  return {
    data,
    filename: spec.filename ?? 'tokens.png',
    alt: spec.alt ?? `${spec.tokens.length} tokens: ${shown}${spec.tokens.length > 12 ? ' | …' : ''}`,
    width,
    height,
  };
}
