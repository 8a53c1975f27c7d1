/** SPEC §4 paging: sizes, the default, drain invariants, malformed tokens and tokens used with another query. */
import type { Engine, Page, PageRequest } from '../../models/contract/api';
import { DEFAULTS } from '../../models/contract/api';
import { PAGED_LISTS, PAGING_CONTENT, writePagingSync, type PagedList } from './paging-fixture';
import { describeEachEngine, drain, expectCode, keyOf, keys, res, rt, writeSync } from './harness';

const BAD_SIZES = [DEFAULTS.maxPageSize + 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5];
const MALFORMED_TOKENS = ['@@@ not a token @@@', '!', '{}', '[]', '\uD800', ' ', 'null'];

/** Every list of SPEC §4 including listSyncRuns, as calls taking only paging fields. */
function allLists(e: Engine): Record<string, (p: PageRequest) => Promise<Page<unknown>>> {
  const lists: Record<string, (p: PageRequest) => Promise<Page<unknown>>> = {};
  for (const l of PAGED_LISTS) lists[l.name] = (p) => l.call(e, p);
  lists['listSyncRuns'] = (p) => e.listSyncRuns(p);
  return lists;
}

/** Uses `token` (issued for another query) with `list`: INVALID_ARGUMENT, or pages that stay inside `list`'s filter. */
async function expectTokenConfined(e: Engine, list: PagedList, token: string, syncId?: string): Promise<void> {
  const scope = syncId === undefined ? {} : { syncId };
  let page;
  try {
    page = await list.call(e, { ...scope, pageSize: 2, pageToken: token });
  } catch (err) {
    await expectCode(Promise.reject(err), 'INVALID_ARGUMENT');
    return;
  }
  const seen: string[] = [];
  for (let i = 0; i < 100; i++) {
    for (const item of page.items) {
      if (!list.accepts(item)) throw new Error(`${list.name} returned ${keyOf(item)}, outside its filter, for a foreign token`);
      seen.push(keyOf(item));
    }
    if (page.nextPageToken === '') break;
    page = await list.call(e, { ...scope, pageSize: 2, pageToken: page.nextPageToken });
  }
  for (const k of seen) expect(list.expected).toContain(k);
}

