import { mkdir } from 'node:fs/promises';
import type { Engine } from '../../../models/contract/api';
import type { RawRecord } from '../../../models/contract/raw';
import { createDb } from '../db';
import { decodeKey } from '../keys';
import { Kind, key } from '../layout';
import type { LeveldbEngine } from '../leveldb-engine';
import { drain, ent, grant, res, rid, rt, Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await Sandbox.create();
});
afterEach(async () => {
  await sb.cleanup();
});

/** Every key in the store whose sync component is `syncId`, of any sync-scoped kind. */
async function keysOfSync(location: string, syncId: string): Promise<number> {
  const db = createDb(location);
  let n = 0;
  for await (const k of db.keys()) {
    const d = decodeKey(k);
    if (d.kind >= Kind.resourceType && d.parts[0]?.toString('utf8') === syncId) n += 1;
  }
  await db.close();
  return n;
}

async function fill(e: Engine, grants: number): Promise<string> {
  const s = await e.startNewSync();
  await e.putResourceTypes([rt('user'), rt('group')]);
  await e.putResources([res('user', 'u1'), res('user', 'u10'), res('group', 'g1', rid('user', 'u1'))]);
  await e.putEntitlements([ent('member', rid('group', 'g1'))]);
  const gs = Array.from({ length: grants }, (_, i) => grant(`gr${i}`, 'member', rid('group', 'g1'), rid('user', i % 2 === 0 ? 'u1' : 'u10')));
  await e.putGrants(gs);
  await e.putAsset('logo', 'image/png', Uint8Array.of(7, 7));
  await e.endSync();
  return s;
}

async function collect(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const all: RawRecord[] = [];
  for await (const r of records) all.push(r);
  return all;
}

