/**
 * UTF-8 for protobuf strings. Encoding is written by hand because short strings dominate records and a native call
 * costs more than their bytes. Decoding is strict (as Go's proto3 is), so a string that decodes always re-encodes to
 * the same bytes.
 */
import { CodecError } from './codec-error';

/** Writes `s` as UTF-8 into `buf` at `pos` (which has room for 3 bytes per UTF-16 unit) and returns the end. */
export function writeUtf8(buf: Uint8Array, pos: number, s: string, what: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || d < 0xdc00 || d >= 0xe000) {
        throw new CodecError(`${what} contains a lone surrogate at index ${i}`);
      }
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      buf[pos++] = 0xf0 | (cp >> 18);
      buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[pos++] = 0x80 | (cp & 0x3f);
      i++;
    }
  }
  return pos;
}

function invalid(what: string, at: number): CodecError {
  return new CodecError(`${what}: invalid UTF-8 at byte ${at}`);
}

function continuation(buf: Uint8Array, at: number, end: number, what: string): number {
  const b = at < end ? (buf[at] as number) : 0;
  if ((b & 0xc0) !== 0x80) throw invalid(what, at);
  return b & 0x3f;
}

/** Throws CodecError unless `buf[start, end)` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
export function checkUtf8(buf: Uint8Array, start: number, end: number, what: string): void {
  let i = start;
  while (i < end) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
    } else if (b >= 0xc2 && b < 0xe0) {
      continuation(buf, i + 1, end, what);
      i += 2;
    } else if (b >= 0xe0 && b < 0xf0) {
      const c1 = continuation(buf, i + 1, end, what);
      // Overlong forms are E0 80..9F; UTF-16 surrogates are ED A0..BF.
      if ((b === 0xe0 && c1 < 0x20) || (b === 0xed && c1 >= 0x20)) throw invalid(what, i);
      continuation(buf, i + 2, end, what);
      i += 3;
    } else if (b >= 0xf0 && b < 0xf5) {
      const c1 = continuation(buf, i + 1, end, what);
      // Overlong forms are F0 80..8F; code points past U+10FFFF are F4 90..BF.
      if ((b === 0xf0 && c1 < 0x10) || (b === 0xf4 && c1 >= 0x10)) throw invalid(what, i);
      continuation(buf, i + 2, end, what);
      continuation(buf, i + 3, end, what);
      i += 4;
    } else {
      throw invalid(what, i);
    }
  }
}

function codePointKey(c: number): number {
  // Surrogates sort above U+E000..U+FFFF in code point order, below them in UTF-16 unit order.
  return c >= 0xd800 ? (c < 0xe000 ? c + 0x2000 : c - 0x800) : c;
}

/** Compares two strings by code point, which is the byte order of their UTF-8 (Go's map key order). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointKey(x) - codePointKey(y);
  }
  return a.length - b.length;
}
