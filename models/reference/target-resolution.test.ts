import { DEFAULTS } from '../contract/api';
import { codeOf, harness, rt, type Harness } from './test/kit';
import type { MemoryEngine } from './memory-engine';

/** The display name of the `t` resource type the target sync holds, naming the sync that holds it. */
async function seen(engine: MemoryEngine, syncId?: string): Promise<string> {
  const page = await engine.listResourceTypes(syncId === undefined ? {} : { syncId });
  return page.items.map((i) => i.record.displayName ?? '').join(',');
}

/** Starts a sync of `type`, tags it with a resource type named after its id, optionally ends it. */
async function tagged(h: Harness, e: MemoryEngine, type: 'full' | 'partial', end: boolean): Promise<string> {
  const id = await e.startNewSync({ type });
  await e.putResourceTypes([rt('t', id)]);
  if (end) await e.endSync();
  return id;
}

describe('model: read target resolution (SPEC §3)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanup());

  it('follows explicit, current, view, latest full, resumable, none, in that order', async () => {
    const f = await h.open('target-order');
    expect(await seen(f)).toBe(''); // rule 6
    expect(await codeOf(f.getResourceType('t'))).toBe('NOT_FOUND');
    h.now = 100;
    const unfinished = await tagged(h, f, 'full', false);
    await f.close();
    const g = await h.open('target-order');
    expect(await seen(g)).toBe(unfinished); // rule 5: no finished full sync yet
    h.now = 200;
    const full = await tagged(h, g, 'full', true);
    h.now = 300;
    const partial = await tagged(h, g, 'partial', true);
    expect(await seen(g)).toBe(full); // rule 4 ignores the later partial and the unfinished sync
    await g.viewSync(partial);
    expect(await seen(g)).toBe(partial); // rule 3
    const current = await g.startNewSync();
    await g.putResourceTypes([rt('t', current)]);
    expect(await seen(g)).toBe(current); // rule 2 beats the view
    expect(await seen(g, full)).toBe(full); // rule 1 beats everything
    expect(await seen(g, '')).toBe(current); // '' means absent
    expect(await codeOf(g.listResourceTypes({ syncId: 'nope' }))).toBe('NOT_FOUND');
    expect(await codeOf(g.stats('nope'))).toBe('NOT_FOUND');
    expect(await codeOf(g.getResourceType('t', { syncId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('picks the unfinished sync with the greater id when two started at the same time', async () => {
    const e = await h.open('same-start');
    h.now = 70;
    await tagged(h, e, 'full', false);
    await e.close();
    const e2 = await h.open('same-start');
    const second = await tagged(h, e2, 'full', false);
    await e2.close();
    const r = await h.open('same-start');
    expect(await seen(r)).toBe(second);
    expect(await r.startSync()).toEqual({ syncId: second, isNew: false });
  });

  it('breaks ties of ended_at by the greater id', async () => {
    const e = await h.open();
    h.now = 50;
    const a = await tagged(h, e, 'full', true);
    const b = await tagged(h, e, 'full', true);
    expect(b > a).toBe(true);
    expect(await seen(e)).toBe(b);
    expect((await e.getLatestFinishedSync())?.id).toBe(b);
    expect((await e.getLatestFinishedSync('partial'))?.id).toBeUndefined();
  });

  it('treats the resume window boundary as inclusive (started_at >= T - window)', async () => {
    const window = 1_000;
    h = harness({ resumeWindowMicros: window });
    const e = await h.open('window-boundary');
    h.now = 5_000;
    const s = await tagged(h, e, 'full', false);
    await e.close();
    const r = await h.open('window-boundary');
    h.now = 5_000 + window;
    expect(await seen(r)).toBe(s);
    h.now = 5_000 + window + 1;
    expect(await seen(r)).toBe('');
    expect(await r.stats()).toEqual({ resourceTypes: 0, resources: 0, entitlements: 0, grants: 0, assets: 0, resourcesByType: {} });
  });

  it('uses a 7-day window by default', async () => {
    const e = await h.open('default-window');
    h.now = 0;
    const s = await tagged(h, e, 'full', false);
    await e.close();
    const r = await h.open('default-window');
    h.now = DEFAULTS.resumeWindowMicros;
    expect(await seen(r)).toBe(s);
    h.now = DEFAULTS.resumeWindowMicros + 1;
    expect(await seen(r)).toBe('');
  });

  it('keeps current and view syncs in memory only', async () => {
    const e = await h.open('session-only');
    h.now = 10;
    const full = await tagged(h, e, 'full', true);
    const partial = await tagged(h, e, 'partial', true);
    await e.viewSync(partial);
    expect(await seen(e)).toBe(partial);
    await e.close();
    const r = await h.open('session-only');
    expect(await seen(r)).toBe(full);
  });
});
