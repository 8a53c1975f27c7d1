/** SPEC §2: each public call reads the clock at most once, at its start, and every timestamp it writes is that T. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, ent, grant, readAsset, res, rid, rt, SECOND, T0 } from './harness';

const r = res('user', 'u1');
const e1 = ent('e1', r);

describeEachEngine('injected clock', (ctx) => {
  it('writes one T per call even when every clock read moves the time on', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    s.clock.tick = SECOND;
    const id = await e.startNewSync();
    const t1 = s.clock.value;
    await e.putResources([res('user', 'a'), res('user', 'b'), res('user', 'c')]);
    const times = (await e.listResources()).items.map((x) => x.discoveredAt);
    expect(new Set(times).size).toBe(1);
    expect(times[0]).toBeGreaterThanOrEqual(t1);
    await e.putGrants([grant('g1', e1, r), grant('g1', ent('e2', r), r)], { ifNewer: true });
    expect((await e.getGrant('g1')).record.entitlement.id).toBe('e1');
    await e.endSync();
    const applied = await e.startNewSync();
    await e.putResourceTypes([rt('user')]);
    await e.endSync();
    const diff = await e.generateSyncDiff(id, applied);
    const run = await e.getSync(diff);
    expect(run.endedAt).toBe(run.startedAt);
  });

  it('reads the clock at most once per public call', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const calls: Record<string, (en: Engine) => Promise<unknown>> = {
      startNewSync: (en) => en.startNewSync(),
      putResourceTypes: (en) => en.putResourceTypes([rt('user'), rt('group')]),
      putResources: (en) => en.putResources([r, res('user', 'u2')], { ifNewer: true }),
      putEntitlements: (en) => en.putEntitlements([e1]),
      putGrants: (en) => en.putGrants([grant('g1', e1, r), grant('g2', e1, r)]),
      putAsset: (en) => en.putAsset('a1', 'text/plain', new Uint8Array(3)),
      deleteGrant: (en) => en.deleteGrant('g2'),
      checkpointSync: (en) => en.checkpointSync('t'),
      listGrants: (en) => en.listGrants({ pageSize: 1 }),
      getResource: (en) => en.getResource(rid('user', 'u1')),
      readAsset: (en) => readAsset(en, 'a1'),
      stats: (en) => en.stats(),
      endSync: (en) => en.endSync(),
      startSync: (en) => en.startSync(),
      generateSyncDiff: (en) => en.generateSyncDiff('s0001', 's0002'),
      cleanup: (en) => en.cleanup({ keep: 1 }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const before = s.clock.reads;
      s.clock.set(T0 + before * SECOND);
      await call(e);
      expect({ name, reads: s.clock.reads - before }).toEqual({ name, reads: Math.min(1, s.clock.reads - before) });
    }
  });
});
