/**
 * Strings in op text: a bare word when it is made only of safe ASCII characters, otherwise a double-quoted string
 * in which everything outside printable ASCII is escaped, so lines stay ASCII and no editor or terminal can
 * normalise, trim or swallow a character of an id (ids are compared as exact strings, SPEC §1).
 */

const BARE = /^[A-Za-z0-9_.-]+$/;

/** Tells whether a character may appear in a bare word. */
export function isBareChar(ch: string): boolean {
  return /^[A-Za-z0-9_.-]$/.test(ch);
}

function hex4(unit: number): string {
  return `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Quotes a string canonically: astral code points as `\u{...}`, other non-printable units as `\uXXXX`. */
export function quote(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit === 0x22) out += '\\"';
    else if (unit === 0x5c) out += '\\\\';
    else if (unit === 0x0a) out += '\\n';
    else if (unit === 0x09) out += '\\t';
    else if (unit === 0x0d) out += '\\r';
    else if (unit >= 0x20 && unit < 0x7f) out += value[i];
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += `\\u{${(value.codePointAt(i) as number).toString(16).toUpperCase()}}`;
        i++;
      } else {
        out += hex4(unit);
      }
    } else out += hex4(unit);
  }
  return `${out}"`;
}

/** Formats a string as a bare word when it can be one, else quoted. */
export function formatString(value: string): string {
  return BARE.test(value) ? value : quote(value);
}

/** Reads the quoted string that starts at `start` (on the opening quote); returns its value and the end index. */
export function unquote(line: string, start: number): { value: string; end: number } {
  let out = '';
  let i = start + 1;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const esc = line[i + 1];
    if (esc === '"' || esc === '\\') out += esc;
    else if (esc === 'n') out += '\n';
    else if (esc === 't') out += '\t';
    else if (esc === 'r') out += '\r';
    else if (esc === 'u' && line[i + 2] === '{') {
      const close = line.indexOf('}', i + 3);
      const digits = close < 0 ? '' : line.slice(i + 3, close);
      const cp = /^[0-9A-Fa-f]{1,6}$/.test(digits) ? parseInt(digits, 16) : NaN;
      if (!(cp <= 0x10ffff)) throw new QuoteError(`bad escape \\u{${digits}}`, i);
      out += String.fromCodePoint(cp);
      i = close + 1;
      continue;
    } else if (esc === 'u') {
      const digits = line.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(digits)) throw new QuoteError(`bad escape \\u${digits}`, i);
      // fromCharCode, not fromCodePoint: a lone surrogate must come back as the single unit it was.
      out += String.fromCharCode(parseInt(digits, 16));
      i += 6;
      continue;
    } else throw new QuoteError(`bad escape \\${esc ?? ''}`, i);
    i += 2;
  }
  throw new QuoteError('unterminated string', start);
}

/** A malformed quoted string, with the column where the problem is. */
export class QuoteError extends Error {
  override readonly name = 'QuoteError';

  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}
