/**
 * Opens a user's store by its path, detecting the engine: a directory is a LevelDB store, a file is a c1z (SQLite).
 */
import { promises as fs } from 'node:fs';
import type { Engine, EngineFactory, EngineOptions } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { leveldbFactory } from '../leveldb';
import { sqliteFactory } from '../sqlite';

/** The factory that serves the store at `location`; IO when nothing is there. */
export async function detectFactory(location: string): Promise<EngineFactory> {
  if (location === '') throw new StorageError('INVALID_ARGUMENT', 'the store path is empty');
  let stat;
  try {
    stat = await fs.stat(location);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : 'no such file or directory';
    throw new StorageError('IO', `${location}: ${why}`, { cause: err });
  }
  if (!stat.isDirectory()) return sqliteFactory;
  // Opening a LevelDB directory creates one when missing; a user's typo must not leave an empty store behind.
  const hasCurrent = await fs.stat(`${location}/CURRENT`).then(
    () => true,
    () => false,
  );
  if (!hasCurrent) throw new StorageError('CORRUPTION', `${location}: a directory that is not a LevelDB store`);
  return leveldbFactory;
}

/** Opens an existing store at `location` with the engine its kind implies. */
export async function openStore(location: string, options: EngineOptions): Promise<Engine> {
  return (await detectFactory(location)).open(location, options);
}
