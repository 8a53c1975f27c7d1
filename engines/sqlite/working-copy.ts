/**
 * The working copy of a c1z: the SQLite database decompressed into a private temporary directory, opened with
 * better-sqlite3. Saving compresses it back onto the c1z location (atomically, by the container); discarding only
 * removes the directory.
 */
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { StorageError } from '../../models/contract/errors';
import { compressC1z, decompressC1z, type C1zLimits } from '../c1z/container';
import { killPoint } from '../leftovers/kill-point';
import { removeStaleTempFiles, sweepWorkingCopiesOnce, workingCopyPrefix } from '../leftovers/stale';
import { NEW_FILE_SHAPE, readFileShape, restoreFileShape, type FileShape } from './file-shape';
import { newStoreImage, prepareConnection } from './new-store-image';
import { createHelperIndexes, migrateV1Schema, missingColumn } from './schema';
import { fromSqliteError } from './sqlite-errors';

/** An open working copy of one c1z location. */
export interface WorkingCopy {
  readonly location: string;
  readonly dir: string;
  readonly dbPath: string;
  readonly db: Db;
  /** True when nothing was at the location: closing then writes the (possibly empty) store. */
  readonly isNew: boolean;
  /** The schema and journal mode a save must give back (the file's own, or the Go SDK's for a new file). */
  readonly shape: FileShape;
}

/** Temp dirs of working copies still open; removed at process exit if their engine was never closed. */
const openDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of openDirs) rmSync(dir, { recursive: true, force: true });
});

/** True when anything (a file, a directory, a link) is at `location`. */
export async function pathExists(location: string): Promise<boolean> {
  try {
    await fs.lstat(location);
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return false;
    throw fromSqliteError(err, `stat ${location}`);
  }
}

/** True when a file is at `location`; IO when the location is unusable (a directory, no permission). */
export async function fileExists(location: string): Promise<boolean> {
  try {
    const stat = await fs.stat(location);
    if (!stat.isFile()) throw new StorageError('IO', `${location} is not a file`);
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return false;
    throw fromSqliteError(err, `stat ${location}`);
  }
}

async function assertDirectory(dir: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await fs.stat(dir)).isDirectory();
  } catch (err) {
    throw new StorageError('IO', `${dir}: no such directory`, { cause: err });
  }
  if (!isDir) throw new StorageError('IO', `${dir} is not a directory`);
}

/** Opens an existing database file, proving it sound; every SQLite failure here is CORRUPTION. */
function openExisting(dbPath: string): { db: Db; shape: FileShape } {
  let db: Db | undefined;
  try {
    db = new Database(dbPath);
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
      throw new StorageError('CORRUPTION', `quick_check failed: ${rows.map((r) => r.quick_check).join('; ')}`);
    }
    // Checked before anything is created: a file without its grants table is damaged, not an empty store.
    const missing = missingColumn(db);
    if (missing !== undefined) throw new StorageError('CORRUPTION', `not a c1z v1 database: ${missing} is missing`);
    const shape = readFileShape(db);
    prepareConnection(db);
    migrateV1Schema(db);
    createHelperIndexes(db);
    return { db, shape };
  } catch (err) {
    db?.close();
    const wrapped = fromSqliteError(err, 'open');
    // A file that SQLite reads but whose schema it cannot use is not a c1z store either.
    throw wrapped.code === 'IO' && (err as { code?: unknown }).code === 'SQLITE_ERROR'
      ? new StorageError('CORRUPTION', wrapped.message, { cause: err })
      : wrapped;
  }
}

/** Makes a working-copy dir in `tmpDir` (the OS temp dir by default); IO when it cannot be made there. */
async function makeTempDir(tmpDir: string | undefined): Promise<string> {
  try {
    return await fs.mkdtemp(workingCopyPrefix(tmpDir));
  } catch (err) {
    throw new StorageError('IO', `cannot make a working copy in ${tmpDir ?? 'the temp dir'}`, { cause: err });
  }
}

/**
 * Decompresses the c1z at `location` (or starts an empty database when none is there) into a fresh temp dir made in
 * `tmpDir` (the OS temp dir by default).
 */
export async function openWorkingCopy(location: string, limits: C1zLimits = {}, tmpDir?: string): Promise<WorkingCopy> {
  const exists = await fileExists(location);
  // A new store is only written at close; fail now, not then, when it could never be written.
  if (!exists) await assertDirectory(path.dirname(location));
  // What killed processes left (their working copies, a half-written save of this file) goes before we add ours.
  await sweepWorkingCopiesOnce(tmpDir);
  await removeStaleTempFiles(location);
  const dir = await makeTempDir(tmpDir);
  const dbPath = path.join(dir, 'store.db');
  try {
    if (exists) {
      await decompressC1z(location, dbPath, limits);
      const { db, shape } = openExisting(dbPath);
      openDirs.add(dir);
      killPoint('working-copy-open');
      return { location, dir, dbPath, db, isNew: false, shape };
    }
    // The file the schema statements would make, copied: the same bytes, without running them again.
    await fs.writeFile(dbPath, newStoreImage(dir));
    const db = new Database(dbPath);
    try {
      prepareConnection(db);
    } catch (err) {
      db.close();
      throw err;
    }
    openDirs.add(dir);
    return { location, dir, dbPath, db, isNew: true, shape: NEW_FILE_SHAPE };
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw fromSqliteError(err, `open ${location}`);
  }
}

/**
 * Closes the connection; when `save`, first gives the database back the file's shape (helper indexes dropped, journal
 * mode restored) and writes it to its location as a c1z. Always removes the dir.
 */
export async function closeWorkingCopy(copy: WorkingCopy, save: boolean, durable = true): Promise<void> {
  try {
    try {
      if (save) restoreFileShape(copy.db, copy.shape);
    } finally {
      copy.db.close();
    }
    if (save) await compressC1z(copy.dbPath, copy.location, { durable });
  } finally {
    openDirs.delete(copy.dir);
    await fs.rm(copy.dir, { recursive: true, force: true });
  }
}

/** Runs `fn` with a fresh temporary directory (in `tmpDir`, the OS temp dir by default) that is removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>, tmpDir?: string): Promise<T> {
  const dir = await makeTempDir(tmpDir);
  try {
    return await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
