import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import { createDb } from '../db';
import { Kind, key } from '../layout';
import { leveldbFactory } from '..';
import { drain, ent, grant, res, rid, rt, Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await Sandbox.create();
});
afterEach(async () => {
  await sb.cleanup();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('leveldb engine: open and reopen', () => {
  it('shows everything committed after close and reopen, with no current or view sync', async () => {
    const e = await sb.open();
    const s1 = await e.startNewSync();
    await e.putResourceTypes([rt('user'), rt('group')]);
    await e.putResources([res('user', 'u1'), res('group', 'g1'), res('user', 'u2', rid('group', 'g1'))]);
    await e.putEntitlements([ent('member', rid('group', 'g1'))]);
    await e.putGrants([grant('gr1', 'member', rid('group', 'g1'), rid('user', 'u1'))]);
    await e.putAsset('logo', 'image/png', Uint8Array.of(1, 2, 3));
    await e.checkpointSync('{"page":2}');
    sb.now += 10;
    await e.endSync();
    const s2 = await e.startNewSync({ type: 'partial', parentSyncId: s1 });
    const before = {
      runs: (await e.listSyncRuns()).items,
      grants: (await e.listGrants({ syncId: s1 })).items,
      stats: await e.stats(s1),
    };
    await e.close();
    expect(e.closed).toBe(true);
    expect(await codeOf(e.close())).toBe('CLOSED');

    const r = await sb.open();
    expect(r.dirty).toBe(false);
    expect((await r.listSyncRuns()).items).toEqual(before.runs);
    expect((await r.listGrants({ syncId: s1 })).items).toEqual(before.grants);
    expect(await r.stats(s1)).toEqual(before.stats);
    expect(before.stats).toEqual({ resourceTypes: 2, resources: 3, entitlements: 1, grants: 1, assets: 1, resourcesByType: { group: 1, user: 2 } });
    expect(await codeOf(r.currentSyncStep())).toBe('FAILED_PRECONDITION');
    expect((await r.getSync(s1)).syncToken).toBe('{"page":2}');
    expect((await r.getSync(s2)).parentSyncId).toBe(s1);
    // The default target is the finished full sync s1.
    expect((await r.listResources({ parentResourceId: rid('group', 'g1') })).items.map((x) => x.record.id.resource)).toEqual(['u2']);
  });

  it('lists sync runs by started_at then id in UTF-8 byte order, across reopen', async () => {
    const e = await sb.open();
    const ids = ['\u{1F600}', '\uE000', 'b', 'a', '\u00e9'];
    sb.queued.push(...ids);
    for (const _ of ids) await e.startNewSync().then(() => e.endSync());
    sb.now -= 5;
    sb.queued.push('zz-early');
    await e.startNewSync();
    // By UTF-8 bytes: a (61), b (62), é (C3 A9), U+E000 (EE 80 80), then U+1F600 (F0 9F 98 80).
    const expected = ['zz-early', 'a', 'b', '\u00e9', '\uE000', '\u{1F600}'];
    expect((await e.listSyncRuns()).items.map((r) => r.id)).toEqual(expected);
    await e.close();
    const r = await sb.open();
    expect((await drain((t) => r.listSyncRuns({ pageSize: 2, pageToken: t }))).map((x) => x.id)).toEqual(expected);
    expect((await r.verify()).problems).toEqual([]);
  });

  it('creates a missing directory (never its missing parents) and uses a .leveldb location', async () => {
    expect(leveldbFactory.locationIn('/x', 'a')).toBe(path.join('/x', 'a.leveldb'));
    expect(await codeOf(leveldbFactory.open(path.join(sb.dir, 'deep', 'er', 'store'), sb.options))).toBe('IO');
    const e = await leveldbFactory.open(path.join(sb.dir, 'store'), sb.options);
    sb.engines.push(e);
    expect((await e.listSyncRuns()).items).toEqual([]);
  });

  it('refuses a LevelDB directory of another format as CORRUPTION', async () => {
    const foreign = new ClassicLevel(sb.location('foreign'));
    await foreign.put('hello', 'world');
    await foreign.close();
    expect(await codeOf(sb.open('foreign'))).toBe('CORRUPTION');

    const wrong = createDb(sb.location('wrong'));
    await wrong.put(key(Kind.meta, 'format'), Buffer.from('c1z-parity leveldb format 99'));
    await wrong.close();
    expect(await codeOf(sb.open('wrong'))).toBe('CORRUPTION');

    await mkdir(sb.location('home'));
    await writeFile(path.join(sb.location('home'), 'notes.txt'), 'mine');
    expect(await codeOf(sb.open('home'))).toBe('CORRUPTION');
    await mkdir(sb.location('empty'));
    expect(await codeOf(sb.open('empty'))).toBe('OK');
  });

  it('maps open failures to IO with the native error as cause', async () => {
    await sb.open('locked');
    const err = await leveldbFactory.open(sb.location('locked'), sb.options).catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'IO' });
    expect((err as Error).cause).toMatchObject({ code: 'LEVEL_DATABASE_NOT_OPEN' });

    await writeFile(path.join(sb.dir, 'file'), 'not a directory');
    expect(await codeOf(leveldbFactory.open(path.join(sb.dir, 'file'), sb.options))).toBe('IO');
  });

  it('maps a LevelDB corruption at open to CORRUPTION', async () => {
    const e = await sb.open();
    await e.startNewSync();
    await e.close();
    await writeFile(path.join(sb.location(), 'CURRENT'), 'garbage without newline');
    const err = await sb.open().catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'CORRUPTION' });
    expect((err as Error).cause).toMatchObject({ cause: expect.objectContaining({ code: 'LEVEL_CORRUPTION' }) });
  });

  it('keeps counters exact under duplicates, re-puts, ifNewer and deletes', async () => {
    const e = await sb.open();
    await e.startNewSync();
    await e.putResources([res('user', 'u1'), res('user', 'u1'), res('users', 'u1'), res('user', 'u10')]);
    await e.putGrants([grant('g1', 'e', rid('app', 'a'), rid('user', 'u1')), grant('g1', 'e', rid('app', 'a'), rid('user', 'u10'))]);
    await e.putGrants([grant('g1', 'e2', rid('app', 'a'), rid('user', 'u1')), grant('g2', 'e', rid('app', 'a'), rid('user', 'u1'))], { ifNewer: true });
    sb.now += 1;
    await e.putGrants([grant('g3', 'e', rid('app', 'a'), rid('user', 'u1'))], { ifNewer: true });
    await e.deleteGrant('g2');
    await e.deleteGrant('g2');
    await e.putAsset('x', 'text/plain', new Uint8Array(0));
    await e.putAsset('x', 'text/html', Uint8Array.of(1));
    expect(await e.stats()).toEqual({ resourceTypes: 0, resources: 3, entitlements: 0, grants: 2, assets: 1, resourcesByType: {} });
    await e.putResourceTypes([{ id: 'user' }, { id: 'role' }]);
    expect((await e.stats()).resourcesByType).toEqual({ user: 2, role: 0 });
    // The in-call tie: the first g1 of the ifNewer call lost to the stored one; it stays under u10 and e.
    const g1 = await e.getGrant('g1');
    expect(g1.record.principal.id).toEqual(rid('user', 'u10'));
    expect((await e.listGrantsForPrincipal({ principalId: rid('user', 'u1') })).items.map((g) => g.record.id)).toEqual(['g3']);
    const asset = await e.getAsset('x');
    expect(asset.contentType).toBe('text/html');
    const grants = await drain((t) => e.listGrants({ pageSize: 1, pageToken: t }));
    expect(grants.map((g) => g.record.id)).toEqual(['g1', 'g3']);
    expect((await e.verify()).ok).toBe(true);
  });

  it('finishes a crashed removal at open', async () => {
    const e = await sb.open();
    await e.startNewSync();
    await e.putResources([res('user', 'u1')]);
    await e.endSync();
    await e.close();
    const db = createDb(sb.location());
    await db.batch([
      { type: 'put', key: key(Kind.pending, 'ghost'), value: Buffer.alloc(0) },
      { type: 'put', key: key(Kind.grant, 'ghost', 'g'), value: Buffer.from('junk') },
      { type: 'put', key: key(Kind.grantByPrincipal, 'ghost', 'user', 'u1', 'e', 'g'), value: Buffer.alloc(0) },
    ]);
    await db.close();
    const r = await sb.open();
    const report = await r.verify();
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.recordsChecked).toBe(1);
  });
});
