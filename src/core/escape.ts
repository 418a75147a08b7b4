// Every message that quotes what a user typed goes through here, so echoed text can neither ping
// anyone (@everyone, @here, <@id>, <#id>, Slack's <!here>) nor break out of its formatting
// (a backtick ending a code span, a newline starting a heading, markdown stars).

const ZWSP = '\u200b';

/** Line breaks and other control characters: inside a one-line quote they become spaces. */
/** Controls other than tab and line breaks: no platform shows them. */
const INVISIBLE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

/** @everyone/@here, and the `<@…>`, `<#…>`, `<!…>` syntax of Discord and Slack mentions. */
const MENTION = /@(everyone|here|channel)|<([@#!&])/giu;

export interface QuoteOptions {
  /** Longest quote in characters (code points); longer text is cut with "…". */
  max?: number;
}

const DEFAULT_MAX = 500;

/** A zero-width space after "@"/"<" stops every platform from reading a mention there. */
export function neutraliseMentions(text: string): string {
  return text.replace(MENTION, (m, word: string | undefined, sigil: string | undefined) => (word ? `@${ZWSP}${word}` : `<${ZWSP}${sigil}`));
}

function cut(text: string, max: number): string {
  const chars = Array.from(text); // code points: a cut never splits a surrogate pair
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** Escape markdown markup characters and neutralise mentions; line structure is kept. */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(text.replace(INVISIBLE_CONTROL, '').replace(/([\\*_`~|>])/g, '\\$1'));
}

/**
 * User text inside inline code: one line, no backtick can close the span (it becomes the look-alike
 * "ˋ"), no mention, at most `max` characters.
 */
export function inlineCode(text: string, opts: QuoteOptions = {}): string {
  const body = neutraliseMentions(cut(oneLine(String(text)), opts.max ?? DEFAULT_MAX).replace(/`/g, 'ˋ'));
  return '`' + (body.trim() ? body : ZWSP) + '`';
}

/** User text in running prose (a title, after a colon): one line, markdown escaped, no mention. */
export function userText(text: string, opts: QuoteOptions = {}): string {
  return escapeMarkdown(cut(oneLine(String(text)), opts.max ?? DEFAULT_MAX));
}

/** User text in a title, which no platform formats: one line, no mention, markdown left as typed. */
export function titleText(text: string, opts: QuoteOptions = {}): string {
  return neutraliseMentions(cut(oneLine(String(text)), opts.max ?? 200));
}
