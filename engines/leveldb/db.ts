/**
 * The classic-level handle as the engine uses it (binary keys and values), and the mapping of its errors to
 * StorageError codes with the native error kept as `cause`.
 */
import { ClassicLevel } from 'classic-level';
import { isStorageError, StorageError } from '../../models/contract/errors';

/** A classic-level database with Buffer keys and values. */
export type Db = ClassicLevel<Buffer, Buffer>;

/** An empty value, for index entries and markers. */
export const EMPTY = Buffer.alloc(0);

/** Creates (without opening) a database handle at `dir`. */
export function createDb(dir: string): Db {
  return new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer', createIfMissing: true });
}

/** Tells whether an error, or any error in its cause chain, reports corruption. */
function saysCorruption(err: unknown): boolean {
  // Duck-typed, not `instanceof Error`: native errors may come from another realm (a test runner's vm context).
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === 'LEVEL_CORRUPTION' || (typeof message === 'string' && /corrupt/i.test(message))) return true;
    e = cause;
  }
  return false;
}

/** Converts a classic-level failure into a StorageError (CORRUPTION when its cause says so, else IO). */
export function levelError(err: unknown, context: string): StorageError {
  if (isStorageError(err)) return err;
  const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  return new StorageError(saysCorruption(err) ? 'CORRUPTION' : 'IO', `${context}: ${message}`, { cause: err });
}

/** Runs `fn`, converting any non-StorageError it throws with `levelError`. */
export async function guarded<T>(context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw levelError(err, context);
  }
}
