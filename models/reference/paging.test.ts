import { codeOf, drain, grant, harness, res, rid, type Harness } from './test/kit';

describe('model: paging (SPEC §4)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanup());

  it('drains every matching record exactly once, with full pages and no empty page but the last', async () => {
    const e = await h.open();
    await e.startNewSync();
    const ids = Array.from({ length: 257 }, (_, i) => `u${i}`);
    await e.putResources(ids.map((id) => res('user', id)));
    await e.putResources([res('users', 'u1')]);
    for (const size of [1, 7, 100, 256, 257, 258]) {
      const { items, pages } = await drain((pageToken) => e.listResources({ resourceTypeId: 'user', pageSize: size, pageToken }));
      expect(items.map((i) => i.record.id.resource).sort()).toEqual([...ids].sort());
      expect(pages).toBe(Math.max(1, Math.ceil(ids.length / size)));
    }
    const first = await e.listResources({ resourceTypeId: 'user' });
    expect(first.items).toHaveLength(100); // the default page size
  });

  it('uses the default page size from options, never below 100', async () => {
    h = harness({ defaultPageSize: 150 });
    const e = await h.open();
    await e.startNewSync();
    await e.putResources(Array.from({ length: 200 }, (_, i) => res('user', `u${i}`)));
    expect((await e.listResources({ pageSize: 0 })).items).toHaveLength(150);
    const small = harness({ defaultPageSize: 5 });
    const s = await small.open();
    await s.startNewSync();
    await s.putResources(Array.from({ length: 200 }, (_, i) => res('user', `u${i}`)));
    expect((await s.listResources()).items).toHaveLength(100);
    small.cleanup();
  });

  it('refuses page sizes out of range, malformed tokens and tokens of another query', async () => {
    const e = await h.open();
    await e.startNewSync();
    await e.putGrants([
      grant('g1', 'e1', rid('doc', 'd1'), rid('user', 'u1')),
      grant('g2', 'e1', rid('doc', 'd1'), rid('user', 'u2')),
      grant('g3', 'e2', rid('doc', 'd2'), rid('user', 'u1')),
    ]);
    expect(await codeOf(e.listGrants({ pageSize: -1 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrants({ pageSize: 10_001 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrants({ pageSize: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrants({ pageSize: 10_000 }))).toBe('ok');
    expect(await codeOf(e.listGrants({ pageToken: 'garbage!' }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrants({ pageToken: 'Z2FyYmFnZQ' }))).toBe('INVALID_ARGUMENT');
    const page = await e.listGrantsForEntitlement({ entitlementId: 'e1', pageSize: 1 });
    expect(page.nextPageToken).not.toBe('');
    const foreign = { pageToken: page.nextPageToken, pageSize: 1 };
    expect(await codeOf(e.listGrantsForEntitlement({ entitlementId: 'e2', ...foreign }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrants(foreign))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrantsForEntitlement({ entitlementId: 'e1', ...foreign }))).toBe('ok');
    // A malformed token is an argument error, which comes before NOT_FOUND of the named sync.
    expect(await codeOf(e.listGrants({ pageToken: 'garbage!', syncId: 'nope' }))).toBe('INVALID_ARGUMENT');
  });

  it('binds tokens to the target sync, and refuses any token when no sync resolves', async () => {
    const e = await h.open();
    const s1 = await e.startNewSync();
    await e.putResources([res('user', 'a'), res('user', 'b')]);
    const page = await e.listResources({ pageSize: 1 });
    await e.endSync();
    const s2 = await e.startNewSync();
    await e.putResources([res('user', 'a'), res('user', 'b')]);
    expect(await codeOf(e.listResources({ pageSize: 1, pageToken: page.nextPageToken }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listResources({ pageSize: 1, pageToken: page.nextPageToken, syncId: s1 }))).toBe('ok');
    expect(s2).not.toBe(s1);
    const empty = await h.open();
    expect(await empty.listResources()).toEqual({ items: [], nextPageToken: '' });
    expect(await codeOf(empty.listResources({ pageToken: page.nextPageToken }))).toBe('INVALID_ARGUMENT');
  });

  it('pages sync runs by started_at then id, ascending, and ends', async () => {
    const e = await h.open();
    const order: string[] = [];
    for (const t of [30, 10, 20, 10]) {
      h.now = t;
      order.push(await e.startNewSync());
      await e.endSync();
    }
    const { items, pages } = await drain((pageToken) => e.listSyncRuns({ pageSize: 1, pageToken }));
    expect(pages).toBe(4);
    expect(items.map((r) => [r.startedAt, r.id])).toEqual([
      [10, 's2'],
      [10, 's4'],
      [20, 's3'],
      [30, 's1'],
    ]);
    expect(order).toEqual(['s1', 's2', 's3', 's4']);
    const page = await e.listSyncRuns({ pageSize: 2 });
    expect(await codeOf(e.listResources({ pageToken: page.nextPageToken }))).toBe('INVALID_ARGUMENT');
  });

  it('never repeats a row when the store changes between pages', async () => {
    const e = await h.open();
    await e.startNewSync();
    await e.putResources([res('user', 'b'), res('user', 'd')]);
    const first = await e.listResources({ pageSize: 1 });
    await e.putResources([res('user', 'a'), res('user', 'c')]);
    const rest = await drain((pageToken) => e.listResources({ pageSize: 1, pageToken: pageToken || first.nextPageToken }));
    const seen = [...first.items, ...rest.items].map((i) => i.record.id.resource);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
