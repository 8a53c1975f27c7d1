/**
 * Stores for the maintenance verbs' tests, built from the real fixtures: copies of a fixture in both engines, and a
 * store holding the fixture's records under several finished full syncs (so that cleanup has something to delete).
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineOptions } from '../../../../models/contract/api';
import { leveldbFactory } from '../../../../engines/leveldb';
import { sqliteFactory } from '../../../../engines/sqlite';
import { asRawStore, copySyncs } from '../../../../engines/base/transfer';
import type { SyncRun } from '../../../../models/types';
import { fixture } from '../../test/cli-kit';

/** The engines a store of the tests is made in. */
export type StoreEngine = 'sqlite' | 'leveldb';

/** The only sync of each fixture. */
export const FIXTURE_SYNC: Record<string, string> = {
  'small-unexpanded.c1z': '36zfOAoWMxQdISbixanQCRBiX7E',
  'sync-in-progress.c1z': '3ARefY5G8eOytquwYgm41Nq07IZ',
};

function options(): EngineOptions {
  let n = 0;
  return { clock: () => 1_767_225_600_000_000, newSyncId: () => `new-${++n}` };
}

/** Puts a c1z at `dir/<name>.c1z` into the engine asked for: the file itself, or a LevelDB import of it. */
export async function inEngine(c1z: string, engine: StoreEngine, dir: string, name: string): Promise<string> {
  if (engine === 'sqlite') return c1z;
  const location = path.join(dir, `${name}.leveldb`);
  const src = asRawStore(await sqliteFactory.open(c1z, options()));
  const dst = asRawStore(await leveldbFactory.open(location, options()));
  try {
    await copySyncs(src, dst);
  } finally {
    await src.close();
    await dst.close();
  }
  return location;
}

/** A copy of a fixture in the engine asked for. */
export async function fixtureCopy(name: string, engine: StoreEngine, dir: string): Promise<string> {
  const c1z = path.join(dir, `copy-${name}`);
  await copyFile(fixture(name), c1z);
  return inEngine(c1z, engine, dir, `copy-${name}`);
}

/** The finished full syncs `full-1` .. `full-n`, an hour apart, each holding every record of the small fixture. */
export async function manySyncs(n: number, engine: StoreEngine, dir: string): Promise<{ location: string; runs: SyncRun[] }> {
  const c1z = path.join(dir, `many-${n}.c1z`);
  const src = asRawStore(await sqliteFactory.open(fixture('small-unexpanded.c1z'), options()));
  const dst = asRawStore(await sqliteFactory.open(c1z, options()));
  const hour = 3_600_000_000;
  const runs: SyncRun[] = [];
  try {
    for (let i = 1; i <= n; i++) {
      const run: SyncRun = { id: `full-${i}`, startedAt: 1_765_000_000_000_000 + i * hour, endedAt: 1_765_000_000_000_000 + i * hour + 60_000_000, syncToken: '', syncType: 'full', parentSyncId: '' };
      await dst.rawLoadSync(run, src.rawRecords(FIXTURE_SYNC['small-unexpanded.c1z'] as string));
      runs.push(run);
    }
  } finally {
    await src.close();
    await dst.close();
  }
  return { location: await inEngine(c1z, engine, dir, `many-${n}`), runs };
}