describeEachEngine('paging', (ctx) => {
  it('drains every list to exactly its records with page sizes 0, 1, 7 and 10,000, in a stable order', async () => {
    const s = await ctx.fresh();
    await writePagingSync(s);
    for (const l of PAGED_LISTS) {
      for (const size of [0, 1, 7, DEFAULTS.maxPageSize]) {
        const items = await drain((p) => l.call(s.engine, p), size).catch((err: Error) => {
          throw new Error(`${l.name} pageSize ${size}: ${err.message}`);
        });
        expect({ list: l.name, size, keys: keys(items) }).toEqual({ list: l.name, size, keys: [...l.expected].sort() });
      }
      const first = (await drain((p) => l.call(s.engine, p), 3)).map(keyOf);
      const second = (await drain((p) => l.call(s.engine, p), 3)).map(keyOf);
      expect(second).toEqual(first);
    }
  });

  it('returns exactly one item per page with page size 1 and never an empty page before the last', async () => {
    const s = await ctx.fresh();
    await writePagingSync(s);
    const l = PAGED_LISTS.find((x) => x.name === 'listGrantsForPrincipal user:u01') as PagedList;
    let token = '';
    let pages = 0;
    const got: string[] = [];
    do {
      const page = await l.call(s.engine, { pageSize: 1, ...(token === '' ? {} : { pageToken: token }) });
      pages++;
      if (page.nextPageToken !== '') expect(page.items).toHaveLength(1);
      else expect(page.items.length).toBeLessThanOrEqual(1);
      got.push(...page.items.map(keyOf));
      token = page.nextPageToken;
    } while (token !== '' && pages < 50);
    expect(got.sort()).toEqual([...l.expected].sort());
    expect(pages === l.expected.length || pages === l.expected.length + 1).toBe(true);
  });

  it('uses the default page size (100) for page size 0 or absent', async () => {
    const s = await ctx.fresh();
    const types = Array.from({ length: 150 }, (_, i) => rt(`type${String(i).padStart(3, '0')}`));
    await writeSync(s, { resourceTypes: types });
    for (const req of [{}, { pageSize: 0 }]) {
      const page = await s.engine.listResourceTypes(req);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(DEFAULTS.defaultPageSize);
      expect(page.nextPageToken).not.toBe('');
    }
    expect(keys((await s.engine.listResourceTypes({ pageSize: DEFAULTS.maxPageSize })).items)).toEqual(keys(types));
    expect(keys(await drain((p) => s.engine.listResourceTypes(p), 0))).toEqual(keys(types));
  });

  it('rejects page sizes above 10,000, negative or not integers on every list, with or without a target sync', async () => {
    const s = await ctx.fresh();
    for (const round of ['no target', 'target']) {
      if (round === 'target') await writePagingSync(s);
      for (const [name, list] of Object.entries(allLists(s.engine))) {
        for (const size of BAD_SIZES) {
          await expectCode(list({ pageSize: size }), 'INVALID_ARGUMENT').catch((err: Error) => {
            throw new Error(`${round} ${name} pageSize ${size}: ${err.message}`);
          });
        }
      }
    }
  });

  it('rejects malformed page tokens on every list', async () => {
    const s = await ctx.fresh();
    await writePagingSync(s);
    const real = (await s.engine.listResources({ pageSize: 2 })).nextPageToken;
    expect(real).not.toBe('');
    for (const [name, list] of Object.entries(allLists(s.engine))) {
      for (const token of [...MALFORMED_TOKENS, `${real}@`, `@${real}`]) {
        await expectCode(list({ pageSize: 2, pageToken: token }), 'INVALID_ARGUMENT').catch((err: Error) => {
          throw new Error(`${name} token ${JSON.stringify(token)}: ${err.message}`);
        });
      }
    }
  });

  it('never returns records outside the filter for a token issued for another filter or method', async () => {
    const s = await ctx.fresh();
    await writePagingSync(s);
    const e = s.engine;
    const byName = (n: string): PagedList => PAGED_LISTS.find((l) => l.name === n) as PagedList;
    for (const from of PAGED_LISTS) {
      const token = (await from.call(e, { pageSize: 1 })).nextPageToken;
      expect(token).not.toBe('');
      for (const to of PAGED_LISTS) {
        if (to === from) continue;
        await expectTokenConfined(e, to, token).catch((err: Error) => {
          throw new Error(`token of ${from.name} used with ${to.name}: ${err.message}`);
        });
      }
      if (from.name.startsWith('listGrantsForEntitlement')) {
        const other: PagedList = {
          name: 'listGrantsForEntitlement e02',
          call: (en, p) => en.listGrantsForEntitlement({ ...p, entitlementId: 'e02' }),
          expected: keys(PAGING_CONTENT.grants.filter((g) => g.entitlement.id === 'e02')),
          accepts: (x) => 'principal' in x.record && x.record.entitlement.id === 'e02',
        };
        await expectTokenConfined(e, other, token);
      }
    }
    const forPrincipal = byName('listGrantsForPrincipal user:u01');
    const token = (await forPrincipal.call(e, { pageSize: 1 })).nextPageToken;
    const narrower: PagedList = {
      name: 'listGrantsForPrincipal user:u01 entitlement e02',
      call: (en, p) => en.listGrantsForPrincipal({ ...p, principalId: { resourceType: 'user', resource: 'u01' }, entitlementId: 'e02' }),
      expected: keys(PAGING_CONTENT.grants.filter((g) => g.entitlement.id === 'e02')),
      accepts: (x) => 'principal' in x.record && x.record.entitlement.id === 'e02' && x.record.principal.id.resource === 'u01',
    };
    await expectTokenConfined(e, narrower, token);
  });

  it('never returns records of another sync for a token issued in one sync', async () => {
    const s = await ctx.fresh();
    const a = await writeSync(s, { resources: Array.from({ length: 6 }, (_, i) => res('user', `a${i}`)) });
    const b = await writeSync(s, { resources: Array.from({ length: 6 }, (_, i) => res('user', `b${i}`)) });
    const inB: PagedList = {
      name: 'listResources in b',
      call: (en, p) => en.listResources(p),
      expected: Array.from({ length: 6 }, (_, i) => `user:b${i}`),
      accepts: (x) => typeof x.record.id === 'object' && x.record.id.resource.startsWith('b'),
    };
    const tokenA = (await s.engine.listResources({ syncId: a, pageSize: 2 })).nextPageToken;
    expect(tokenA).not.toBe('');
    await expectTokenConfined(s.engine, inB, tokenA, b);
    await expectTokenConfined(s.engine, inB, tokenA);
  });

  it('rejects a non-empty page token when no sync resolves (rule 6)', async () => {
    const s = await ctx.fresh();
    await writeSync(s, { resources: Array.from({ length: 5 }, (_, i) => res('user', `u${i}`)) }, { type: 'partial', end: 'open' });
    const token = (await s.engine.listResources({ pageSize: 2 })).nextPageToken;
    expect(token).not.toBe('');
    await s.engine.endSync();
    expect((await s.engine.listResources()).items).toHaveLength(0);
    await expectCode(s.engine.listResources({ pageSize: 2, pageToken: token }), 'INVALID_ARGUMENT');
    await expectCode(s.engine.listResourceTypes({ pageToken: '@@@ not a token @@@' }), 'INVALID_ARGUMENT');
    expect(await s.engine.listGrants({ pageToken: '' })).toEqual({ items: [], nextPageToken: '' });
  });
});
