/** Asserts that a call fails with one StorageError code (SPEC §7: only codes are compared). */
import { isStorageError, type ErrorCode, type StorageError } from '../../models/contract/errors';

function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    return text === undefined ? String(value) : text.slice(0, 300);
  } catch {
    return String(value);
  }
}

/** Awaits `promise` and returns its StorageError; throws unless it rejected with a StorageError of `code`. */
export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<StorageError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (err) {
    if (!isStorageError(err)) {
      throw new Error(`expected StorageError ${code}, got a non-StorageError: ${err instanceof Error ? err.stack : String(err)}`);
    }
    if (err.code !== code) throw new Error(`expected StorageError ${code}, got ${err.code}: ${err.message}`);
    return err;
  }
  throw new Error(`expected StorageError ${code}, but the call resolved with ${describeValue(value)}`);
}
