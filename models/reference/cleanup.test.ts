import type { SyncType } from '../types';
import { codeOf, harness, type Harness } from './test/kit';
import type { MemoryEngine } from './memory-engine';
import { cleanupVictims } from './sync-rules';

/** A run for the pure rule tests. */
function run(id: string, syncType: SyncType, startedAt: number, endedAt?: number) {
  const base = { id, syncType, startedAt, syncToken: '', parentSyncId: '' };
  return endedAt === undefined ? base : { ...base, endedAt };
}

/** Starts a sync of `type` at `start` and ends it at `end` (or leaves it running). */
async function sync(h: Harness, e: MemoryEngine, type: SyncType, start: number, end?: number): Promise<string> {
  h.now = start;
  const id = await e.startNewSync({ type });
  await e.putResourceTypes([{ id: 'tag', displayName: id }]);
  if (end === undefined) {
    await e.close();
    return id;
  }
  h.now = end;
  await e.endSync();
  return id;
}

describe('model: cleanup (SPEC §6)', () => {
  it('keeps the newest fulls by ended_at, drops older fulls and non-fulls ended before the earliest kept start', () => {
    const runs = [
      run('f1', 'full', 10, 20),
      run('p1', 'partial', 21, 29), // ends before the earliest kept full (f2) starts at 30: goes
      run('f2', 'full', 30, 40),
      run('p2', 'resources_only', 25, 30), // ends exactly when f2 starts: stays (strictly before)
      run('p3', 'partial', 35, 45), // ends after: stays
      run('f3', 'full', 50, 60),
      run('u1', 'full', 0), // unfinished: never deleted
    ];
    expect(cleanupVictims(runs, 2)).toEqual(['f1', 'p1']);
    expect(cleanupVictims(runs, 3)).toEqual([]);
    expect(cleanupVictims(runs, 1)).toEqual(['f1', 'p1', 'p2', 'f2', 'p3']);
  });

  it('orders fulls by ended_at then id, and cuts at the earliest start among the kept', () => {
    // fb started first but ended last; with keep 2 the kept are fb and fa (same ended_at as fc, greater id).
    const runs = [
      run('fb', 'full', 5, 100),
      run('fa', 'full', 50, 90),
      run('f0', 'full', 40, 90),
      run('p1', 'partial', 1, 4),
      run('p2', 'partial', 1, 6),
    ];
    expect(cleanupVictims(runs, 2)).toEqual(['p1', 'f0']);
  });

  describe('on an engine', () => {
    let h: Harness;
    beforeEach(() => {
      h = harness();
    });
    afterEach(() => h.cleanup());

    it('deletes nothing with a current sync, refuses a bad keep, clears a deleted view', async () => {
      const where = 'cleanup-engine';
      let e = await h.open(where);
      const f1 = await sync(h, e, 'full', 10, 20);
      const p1 = await sync(h, e, 'partial', 21, 25);
      await sync(h, e, 'full', 30, 40);
      await sync(h, e, 'full', 50, 60);
      const running = await sync(h, e, 'full', 70);
      e = await h.open(where);
      expect(e.dirty).toBe(false);
      for (const keep of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(await codeOf(e.cleanup({ keep }))).toBe('INVALID_ARGUMENT');
      await e.setCurrentSync(running);
      expect(await e.cleanup()).toEqual([]);
      await e.endSync();
      await e.viewSync(f1);
      expect(e.dirty).toBe(true); // endSync wrote ended_at
      expect(await e.cleanup({ keep: 2 })).toEqual([f1, p1, 's3']);
      expect(await codeOf(e.getSync(f1))).toBe('NOT_FOUND');
      const tags = await e.listResourceTypes();
      expect(tags.items.map((i) => i.record.displayName)).toEqual([running]); // the view is gone: rule 4 again
      expect(await e.cleanup({ keep: 2 })).toEqual([]);
      const left = (await e.listSyncRuns()).items.map((r) => r.id);
      expect(left).toEqual(['s4', 's5']);
    });

    it('does not mark a cleanup that deleted nothing as a change', async () => {
      const e = await h.open('cleanup-clean');
      await sync(h, e, 'full', 10, 20);
      const r = await h.open('cleanup-clean');
      expect(await r.cleanup()).toEqual([]);
      expect(r.dirty).toBe(false);
    });
  });
});
