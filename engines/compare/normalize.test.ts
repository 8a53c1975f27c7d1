import { StorageError } from '../../models/contract/errors';
import type { Grant, Resource, SyncRun } from '../../models/types';
import { canonicalJson } from './canonical-json';
import { historyLine } from './history-line';
import { normalizeOutcome } from './normalize';
import { settle } from './outcome';

const user: Resource = { id: { resourceType: 'user', resource: 'u1' } };
const grant = (id: string, extra: Partial<Grant> = {}): Grant => ({
  id,
  entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } },
  principal: user,
  ...extra,
});
const ok = (value: unknown) => ({ ok: true as const, value });

describe('normalizeOutcome', () => {
  it('turns a Stored record into { id, t, data } with defaults gone after a codec round trip', () => {
    const withDefaults = grant('g1', { annotations: [], principal: { ...user, displayName: '', creationSource: 0 } });
    const a = normalizeOutcome('getGrant', ok({ record: withDefaults, discoveredAt: 5 }));
    const b = normalizeOutcome('getGrant', ok({ record: grant('g1'), discoveredAt: 5 }));
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a).toMatchObject({ id: 'g1', t: 5, data: { id: 'g1', principal: { id: { resource: 'u1', resourceType: 'user' } } } });
    expect(JSON.stringify(a)).not.toContain('annotations');
  });

  it('names a resource by type:resource and prints annotation bytes as hex', () => {
    const r: Resource = { ...user, annotations: [{ typeUrl: 't', value: new Uint8Array([1, 2]) }] };
    const n = normalizeOutcome('getResource', ok({ record: r, discoveredAt: 1 })) as { id: string; data: { annotations: unknown } };
    expect(n.id).toBe('user:u1');
    expect(n.data.annotations).toEqual([{ typeUrl: 't', value: '0102' }]);
  });

  it('sorts a page by identity and replaces its token with a marker', () => {
    const page = { items: [{ record: grant('g2'), discoveredAt: 1 }, { record: grant('g1'), discoveredAt: 1 }], nextPageToken: 'opaque' };
    const n = normalizeOutcome('listGrants', ok(page)) as { items: { id: string }[]; next: string };
    expect(n.items.map((i) => i.id)).toEqual(['g1', 'g2']);
    expect(n.next).toBe('more');
    expect(canonicalJson(n)).not.toContain('opaque');
    expect((normalizeOutcome('listGrants', ok({ items: [], nextPageToken: '' })) as { next: string }).next).toBe('last');
  });

  it('keeps sync runs in their listed order, with the contract fields only', () => {
    const runs: (SyncRun & { extra?: number })[] = [
      { id: 's2', startedAt: 1, syncToken: '', syncType: 'full', parentSyncId: '', extra: 9 },
      { id: 's1', startedAt: 2, endedAt: 3, syncToken: 'x', syncType: 'partial', parentSyncId: 's2' },
    ];
    const n = normalizeOutcome('listSyncRuns', ok({ items: runs, nextPageToken: '' }));
    expect(n).toEqual({
      items: [
        { id: 's2', startedAt: 1, syncToken: '', syncType: 'full', parentSyncId: '' },
        { id: 's1', startedAt: 2, endedAt: 3, syncToken: 'x', syncType: 'partial', parentSyncId: 's2' },
      ],
      next: 'last',
    });
  });

  it('formats a history line with a one-line canonical result', () => {
    expect(historyLine(3, 'getGrant g1', normalizeOutcome('getGrant', { ok: false, error: new StorageError('NOT_FOUND', 'x') }))).toBe(
      '#3 getGrant g1 => {"error":"NOT_FOUND"}',
    );
  });

  it('normalises errors to their code, and anything else thrown as UNCODED', () => {
    expect(normalizeOutcome('getGrant', { ok: false, error: new StorageError('NOT_FOUND', 'x') })).toEqual({ error: 'NOT_FOUND' });
    expect(normalizeOutcome('getGrant', { ok: false, error: new TypeError('boom') })).toEqual({ error: 'UNCODED', name: 'TypeError' });
  });

  it('sorts stats keys and cleanup ids; void is null; an absent latest sync is null', () => {
    const stats = { resourceTypes: 1, resources: 2, entitlements: 0, grants: 0, assets: 0, resourcesByType: { user: 1, app: 1 } };
    expect(canonicalJson(normalizeOutcome('stats', ok(stats)))).toBe(
      '{"assets":0,"entitlements":0,"grants":0,"resourceTypes":1,"resources":2,"resourcesByType":{"app":1,"user":1}}',
    );
    expect(normalizeOutcome('cleanup', ok(['s3', 's1']))).toEqual(['s1', 's3']);
    expect(normalizeOutcome('putGrants', ok(undefined))).toBeNull();
    expect(normalizeOutcome('getLatestFinishedSync', ok(undefined))).toBeNull();
    expect(normalizeOutcome('startSync', ok({ syncId: 's1', isNew: true }))).toEqual({ isNew: true, syncId: 's1' });
  });

  it('keeps only kinds and syncs of a verify report', () => {
    const report = { ok: false, problems: [{ kind: 'stale-index', syncId: 's1', detail: 'engine words' }], dangling: [], recordsChecked: 7 };
    expect(normalizeOutcome('verify', ok(report))).toEqual({ ok: false, problems: ['stale-index@s1'], dangling: [] });
  });

  it('drains an asset read through settle and prints its bytes as hex', async () => {
    async function* chunks(): AsyncIterable<Uint8Array> {
      yield new Uint8Array([0xab]);
      yield new Uint8Array([0xcd, 0xef]);
    }
    const outcome = await settle(() => Promise.resolve({ contentType: 'text/plain', discoveredAt: 7, data: chunks() }));
    expect(normalizeOutcome('getAsset', outcome)).toEqual({ contentType: 'text/plain', t: 7, size: 3, data: 'abcdef' });
    expect(() => normalizeOutcome('getAsset', ok({ contentType: 'x', discoveredAt: 1, data: chunks() }))).toThrow(TypeError);
    expect(normalizeOutcome('getAsset', ok({ contentType: 'x', discoveredAt: 1, data: 'oops' }))).toEqual({ contentType: 'x', t: 1, data: '[not bytes]' });
  });

  it('represents a large asset by its size and digest', () => {
    const n = normalizeOutcome('getAsset', ok({ contentType: 'x', discoveredAt: 1, data: new Uint8Array(5000) })) as { size: number; data: string };
    expect(n.size).toBe(5000);
    expect(n.data).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('turns a stream that fails while draining into an error outcome', async () => {
    async function* broken(): AsyncIterable<Uint8Array> {
      yield new Uint8Array([1]);
      throw new StorageError('IO', 'disk');
    }
    const outcome = await settle(() => Promise.resolve({ contentType: 'x', discoveredAt: 1, data: broken() }));
    expect(normalizeOutcome('getAsset', outcome)).toEqual({ error: 'IO' });
  });
});
