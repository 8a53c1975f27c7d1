/**
 * The order-preserving, prefix-free tuple encoding of LevelDB keys. A key is a fixed two-byte header (format
 * version, kind) followed by its components; each component is its UTF-8 (or raw) bytes with 0x00 escaped as
 * 0x00 0xFF and terminated by 0x00 0x01. So byte order of keys is the order of their tuples compared component by
 * component, and a key range for a tuple prefix holds exactly the keys that extend that prefix (`u1` never matches
 * `u10`, `user` never matches `users`).
 */
import { StorageError } from '../../models/contract/errors';

/** One key component: a string (stored as UTF-8) or raw bytes. */
export type KeyPart = string | Uint8Array;

/** A key decoded into its header and raw components. */
export interface DecodedKey {
  readonly version: number;
  readonly kind: number;
  readonly parts: readonly Buffer[];
}

/** A half-open key range `[gte, lt)`. */
export interface KeyRange {
  readonly gte: Buffer;
  readonly lt: Buffer;
}

const ESCAPE = 0xff;
const TERMINATOR = 0x01;

function partBytes(part: KeyPart): Buffer {
  return typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
}

/** Encodes a tuple of components (no header). */
export function encodeTuple(parts: readonly KeyPart[]): Buffer {
  const raw = parts.map(partBytes);
  let size = 0;
  for (const b of raw) {
    size += b.length + 2;
    for (let i = b.indexOf(0); i !== -1; i = b.indexOf(0, i + 1)) size += 1;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const b of raw) {
    let from = 0;
    for (let i = b.indexOf(0); i !== -1; i = b.indexOf(0, i + 1)) {
      at += b.copy(out, at, from, i + 1);
      out[at++] = ESCAPE;
      from = i + 1;
    }
    at += b.copy(out, at, from);
    out[at++] = 0;
    out[at++] = TERMINATOR;
  }
  return out;
}

/** Decodes a tuple encoded by `encodeTuple`, starting at `offset`; throws CORRUPTION on malformed bytes. */
export function decodeTuple(buf: Uint8Array, offset = 0): Buffer[] {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const parts: Buffer[] = [];
  let chunks: Buffer[] = [];
  let from = offset;
  let i = bytes.indexOf(0, from);
  while (i !== -1) {
    const next = bytes[i + 1];
    if (next === ESCAPE) {
      chunks.push(bytes.subarray(from, i + 1));
    } else if (next === TERMINATOR) {
      chunks.push(bytes.subarray(from, i));
      parts.push(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
      chunks = [];
    } else {
      throw new StorageError('CORRUPTION', `malformed key: bad escape at byte ${i}`);
    }
    from = i + 2;
    i = bytes.indexOf(0, from);
  }
  if (from !== bytes.length) throw new StorageError('CORRUPTION', 'malformed key: unterminated component');
  return parts;
}

/**
 * The offset just past each component of an encoded key (its terminator included), reading from `offset`, without
 * decoding any component; throws CORRUPTION on malformed bytes, as `decodeTuple` does.
 */
export function componentEnds(key: Uint8Array, offset = 2): number[] {
  const ends: number[] = [];
  for (let i = offset; i < key.length; ) {
    const zero = key.indexOf(0, i);
    if (zero === -1 || zero + 1 >= key.length) throw new StorageError('CORRUPTION', 'malformed key: unterminated component');
    const next = key[zero + 1];
    if (next === TERMINATOR) ends.push(zero + 2);
    else if (next !== ESCAPE) throw new StorageError('CORRUPTION', `malformed key: bad escape at byte ${zero}`);
    i = zero + 2;
  }
  return ends;
}

const SEPARATOR = '\u0000\u0001';

/** True when every part is a string without U+0000, so that joining with the terminator is the encoding. */
function plainStrings(parts: readonly KeyPart[]): parts is readonly string[] {
  for (const p of parts) if (typeof p !== 'string' || p.includes('\u0000')) return false;
  return true;
}

/** Encodes a full key: header (version, kind) and components. */
export function encodeKey(version: number, kind: number, parts: readonly KeyPart[]): Buffer {
  // Fast path (one native call): U+0000 is the only code point whose UTF-8 holds a 0x00 byte, and the terminator
  // 0x00 0x01 is the UTF-8 of "\u0000\u0001"; header bytes below 0x80 are one UTF-8 byte each.
  if (version < 0x80 && kind < 0x80 && plainStrings(parts)) {
    return Buffer.from(String.fromCharCode(version, kind) + (parts.length === 0 ? '' : parts.join(SEPARATOR) + SEPARATOR), 'utf8');
  }
  const tuple = encodeTuple(parts);
  const out = Buffer.allocUnsafe(tuple.length + 2);
  out[0] = version;
  out[1] = kind;
  tuple.copy(out, 2);
  return out;
}

/** Decodes a full key; throws CORRUPTION on malformed bytes. */
export function decodeKey(key: Uint8Array): DecodedKey {
  if (key.length < 2) throw new StorageError('CORRUPTION', 'malformed key: shorter than its header');
  return { version: key[0] as number, kind: key[1] as number, parts: decodeTuple(key, 2) };
}

/** The smallest key greater than every key that starts with `prefix` (which ends in a terminator byte). */
export function prefixEnd(prefix: Uint8Array): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if ((end[i] as number) < 0xff) {
      end[i] = (end[i] as number) + 1;
      return end.subarray(0, i + 1);
    }
  }
  throw new StorageError('INVALID_ARGUMENT', 'a key prefix of only 0xFF bytes has no upper bound');
}

/** The range of every key that extends the key `prefix` (a header plus zero or more whole components). */
export function prefixRange(prefix: Buffer): KeyRange {
  return { gte: prefix, lt: prefixEnd(prefix) };
}

/** Encodes an integer so that byte order is numeric order (signed 64-bit, sign bit flipped, big-endian). */
export function encodeOrderedInt(value: number): Buffer {
  const out = Buffer.allocUnsafe(8);
  out.writeBigUInt64BE(BigInt(value) + 0x8000000000000000n);
  return out;
}

/** Decodes an integer written by `encodeOrderedInt`; throws CORRUPTION on a wrong length or an unsafe value. */
export function decodeOrderedInt(bytes: Uint8Array): number {
  if (bytes.length !== 8) throw new StorageError('CORRUPTION', 'malformed ordered integer');
  const value = Number(Buffer.from(bytes.buffer, bytes.byteOffset, 8).readBigUInt64BE() - 0x8000000000000000n);
  if (!Number.isSafeInteger(value)) throw new StorageError('CORRUPTION', 'ordered integer out of range');
  return value;
}
