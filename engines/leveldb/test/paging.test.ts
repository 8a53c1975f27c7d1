import type { Engine } from '../../../models/contract/api';
import { encodePageToken } from '../../base/page-token';
import { Kind, key } from '../layout';
import { drain, grant, res, rid, Sandbox } from './helpers';

let sb: Sandbox;
let e: Engine;
let s1: string;
let s2: string;

beforeAll(async () => {
  sb = await Sandbox.create();
  e = await sb.open();
  s1 = await e.startNewSync();
  await e.putResources(['u1', 'u10', 'u2', 'u3'].map((u) => res('user', u)));
  const gs = [];
  for (let i = 0; i < 12; i++) gs.push(grant(`g${i}`, `e${i % 2}`, rid('app', 'a'), rid(i % 3 === 0 ? 'group' : 'user', `u${i % 4}`)));
  await e.putGrants(gs);
  await e.endSync();
  s2 = await e.startNewSync();
  await e.putResources([res('user', 'u1'), res('user', 'u2')]);
  await e.endSync();
});

afterAll(async () => {
  await sb.cleanup();
});

/** Splits a token into its digest and position (the format of engines/base/page-token.ts). */
function parts(token: string): [string, string] {
  return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [string, string];
}

describe('leveldb engine: page tokens', () => {
  it('refuses a token of one filter used with another filter, sync or method', async () => {
    const page = await e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), pageSize: 1 });
    expect(page.nextPageToken).not.toBe('');
    const t = page.nextPageToken;
    await expect(e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u10'), pageToken: t })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), entitlementId: 'e1', pageToken: t })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(e.listGrants({ syncId: s1, pageToken: t })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const r = await e.listResources({ syncId: s1, pageSize: 1 });
    await expect(e.listResources({ syncId: s2, pageToken: r.nextPageToken })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(e.listResources({ syncId: s1, resourceTypeId: 'user', pageToken: r.nextPageToken })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const ok = await e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), pageToken: t });
    expect(ok.items.length).toBeGreaterThan(0);
  });

  it('refuses malformed tokens and positions outside the query', async () => {
    for (const bad of ['x', '!!', 'e30', Buffer.from('["d",3]').toString('base64url')]) {
      await expect(e.listGrants({ syncId: s1, pageToken: bad })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    const t = (await e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), pageSize: 1 })).nextPageToken;
    const [digest] = parts(t);
    const outside = key(Kind.grantByPrincipal, s1, 'user', 'u10', 'e0', 'g0').toString('base64url');
    const forged = encodePageToken(digest, outside);
    await expect(e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), pageToken: forged })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const garbage = encodePageToken(digest, 'not base64url!');
    await expect(e.listGrantsForPrincipal({ syncId: s1, principalId: rid('user', 'u1'), pageToken: garbage })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('pages across several principal-type ranges without repeats or empty pages', async () => {
    const all = await drain((t) => e.listGrantsForEntitlement({ syncId: s1, entitlementId: 'e0', principalResourceTypeIds: ['user', 'group'], pageSize: 1, pageToken: t }));
    const want = (await e.listGrantsForEntitlement({ syncId: s1, entitlementId: 'e0', pageSize: 100 })).items.map((g) => g.record.id);
    expect(all.map((g) => g.record.id).sort()).toEqual([...want].sort());
    expect(new Set(all.map((g) => g.record.id)).size).toBe(all.length);
  });

  it('pages sync runs by started_at then id and stops', async () => {
    const runs = await drain((t) => e.listSyncRuns({ pageSize: 1, pageToken: t }));
    expect(runs.map((r) => r.id)).toEqual([s1, s2]);
    const t = (await e.listSyncRuns({ pageSize: 1 })).nextPageToken;
    await expect(e.listResourceTypes({ pageToken: t })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('returns exactly the page size and a last page with an empty token', async () => {
    const first = await e.listGrants({ syncId: s1, pageSize: 5 });
    expect(first.items).toHaveLength(5);
    const rest = await drain((t) => e.listGrants({ syncId: s1, pageSize: 12, pageToken: t }));
    expect(rest).toHaveLength(12);
    expect((await e.listGrants({ syncId: s1, pageSize: 12 })).nextPageToken).toBe('');
  });
});