describe('leveldb engine: whole-sync operations', () => {
  it('diff copies only additions, with index entries, counters and discovered_at', async () => {
    const e = await sb.open();
    const base = await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.putGrants([grant('g1', 'e1', rid('app', 'a'), rid('user', 'u1'))]);
    await e.endSync();
    sb.now += 100;
    const applied = await e.startNewSync();
    await e.putResources([res('user', 'u1'), res('user', 'u10', rid('user', 'u1'))]);
    await e.putGrants([grant('g1', 'e9', rid('app', 'a'), rid('user', 'u10')), grant('g2', 'e1', rid('app', 'a'), rid('user', 'u10'))]);
    await e.endSync();
    const addedAt = (await e.getGrant('g2', { syncId: applied })).discoveredAt;
    sb.now += 100;
    const diff = await e.generateSyncDiff(base, applied);
    expect(await e.getSync(diff)).toMatchObject({ syncType: 'partial', parentSyncId: base, startedAt: sb.now, endedAt: sb.now });
    expect((await e.listGrants({ syncId: diff })).items.map((g) => [g.record.id, g.discoveredAt])).toEqual([['g2', addedAt]]);
    expect((await e.listGrantsForPrincipal({ syncId: diff, principalId: rid('user', 'u10') })).items).toHaveLength(1);
    expect((await e.listResources({ syncId: diff, parentResourceId: rid('user', 'u1') })).items.map((r) => r.record.id.resource)).toEqual(['u10']);
    expect(await e.stats(diff)).toEqual({ resourceTypes: 0, resources: 1, entitlements: 0, grants: 1, assets: 0, resourcesByType: {} });
    expect((await e.verify()).problems).toEqual([]);
  });

  it('diff that fails half-way leaves no sync and no keys behind', async () => {
    const e = await sb.open();
    const base = await e.startNewSync();
    await e.endSync();
    const applied = await fill(e, 20);
    await e.close();
    const db = createDb(sb.location());
    await db.put(key(Kind.grant, applied, 'gr7'), Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff]));
    await db.close();
    const r = await sb.open();
    await expect(r.generateSyncDiff(base, applied)).rejects.toMatchObject({ code: 'CORRUPTION' });
    expect((await r.listSyncRuns()).items.map((s) => s.id)).toEqual([base, applied]);
    await r.close();
    expect(await keysOfSync(sb.location(), 's003')).toBe(0);
  });

  it('clone writes a new store with only that sync; an existing destination is INVALID_ARGUMENT', async () => {
    const e = await sb.open();
    const first = await fill(e, 5);
    sb.now += 10;
    const second = await fill(e, 4995); // 5,003 records: more than one load batch of 5,000
    await mkdir(sb.location('taken'));
    await expect(e.cloneSync(second, sb.location('taken'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await e.cloneSync('', sb.location('copy'));
    const c = await sb.open('copy');
    expect((await c.listSyncRuns()).items).toEqual([await e.getSync(second)]);
    expect(await c.stats()).toEqual(await e.stats(second));
    const page = (t: string) => ({ pageSize: 1000, pageToken: t });
    expect(await drain((t) => c.listGrantsForPrincipal({ principalId: rid('user', 'u10'), ...page(t) }))).toEqual(
      await drain((t) => e.listGrantsForPrincipal({ syncId: second, principalId: rid('user', 'u10'), ...page(t) })),
    );
    expect((await c.verify()).ok).toBe(true);
    await expect(c.getSync(first)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cleanup removes every key of the deleted syncs', async () => {
    const e = await sb.open();
    const old = await fill(e, 10);
    sb.now += 10;
    await fill(e, 3);
    sb.now += 10;
    await fill(e, 4);
    expect(await e.cleanup({ keep: 2 })).toEqual([old]);
    expect((await e.verify()).problems).toEqual([]);
    await e.close();
    expect(await keysOfSync(sb.location(), old)).toBe(0);
    expect(await keysOfSync(sb.location(), 's002')).toBeGreaterThan(0);
  });

  it('streams raw records and loads them into another store; loads are all-or-nothing', async () => {
    const e = (await sb.open()) as LeveldbEngine;
    const s = await fill(e, 12);
    const records = await collect(e.rawRecords(s));
    expect(records.map((r) => r.kind)).toEqual([
      'resourceType', 'resourceType', 'resource', 'resource', 'resource', 'entitlement',
      ...Array.from({ length: 12 }, () => 'grant'), 'asset',
    ]);
    expect(records.find((r) => r.kind === 'resource')?.id).toBe('group:g1');
    expect(records.find((r) => r.kind === 'asset')).toMatchObject({ id: 'logo', contentType: 'image/png' });

    const d = (await sb.open('dest')) as LeveldbEngine;
    await d.rawLoadSync(await e.getSync(s), e.rawRecords(s));
    expect(await collect(d.rawRecords(s))).toEqual(records);
    expect(await d.rawSyncRuns()).toEqual(await e.rawSyncRuns());
    await expect(d.rawLoadSync(await e.getSync(s), e.rawRecords(s))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    const run = { ...(await e.getSync(s)), id: 'dup' };
    const twice = (async function* () {
      yield* records;
      yield records[3] as RawRecord;
    })();
    await expect(d.rawLoadSync(run, twice)).rejects.toMatchObject({ code: 'CORRUPTION' });
    const lying = (async function* () {
      yield { ...(records[2] as RawRecord), id: 'user:nobody' };
    })();
    await expect(d.rawLoadSync({ ...run, id: 'liar' }, lying)).rejects.toMatchObject({ code: 'CORRUPTION' });
    expect((await d.rawSyncRuns()).map((r) => r.id)).toEqual([s]);
    expect((await d.verify()).problems).toEqual([]);
    await d.close();
    expect(await keysOfSync(sb.location('dest'), 'dup')).toBe(0);
  });

  it('streams from a snapshot: later writes are not seen, and closing mid-stream is CLOSED', async () => {
    const e = (await sb.open()) as LeveldbEngine;
    const s = await fill(e, 1500);
    await e.setCurrentSync(s);
    const it = e.rawRecords(s)[Symbol.asyncIterator]();
    expect((await it.next()).done).toBe(false);
    await e.putGrants([grant('late', 'member', rid('group', 'g1'), rid('user', 'u1'))]);
    let n = 1;
    for (let r = await it.next(); r.done !== true; r = await it.next()) n += 1;
    expect(n).toBe(2 + 3 + 1 + 1500 + 1);

    const again = e.rawRecords(s)[Symbol.asyncIterator]();
    await again.next();
    await e.close();
    let code = 'none';
    try {
      for (let r = await again.next(); r.done !== true; r = await again.next());
    } catch (err) {
      code = (err as { code?: string }).code ?? 'no code';
    }
    expect(code).toBe('CLOSED');
    await expect(collect(e.rawRecords(s))).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
