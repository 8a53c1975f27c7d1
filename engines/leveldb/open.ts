/**
 * Opening a LevelDB store: the directory is created when missing (a non-empty directory that is no LevelDB store is
 * refused), open errors become IO or CORRUPTION, an empty store gets the format marker, a non-empty store without the marker (another LevelDB format) is CORRUPTION, and
 * pending removals left by a crash are finished.
 */
import { readdir } from 'node:fs/promises';
import type { SyncRun } from '../../models/types';
import { StorageError } from '../errors';
import { recoverPending } from './cleanup';
import { createDb, levelError, type Db } from './db';
import { FORMAT_MARKER_KEY } from './layout';
import { loadRuns } from './sync-runs';
import { MARKER_VALUE, REVISION_1_MARKER, upgradeSyncIndex } from './upgrade-sync-index';

/** An opened store: the handle and its sync runs. */
export interface OpenedStore {
  readonly db: Db;
  readonly runs: Map<string, SyncRun>;
}

/** Checks the format marker, writing it into an empty store; true when the store is of layout revision 1. */
async function checkFormat(db: Db, location: string): Promise<boolean> {
  const marker = db.getSync(FORMAT_MARKER_KEY);
  if (marker === undefined) {
    const any = await db.keys({ limit: 1 }).all();
    if (any.length > 0) throw new StorageError('CORRUPTION', `${location}: a LevelDB store of another format (no version marker)`);
    await db.put(FORMAT_MARKER_KEY, MARKER_VALUE);
    return false;
  }
  if (marker.equals(REVISION_1_MARKER)) return true;
  if (!marker.equals(MARKER_VALUE)) {
    throw new StorageError('CORRUPTION', `${location}: unsupported store format ${JSON.stringify(marker.toString('utf8'))}`);
  }
  return false;
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

/** Opens (creating when missing) the store at `location`. */
export async function openStore(location: string): Promise<OpenedStore> {
  await checkDirectory(location);
  const db = createDb(location);
  try {
    await db.open();
  } catch (err) {
    throw levelError(err, `open ${location}`);
  }
  try {
    const revision1 = await checkFormat(db, location);
    const runs = await loadRuns(db);
    if (revision1) await upgradeSyncIndex(db, runs);
    await recoverPending(db, runs);
    return { db, runs };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw levelError(err, `open ${location}`);
  }
}
