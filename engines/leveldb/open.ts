/**
 * Opening a LevelDB store: the directory is created when missing, but never its missing parents (IO); a non-empty
 * directory that is no LevelDB store is refused; the write-ahead logs and every table file's blocks are checked
 * against their CRC-32C (SPEC §7: damage is CORRUPTION, never read as less data); open errors become IO or
 * CORRUPTION; an empty store gets the format marker, a non-empty store without the marker (another LevelDB format) is
 * CORRUPTION; and pending removals left by a crash are finished. A store an interrupted bulk writer left
 * (incomplete.ts) is refused before anything in it changes, unless the caller asks to open it to resume or discard it.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncRun } from '../../models/types';
import type { EngineOptions } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import type { BulkNote } from '../../models/contract/raw';
import { recoverPending } from './cleanup';
import { createDb, levelError, type Db } from './db';
import { decodeNote, encodeNote, INCOMPLETE_KEY, incompleteError, NEVER_WRITTEN } from './incomplete';
import { FORMAT_MARKER_KEY } from './layout';
import { loadRuns } from './sync-runs';
import { MARKER_VALUE, REVISION_1_MARKER, upgradeSyncIndex } from './upgrade-sync-index';
import { checkLogs } from './log-check';
import { checkTables, liveTableNames, type TableDamage } from './table-check';

/** An opened store: the handle and its sync runs. */
export interface OpenedStore {
  readonly db: Db;
  readonly runs: Map<string, SyncRun>;
  /** The note of the interrupted bulk writer that left this store (only when opened with `openIncomplete`). */
  readonly incomplete: BulkNote | undefined;
}

/** What the open is for: a bulk writer creating its store, or opening what an interrupted one left. */
type OpenMode = Pick<EngineOptions, 'bulkNote' | 'openIncomplete'>;

/** What the format marker says of a store: the incomplete note it carries, and whether it is of layout revision 1. */
interface FormatState {
  readonly incomplete: BulkNote | undefined;
  readonly revision1: boolean;
}

/**
 * Checks the format marker, writing it (with a bulk writer's incomplete mark, in one batch) into a store this open
 * created; returns the incomplete note the store carries, if any, and whether its layout needs the revision-2 upgrade.
 */
async function checkFormat(db: Db, location: string, created: boolean, mode: OpenMode): Promise<FormatState> {
  const marker = db.getSync(FORMAT_MARKER_KEY);
  if (marker === undefined) {
    const any = await db.keys({ limit: 1 }).all();
    if (any.length > 0) throw new StorageError('CORRUPTION', `${location}: a LevelDB store of another format (no version marker)`);
    // Every store gets its marker in its creator's first write: an existing store without one lost its creator.
    if (!created) return { incomplete: NEVER_WRITTEN, revision1: false };
    const ops: { type: 'put'; key: Buffer; value: Buffer }[] = [{ type: 'put', key: FORMAT_MARKER_KEY, value: MARKER_VALUE }];
    if (mode.bulkNote !== undefined) ops.push({ type: 'put', key: INCOMPLETE_KEY, value: encodeNote(mode.bulkNote) });
    await db.batch(ops);
    return { incomplete: mode.bulkNote, revision1: false };
  }
  const revision1 = marker.equals(REVISION_1_MARKER);
  if (!revision1 && !marker.equals(MARKER_VALUE)) {
    throw new StorageError('CORRUPTION', `${location}: unsupported store format ${JSON.stringify(marker.toString('utf8'))}`);
  }
  if (mode.bulkNote !== undefined) throw new StorageError('INVALID_ARGUMENT', `${location}: a bulk writer must create its store`);
  const note = db.getSync(INCOMPLETE_KEY);
  return { incomplete: note === undefined ? undefined : decodeNote(note), revision1 };
}

const LEVELDB_FILE = /^(LOCK|LOG|LOG\.old|CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst|dbtmp))$/;

/**
 * Refuses a non-empty directory that is no LevelDB store, rather than writing a new store among its files; tells
 * whether the open will create the store (no CURRENT yet).
 */
async function checkDirectory(location: string): Promise<boolean> {
  const entries = await readdir(location).catch(() => undefined);
  if (entries === undefined) return true;
  if (entries.includes('CURRENT')) return false;
  const foreign = entries.find((e) => !LEVELDB_FILE.test(e));
  if (foreign !== undefined) {
    throw new StorageError('CORRUPTION', `${location}: not a LevelDB store (it holds ${JSON.stringify(foreign)} and no CURRENT)`);
  }
  return true;
}

/** Checks the table files before LevelDB opens them; an unreadable directory is left for LevelDB's open to report. */
async function tableDamage(location: string): Promise<TableDamage[]> {
  return checkTables(location).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'ENOENT' || (err as { code?: unknown }).code === 'ENOTDIR') return [];
    throw levelError(err, `open ${location}`);
  });
}

/**
 * Keeps the damage of tables that belong to the store once LevelDB has opened: opening deletes the tables no version
 * references (a compaction's output cut short by a crash), and recovering a log may write a new, sound table under the
 * number of such a deleted one (its number was never recorded), so the damaged files of the current version are
 * checked again rather than only looked for.
 */
async function liveDamage(db: Db, location: string, damage: readonly TableDamage[]): Promise<TableDamage[]> {
  if (damage.length === 0) return [];
  const live = new Set(await liveTableNames(location, db.getProperty('leveldb.sstables')));
  return checkTables(location, damage.map((d) => d.file).filter((f) => live.has(f)));
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
export async function openStore(location: string, mode: OpenMode = {}): Promise<OpenedStore> {
  await createDirectory(location);
  const created = await checkDirectory(location);
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
    const live = await liveDamage(db, location, damage);
    if (live.length > 0) {
      throw new StorageError('CORRUPTION', `${location}: damaged table ${live.map((d) => `${d.file} (${d.message})`).join(', ')}`);
    }
    const { incomplete, revision1 } = await checkFormat(db, location, created, mode);
    if (incomplete !== undefined && mode.bulkNote === undefined && mode.openIncomplete !== true) throw incompleteError(location, incomplete);
    const runs = await loadRuns(db);
    if (revision1) await upgradeSyncIndex(db, runs);
    await recoverPending(db, runs);
    return { db, runs, incomplete };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw levelError(err, `open ${location}`);
  }
}
