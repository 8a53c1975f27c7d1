/** SPEC §5 putAsset and §4 getAsset: empty and binary data, replacement, content type rules and the size limit. */
import { describeEachEngine, expectCode, readAsset, SECOND, T0 } from './harness';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describeEachEngine('assets', (ctx) => {
  it('stores empty data as empty, and counts it', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putAsset('empty', 'application/octet-stream', new Uint8Array(0));
    expect(await readAsset(e, 'empty')).toEqual({ contentType: 'application/octet-stream', discoveredAt: T0, data: Buffer.alloc(0) });
    expect((await e.stats()).assets).toBe(1);
  });

  it('round-trips binary data, every byte value and a larger blob, with discovered_at = T', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    s.clock.set(T0 + 3);
    const big = Buffer.alloc(200_003);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919 + (i >> 8)) & 0xff;
    await e.putAsset('bytes', 'image/png', ALL_BYTES);
    await e.putAsset('big', 'application/x-big', big);
    expect(await readAsset(e, 'bytes')).toEqual({ contentType: 'image/png', discoveredAt: T0 + 3, data: Buffer.from(ALL_BYTES) });
    const got = await readAsset(e, 'big');
    expect(got.data.equals(big)).toBe(true);
    expect(got.contentType).toBe('application/x-big');
  });

  it('replaces the whole asset on re-put: data, content type and discovered_at', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await e.putAsset('a1', 'text/plain', Buffer.from('first version'));
    s.clock.advance(SECOND);
    await e.putAsset('a1', 'text/html; charset=utf-8', Buffer.from('2'));
    expect(await readAsset(e, 'a1')).toEqual({ contentType: 'text/html; charset=utf-8', discoveredAt: T0 + SECOND, data: Buffer.from('2') });
    await e.putAsset('a1', 'text/html; charset=utf-8', new Uint8Array(0));
    expect((await readAsset(e, 'a1')).data).toEqual(Buffer.alloc(0));
    expect((await e.stats()).assets).toBe(1);
  });

  it('rejects an empty content type', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await e.startNewSync();
    await expectCode(e.putAsset('a1', '', Buffer.from('x')), 'INVALID_ARGUMENT');
    await expectCode(e.getAsset('a1'), 'NOT_FOUND');
    await e.putAsset('a1', 'text/plain', Buffer.from('x'));
    await expectCode(e.putAsset('a1', '', Buffer.from('y')), 'INVALID_ARGUMENT');
    expect(await readAsset(e, 'a1')).toEqual({ contentType: 'text/plain', discoveredAt: T0, data: Buffer.from('x') });
  });

  it('rejects data over maxAssetBytes with ASSET_TOO_LARGE and accepts exactly the limit', async () => {
    const s = await ctx.fresh({ maxAssetBytes: 16 });
    const e = s.engine;
    await expectCode(e.putAsset('a1', 'text/plain', new Uint8Array(17)), 'FAILED_PRECONDITION');
    await e.startNewSync();
    await expectCode(e.putAsset('a1', 'text/plain', new Uint8Array(17)), 'ASSET_TOO_LARGE');
    await expectCode(e.getAsset('a1'), 'NOT_FOUND');
    await e.putAsset('a1', 'text/plain', new Uint8Array(16).fill(9));
    expect((await readAsset(e, 'a1')).data).toEqual(Buffer.alloc(16, 9));
    await expectCode(e.putAsset('a1', 'text/plain', new Uint8Array(1000)), 'ASSET_TOO_LARGE');
    expect((await readAsset(e, 'a1')).data).toEqual(Buffer.alloc(16, 9));
  });

  it('needs a current sync, checked before its arguments', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    await expectCode(e.putAsset('a1', 'text/plain', Buffer.from('x')), 'FAILED_PRECONDITION');
    await expectCode(e.putAsset('a1', '', Buffer.from('x')), 'FAILED_PRECONDITION');
    await expectCode(e.putAsset('', 'text/plain', Buffer.from('x')), 'FAILED_PRECONDITION');
    expect((await e.listSyncRuns()).items).toHaveLength(0);
  });

  it('keeps assets per sync and tells near-miss ids apart', async () => {
    const s = await ctx.fresh();
    const e = s.engine;
    const a = await e.startNewSync();
    await e.putAsset('a1', 'text/a', Buffer.from('in a'));
    await e.endSync();
    await e.startNewSync();
    await e.putAsset('a10', 'text/b', Buffer.from('in b'));
    await expectCode(e.getAsset('a1'), 'NOT_FOUND');
    await expectCode(e.getAsset('a'), 'NOT_FOUND');
    expect((await readAsset(e, 'a10')).data.toString()).toBe('in b');
    expect((await readAsset(e, 'a1', { syncId: a })).data.toString()).toBe('in a');
    await expectCode(e.getAsset('a10', { syncId: a }), 'NOT_FOUND');
  });
});
