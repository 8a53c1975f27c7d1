/**
 * The working copy every new store starts from: the Go SDK's v1 schema and the engine's helper indexes in an empty
 * rollback-journal database. It is built once per process, by the same statements a new store used to run, and kept as
 * the file's bytes; a new store's working copy is a copy of them, which saves the ~30 DDL statements at every new open
 * (fuzz runs open several new stores per run).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { createHelperIndexes, createV1Schema } from './schema';

/** Sets a working copy's connection up: a rollback journal (atomic transactions), no fsync (the copy is disposable). */
export function prepareConnection(db: Db): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
}

/** Creates a new store's database at `dbPath` with the DDL: connection set up, v1 schema, helper indexes. */
export function buildNewStoreFile(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    prepareConnection(db);
    createV1Schema(db);
    createHelperIndexes(db);
  } finally {
    db.close();
  }
}

let image: Buffer | undefined;

/** The bytes of a new store's database file, built (once per process) in `scratchDir`, a directory of our own. */
export function newStoreImage(scratchDir: string): Buffer {
  if (image === undefined) {
    const file = path.join(scratchDir, 'new-store.db');
    try {
      buildNewStoreFile(file);
      image = readFileSync(file);
    } finally {
      rmSync(file, { force: true });
    }
  }
  return image;
}
