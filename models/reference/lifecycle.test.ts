import { codeOf, grant, harness, res, rid, rt, type Harness } from './test/kit';

describe('model: sync lifecycle and whole-sync operations (SPEC §5–6)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness({ resumeWindowMicros: 100 });
  });
  afterEach(() => h.cleanup());

  it('resumes with startSync only within the window (boundary included), else starts a new full sync', async () => {
    const e = await h.open('resume');
    h.now = 1_000;
    const first = await e.startNewSync({ type: 'partial' });
    await e.close();
    let r = await h.open('resume');
    h.now = 1_100;
    expect(await r.startSync()).toEqual({ syncId: first, isNew: false });
    expect(r.dirty).toBe(false); // resuming is not a change
    expect(await r.startSync()).toEqual({ syncId: first, isNew: false }); // the current sync
    await r.close();
    r = await h.open('resume');
    h.now = 1_101;
    const fresh = await r.startSync();
    expect(fresh.isNew).toBe(true);
    expect(await r.getSync(fresh.syncId)).toEqual({ id: fresh.syncId, startedAt: 1_101, syncToken: '', syncType: 'full', parentSyncId: '' });
    expect(h.ids).toEqual([first, fresh.syncId]);
  });

  it('keeps the first ended_at, needs a current sync for steps, and ignores the type of a second startNewSync', async () => {
    const e = await h.open();
    expect(await codeOf(e.endSync())).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.currentSyncStep())).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.checkpointSync('t'))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.startNewSync({ type: 'weird' as never }))).toBe('INVALID_ARGUMENT');
    h.now = 5;
    const id = await e.startNewSync({ type: 'resources_only', parentSyncId: 'p' });
    expect(await e.startNewSync({ type: 'partial' })).toBe(id);
    await e.checkpointSync('{"page":2}');
    expect(await e.currentSyncStep()).toBe('{"page":2}');
    h.now = 9;
    await e.endSync();
    await e.setCurrentSync(id);
    h.now = 12;
    await e.endSync();
    expect(await e.getSync(id)).toEqual({ id, startedAt: 5, endedAt: 9, syncToken: '{"page":2}', syncType: 'resources_only', parentSyncId: 'p' });
    expect(await codeOf(e.setCurrentSync(''))).toBe('NOT_FOUND');
    expect(await codeOf(e.getSync(''))).toBe('NOT_FOUND');
  });

  it('tracks dirty: not for resuming, empty puts, deletes of nothing or re-ending; yes for real changes', async () => {
    const e = await h.open('dirty');
    await e.startNewSync();
    await e.endSync();
    await e.close();
    const r = await h.open('dirty');
    await r.setCurrentSync('s1');
    await r.putGrants([]);
    await r.deleteGrant('none');
    await r.endSync();
    await r.viewSync('s1');
    await r.compact();
    expect(r.dirty).toBe(false);
    await r.setCurrentSync('s1');
    await r.putGrants([grant('g', 'e', rid('doc', 'd'), rid('user', 'u'))]);
    expect(r.dirty).toBe(true);
  });

  it('is CLOSED for every call after close, close included, and persists what was written', async () => {
    const e = await h.open('closing');
    const id = await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.close();
    expect(e.closed).toBe(true);
    expect(await codeOf(e.close())).toBe('CLOSED');
    expect(await codeOf(e.getSync(id))).toBe('CLOSED');
    expect(await codeOf(e.putResources([res('user', 'bad:type:x')]))).toBe('CLOSED');
    const r = await h.open('closing');
    expect(await codeOf(r.currentSyncStep())).toBe('FAILED_PRECONDITION');
    expect((await r.getResource(rid('user', 'u1'), { syncId: id })).discoveredAt).toBe(h.now);
  });

  it('viewSync: FAILED_PRECONDITION first while a sync is current, for every id; then "" clears and unknown is NOT_FOUND', async () => {
    const e = await h.open();
    const id = await e.startNewSync();
    expect(await codeOf(e.viewSync('nope'))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.viewSync(id))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.viewSync(''))).toBe('FAILED_PRECONDITION');
    await e.endSync();
    expect(await codeOf(e.viewSync('nope'))).toBe('NOT_FOUND');
    expect(await codeOf(e.viewSync(''))).toBe('ok');
  });

  it('diffs additions only into a new ended partial sync, keeping discovered_at and the session', async () => {
    const e = await h.open();
    h.now = 10;
    const base = await e.startNewSync();
    await e.putResourceTypes([rt('user', 'old')]);
    await e.putResources([res('user', 'u1')]);
    await e.endSync();
    h.now = 20;
    const applied = await e.startNewSync();
    await e.putResourceTypes([rt('user', 'changed'), rt('group')]);
    await e.putAsset('icon', 'image/png', new Uint8Array([1]));
    expect(await codeOf(e.generateSyncDiff('nope', '\ud800'))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.generateSyncDiff(base, 'nope'))).toBe('NOT_FOUND');
    h.now = 30;
    const diff = await e.generateSyncDiff(base, applied);
    expect(await e.getSync(diff)).toEqual({ id: diff, startedAt: 30, endedAt: 30, syncToken: '', syncType: 'partial', parentSyncId: base });
    expect(await e.currentSyncStep()).toBe(''); // still the applied sync, still running
    const types = await e.listResourceTypes({ syncId: diff });
    expect(types.items).toEqual([{ record: rt('group'), discoveredAt: 20 }]);
    expect((await e.getAsset('icon', { syncId: diff })).discoveredAt).toBe(20);
    expect((await e.stats(diff)).resources).toBe(0);
  });

  it('clones a finished sync into a new registry entry; refuses unfinished, unknown and taken destinations', async () => {
    const e = await h.open('clone-src');
    h.now = 10;
    const done = await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.checkpointSync('tok');
    await e.endSync();
    const running = await e.startNewSync();
    expect(await codeOf(e.cloneSync(running, 'clone-dst'))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.cloneSync('nope', 'clone-dst'))).toBe('NOT_FOUND');
    expect(await codeOf(e.cloneSync(done, ''))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.cloneSync(done, 'clone-src'))).toBe('INVALID_ARGUMENT');
    await e.cloneSync('', 'clone-dst'); // '' is rule 4: the latest finished full sync
    expect(await codeOf(e.cloneSync(done, 'clone-dst'))).toBe('INVALID_ARGUMENT');
    const c = await h.open('clone-dst');
    expect((await c.listSyncRuns()).items).toEqual([await e.getSync(done)]);
    expect(await c.listResources()).toEqual(await e.listResources({ syncId: done }));
    expect(h.ids).toEqual([done, running]);
  });
});
