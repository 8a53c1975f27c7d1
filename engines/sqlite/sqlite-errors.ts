/** Maps native SQLite failures onto the contract's codes: a damaged database is CORRUPTION, anything else IO. */
import { StorageError, isStorageError } from '../../models/contract/errors';

/** SQLite result codes that mean the database file itself is damaged or is not a database. */
function isCorruptionCode(code: unknown): boolean {
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Wraps a thrown value as a StorageError: CORRUPTION for a damaged database, IO for other native errors. */
export function fromSqliteError(err: unknown, context: string): StorageError {
  if (isStorageError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  return new StorageError(isCorruptionCode(code) ? 'CORRUPTION' : 'IO', `${context}: ${message}`, { cause: err });
}
