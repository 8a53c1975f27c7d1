/**
 * The protobuf reader behind every decoder: one instance per record, bounds-checked against the innermost message
 * being read, so that any byte input either decodes or throws a CodecError naming the message and the byte offset.
 * Every loop consumes at least one byte, so decoding never hangs.
 */
import { CodecError } from './codec-error';
import { copyBytes } from './slab';
import { checkUtf8 } from './utf8';

type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;

// Node's undocumented Buffer#utf8Slice (protobufjs uses it too) is three times faster than Buffer#toString on short
// strings and works on any Uint8Array; it is not typed, hence the lookup.
const nativeUtf8Slice = (Buffer.prototype as unknown as { utf8Slice?: Utf8Slice }).utf8Slice;

/** Strings shorter than this are decoded in JavaScript when they are ASCII: a native call costs more. */
const NATIVE_FROM = 16;

/** Decodes strict UTF-8 natively; Node turns malformed input into U+FFFD, so only such a string needs the check. */
function decodeNative(buf: Uint8Array, start: number, end: number, what: string): string {
  const s =
    nativeUtf8Slice !== undefined
      ? nativeUtf8Slice.call(buf, start, end)
      : Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
  if (s.includes('\uFFFD')) checkUtf8(buf, start, end, what);
  return s;
}

/** Decodes strict UTF-8; throws CodecError on malformed input. */
function decodeUtf8(buf: Uint8Array, start: number, end: number, what: string): string {
  if (end - start >= NATIVE_FROM) return decodeNative(buf, start, end, what);
  let s = '';
  let i = start;
  // Eight characters at a time: each concatenation allocates a string.
  for (; i + 7 < end; i += 8) {
    const c0 = buf[i] as number;
    const c1 = buf[i + 1] as number;
    const c2 = buf[i + 2] as number;
    const c3 = buf[i + 3] as number;
    const c4 = buf[i + 4] as number;
    const c5 = buf[i + 5] as number;
    const c6 = buf[i + 6] as number;
    const c7 = buf[i + 7] as number;
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) >= 0x80) return decodeNative(buf, start, end, what);
    s += String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
  }
  for (; i < end; i++) {
    const c = buf[i] as number;
    if (c >= 0x80) return decodeNative(buf, start, end, what);
    s += String.fromCharCode(c);
  }
  return s;
}

/** Reads protobuf fields from `buf`, one nested message at a time. */
export class ProtoReader {
  /** Bits 32..63 of the last varint read. */
  private hi = 0;

  /** Reads `buf` from byte `pos` to `end`. */
  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
    public end = buf.length,
  ) {}

  /** Builds a CodecError that names a message or field and a byte offset. */
  fail(what: string, problem: string, at = this.pos): CodecError {
    return new CodecError(`${what}: ${problem} at byte ${at}`);
  }

  /** Reads a varint of up to ten bytes; returns its low 32 bits unsigned and keeps the high bits in `hi`. */
  varint(what: string): number {
    const buf = this.buf;
    const start = this.pos;
    if (start < this.end) {
      const b0 = buf[start] as number;
      if (b0 < 0x80) {
        this.pos = start + 1;
        this.hi = 0;
        return b0;
      }
    }
    let lo = 0;
    let hi = 0;
    let pos = start;
    for (let i = 0; i < 10; i++) {
      if (pos >= this.end) throw this.fail(what, 'truncated varint', start);
      const b = buf[pos++] as number;
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
      } else if (i < 9) hi |= (b & 0x7f) << (7 * i - 32);
      else if (b > 1) throw this.fail(what, 'varint overflows 64 bits', start);
      else hi |= b << 31;
      if (b < 0x80) {
        this.pos = pos;
        this.hi = hi;
        return lo >>> 0;
      }
    }
    throw this.fail(what, 'varint longer than 10 bytes', start);
  }

  /** Reads a field tag of message `what` and checks its field number and wire type. */
  tag(what: string): number {
    const at = this.pos;
    const tag = this.varint(what);
    if (this.hi !== 0 || tag >>> 3 === 0) throw this.fail(what, `invalid field number in tag ${tag}`, at);
    const wireType = tag & 7;
    if (wireType === 3 || wireType === 4) throw this.fail(what, `group (wire type ${wireType}) is not supported`, at);
    if (wireType > 5) throw this.fail(what, `invalid wire type ${wireType}`, at);
    return tag;
  }

  /** Reads a varint as an int32 (its low 32 bits, signed), as protobuf does for enums. */
  int32(what: string): number {
    return this.varint(what) | 0;
  }

  /** Reads a varint bool: any non-zero value is true. */
  bool(what: string): boolean {
    return (this.varint(what) | this.hi) !== 0;
  }

  /** Reads a length prefix and returns the end of the body it announces. */
  private bodyEnd(what: string): number {
    const at = this.pos;
    const len = this.varint(what);
    if (this.hi !== 0 || len > this.end - this.pos) throw this.fail(what, `length ${len} runs past the end`, at);
    return this.pos + len;
  }

  /** Reads a string field's body as strict UTF-8. */
  string(what: string): string {
    const end = this.bodyEnd(what);
    const start = this.pos;
    this.pos = end;
    return start === end ? '' : decodeUtf8(this.buf, start, end, what);
  }

  /** Reads a bytes field's body as a copy (see slab.ts). */
  bytes(what: string): Uint8Array {
    const end = this.bodyEnd(what);
    const out = copyBytes(this.buf, this.pos, end);
    this.pos = end;
    return out;
  }

  /** Enters a nested message's body: reads stop at its end until `leave` gets the returned outer end back. */
  enter(what: string): number {
    const end = this.bodyEnd(what);
    const outer = this.end;
    this.end = end;
    return outer;
  }

  /** Leaves the nested message entered last. */
  leave(outer: number): void {
    this.end = outer;
  }

  /** Reads packed varints as int32 values onto `out`. */
  packedInt32(what: string, out: number[]): void {
    const outer = this.enter(what);
    while (this.pos < this.end) out.push(this.varint(what) | 0);
    this.leave(outer);
  }

  /** Skips the value of a field this decoder does not keep. */
  skip(what: string, tag: number): void {
    const at = this.pos;
    switch (tag & 7) {
      case 0:
        this.varint(what);
        return;
      case 1:
        if (this.end - this.pos < 8) throw this.fail(what, 'truncated 64-bit field', at);
        this.pos += 8;
        return;
      case 2:
        this.pos = this.bodyEnd(what);
        return;
      default:
        if (this.end - this.pos < 4) throw this.fail(what, 'truncated 32-bit field', at);
        this.pos += 4;
    }
  }
}
