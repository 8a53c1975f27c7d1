/** Pages a list to its end while checking the paging invariants of SPEC §4. */
import { DEFAULTS, type Page, type PageRequest } from '../../models/contract/api';
import { keyOf, type Keyed } from './records';

/** A list call with its filters bound, taking only the paging fields. */
export type ListFn<T> = (page: PageRequest) => Promise<Page<T>>;

/** Pages `list` to the end with `pageSize` and returns every item in page order. */
export async function drain<T extends Keyed>(list: ListFn<T>, pageSize = 0): Promise<T[]> {
  const limit = pageSize === 0 ? DEFAULTS.maxPageSize : pageSize;
  const items: T[] = [];
  const seen = new Set<string>();
  const tokens = new Set<string>();
  let token = '';
  for (let pageNo = 1; ; pageNo++) {
    const page = await list(token === '' ? { pageSize } : { pageSize, pageToken: token });
    if (typeof page.nextPageToken !== 'string') throw new Error(`page ${pageNo}: nextPageToken is not a string`);
    if (page.items.length > limit) throw new Error(`page ${pageNo} holds ${page.items.length} items, asked for ${pageSize}`);
    if (page.items.length === 0 && page.nextPageToken !== '') throw new Error(`page ${pageNo} is empty but not the last`);
    for (const item of page.items) {
      const key = keyOf(item);
      if (seen.has(key)) throw new Error(`page ${pageNo} repeats ${JSON.stringify(key)}`);
      seen.add(key);
      items.push(item);
    }
    if (page.nextPageToken === '') return items;
    if (tokens.has(page.nextPageToken)) throw new Error(`page ${pageNo} repeats an earlier page token (paging would never end)`);
    tokens.add(page.nextPageToken);
    token = page.nextPageToken;
  }
}
