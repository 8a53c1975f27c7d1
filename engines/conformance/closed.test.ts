/** SPEC §6–7: after close() every public call, close() included, fails with CLOSED, before any other check. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, ent, expectCode, grant, res, rid, rt, writeSync } from './harness';

type Method = Exclude<keyof Engine, 'name' | 'supports' | 'dirty' | 'closed'>;

const r = res('user', 'u1');
const e1 = ent('e1', r);

/** Every public method with valid arguments; the Record type makes a new method fail to compile until listed. */
const VALID: Record<Method, (e: Engine, dir: string) => Promise<unknown>> = {
  listResourceTypes: (e) => e.listResourceTypes(),
  listResources: (e) => e.listResources({ resourceTypeId: 'user' }),
  listEntitlements: (e) => e.listEntitlements(),
  listGrants: (e) => e.listGrants(),
  listGrantsForEntitlement: (e) => e.listGrantsForEntitlement({ entitlementId: 'e1' }),
  listGrantsForPrincipal: (e) => e.listGrantsForPrincipal({ principalId: rid('user', 'u1') }),
  listGrantsForResourceType: (e) => e.listGrantsForResourceType({ resourceTypeId: 'user' }),
  listSyncRuns: (e) => e.listSyncRuns(),
  getResourceType: (e) => e.getResourceType('user'),
  getResource: (e) => e.getResource(rid('user', 'u1')),
  getEntitlement: (e) => e.getEntitlement('e1'),
  getGrant: (e) => e.getGrant('g1'),
  getAsset: (e) => e.getAsset('a1'),
  getSync: (e) => e.getSync('s0001'),
  getLatestFinishedSync: (e) => e.getLatestFinishedSync(),
  stats: (e) => e.stats(),
  startNewSync: (e) => e.startNewSync(),
  startSync: (e) => e.startSync(),
  setCurrentSync: (e) => e.setCurrentSync('s0001'),
  currentSyncStep: (e) => e.currentSyncStep(),
  checkpointSync: (e) => e.checkpointSync('t'),
  endSync: (e) => e.endSync(),
  putResourceTypes: (e) => e.putResourceTypes([rt('user')]),
  putResources: (e) => e.putResources([r]),
  putEntitlements: (e) => e.putEntitlements([e1]),
  putGrants: (e) => e.putGrants([grant('g1', e1, r)]),
  deleteGrant: (e) => e.deleteGrant('g1'),
  putAsset: (e) => e.putAsset('a1', 'text/plain', new Uint8Array(1)),
  generateSyncDiff: (e) => e.generateSyncDiff('s0001', 's0001'),
  cloneSync: (e, dir) => e.cloneSync('s0001', dir),
  viewSync: (e) => e.viewSync('s0001'),
  cleanup: (e) => e.cleanup({ keep: 1 }),
  compact: (e) => e.compact(),
  verify: (e) => e.verify(),
  close: (e) => e.close(),
};

/** Calls that would fail validation on an open store: CLOSED must still come first. */
const INVALID: Partial<Record<Method, (e: Engine) => Promise<unknown>>> = {
  listResources: (e) => e.listResources({ resourceTypeId: '' }),
  listSyncRuns: (e) => e.listSyncRuns({ pageSize: -1 }),
  getResource: (e) => e.getResource(rid('a:b', '')),
  getSync: (e) => e.getSync('nope'),
  startNewSync: (e) => e.startNewSync({ type: 'bogus' as 'full' }),
  putGrants: (e) => e.putGrants([grant('', e1, r)]),
  putAsset: (e) => e.putAsset('a1', '', new Uint8Array(1)),
  cleanup: (e) => e.cleanup({ keep: 0 }),
  setCurrentSync: (e) => e.setCurrentSync('nope'),
};

describeEachEngine('closed store', (ctx) => {
  it('fails every public call with CLOSED after close, close included', async () => {
    const s = await ctx.fresh();
    await writeSync(s, { resources: [r], entitlements: [e1] });
    await s.engine.startNewSync();
    expect(s.engine.closed).toBe(false);
    await s.engine.close();
    expect(s.engine.closed).toBe(true);
    for (const [name, call] of Object.entries(VALID)) {
      await expectCode(call(s.engine, s.locationFor(`clone-${name}`)), 'CLOSED').catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
    }
    for (const [name, call] of Object.entries(INVALID)) {
      await expectCode(call(s.engine), 'CLOSED').catch((err: Error) => {
        throw new Error(`${name} with bad arguments: ${err.message}`);
      });
    }
    expect(s.engine.closed).toBe(true);
  });

  ctx.itIf(ctx.supports.reopen)('keeps what was written before close, the open sync unfinished', async () => {
    const s = await ctx.fresh();
    await writeSync(s, { resources: [r] }, { end: 'open' });
    await s.reopen();
    expect((await s.engine.getSync('s0001')).endedAt).toBeUndefined();
    expect((await s.engine.listResources()).items.map((x) => x.record.id.resource)).toEqual(['u1']);
  });
});
