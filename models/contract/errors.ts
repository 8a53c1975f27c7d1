/** The stable error codes of SPEC §7; only codes are compared between engines, never messages. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_ARGUMENT',
  'FAILED_PRECONDITION',
  'ASSET_TOO_LARGE',
  'CLOSED',
  'CORRUPTION',
  'IO',
] as const;

/** One of the stable error codes of SPEC §7. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The only error a public engine call may throw: a stable code, a free message and the native error as cause. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }
}

/** Tells whether a value is a StorageError (also across module copies, by shape). */
export function isStorageError(err: unknown): err is StorageError {
  return (
    err instanceof StorageError ||
    (err instanceof Error && err.name === 'StorageError' && (ERROR_CODES as readonly string[]).includes((err as StorageError).code))
  );
}

/** Wraps any thrown value as a StorageError, keeping a StorageError as it is and a native error as `cause`. */
export function toStorageError(err: unknown, fallback: ErrorCode = 'IO', context = 'operation failed'): StorageError {
  if (isStorageError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StorageError(fallback, `${context}: ${message}`, { cause: err });
}
