/**
 * Small byte arrays carved out of shared slabs, as Node's Buffer pool does: allocating one ArrayBuffer per encoded
 * record or decoded bytes field costs more than the encoding itself. Each result is a plain Uint8Array over its own
 * bytes; only its `.buffer` is shared, so callers must respect `byteOffset` (every Uint8Array API does).
 */

const SLAB_SIZE = 16384;
/** Arrays from this size up get an ArrayBuffer of their own. */
const OWN_BUFFER_FROM = 2048;

let slab = new ArrayBuffer(SLAB_SIZE);
let used = SLAB_SIZE;

/** Returns a copy of `src[start, end)`. */
export function copyBytes(src: Uint8Array, start: number, end: number): Uint8Array {
  const len = end - start;
  if (len >= OWN_BUFFER_FROM) return src.slice(start, end);
  if (used + len > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    used = 0;
  }
  const out = new Uint8Array(slab, used, len);
  // A loop beats subarray + set (which allocates a view) for the short values records hold.
  if (len < 64) for (let i = 0; i < len; i++) out[i] = src[start + i] as number;
  else out.set(src.subarray(start, end));
  // Keep every array 8-byte aligned, as Node's pool does.
  used += (len + 7) & ~7;
  return out;
}
