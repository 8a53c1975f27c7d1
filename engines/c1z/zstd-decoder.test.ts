import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CCtx, CParameter, EndDirective } from 'zstd-napi/binding';
import { StorageError } from '../../models/contract/errors';
import { BoundedZstdDecoder } from './zstd-decoder';
import { ZstdEncoder } from './zstd-encoder';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixture = (name: string): string => path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', name);
const UNBOUNDED = { maxDecodedBytes: 2 ** 40, maxWindowBytes: 2 ** 31 };

function decodeAll(decoder: BoundedZstdDecoder, chunks: Iterable<Buffer>): Buffer {
  const out: Buffer[] = [];
  for (const chunk of chunks) for (const piece of decoder.push(chunk)) out.push(Buffer.from(piece));
  decoder.finish();
  return Buffer.concat(out);
}

function* slices(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function encode(payload: Buffer, pledged?: number): Buffer {
  const encoder = new ZstdEncoder(3, pledged);
  const parts = [...encoder.push(payload), ...encoder.end()].map((b) => Buffer.from(b));
  return Buffer.concat(parts);
}

describe('BoundedZstdDecoder', () => {
  it('decodes a Go SDK stream fed one byte at a time like one fed whole', async () => {
    const stream = (await fs.readFile(fixture('sync-in-progress.c1z'))).subarray(5);
    const whole = decodeAll(new BoundedZstdDecoder(UNBOUNDED), [stream]);
    expect(whole.length).toBe(139_264);
    expect(decodeAll(new BoundedZstdDecoder(UNBOUNDED), slices(stream, 1)).equals(whole)).toBe(true);
    expect(decodeAll(new BoundedZstdDecoder(UNBOUNDED), slices(stream, 7)).equals(whole)).toBe(true);
  });

  it('checks headers split across chunks, with and without a declared size, and skippable frames', () => {
    const payload = Buffer.from('SQLite format 3\0'.repeat(5000));
    const skippable = Buffer.from([0x5f, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9]);
    const stream = Buffer.concat([encode(payload, payload.length), skippable, encode(payload)]);
    const expected = Buffer.concat([payload, payload]);
    for (const size of [1, 2, 3, 5, 11]) {
      expect(decodeAll(new BoundedZstdDecoder(UNBOUNDED), slices(stream, size)).equals(expected)).toBe(true);
    }
    const first = new BoundedZstdDecoder({ maxDecodedBytes: payload.length - 1, maxWindowBytes: 2 ** 27 });
    expect(() => decodeAll(first, slices(stream, 3))).toThrow(/declares 80000 decoded bytes/);
    // The second frame declares no size: the limit is then found while decoding it.
    const second = new BoundedZstdDecoder({ maxDecodedBytes: payload.length * 2 - 1, maxWindowBytes: 2 ** 27 });
    expect(() => decodeAll(second, slices(stream, 3))).toThrow(/more than the limit of 159999 bytes/);
  });

  it('hands out bounded, reused buffers, so a highly compressible stream never sits whole in memory', () => {
    const cctx = new CCtx();
    cctx.setParameter(CParameter.windowLog, 20);
    const zeros = Buffer.alloc(1 << 20);
    const out = Buffer.alloc(1 << 20);
    const parts: Buffer[] = [];
    for (let i = 0; i < 64; i += 1) {
      const [, produced] = cctx.compressStream2(out, zeros, EndDirective.continue);
      parts.push(Buffer.from(out.subarray(0, produced)));
    }
    const [, produced] = cctx.compressStream2(out, Buffer.alloc(0), EndDirective.end);
    parts.push(Buffer.from(out.subarray(0, produced)));
    const stream = Buffer.concat(parts);
    expect(stream.length).toBeLessThan(64 << 10);

    const decoder = new BoundedZstdDecoder(UNBOUNDED);
    const backing = new Set<ArrayBufferLike>();
    let total = 0;
    let largest = 0;
    for (const piece of decoder.push(stream)) {
      backing.add(piece.buffer);
      total += piece.length;
      largest = Math.max(largest, piece.length);
    }
    decoder.finish();
    expect(total).toBe(64 << 20);
    expect(largest).toBeLessThanOrEqual(1 << 20);
    expect(backing.size).toBe(1);

    const bounded = new BoundedZstdDecoder({ maxDecodedBytes: 5 << 20, maxWindowBytes: 2 ** 27 });
    let seen = 0;
    expect(() => {
      for (const piece of bounded.push(stream)) seen += piece.length;
    }).toThrow(StorageError);
    expect(seen).toBeLessThanOrEqual(5 << 20);
  });

  it('refuses a window past the limit before decoding anything', () => {
    const cctx = new CCtx();
    cctx.setParameter(CParameter.windowLog, 22);
    const out = Buffer.alloc(1 << 16);
    const [, a] = cctx.compressStream2(out, Buffer.from('SQLite format 3\0'), EndDirective.continue);
    const [, b] = cctx.compressStream2(out.subarray(a), Buffer.alloc(0), EndDirective.end);
    const stream = out.subarray(0, a + b);
    const decoder = new BoundedZstdDecoder({ maxDecodedBytes: 1 << 30, maxWindowBytes: 3 << 20 });
    expect(() => [...decoder.push(stream)]).toThrow(/window of 4194304 bytes, past the limit of 3145728/);
  });
});
