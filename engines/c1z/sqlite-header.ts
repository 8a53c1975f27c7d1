/**
 * The 16-byte header every SQLite database file starts with, checked on a c1z's payload so that a file which
 * decodes to something else fails as CORRUPTION at open instead of deep inside the engine.
 */
import { promises as fs } from 'node:fs';
import { StorageError } from '../../models/contract/errors';
import { ioError } from './file-io';

/** The first 16 bytes of every SQLite 3 database file. */
export const SQLITE_HEADER: Buffer = Buffer.from('SQLite format 3\0', 'latin1');

/** Throws CORRUPTION unless `head` (the first bytes of a payload) starts with the SQLite header. */
export function checkSqliteHeader(head: Uint8Array, source: string): void {
  if (head.length < SQLITE_HEADER.length || !SQLITE_HEADER.equals(head.subarray(0, SQLITE_HEADER.length))) {
    throw new StorageError('CORRUPTION', `${source}: the payload is not a SQLite database (bad header)`);
  }
}

/** Throws CORRUPTION unless the file at `dbPath` starts with the SQLite header (IO when it cannot be read). */
export async function assertSqliteHeader(dbPath: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await fs.open(dbPath, 'r');
    try {
      const buffer = Buffer.alloc(SQLITE_HEADER.length);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw ioError(`cannot read ${dbPath}`, err);
  }
  checkSqliteHeader(head, dbPath);
}
