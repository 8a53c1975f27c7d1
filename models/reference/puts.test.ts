import { codeOf, ent, grant, harness, res, rid, rt, type Harness } from './test/kit';

describe('model: record puts (SPEC §5)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanup());

  it('lets the last duplicate win with plain puts and the first with ifNewer (tie inside one call)', async () => {
    const e = await h.open();
    await e.startNewSync();
    await e.putResourceTypes([rt('user', 'first'), rt('user', 'second')]);
    expect((await e.getResourceType('user')).record.displayName).toBe('second');
    h.now += 1;
    await e.putResourceTypes([rt('group', 'first'), rt('group', 'second')], { ifNewer: true });
    expect((await e.getResourceType('group')).record.displayName).toBe('first');
  });

  it('writes with ifNewer only over a strictly older discovered_at', async () => {
    const e = await h.open();
    await e.startNewSync();
    h.now = 500;
    await e.putResources([res('user', 'u1', undefined, 'at-500')]);
    await e.putResources([res('user', 'u1', undefined, 'same-T')], { ifNewer: true });
    expect(await e.getResource(rid('user', 'u1'))).toEqual({ record: res('user', 'u1', undefined, 'at-500'), discoveredAt: 500 });
    h.now = 400; // the clock went back
    await e.putResources([res('user', 'u1', undefined, 'older-T')], { ifNewer: true });
    expect((await e.getResource(rid('user', 'u1'))).record.displayName).toBe('at-500');
    h.now = 501;
    await e.putResources([res('user', 'u1', undefined, 'newer-T')], { ifNewer: true });
    expect(await e.getResource(rid('user', 'u1'))).toEqual({ record: res('user', 'u1', undefined, 'newer-T'), discoveredAt: 501 });
  });

  it('writes nothing of a call with one bad item, and checks the current sync before the items', async () => {
    const e = await h.open();
    const bad = rt('a:b');
    expect(await codeOf(e.putResourceTypes([rt('ok'), bad]))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(e.putResourceTypes([rt('ok')]))).toBe('FAILED_PRECONDITION');
    await e.putResourceTypes([]); // an empty list is a no-op even without a current sync
    expect(e.dirty).toBe(false);
    await e.startNewSync();
    expect(await codeOf(e.putResourceTypes([rt('ok'), bad]))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.putResourceTypes([rt('ok'), { id: 'x', traits: [2 ** 40] }]))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.putResources([res('user', 'u\ud800')]))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.putResources([res('user', 'x'.repeat(1025))]))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.putResources([res('user', 'é'.repeat(512))]))).toBe('ok');
    expect(await codeOf(e.putResources([res('user', 'é'.repeat(513))]))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.putResources([res('user', 'ok\u0000')]))).toBe('INVALID_ARGUMENT');
    expect((await e.stats()).resourceTypes).toBe(0);
  });

  it('re-indexes a re-put grant under its new principal and entitlement only', async () => {
    const e = await h.open();
    await e.startNewSync();
    const doc = rid('doc', 'd1');
    await e.putGrants([grant('g1', 'e1', doc, rid('user', 'u1'))]);
    await e.putGrants([grant('g1', 'e2', rid('folder', 'f1'), rid('group', 'g9'))]);
    const ids = async (p: Promise<{ items: readonly { record: { id: string } }[] }>): Promise<string[]> =>
      (await p).items.map((i) => i.record.id);
    expect(await ids(e.listGrantsForPrincipal({ principalId: rid('user', 'u1') }))).toEqual([]);
    expect(await ids(e.listGrantsForPrincipal({ principalId: rid('group', 'g9') }))).toEqual(['g1']);
    expect(await ids(e.listGrantsForEntitlement({ entitlementId: 'e1' }))).toEqual([]);
    expect(await ids(e.listGrants({ resource: doc }))).toEqual([]);
    expect(await ids(e.listGrantsForResourceType({ resourceTypeId: 'folder' }))).toEqual(['g1']);
    expect(await ids(e.listGrantsForResourceType({ resourceTypeId: 'group' }))).toEqual([]);
  });

  it('matches filters exactly: no prefix leak, batonResource ignored', async () => {
    const e = await h.open();
    await e.startNewSync();
    await e.putResources([res('user', 'u1'), res('user', 'u10'), res('users', 'u1'), res('user', 'u2', rid('user', 'u1'))]);
    await e.putEntitlements([ent('e1', rid('user', 'u1')), ent('e10', rid('user', 'u10'))]);
    await e.putGrants([
      grant('g1', 'e1', rid('user', 'u1'), rid('user', 'u1')),
      grant('g2', 'e10', rid('user', 'u10'), rid('users', 'u1')),
    ]);
    const resources = (await e.listResources({ resourceTypeId: 'user' })).items.map((i) => i.record.id.resource).sort();
    expect(resources).toEqual(['u1', 'u10', 'u2']);
    const children = await e.listResources({ parentResourceId: { resourceType: 'user', resource: 'u1', batonResource: true } });
    expect(children.items.map((i) => i.record.id.resource)).toEqual(['u2']);
    expect((await e.listEntitlements({ resource: rid('user', 'u1') })).items.map((i) => i.record.id)).toEqual(['e1']);
    const forEnt = await e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['users'] });
    expect(forEnt.items).toEqual([]);
    const forPrincipal = await e.listGrantsForPrincipal({ principalId: rid('users', 'u1'), entitlementId: 'e1' });
    expect(forPrincipal.items).toEqual([]);
    expect(await codeOf(e.listResources({ resourceTypeId: '' }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: [] }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.getResourceType('a:b'))).toBe('INVALID_ARGUMENT');
  });

  it('stores copies: changing the caller object or a returned record changes nothing', async () => {
    const e = await h.open();
    await e.startNewSync();
    const value = new Uint8Array([1, 2, 3]);
    const mutable = { id: 'user', displayName: 'before', annotations: [{ typeUrl: 't', value }] };
    await e.putResourceTypes([mutable]);
    mutable.displayName = 'after';
    value[0] = 9;
    const got = await e.getResourceType('user');
    expect(got.record.displayName).toBe('before');
    expect(got.record.annotations?.[0]?.value).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => {
      (got.record as { displayName?: string }).displayName = 'x';
    }).toThrow(TypeError);
  });

  it('deletes grants without error when absent, and stores assets whole', async () => {
    const e = await h.open();
    expect(await codeOf(e.deleteGrant('g1'))).toBe('FAILED_PRECONDITION');
    await e.startNewSync();
    await e.deleteGrant('missing');
    expect(e.dirty).toBe(true); // from startNewSync only
    await e.putAsset('a1', 'text/plain', new Uint8Array(0));
    const read = await e.getAsset('a1');
    expect(read.contentType).toBe('text/plain');
    let bytes = 0;
    for await (const chunk of read.data) bytes += chunk.length;
    expect(bytes).toBe(0);
    await e.putAsset('a1', 'image/png', new Uint8Array(200_000).fill(7));
    const again = await e.getAsset('a1');
    const chunks: Uint8Array[] = [];
    for await (const chunk of again.data) chunks.push(chunk);
    expect(again.contentType).toBe('image/png');
    expect(Buffer.concat(chunks).equals(Buffer.alloc(200_000, 7))).toBe(true);
    expect(await codeOf(e.putAsset('a2', '', new Uint8Array(1)))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(e.getAsset('a2'))).toBe('NOT_FOUND');
  });

  it('checks for a current sync before refusing an asset over maxAssetBytes', async () => {
    h = harness({ maxAssetBytes: 4 });
    const e = await h.open();
    expect(await codeOf(e.putAsset('a', 'x/y', new Uint8Array(5)))).toBe('FAILED_PRECONDITION');
    await e.startNewSync();
    expect(await codeOf(e.putAsset('a', 'x/y', new Uint8Array(5)))).toBe('ASSET_TOO_LARGE');
    expect(await codeOf(e.putAsset('a', 'x/y', new Uint8Array(4)))).toBe('ok');
  });
});
