import type { RawRecord } from '../contract/raw';
import type { SyncRun } from '../types';
import { encodeResource } from '../codec';
import { codeOf, ent, grant, harness, res, rid, rt, type Harness } from './test/kit';

async function* from(records: readonly RawRecord[]): AsyncGenerator<RawRecord> {
  for (const r of records) yield r;
}

async function collect(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const RUN: SyncRun = { id: 'raw1', startedAt: 5, endedAt: 6, syncToken: 'tok', syncType: 'full', parentSyncId: '' };

describe('model: RawStore', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanup());

  it('streams a sync out as bytes and loads it back unchanged', async () => {
    const src = await h.open();
    h.now = 77;
    const id = await src.startNewSync();
    await src.putResourceTypes([rt('user', 'User')]);
    await src.putResources([res('user', 'u1', rid('org', 'o1'))]);
    await src.putEntitlements([ent('e1', rid('org', 'o1'))]);
    await src.putGrants([grant('g1', 'e1', rid('org', 'o1'), rid('user', 'u1'))]);
    await src.putAsset('a1', 'text/plain', new Uint8Array([104, 105]));
    await src.endSync();
    const records = await collect(src.rawRecords(id));
    expect(records.map((r) => [r.kind, r.id, r.discoveredAt])).toEqual([
      ['resourceType', 'user', 77],
      ['resource', 'user:u1', 77],
      ['entitlement', 'e1', 77],
      ['grant', 'g1', 77],
      ['asset', 'a1', 77],
    ]);
    expect(records[1]?.data).toEqual(encodeResource(res('user', 'u1', rid('org', 'o1'))));
    const runs = await src.rawSyncRuns();
    const dst = await h.open();
    await dst.rawLoadSync(runs[0] as SyncRun, from(records));
    expect(dst.dirty).toBe(true);
    expect(await dst.rawSyncRuns()).toEqual(runs);
    expect(await collect(dst.rawRecords(id))).toEqual(records);
    expect(await dst.listGrantsForPrincipal({ principalId: rid('user', 'u1') })).toEqual(
      await src.listGrantsForPrincipal({ principalId: rid('user', 'u1') }),
    );
    expect(await codeOf(dst.rawLoadSync(runs[0] as SyncRun, from([])))).toBe('INVALID_ARGUMENT');
  });

  it('reports undecodable bytes as CORRUPTION and loads nothing', async () => {
    const dst = await h.open();
    const good: RawRecord = { kind: 'resource', id: 'user:u1', discoveredAt: 1, data: encodeResource(res('user', 'u1')) };
    const bad: RawRecord = { kind: 'grant', id: 'g1', discoveredAt: 1, data: new Uint8Array([0x0a, 0xff]) };
    expect(await codeOf(dst.rawLoadSync(RUN, from([good, bad])))).toBe('CORRUPTION');
    expect(await dst.rawSyncRuns()).toEqual([]);
    expect(await codeOf(collect(dst.rawRecords('raw1')))).toBe('NOT_FOUND');
    await dst.rawLoadSync(RUN, from([good]));
    expect((await dst.getResource(rid('user', 'u1'))).discoveredAt).toBe(1);
    await dst.close();
    expect(await codeOf(dst.rawSyncRuns())).toBe('CLOSED');
    expect(await codeOf(collect(dst.rawRecords('raw1')))).toBe('CLOSED');
  });
});
