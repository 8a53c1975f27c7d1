/** SPEC §6 `dirty`: set by calls that change stored state, never by reads, no-ops, failures or a resumed sync. */
import type { Engine } from '../../models/contract/api';
import { describeEachEngine, ent, expectCode, grant, res, rt, SECOND, T0, writeSync } from './harness';
import type { TestStore } from './harness';

const at = (n: number): number => T0 + n * SECOND;
const r = res('user', 'u1');
const e1 = ent('e1', r);

/** A store with three finished full syncs (F1 holds grant g1) and an unfinished U, reopened so nothing is current. */
async function history(s: TestStore): Promise<void> {
  s.ids.queue('F1', 'F2', 'F3', 'U');
  await writeSync(s, { resources: [r], entitlements: [e1], grants: [grant('g1', e1, r)] }, { start: at(1), end: at(2) });
  await writeSync(s, { resources: [r] }, { start: at(3), end: at(4) });
  await writeSync(s, { resources: [r] }, { start: at(5), end: at(6) });
  await writeSync(s, { resources: [r] }, { start: at(7), end: 'open' });
  await s.reopen();
  s.clock.set(at(8));
}

async function readEverything(e: Engine): Promise<void> {
  await e.listResourceTypes();
  await e.listResources({ resourceTypeId: 'user' });
  await e.listEntitlements();
  await e.listGrants();
  await e.listGrantsForEntitlement({ entitlementId: 'e1' });
  await e.listGrantsForPrincipal({ principalId: r.id });
  await e.listGrantsForResourceType({ resourceTypeId: 'user' });
  await e.listSyncRuns();
  await e.getLatestFinishedSync();
  await e.stats();
  await e.verify();
  await expectCode(e.getGrant('nope'), 'NOT_FOUND');
}

describeEachEngine('dirty', (ctx) => {
  it('is false on a fresh store through reads, empty puts and failed calls; a sync start sets it', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await readEverything(e);
    await e.putResources([]);
    await e.putGrants([]);
    await expectCode(e.putResources([r]), 'FAILED_PRECONDITION');
    await expectCode(e.deleteGrant('g1'), 'FAILED_PRECONDITION');
    await expectCode(e.putAsset('a', 'text/plain', new Uint8Array(1)), 'FAILED_PRECONDITION');
    await expectCode(e.endSync(), 'FAILED_PRECONDITION');
    await expectCode(e.setCurrentSync('nope'), 'NOT_FOUND');
    await e.viewSync('');
    expect(await e.cleanup()).toEqual([]);
    await e.compact();
    expect(e.dirty).toBe(false);
    await e.startNewSync();
    expect(e.dirty).toBe(true);
    await e.endSync();
    expect(e.dirty).toBe(true);
  });

  ctx.itIf(ctx.supports.reopen)('is not set by calls that change nothing', async () => {
    const s = await ctx.fresh();
    await history(s);
    const noChanges: Record<string, (e: Engine) => Promise<unknown>> = {
      reads: readEverything,
      'setCurrentSync, then startNewSync returning it': async (e) => {
        await e.setCurrentSync('F1');
        expect(await e.startNewSync({ type: 'partial' })).toBe('F1');
      },
      'startSync resuming U': async (e) => expect(await e.startSync()).toEqual({ syncId: 'U', isNew: false }),
      'endSync of a finished sync': async (e) => {
        await e.setCurrentSync('F2');
        await e.endSync();
      },
      'deleteGrant of a missing grant': async (e) => {
        await e.setCurrentSync('F1');
        await e.deleteGrant('g10');
      },
      'empty and invalid puts': async (e) => {
        await e.setCurrentSync('F1');
        await e.putResources([]);
        await e.putResourceTypes([]);
        await expectCode(e.putResources([res('user', 'new'), res('user', '')]), 'INVALID_ARGUMENT');
        await expectCode(e.putAsset('a', '', new Uint8Array(1)), 'INVALID_ARGUMENT');
      },
      'viewSync and cleanup that deletes nothing': async (e) => {
        await e.viewSync('F1');
        expect(await e.cleanup({ keep: 3 })).toEqual([]);
        await e.viewSync('');
      },
      'a failed diff': async (e) => expectCode(e.generateSyncDiff('F1', 'nope'), 'NOT_FOUND'),
    };
    if (ctx.supports.clone) noChanges['cloneSync (it writes another store)'] = (e) => e.cloneSync('F1', s.locationFor('clone'));
    for (const [what, call] of Object.entries(noChanges)) {
      await s.reopen();
      await call(s.engine);
      expect({ what, dirty: s.engine.dirty }).toEqual({ what, dirty: false });
    }
  });

  ctx.itIf(ctx.supports.reopen)('is set by every call that changes stored state', async () => {
    const s = await ctx.fresh();
    await history(s);
    const changes: Record<string, (e: Engine) => Promise<unknown>> = {
      startNewSync: (e) => e.startNewSync(),
      'startSync creating a sync': async (e) => {
        s.clock.set(at(7) + 8 * 86_400 * SECOND);
        expect((await e.startSync()).isNew).toBe(true);
      },
      putResourceTypes: async (e) => {
        await e.setCurrentSync('F1');
        await e.putResourceTypes([rt('user')]);
      },
      'putResources with ifNewer that writes': async (e) => {
        await e.setCurrentSync('F1');
        await e.putResources([res('user', 'new')], { ifNewer: true });
      },
      putEntitlements: async (e) => {
        await e.setCurrentSync('F1');
        await e.putEntitlements([e1]);
      },
      putGrants: async (e) => {
        await e.setCurrentSync('F2');
        await e.putGrants([grant('g2', e1, r)]);
      },
      'deleteGrant of a present grant': async (e) => {
        await e.setCurrentSync('F1');
        await e.deleteGrant('g1');
      },
      putAsset: async (e) => {
        await e.setCurrentSync('F1');
        await e.putAsset('a', 'text/plain', new Uint8Array(0));
      },
      checkpointSync: async (e) => {
        await e.setCurrentSync('U');
        await e.checkpointSync('x');
      },
      'endSync of an unfinished sync': async (e) => {
        await e.setCurrentSync('U');
        await e.endSync();
      },
      generateSyncDiff: (e) => e.generateSyncDiff('F1', 'F2'),
      'cleanup that deletes': async (e) => expect(await e.cleanup({ keep: 1 })).not.toEqual([]),
    };
    for (const [what, call] of Object.entries(changes)) {
      await s.reopen();
      expect({ what, before: s.engine.dirty }).toEqual({ what, before: false });
      await call(s.engine);
      expect({ what, dirty: s.engine.dirty }).toEqual({ what, dirty: true });
    }
  });
});
