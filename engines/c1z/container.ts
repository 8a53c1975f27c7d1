/**
 * The c1z v1 file container (SPEC §8): the 5 bytes `C1ZF\0` followed by one zstd stream of a SQLite database file.
 * Both directions stream through fixed-size buffers, so memory stays flat whatever the file size; decoding is bounded
 * by a decoded-size and a window limit; outputs appear only when complete (temp file + rename).
 */
import type { FileHandle } from 'node:fs/promises';
import type { C1zLimits } from '../../models/contract/c1z-limits';
import { isStorageError, StorageError } from '../../models/contract/errors';
import { writeAtomically } from './atomic-write';
import { errnoCode, ioError, isMissing, openForRead, readChunk, writeAll } from './file-io';
import { checkSqliteHeader, SQLITE_HEADER } from './sqlite-header';
import { BoundedZstdDecoder, type DecoderBounds } from './zstd-decoder';
import { ZstdEncoder } from './zstd-encoder';

export { assertSqliteHeader } from './sqlite-header';
export type { C1zLimits } from '../../models/contract/c1z-limits';

/** The magic bytes every c1z v1 file starts with. */
export const C1Z_MAGIC: Buffer = Buffer.from('C1ZF\0', 'latin1');

/** The default bounds of SPEC §8. */
export const DEFAULT_C1Z_LIMITS: Readonly<Required<C1zLimits>> = Object.freeze({
  maxDecodedBytes: 3 * 1024 ** 3,
  maxWindowBytes: 128 * 1024 ** 2,
});

const READ_CHUNK = 1 << 20;

function resolveLimits(limits: C1zLimits): DecoderBounds {
  const bounds = {
    maxDecodedBytes: limits.maxDecodedBytes ?? DEFAULT_C1Z_LIMITS.maxDecodedBytes,
    maxWindowBytes: limits.maxWindowBytes ?? DEFAULT_C1Z_LIMITS.maxWindowBytes,
  };
  for (const [name, value] of Object.entries(bounds)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new StorageError('INVALID_ARGUMENT', `c1z limit ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  return bounds;
}

async function readMagic(input: FileHandle, c1zPath: string): Promise<void> {
  const head = Buffer.alloc(C1Z_MAGIC.length);
  let length = 0;
  while (length < head.length) {
    const n = await readChunk(input, head.subarray(length), c1zPath);
    if (n === 0) break;
    length += n;
  }
  if (length < C1Z_MAGIC.length) {
    throw new StorageError('CORRUPTION', `${c1zPath}: not a c1z file (${length} bytes, shorter than the magic)`);
  }
  if (!head.equals(C1Z_MAGIC)) {
    throw new StorageError('CORRUPTION', `${c1zPath}: not a c1z file (wrong magic ${JSON.stringify(head.toString('latin1'))})`);
  }
}

/** Decodes the c1z at `c1zPath` into the SQLite file `dbPath`, streaming; CORRUPTION or IO, and no `dbPath` on failure. */
export async function decompressC1z(c1zPath: string, dbPath: string, limits: C1zLimits = {}): Promise<void> {
  const bounds = resolveLimits(limits);
  const input = await openForRead(c1zPath, 'c1z file');
  try {
    await readMagic(input, c1zPath);
    await writeAtomically(
      dbPath,
      async (output, tempPath) => {
        const decoder = new BoundedZstdDecoder(bounds);
        const chunk = Buffer.allocUnsafe(READ_CHUNK);
        let head = Buffer.alloc(0);
        for (;;) {
          const n = await readChunk(input, chunk, c1zPath);
          if (n === 0) break;
          for (const piece of decoder.push(chunk.subarray(0, n))) {
            // Checked as soon as 16 bytes are out, so a non-SQLite payload fails without decoding it all.
            if (head.length < SQLITE_HEADER.length) {
              head = Buffer.concat([head, piece.subarray(0, SQLITE_HEADER.length - head.length)]);
              if (head.length === SQLITE_HEADER.length) checkSqliteHeader(head, c1zPath);
            }
            await writeAll(output, piece, tempPath);
          }
        }
        decoder.finish();
        checkSqliteHeader(head, c1zPath);
      },
      { durable: false },
    );
  } finally {
    await input.close().catch(() => undefined);
  }
}

/**
 * Encodes the SQLite file `dbPath` as a c1z at `c1zPath`, written atomically (temp file, rename); `durable` (the
 * default) fsyncs before the rename, which throwaway stores (fuzz runs) skip.
 */
export async function compressC1z(dbPath: string, c1zPath: string, options: { durable?: boolean } = {}): Promise<void> {
  const input = await openForRead(dbPath, 'database file');
  try {
    let size: number;
    try {
      size = (await input.stat()).size;
    } catch (err) {
      throw ioError(`cannot stat ${dbPath}`, err);
    }
    await writeAtomically(
      c1zPath,
      async (output, tempPath) => {
        await writeAll(output, C1Z_MAGIC, tempPath);
        const encoder = new ZstdEncoder(undefined, size);
        const chunk = Buffer.allocUnsafe(READ_CHUNK);
        try {
          for (;;) {
            const n = await readChunk(input, chunk, dbPath);
            if (n === 0) break;
            for (const piece of encoder.push(chunk.subarray(0, n))) await writeAll(output, piece, tempPath);
          }
          for (const piece of encoder.end()) await writeAll(output, piece, tempPath);
        } catch (err) {
          // zstd refuses to end the frame when the file changed size under us ("Src size is incorrect").
          throw isStorageError(err) ? err : ioError(`cannot compress ${dbPath}`, err);
        }
      },
      { durable: options.durable ?? true },
    );
  } finally {
    await input.close().catch(() => undefined);
  }
}

/** Tells whether `path` is a file starting with the c1z magic (false when nothing is there; IO when unreadable). */
export async function isC1zFile(path: string): Promise<boolean> {
  let input: FileHandle;
  try {
    input = await openForRead(path, 'file');
  } catch (err) {
    if (isStorageError(err) && isMissing(err.cause)) return false;
    throw err;
  }
  try {
    const head = Buffer.alloc(C1Z_MAGIC.length);
    const { bytesRead } = await input.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(C1Z_MAGIC);
  } catch (err) {
    if (errnoCode(err) === 'EISDIR') return false;
    throw ioError(`cannot read ${path}`, err);
  } finally {
    await input.close().catch(() => undefined);
  }
}
