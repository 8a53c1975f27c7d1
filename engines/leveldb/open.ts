/**
 * Opening a LevelDB store: the directory is created when missing (a non-empty directory that is no LevelDB store is
 * refused), open errors become IO or CORRUPTION, an empty store gets the format marker, a non-empty store without the marker (another LevelDB format) is CORRUPTION, and
 * pending removals left by a crash are finished. A store an interrupted bulk writer left (incomplete.ts) is refused
 * before anything in it changes, unless the caller asks to open it to resume or discard it.
 */
import { readdir } from 'node:fs/promises';
import type { SyncRun } from '../../models/types';
import type { EngineOptions } from '../api';
import { StorageError } from '../errors';
import type { BulkNote } from '../raw';
import { recoverPending } from './cleanup';
import { createDb, levelError, type Db } from './db';
import { decodeNote, encodeNote, INCOMPLETE_KEY, incompleteError, NEVER_WRITTEN } from './incomplete';
import { FORMAT_MARKER_KEY } from './layout';
import { loadRuns } from './sync-runs';
import { MARKER_VALUE, REVISION_1_MARKER, upgradeSyncIndex } from './upgrade-sync-index';

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

/** Opens (creating when missing) the store at `location`. */
export async function openStore(location: string, mode: OpenMode = {}): Promise<OpenedStore> {
  const created = await checkDirectory(location);
  const db = createDb(location);
  try {
    await db.open();
  } catch (err) {
    throw levelError(err, `open ${location}`);
  }
  try {
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
