/**
 * Opening a LevelDB store: the directory is created when missing, but never its missing parents (IO); a non-empty
 * directory that is no LevelDB store is refused; the write-ahead logs and every table file's blocks are checked
 * against their CRC-32C (SPEC §7: damage is CORRUPTION, never read as less data); open errors become IO or
 * CORRUPTION; an empty store gets the format marker, a non-empty store without the marker (another LevelDB format) is
 * CORRUPTION; and pending removals left by a crash are finished.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncRun } from '../../models/types';
import { StorageError } from '../errors';
import { recoverPending } from './cleanup';
import { createDb, levelError, type Db } from './db';
import { FORMAT_MARKER_KEY, FORMAT_VERSION } from './layout';
import { loadRuns } from './sync-runs';
import { checkLogs } from './log-check';
import { checkTables, type TableDamage } from './table-check';

/** An opened store: the handle and its sync runs. */
export interface OpenedStore {
  readonly db: Db;
  readonly runs: Map<string, SyncRun>;
}

const MARKER_VALUE = Buffer.from(`c1z-parity leveldb format ${FORMAT_VERSION}`, 'utf8');

/** Checks the format marker, writing it into an empty store. */
async function checkFormat(db: Db, location: string): Promise<void> {
  const marker = db.getSync(FORMAT_MARKER_KEY);
  if (marker === undefined) {
    const any = await db.keys({ limit: 1 }).all();
    if (any.length > 0) throw new StorageError('CORRUPTION', `${location}: a LevelDB store of another format (no version marker)`);
    await db.put(FORMAT_MARKER_KEY, MARKER_VALUE);
    return;
  }
  if (!marker.equals(MARKER_VALUE)) {
    throw new StorageError('CORRUPTION', `${location}: unsupported store format ${JSON.stringify(marker.toString('utf8'))}`);
  }
}

const LEVELDB_FILE = /^(LOCK|LOG|LOG\.old|CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst|dbtmp))$/;

/** Refuses a non-empty directory that is no LevelDB store, rather than writing a new store among its files. */
async function checkDirectory(location: string): Promise<void> {
  const entries = await readdir(location).catch(() => undefined);
  if (entries === undefined || entries.includes('CURRENT')) return;
  const foreign = entries.find((e) => !LEVELDB_FILE.test(e));
  if (foreign !== undefined) {
    throw new StorageError('CORRUPTION', `${location}: not a LevelDB store (it holds ${JSON.stringify(foreign)} and no CURRENT)`);
  }
}

/** Checks the table files before LevelDB opens them; an unreadable directory is left for LevelDB's open to report. */
async function tableDamage(location: string): Promise<TableDamage[]> {
  return checkTables(location).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'ENOENT' || (err as { code?: unknown }).code === 'ENOTDIR') return [];
    throw levelError(err, `open ${location}`);
  });
}

/**
 * Keeps the damage of tables that are still there once LevelDB has opened: opening deletes the tables no version
 * references (a compaction's output cut short by a crash), which are not part of the store.
 */
async function liveDamage(location: string, damage: readonly TableDamage[]): Promise<TableDamage[]> {
  const live: TableDamage[] = [];
  for (const d of damage) if (await stat(path.join(location, d.file)).then(() => true, () => false)) live.push(d);
  return live;
}

/**
 * Creates the store's directory when missing, and only its last component: a missing parent is refused (IO), as the
 * c1z engine refuses it, and LevelDB's own recursive mkdir never runs (on a path such as /proc/x it loops forever).
 */
async function createDirectory(location: string): Promise<void> {
  if (location === '') throw new StorageError('INVALID_ARGUMENT', 'the store location is empty');
  try {
    await mkdir(location);
    return;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EEXIST') {
      if ((await stat(location)).isDirectory()) return;
      throw new StorageError('IO', `${location} is a file, not a LevelDB store directory`, { cause: err });
    }
    const parent = path.dirname(path.resolve(location));
    const parentIsDir = await stat(parent).then((s) => s.isDirectory(), () => undefined);
    if (parentIsDir === undefined) throw new StorageError('IO', `cannot create ${location}: the folder ${parent} does not exist`, { cause: err });
    if (!parentIsDir) throw new StorageError('IO', `cannot create ${location}: ${parent} is not a folder`, { cause: err });
    throw new StorageError('IO', `cannot create the directory ${location} (${String(code)})`, { cause: err });
  }
}

/** Opens (creating when missing) the store at `location`; CORRUPTION when a log or table file is damaged. */
export async function openStore(location: string): Promise<OpenedStore> {
  await createDirectory(location);
  await checkDirectory(location);
  // Before LevelDB opens: opening replays a log and deletes it, dropping any record whose checksum fails.
  const logs = await checkLogs(location).catch((err: unknown) => {
    throw levelError(err, `open ${location}`);
  });
  if (logs.length > 0) throw new StorageError('CORRUPTION', `${location}: damaged log ${logs.map((d) => `${d.file} (${d.message})`).join(', ')}`);
  const damage = await tableDamage(location);
  const db = createDb(location);
  try {
    await db.open();
  } catch (err) {
    throw levelError(err, `open ${location}`);
  }
  try {
    const live = await liveDamage(location, damage);
    if (live.length > 0) {
      throw new StorageError('CORRUPTION', `${location}: damaged table ${live.map((d) => `${d.file} (${d.message})`).join(', ')}`);
    }
    await checkFormat(db, location);
    const runs = await loadRuns(db);
    await recoverPending(db, runs);
    return { db, runs };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw levelError(err, `open ${location}`);
  }
}
