/**
 * SPEC §6 (revision 2) durability by store kind, with a crash taken as the files a dying process leaves: a copy of
 * the store's location made while the engine is still open and has not closed. A LevelDB store shows everything a
 * completed call wrote; a c1z store, like the Go SDK's, is durable at close(): the copy reads as of the last close,
 * and is a whole, readable file.
 */
import { promises as fs } from 'node:fs';
import type { EngineName } from './engines';
import { describeEachEngine, keys, res, writeSync } from './harness';

/** What a crash keeps, per engine; `null` where no files outlive the process (the model, the tee's own location). */
const KEPT_AFTER_CRASH: Record<EngineName, 'every-completed-call' | 'last-close' | null> = {
  memory: null,
  sqlite: 'last-close',
  leveldb: 'every-completed-call',
  tee: null,
};

describeEachEngine('durability by store kind', (ctx) => {
  const kept = KEPT_AFTER_CRASH[ctx.name];
  ctx.itIf(kept !== null)('a crash keeps what SPEC says the store kind keeps, and never a damaged store', async () => {
    const s = await ctx.fresh();
    const closed = await writeSync(s, { resources: [res('user', 'before-close')] });
    await s.reopen();
    const after = await writeSync(s, { resources: [res('user', 'after-close')] });
    await writeSync(s, { resources: [res('user', 'still-open')] }, { end: 'open' });
    const crashed = s.locationFor('crashed');
    await fs.cp(s.location, crashed, { recursive: true });
    const e = await s.openAt(crashed);
    const ids = (await e.listSyncRuns()).items.map((r) => r.id);
    if (kept === 'every-completed-call') {
      expect(ids).toEqual([closed, after, ids[2]]);
      expect(keys((await e.listResources({ syncId: after })).items)).toEqual(['user:after-close']);
      // The unfinished sync's completed put is there too; nothing is current after the crash.
      expect(keys((await e.listResources({ syncId: ids[2] as string })).items)).toEqual(['user:still-open']);
    } else {
      expect(ids).toEqual([closed]);
      expect(keys((await e.listResources({ syncId: closed })).items)).toEqual(['user:before-close']);
    }
    expect((await e.verify()).problems).toEqual([]);
  });
});
