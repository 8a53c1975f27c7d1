import type { Page } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { drainList } from './drain';

interface Item {
  readonly id: string;
}

/** A list served from fixed pages keyed by token. */
function pages(map: Record<string, Page<Item>>): (token: string) => Promise<Page<Item>> {
  return (token) => {
    const page = map[token];
    if (page === undefined) return Promise.reject(new StorageError('INVALID_ARGUMENT', `token ${token}`));
    return Promise.resolve(page);
  };
}

const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

describe('drainList', () => {
  it('drains every page and reports nothing on a well-behaved list', async () => {
    const call = pages({ '': { items: items('a', 'b'), nextPageToken: 't1' }, t1: { items: items('c'), nextPageToken: '' } });
    const drained = await drainList(call, 2);
    expect(drained.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(drained.pages).toBe(2);
    expect(drained.violations).toEqual([]);
  });

  it('reports a page larger than asked', async () => {
    const drained = await drainList(pages({ '': { items: items('a', 'b', 'c'), nextPageToken: '' } }), 2);
    expect(drained.violations.map((v) => v.rule)).toEqual(['page-too-large']);
    expect(drained.items).toHaveLength(3);
  });

  it('does not check sizes when the default page size was asked for', async () => {
    const drained = await drainList(pages({ '': { items: items('a', 'b', 'c'), nextPageToken: '' } }), 0);
    expect(drained.violations).toEqual([]);
  });

  it('reports an empty page that is not the last and stops', async () => {
    const call = pages({ '': { items: items('a'), nextPageToken: 't1' }, t1: { items: [], nextPageToken: 't2' } });
    const drained = await drainList(call, 1);
    expect(drained.violations.map((v) => [v.rule, v.page])).toEqual([['empty-page', 1]]);
  });

  it('terminates on a token that repeats forever, reporting the duplicates', async () => {
    let calls = 0;
    const drained = await drainList((token) => {
      calls += 1;
      return Promise.resolve({ items: items('a'), nextPageToken: token === '' ? 'first' : 'again' });
    }, 1);
    expect(calls).toBe(2);
    expect(drained.items.map((i) => i.id)).toEqual(['a']);
    expect(drained.violations.map((v) => [v.rule, v.page])).toEqual([['duplicate', 1]]);
  });

  it('terminates on a repeated token even when pages keep bringing new items', async () => {
    let n = 0;
    const drained = await drainList(() => {
      n += 1;
      return Promise.resolve({ items: items(`x${n}`), nextPageToken: n % 2 === 0 ? 'even' : 'odd' });
    }, 1);
    expect(drained.violations.map((v) => v.rule)).toEqual(['token-repeat']);
    expect(n).toBe(3);
  });

  it('stops at maxPages', async () => {
    let n = 0;
    const drained = await drainList(() => {
      n += 1;
      return Promise.resolve({ items: items(`x${n}`), nextPageToken: `t${n}` });
    }, 1, { maxPages: 10 });
    expect(drained.pages).toBe(10);
    expect(drained.violations.map((v) => v.rule)).toEqual(['too-many-pages']);
  });

  it('throws a first-page error and reports a later-page error', async () => {
    await expect(drainList(pages({}), 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const drained = await drainList(pages({ '': { items: items('a'), nextPageToken: 'gone' } }), 1);
    expect(drained.violations).toEqual([{ rule: 'page-error', page: 1, detail: 'reading the next page failed: INVALID_ARGUMENT' }]);
    expect(drained.items).toHaveLength(1);
  });

  it('uses a given first page without calling for it', async () => {
    const seen: string[] = [];
    const drained = await drainList(
      (token) => {
        seen.push(token);
        return Promise.resolve({ items: items('b'), nextPageToken: '' });
      },
      1,
      { firstPage: { items: items('a'), nextPageToken: 'next' } },
    );
    expect(seen).toEqual(['next']);
    expect(drained.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('reports a malformed page', async () => {
    const drained = await drainList(() => Promise.resolve({ items: 'nope' } as unknown as Page<Item>), 1);
    expect(drained.violations.map((v) => v.rule)).toEqual(['bad-page']);
  });
});
