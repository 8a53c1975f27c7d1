import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../../models/contract/api';
import { sqliteFactory } from '../../sqlite';
import { asRawStore, copySyncs } from '../../base/transfer';
import { drain, Sandbox } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string): string => path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', name);

let sb: Sandbox;
beforeEach(async () => {
  sb = await Sandbox.create();
});
afterEach(async () => {
  await sb.cleanup();
});

/** Every reader's drained result for one sync, with ids sorted, for comparing two engines. */
async function snapshot(e: Engine, syncId: string): Promise<unknown> {
  const page = (t: string) => ({ syncId, pageSize: 1000, pageToken: t });
  const sortBy = <T>(xs: T[], id: (x: T) => string): T[] => xs.sort((a, b) => (id(a) < id(b) ? -1 : 1));
  const grants = sortBy(await drain((t) => e.listGrants(page(t))), (x) => x.record.id);
  const somePrincipal = grants[0]?.record.principal.id;
  return {
    stats: await e.stats(syncId),
    run: await e.getSync(syncId),
    types: sortBy(await drain((t) => e.listResourceTypes(page(t))), (x) => x.record.id),
    resources: sortBy(await drain((t) => e.listResources(page(t))), (x) => `${x.record.id.resourceType}:${x.record.id.resource}`),
    entitlements: sortBy(await drain((t) => e.listEntitlements(page(t))), (x) => x.record.id),
    grants,
    forPrincipal:
      somePrincipal === undefined
        ? []
        : sortBy(await drain((t) => e.listGrantsForPrincipal({ ...page(t), principalId: somePrincipal })), (x) => x.record.id),
  };
}

describe('leveldb engine on Go SDK fixtures', () => {
  it.each(['small-unexpanded.c1z', 'sync-in-progress.c1z'])('loads %s through RawStore and reads like the SQLite engine', async (name) => {
    const file = path.join(sb.dir, name);
    await copyFile(fixture(name), file);
    const src = await sqliteFactory.open(file, sb.options);
    sb.engines.push(src);
    const dst = await sb.open();
    const copied = await copySyncs(asRawStore(src), asRawStore(dst));
    expect(copied.syncs).toBeGreaterThan(0);
    expect(copied.records).toBeGreaterThan(0);
    expect((await dst.verify()).problems).toEqual([]);
    for (const run of (await src.listSyncRuns()).items) {
      expect(await snapshot(dst, run.id)).toEqual(await snapshot(src, run.id));
    }
    if (name !== 'sync-in-progress.c1z') return;
    // And back out: the LevelDB store exported as a new c1z reads the same after reopening.
    const out = sqliteFactory.locationIn(sb.dir, 'exported');
    const exported = await sqliteFactory.open(out, sb.options);
    await copySyncs(asRawStore(dst), asRawStore(exported));
    await exported.close();
    const back = await sqliteFactory.open(out, sb.options);
    sb.engines.push(back);
    for (const run of (await src.listSyncRuns()).items) {
      expect(await snapshot(back, run.id)).toEqual(await snapshot(src, run.id));
    }
  });
});
