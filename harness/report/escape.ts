/**
 * Escaping for HTML and XML. Ids may hold control characters and lone surrogates (the generator makes them on
 * purpose); XML 1.0 cannot carry those even as character references, so they are shown as `\uXXXX` text instead.
 */

// Characters XML 1.0 forbids (all C0 controls but tab, LF, CR; U+FFFE/U+FFFF) and lone surrogates; matching
// control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function visible(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Escapes text for HTML or XML element content and attribute values (quotes included). */
export function escapeMarkup(text: string): string {
  return text.replace(INVALID, visible).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Escapes an XML attribute value, keeping line breaks and tabs as character references so they survive parsing. */
export function escapeAttribute(text: string): string {
  return escapeMarkup(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
