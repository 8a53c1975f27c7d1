import seedrandom from 'seedrandom';
import type { Engine } from '../../../models/contract/api';
import { createDb } from '../db';
import { Kind, key, resourceKey } from '../layout';
import { drain, ent, grant, res, rid, rt, Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await Sandbox.create();
});
afterEach(async () => {
  await sb.cleanup();
});

const TYPES = ['user', 'users', 'group'];
const IDS = ['u1', 'u10', 'a', 'a\u0001', '\u{1F600}'];

/** Runs a seeded random workload of writes, sync lifecycle, diffs and cleanups. */
async function workload(e: Engine, seed: string, steps: number): Promise<{ diffs: number; deleted: number }> {
  const tally = { diffs: 0, deleted: 0 };
  const rnd = seedrandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const anyRid = () => rid(pick(TYPES), pick(IDS));
  const finished: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < steps; i++) {
    sb.now += pick([0, 0, 1, 5, -3]);
    const op = rnd();
    if (current === undefined || op < 0.05) {
      if (current !== undefined) {
        await e.endSync();
        finished.push(current);
      }
      current = await e.startNewSync({ type: pick(['full', 'full', 'partial']) });
      continue;
    }
    const ifNewer = rnd() < 0.3;
    const n = 1 + Math.floor(rnd() * 4);
    const many = <T>(make: () => T): T[] => Array.from({ length: n }, make);
    if (op < 0.15) await e.putResourceTypes(many(() => rt(pick(TYPES))), { ifNewer });
    else if (op < 0.35) await e.putResources(many(() => res(pick(TYPES), pick(IDS), rnd() < 0.5 ? anyRid() : undefined)), { ifNewer });
    else if (op < 0.5) await e.putEntitlements(many(() => ent(pick(IDS), anyRid())), { ifNewer });
    else if (op < 0.8) await e.putGrants(many(() => grant(pick(IDS), pick(IDS), anyRid(), anyRid())), { ifNewer });
    else if (op < 0.87) await e.deleteGrant(pick(IDS));
    else if (op < 0.92) await e.putAsset(pick(IDS), pick(['a/b', 'c/d']), Uint8Array.of(i % 256));
    else if (op < 0.96 && finished.length >= 2) {
      await e.generateSyncDiff(pick(finished), pick(finished));
      tally.diffs += 1;
    }
    else if (finished.length >= 3) {
      await e.endSync();
      finished.push(current);
      current = undefined;
      const gone = await e.cleanup({ keep: 1 });
      tally.deleted += gone.length;
      finished.splice(0, finished.length, ...finished.filter((s) => !gone.includes(s)));
    }
  }
  return tally;
}

/** Checks that every sync's stats equal what its lists hold. */
async function statsMatchLists(e: Engine): Promise<void> {
  for (const run of (await e.listSyncRuns()).items) {
    const syncId = run.id;
    const resources = await drain((t) => e.listResources({ syncId, pageToken: t }));
    const types = await drain((t) => e.listResourceTypes({ syncId, pageToken: t }));
    // A key per stored resource type (SPEC §4), counting its resources.
    const byType: Record<string, number> = Object.fromEntries(types.map((t) => [t.record.id, 0]));
    for (const r of resources) if (r.record.id.resourceType in byType) byType[r.record.id.resourceType] = (byType[r.record.id.resourceType] ?? 0) + 1;
    expect(await e.stats(syncId)).toEqual({
      resourceTypes: types.length,
      resources: resources.length,
      entitlements: (await drain((t) => e.listEntitlements({ syncId, pageToken: t }))).length,
      grants: (await drain((t) => e.listGrants({ syncId, pageToken: t }))).length,
      assets: (await Promise.all(IDS.map((id) => e.getAsset(id, { syncId }).then(() => 1, () => 0)))).reduce((a: number, b) => a + b, 0),
      resourcesByType: byType,
    });
  }
}

