/**
 * A new store's working copy is a copy of an image built once per process: it must hold the very bytes the schema
 * statements make (built here directly, without the image), and a second new store gets the same bytes again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createHelperIndexes, createV1Schema } from '../schema';
import { openWorkingCopy, closeWorkingCopy } from '../working-copy';
import { tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The database file a new store used to start from: the DDL run on a fresh file. */
async function ddlBytes(file: string): Promise<Buffer> {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  createV1Schema(db);
  createHelperIndexes(db);
  db.close();
  return fs.readFile(file);
}

test('every new working copy holds exactly the bytes the schema statements make', async () => {
  const expected = await ddlBytes(path.join(dir, 'ddl.db'));
  for (const name of ['a', 'b']) {
    const copy = await openWorkingCopy(path.join(dir, `${name}.c1z`), {}, dir);
    try {
      expect(copy.isNew).toBe(true);
      expect(copy.db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.db.pragma('synchronous', { simple: true })).toBe(0);
      expect((await fs.readFile(copy.dbPath)).equals(expected)).toBe(true);
    } finally {
      await closeWorkingCopy(copy, false);
    }
  }
});
