// Neutral markdown → Slack mrkdwn. Slack treats `<…>` as mentions and links (`<!channel>`,
// `<@U123>`, `<https://x|label>`), so &, < and > are always escaped first: echoed text can then
// never ping or form a link. Slack has no backslash escapes, so our `\*`-style escapes become
// look-alike characters that cannot start formatting.

const LOOKALIKE: Record<string, string> = { '*': '∗', _: 'ˍ', '`': 'ˋ', '~': '∼', '|': '|', '>': '›', '\\': '⧵' };

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function convertInline(text: string): string {
  return (
    text
      // Protect backslash escapes from the formatting rules below.
      .replace(/\\([\\*_`~|>])/g, (_, c: string) => LOOKALIKE[c])
      .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, '\u0000$1\u0000') // **bold** → placeholder
      .replace(/(^|[^*\w])\*(?=\S)([^*\n]+?)\*(?![*\w])/g, '$1_$2_') // *italic* → _italic_
      .replace(/\u0000/g, '*')
      .replace(/^(\s*)[-*] /gm, '$1• ')
  );
}

/** Convert outside code (``` blocks and `spans`); code is only escaped. */
export function toMrkdwn(markdown: string): string {
  const parts = markdown.split(/(```[\s\S]*?```|`[^`\n]*`)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return escapeSlack(part);
      return convertInline(escapeSlack(part));
    })
    .join('');
}
