/**
 * The protobuf writer behind every encoder: one reused scratch buffer, copied out once per record. A nested message
 * reserves one byte for its length and shifts its body in the rare case the length needs more.
 */
import { CodecError } from './codec-error';
import { copyBytes } from './slab';
import { writeUtf8 } from './utf8';

const INITIAL_SIZE = 4096;
const MAX_KEPT_SIZE = 1 << 20;

/** Appends protobuf wire data to a growable buffer. */
export class ProtoWriter {
  buf = new Uint8Array(INITIAL_SIZE);
  pos = 0;

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Writes an unsigned varint below 2^32 (tags and lengths). */
  uint32(v: number): void {
    this.ensure(5);
    const buf = this.buf;
    let pos = this.pos;
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }

  /** Writes an int32 as proto3 does: negative values take ten bytes, sign-extended. */
  int32(v: number, what: string): void {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
      throw new CodecError(`${what} must be an int32, got ${String(v)}`);
    }
    if (v >= 0) {
      this.uint32(v);
      return;
    }
    this.ensure(10);
    const buf = this.buf;
    let lo = v >>> 0;
    for (let i = 0; i < 4; i++) {
      buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo >>>= 7;
    }
    // Byte 5 holds the top 4 bits of the low word and 3 bits of the all-ones high word.
    buf[this.pos++] = lo | 0xf0;
    for (let i = 0; i < 4; i++) buf[this.pos++] = 0xff;
    buf[this.pos++] = 0x01;
  }

  /** Writes a string field (tag, length, UTF-8). */
  string(tag: number, s: string, what: string): void {
    this.uint32(tag);
    this.ensure(s.length * 3 + 5);
    const start = this.pos;
    this.pos = writeUtf8(this.buf, start + 1, s, what);
    this.endLength(start);
  }

  /** Writes a bytes field (tag, length, bytes). */
  bytes(tag: number, b: Uint8Array): void {
    this.uint32(tag);
    this.uint32(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Starts a length-delimited body after its tag; returns the position to hand to `endLength`. */
  begin(tag: number): number {
    this.uint32(tag);
    this.ensure(1);
    return this.pos++;
  }

  /** Writes the length of the body that starts after the byte reserved at `start`. */
  endLength(start: number): void {
    const len = this.pos - start - 1;
    if (len < 0x80) {
      this.buf[start] = len;
      return;
    }
    let extra = 0;
    for (let v = len >>> 7; v > 0; v >>>= 7) extra++;
    this.ensure(extra);
    this.buf.copyWithin(start + 1 + extra, start + 1, this.pos);
    let v = len;
    let pos = start;
    while (v > 0x7f) {
      this.buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[pos] = v;
    this.pos += extra;
  }

  /** Returns a copy of everything written (see slab.ts) and resets the writer. */
  finish(): Uint8Array {
    const len = this.pos;
    this.pos = 0;
    const out = copyBytes(this.buf, 0, len);
    // Do not keep a huge scratch buffer alive after one outsized record.
    if (this.buf.length > MAX_KEPT_SIZE) this.buf = new Uint8Array(INITIAL_SIZE);
    return out;
  }
}
