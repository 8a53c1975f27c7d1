import { parseFrameHeader } from './frame-header';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

describe('parseFrameHeader', () => {
  it('reads the window descriptor of a multi-segment frame', () => {
    // The Go SDK's frames: checksum flag, no content size, window descriptor 0x68 = 2^23 (8 MiB).
    expect(parseFrameHeader(bytes(...MAGIC, 0x04, 0x68))).toEqual({ kind: 'zstd', windowSize: 8n << 20n, contentSize: undefined });
    // exponent 17, mantissa 1: 2^27 + 2^27 / 8.
    expect(parseFrameHeader(bytes(...MAGIC, 0x00, (17 << 3) | 1))).toMatchObject({ windowSize: (1n << 27n) + (1n << 24n) });
    expect(parseFrameHeader(bytes(...MAGIC, 0x00, 0xff))).toMatchObject({ windowSize: (1n << 41n) + 7n * (1n << 38n) });
  });

  it('takes the content size as the window of a single-segment frame, for every size field width', () => {
    expect(parseFrameHeader(bytes(...MAGIC, 0x20, 200))).toEqual({ kind: 'zstd', windowSize: 200n, contentSize: 200n });
    expect(parseFrameHeader(bytes(...MAGIC, 0x60, 0x00, 0x01))).toMatchObject({ contentSize: 512n });
    expect(parseFrameHeader(bytes(...MAGIC, 0xa0, 1, 0, 0, 1))).toMatchObject({ contentSize: 0x01000001n });
    expect(parseFrameHeader(bytes(...MAGIC, 0xe0, 0, 0, 0, 0, 1, 0, 0, 0))).toMatchObject({ contentSize: 1n << 32n });
    // A dictionary id (2 bytes here) sits between the window descriptor and the size.
    expect(parseFrameHeader(bytes(...MAGIC, 0x42, 0x50, 7, 7, 0x10, 0x00))).toMatchObject({
      windowSize: (1n << 20n) + 0n,
      contentSize: 16n + 256n,
    });
  });

  it('says how many bytes it needs when the header is cut', () => {
    expect(parseFrameHeader(bytes(0x28, 0xb5))).toEqual({ kind: 'incomplete', needed: 4 });
    expect(parseFrameHeader(bytes(...MAGIC))).toEqual({ kind: 'incomplete', needed: 5 });
    expect(parseFrameHeader(bytes(...MAGIC, 0x04))).toEqual({ kind: 'incomplete', needed: 6 });
    expect(parseFrameHeader(bytes(...MAGIC, 0xc3, 0x50))).toEqual({ kind: 'incomplete', needed: 18 });
    expect(parseFrameHeader(bytes(...MAGIC, 0xe3, 0x50))).toEqual({ kind: 'incomplete', needed: 17 });
    expect(parseFrameHeader(bytes(0x50, 0x2a, 0x4d, 0x18, 1))).toEqual({ kind: 'incomplete', needed: 8 });
  });

  it('recognises skippable frames and rejects anything else', () => {
    expect(parseFrameHeader(bytes(0x5a, 0x2a, 0x4d, 0x18, 3, 1, 0, 0))).toEqual({ kind: 'skippable', headerSize: 8, skipSize: 259 });
    expect(parseFrameHeader(bytes(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65))).toMatchObject({ kind: 'invalid' });
  });
});
