/**
 * Snappy decompression (the raw block format LevelDB uses for compressed table blocks), enough to read a table's
 * index. Throws on any malformed input; never reads or writes out of bounds.
 */

function fail(what: string): never {
  throw new Error(`snappy: ${what}`);
}

/** Decompresses one raw snappy block. */
export function snappyDecompress(input: Uint8Array): Uint8Array {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) fail('bad length');
    const b = input[pos++] as number;
    length += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (length > 64 * 1024 * 1024) fail('block too large');
  const out = new Uint8Array(length);
  let op = 0;
  while (pos < input.length) {
    const tag = input[pos++] as number;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        if (pos + bytes > input.length) fail('truncated literal length');
        len = 0;
        for (let i = 0; i < bytes; i++) len += (input[pos + i] as number) * 2 ** (8 * i);
        pos += bytes;
      }
      len += 1;
      if (pos + len > input.length || op + len > length) fail('literal out of bounds');
      out.set(input.subarray(pos, pos + len), op);
      pos += len;
      op += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (pos >= input.length) fail('truncated copy');
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | (input[pos++] as number);
    } else {
      const bytes = kind === 2 ? 2 : 4;
      if (pos + bytes > input.length) fail('truncated copy');
      len = (tag >>> 2) + 1;
      offset = 0;
      for (let i = 0; i < bytes; i++) offset += (input[pos + i] as number) * 2 ** (8 * i);
      pos += bytes;
    }
    if (offset === 0 || offset > op || op + len > length) fail('copy out of bounds');
    for (let i = 0; i < len; i++, op++) out[op] = out[op - offset] as number;
  }
  if (op !== length) fail('length mismatch');
  return out;
}
