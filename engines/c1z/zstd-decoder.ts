/**
 * A bounded, streaming zstd decoder: it checks every frame header against the window and size limits before
 * decoding it, counts decoded bytes as they come out, and hands output back one buffer at a time so that neither the
 * input nor the output is ever held whole in memory.
 */
import { DCtx, DParameter } from 'zstd-napi/binding';
import { StorageError } from '../../models/contract/errors';
import { describe } from './file-io';
import { parseFrameHeader } from './frame-header';

/** The two bounds of SPEC §8, in bytes. */
export interface DecoderBounds {
  readonly maxDecodedBytes: number;
  readonly maxWindowBytes: number;
}

const OUTPUT_CHUNK = 1 << 20;
const MAX_HEADER_BYTES = 18;
const MIN_WINDOW_LOG = 10;
const MAX_WINDOW_LOG = 31;

type State = 'frame-start' | 'in-frame' | 'skipping';

/** Decodes a zstd stream pushed in chunks; each yielded buffer is only valid until the generator resumes. */
export class BoundedZstdDecoder {
  private readonly dctx = new DCtx();
  private readonly out = Buffer.allocUnsafe(OUTPUT_CHUNK);
  private state: State = 'frame-start';
  private pendingHeader: Buffer = Buffer.alloc(0);
  private skipRemaining = 0;
  private decoded = 0;
  private frames = 0;

  constructor(private readonly bounds: DecoderBounds) {
    // The header check below is exact; windowLogMax is the decoder's own guard, rounded up to a power of two.
    const windowLog = Math.ceil(Math.log2(bounds.maxWindowBytes));
    this.dctx.setParameter(DParameter.windowLogMax, Math.min(MAX_WINDOW_LOG, Math.max(MIN_WINDOW_LOG, windowLog)));
  }

  /** How many bytes have been decoded so far. */
  get decodedBytes(): number {
    return this.decoded;
  }

  /** Feeds one chunk of the compressed stream and yields the decoded bytes it completes. */
  *push(chunk: Buffer): Generator<Buffer, void, undefined> {
    let src = chunk;
    while (src.length > 0) {
      if (this.state === 'skipping') {
        const n = Math.min(this.skipRemaining, src.length);
        this.skipRemaining -= n;
        src = src.subarray(n);
        if (this.skipRemaining === 0) this.state = 'frame-start';
      } else if (this.state === 'frame-start') {
        src = yield* this.startFrame(src);
      } else {
        src = src.subarray(yield* this.drive(src));
      }
    }
  }

  /** Ends the stream: CORRUPTION when it stops inside a frame or holds no zstd frame at all. */
  finish(): void {
    if (this.state !== 'frame-start' || this.pendingHeader.length > 0) {
      throw new StorageError('CORRUPTION', `zstd stream is truncated (ended inside a frame after ${this.decoded} decoded bytes)`);
    }
    if (this.frames === 0) throw new StorageError('CORRUPTION', 'zstd stream holds no zstd frame');
  }

  /** Reads (possibly across chunks) and checks the next frame's header, then starts decoding it; returns the rest. */
  private *startFrame(src: Buffer): Generator<Buffer, Buffer, undefined> {
    const peek = src.subarray(0, MAX_HEADER_BYTES);
    const bytes = this.pendingHeader.length > 0 ? Buffer.concat([this.pendingHeader, peek]) : peek;
    const header = parseFrameHeader(bytes);
    switch (header.kind) {
      case 'incomplete':
        // `bytes` is shorter than the 18-byte maximum header here, so all of `src` went into it.
        this.pendingHeader = Buffer.from(bytes);
        return src.subarray(src.length);
      case 'invalid':
        throw new StorageError('CORRUPTION', `zstd stream is corrupt at decoded byte ${this.decoded}: ${header.reason}`);
      case 'skippable': {
        const fromSrc = header.headerSize - this.pendingHeader.length;
        this.pendingHeader = Buffer.alloc(0);
        this.skipRemaining = header.skipSize;
        this.state = header.skipSize > 0 ? 'skipping' : 'frame-start';
        return src.subarray(fromSrc);
      }
      case 'zstd': {
        this.checkFrame(header.windowSize, header.contentSize);
        this.frames += 1;
        this.state = 'in-frame';
        const pending = this.pendingHeader;
        this.pendingHeader = Buffer.alloc(0);
        if (pending.length > 0) {
          const used = yield* this.drive(pending);
          if (used < pending.length) throw new StorageError('CORRUPTION', 'zstd frame header is corrupt');
        }
        return src;
      }
    }
  }

  private checkFrame(windowSize: bigint, contentSize: bigint | undefined): void {
    const { maxDecodedBytes, maxWindowBytes } = this.bounds;
    if (windowSize > BigInt(maxWindowBytes)) {
      throw new StorageError(
        'CORRUPTION',
        `zstd frame needs a window of ${windowSize} bytes, past the limit of ${maxWindowBytes} bytes`,
      );
    }
    if (contentSize !== undefined && BigInt(this.decoded) + contentSize > BigInt(maxDecodedBytes)) {
      throw new StorageError(
        'CORRUPTION',
        `zstd frame declares ${contentSize} decoded bytes, past the limit of ${maxDecodedBytes} bytes`,
      );
    }
  }

  /** Decodes from `src` until it is used up or the frame ends; returns how many bytes of `src` were consumed. */
  private *drive(src: Buffer): Generator<Buffer, number, undefined> {
    let offset = 0;
    for (;;) {
      let result: [number, number, number];
      try {
        result = this.dctx.decompressStream(this.out, src.subarray(offset));
      } catch (err) {
        throw new StorageError('CORRUPTION', `zstd stream is corrupt after ${this.decoded} decoded bytes: ${describe(err)}`, {
          cause: err,
        });
      }
      const [remaining, produced, consumed] = result;
      offset += consumed;
      if (produced > 0) {
        this.decoded += produced;
        if (this.decoded > this.bounds.maxDecodedBytes) {
          throw new StorageError('CORRUPTION', `c1z decodes to more than the limit of ${this.bounds.maxDecodedBytes} bytes`);
        }
        yield this.out.subarray(0, produced);
      }
      if (remaining === 0) {
        this.state = 'frame-start';
        return offset;
      }
      if (offset === src.length && produced < this.out.length) return offset;
      if (consumed === 0 && produced === 0) throw new StorageError('CORRUPTION', 'zstd decoder made no progress');
    }
  }
}
