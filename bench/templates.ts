/**
 * Template stores: each engine's copy of the dataset, written once through the public contract before any workload
 * runs, and copied (untimed) into a fresh location whenever a workload needs a store that already holds data.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../models/contract/api';
import { BENCH_FACTORIES, benchOptions, TEMPLATE_EPOCH, type BenchEngine } from './engines';
import { allEntitlements, grantSlices, resourceSlices, resourceTypes, type DatasetShape } from '../harness/dataset/dataset';

/** Where one engine's templates are. */
export interface EngineTemplates {
  /** One finished full sync of every grant (`base-0001`). */
  readonly base: string;
  /** Three finished full syncs over sliding halves of the grants (`hist-0001` .. `hist-0003`). */
  readonly history: string;
}

/** Every engine's templates. */
export type Templates = Partial<Record<BenchEngine, EngineTemplates>>;

/** The grant windows of the history template: halves of the grants, each shifted by a tenth. */
export function historyWindows(s: DatasetShape): [number, number][] {
  const half = Math.floor(s.grants / 2);
  const shift = Math.floor(s.grants / 10);
  return [0, 1, 2].map((k) => [k * shift, k * shift + half]);
}

/** Writes one full sync holding every resource type, resource and entitlement and the grants in [from, to). */
export async function writeSync(engine: Engine, s: DatasetShape, from: number, to: number, batch: number): Promise<string> {
  const syncId = await engine.startNewSync({ type: 'full' });
  await engine.putResourceTypes(resourceTypes());
  for (const slice of resourceSlices(s, batch)) await engine.putResources(slice);
  const entitlements = allEntitlements(s);
  for (let at = 0; at < entitlements.length; at += batch) await engine.putEntitlements(entitlements.slice(at, at + batch));
  for (const slice of grantSlices(s, from, to, batch)) await engine.putGrants(slice);
  await engine.endSync();
  return syncId;
}

/** Opens a new store of `engine` at `location`, writes the given windows as syncs, and closes it. */
async function buildStore(engine: BenchEngine, location: string, s: DatasetShape, windows: readonly [number, number][], batch: number, prefix: string): Promise<void> {
  const store = await BENCH_FACTORIES[engine].open(location, benchOptions(TEMPLATE_EPOCH, prefix));
  try {
    for (const [from, to] of windows) await writeSync(store, s, from, to, batch);
  } finally {
    await store.close();
  }
}

/** Builds the base and history templates of `engine` inside `dir`. */
export async function buildTemplates(engine: BenchEngine, dir: string, s: DatasetShape, batch: number): Promise<EngineTemplates> {
  const factory = BENCH_FACTORIES[engine];
  const base = factory.locationIn(dir, `${engine}-base`);
  const history = factory.locationIn(dir, `${engine}-history`);
  await buildStore(engine, base, s, [[0, s.grants]], batch, 'base');
  await buildStore(engine, history, s, historyWindows(s), batch, 'hist');
  return { base, history };
}

/** Copies a template store (a c1z file or a LevelDB directory) to `to`, which must not exist. */
export async function copyStore(from: string, to: string): Promise<void> {
  const stat = await fs.stat(from);
  if (stat.isDirectory()) await fs.cp(from, to, { recursive: true, errorOnExist: true, force: false });
  else await fs.copyFile(from, to, fs.constants.COPYFILE_EXCL);
}

/** The total size in bytes of a store (a file, or every file under a directory). */
export async function storeBytes(location: string): Promise<number> {
  const stat = await fs.stat(location);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of await fs.readdir(location)) total += await storeBytes(path.join(location, name));
  return total;
}
