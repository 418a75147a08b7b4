// Text that enters an SVG: XML 1.0 forbids most control characters (NUL included), lone
// surrogates and U+FFFE/U+FFFF anywhere in a document, and resvg rejects the whole picture when
// one appears. User text (a token, a word, a sentence) is cleaned here before it reaches a chart.

/** Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Text for an element's content or a quoted attribute: forbidden characters dropped, markup escaped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
