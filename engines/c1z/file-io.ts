/**
 * The small file primitives the container streams through, each turning a Node error into a StorageError 'IO'.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { StorageError } from '../../models/contract/errors';

// Duck-typed, not `instanceof Error`: errors made by Node core or a native addon can come from another realm (Jest).
/** The errno code (`ENOENT`, ...) of a Node error, if it has one. */
export function errnoCode(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The message of any thrown value. */
export function describe(err: unknown): string {
  const message = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(err);
}

/** Opens `path` for reading; IO saying it does not exist when it is missing. */
export async function openForRead(path: string, what: string): Promise<FileHandle> {
  try {
    return await fs.open(path, 'r');
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new StorageError('IO', `${what} ${path} does not exist`, { cause: err });
    }
    throw new StorageError('IO', `cannot open ${what} ${path}: ${describe(err)}`, { cause: err });
  }
}

/** Reads up to `buffer.length` bytes at the handle's current position; 0 means end of file. */
export async function readChunk(handle: FileHandle, buffer: Buffer, path: string): Promise<number> {
  try {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    return bytesRead;
  } catch (err) {
    throw new StorageError('IO', `cannot read ${path}: ${describe(err)}`, { cause: err });
  }
}

/** Writes all of `bytes` at the handle's current position, looping over short writes. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array, path: string): Promise<void> {
  let offset = 0;
  try {
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
      offset += bytesWritten;
    }
  } catch (err) {
    throw new StorageError('IO', `cannot write ${path}: ${describe(err)}`, { cause: err });
  }
}

/** Tells whether an error means "nothing is at this path". */
export function isMissing(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Builds the IO error for a failed file operation, keeping the native error as cause. */
export function ioError(action: string, err: unknown): StorageError {
  return new StorageError('IO', `${action}: ${describe(err)}`, { cause: err });
}
