/**
 * Drains one reader query page by page without keeping its items: each item goes to a visitor as it arrives, and
 * SPEC §4's paging rules are checked on the way (no page larger than asked, no empty page before the last, no token
 * twice, a bounded number of pages). Duplicates are not tracked here (that would hold every identity): a duplicate
 * changes the digest, and the record diff names it.
 */
import type { Engine, Stored } from '../../models/contract/api';
import { isStorageError } from '../../models/contract/errors';
import { normalizeError, type Json } from '../../engines/compare';
import type { ReaderQuery } from './reader-query';

/** How a streamed drain ended: `error` is the first page's error (the call's outcome), `violations` broken rules. */
export interface StreamDrained {
  readonly error?: Json;
  readonly pages: number;
  readonly violations: string[];
}

const MAX_PAGES = 10_000_000;

function describe(err: unknown): string {
  if (isStorageError(err)) return err.code;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Runs `query` on `engine` to its last page, handing every item to `visit`. */
export async function streamDrain(engine: Engine, query: ReaderQuery, visit: (item: Stored<unknown>) => void): Promise<StreamDrained> {
  const violations: string[] = [];
  const tokens = new Set<string>();
  let token = '';
  for (let n = 0; ; n += 1) {
    let page;
    try {
      page = await query.run(engine, { pageSize: query.pageSize, pageToken: token });
    } catch (err) {
      if (n === 0) return { error: normalizeError(err), pages: 0, violations };
      violations.push(`page ${n}: reading the next page failed: ${describe(err)}`);
      return { pages: n, violations };
    }
    if (query.pageSize > 0 && page.items.length > query.pageSize) violations.push(`page ${n}: ${page.items.length} items, asked for ${query.pageSize}`);
    for (const item of page.items) visit(item);
    token = page.nextPageToken;
    if (token === '') return { pages: n + 1, violations };
    if (page.items.length === 0) {
      violations.push(`page ${n}: an empty page that is not the last`);
      return { pages: n + 1, violations };
    }
    if (tokens.has(token)) {
      violations.push(`page ${n}: the next page token was returned before`);
      return { pages: n + 1, violations };
    }
    tokens.add(token);
    if (n + 1 >= MAX_PAGES) {
      violations.push(`still not drained after ${MAX_PAGES} pages`);
      return { pages: n + 1, violations };
    }
  }
}