describe('leveldb engine: verify', () => {
  it('is clean after a random workload, before and after reopen, and counters match the lists', async () => {
    for (const seed of ['one', 'two', 'three']) {
      const e = await sb.open(seed);
      const tally = await workload(e, seed, 250);
      expect(tally.diffs).toBeGreaterThan(0);
      expect(tally.deleted).toBeGreaterThan(0);
      const report = await e.verify();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.recordsChecked).toBeGreaterThan(0);
      await statsMatchLists(e);
      await e.close();
      const again = await sb.open(seed);
      expect((await again.verify()).problems).toEqual([]);
      await again.close();
    }
  });

  it('reports a corrupted value, a missing and a stale index entry and a wrong counter; reads give CORRUPTION', async () => {
    const e = await sb.open();
    const s = await e.startNewSync();
    await e.putResources([res('user', 'u1'), res('user', 'u10')]);
    await e.putGrants([grant('g1', 'e1', rid('app', 'a'), rid('user', 'u1')), grant('g2', 'e1', rid('app', 'a'), rid('user', 'u10'))]);
    await e.endSync();
    await e.close();

    const db = createDb(sb.location());
    await db.batch([
      { type: 'put', key: key(Kind.grant, s, 'g1'), value: Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) },
      { type: 'del', key: key(Kind.grantByPrincipal, s, 'user', 'u10', 'e1', 'g2') },
      { type: 'put', key: key(Kind.grantByEntitlement, s, 'e1', 'user', 'u1', 'ghost'), value: Buffer.alloc(0) },
      { type: 'put', key: key(Kind.count, s, Uint8Array.of(Kind.resource)), value: Buffer.from('7') },
    ]);
    await db.close();

    const r = await sb.open();
    const report = await r.verify();
    expect(report.ok).toBe(false);
    const kinds = report.problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['corrupt-record', 'count-mismatch', 'missing-index', 'stale-index']);
    expect(report.problems.every((p) => p.syncId === s)).toBe(true);
    await expect(r.getGrant('g1')).rejects.toMatchObject({ code: 'CORRUPTION' });
    await expect(r.listGrants()).rejects.toMatchObject({ code: 'CORRUPTION' });
    await expect(r.listGrantsForEntitlement({ entitlementId: 'e1' })).rejects.toMatchObject({ code: 'CORRUPTION' });
    expect((await r.getGrant('g2')).record.id).toBe('g2');
  });

  it('reports an undecodable envelope and a record stored under a foreign key', async () => {
    const e = await sb.open();
    const s = await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.putAsset('x', 'a/b', Uint8Array.of(1));
    await e.close();
    const db = createDb(sb.location());
    const stored = await db.get(resourceKey(s, rid('user', 'u1')));
    await db.batch([
      { type: 'put', key: key(Kind.asset, s, 'x'), value: Buffer.from([9]) },
      { type: 'put', key: resourceKey(s, rid('user', 'u2')), value: stored as Buffer },
      { type: 'put', key: key(Kind.count, s, Uint8Array.of(Kind.resource)), value: Buffer.from('2') },
      { type: 'put', key: key(Kind.countByType, s, 'user'), value: Buffer.from('2') },
    ]);
    await db.close();
    const r = await sb.open();
    const report = await r.verify();
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['corrupt-record', 'identity-mismatch']);
    await expect(r.getAsset('x', { syncId: s })).rejects.toMatchObject({ code: 'CORRUPTION' });
  });

  it('reports dangling references without calling them problems', async () => {
    const e = await sb.open();
    await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.putEntitlements([ent('e1', rid('app', 'a'))]);
    await e.putGrants([grant('g1', 'e1', rid('app', 'a'), rid('user', 'u1')), grant('g2', 'e2', rid('app', 'a'), rid('user', 'u10'))]);
    const report = await e.verify();
    expect(report.ok).toBe(true);
    expect(report.dangling.map((d) => d.detail).sort()).toEqual([
      'entitlement e1 -> resource is absent',
      'grant g2 -> entitlement e2 is absent',
      'grant g2 -> principal is absent',
    ]);
  });
});
