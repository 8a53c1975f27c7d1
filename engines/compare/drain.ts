/**
 * Drains a paged list to the end while checking SPEC §4's paging invariants: no page larger than asked, no empty
 * page before the last, no identity twice. It always terminates: a page that brings nothing new, a token seen
 * before, or too many pages stops the drain with a violation instead of looping forever.
 */
import type { Page } from '../../models/contract/api';
import { isStorageError } from '../../models/contract/errors';
import { identityOf } from './identity';

/** The paging rules a drain checks. */
export type PagingRule = 'page-too-large' | 'empty-page' | 'duplicate' | 'token-repeat' | 'too-many-pages' | 'page-error' | 'bad-page';

/** One broken paging rule, found on page `page` (0-based). */
export interface PagingViolation {
  readonly rule: PagingRule;
  readonly page: number;
  readonly detail: string;
}

/** Every item of a drained list (first occurrence of each identity), with the pages read and the rules broken. */
export interface Drained<T> {
  readonly items: T[];
  readonly pages: number;
  readonly violations: PagingViolation[];
}

/** Options of `drainList`. */
export interface DrainOptions<T> {
  /** The identity of an item (default: `identityOf`). */
  readonly identity?: (item: T) => string;
  /** A bound on the pages read (default 100,000); the other checks stop any loop long before it on real data. */
  readonly maxPages?: number;
  /** The first page when the caller already has it (saves one call). */
  readonly firstPage?: Page<T>;
}

function isPage(value: unknown): value is Page<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Page<unknown>).items) &&
    typeof (value as Page<unknown>).nextPageToken === 'string'
  );
}

function describeError(err: unknown): string {
  if (isStorageError(err)) return err.code;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Reads every page of a list with `call(pageToken)` (`''` for the first page). An error on the first page is
 * thrown (it is the call's outcome); an error on a later page is a `page-error` violation and ends the drain.
 * `pageSize` is the size asked for; 0 means the engine's default, and page sizes are then not checked.
 */
export async function drainList<T>(
  call: (pageToken: string) => Promise<Page<T>>,
  pageSize: number,
  options: DrainOptions<T> = {},
): Promise<Drained<T>> {
  const identity = options.identity ?? identityOf;
  const maxPages = options.maxPages ?? 100_000;
  const items: T[] = [];
  const violations: PagingViolation[] = [];
  const seen = new Set<string>();
  const tokens = new Set<string>();
  let page: unknown = options.firstPage ?? (await call(''));
  let read = 0;
  for (let n = 0; ; n += 1) {
    read = n + 1;
    if (!isPage(page)) {
      violations.push({ rule: 'bad-page', page: n, detail: 'not a { items, nextPageToken } page' });
      break;
    }
    if (pageSize > 0 && page.items.length > pageSize) {
      violations.push({ rule: 'page-too-large', page: n, detail: `${page.items.length} items, asked for ${pageSize}` });
    }
    let fresh = 0;
    for (const item of page.items as readonly T[]) {
      const id = identity(item);
      if (seen.has(id)) {
        violations.push({ rule: 'duplicate', page: n, detail: `identity ${JSON.stringify(id)} listed again` });
      } else {
        seen.add(id);
        items.push(item);
        fresh += 1;
      }
    }
    const token = page.nextPageToken;
    if (token === '') break;
    if (page.items.length === 0) {
      violations.push({ rule: 'empty-page', page: n, detail: 'an empty page that is not the last' });
      break;
    }
    // A page of only duplicates brings nothing new: the drain would loop, and the duplicates are already reported.
    if (fresh === 0) break;
    if (tokens.has(token)) {
      violations.push({ rule: 'token-repeat', page: n, detail: 'the next page token was returned before' });
      break;
    }
    tokens.add(token);
    if (n + 1 >= maxPages) {
      violations.push({ rule: 'too-many-pages', page: n, detail: `still not drained after ${maxPages} pages` });
      break;
    }
    try {
      page = await call(token);
    } catch (err) {
      violations.push({ rule: 'page-error', page: n + 1, detail: `reading the next page failed: ${describeError(err)}` });
      break;
    }
  }
  return { items, pages: read, violations };
}
