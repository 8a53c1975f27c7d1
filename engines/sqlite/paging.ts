/**
 * Keyset paging on a table's integer primary key: `id > position ORDER BY id LIMIT size + 1`, the extra row telling
 * whether another page follows (so a page that is not the last is never empty). Tokens are bound to the query.
 */
import type { Page } from '../api';
import type { PageArgs } from '../abstract-engine';
import { StorageError } from '../errors';
import { decodePageToken, encodePageToken, queryDigest } from '../page-token';
import type { RecordRow } from './rows';
import type { StatementCache } from './statements';

/** One filtered list query over a record table of one sync. */
export interface KeysetQuery {
  /** The public method, part of the token's query digest. */
  readonly method: string;
  readonly table: string;
  readonly syncId: string;
  /** The filter as the caller gave it, part of the token's query digest. */
  readonly filter: unknown;
  /** Extra conditions after `sync_id = ?`, each a fixed SQL fragment with `?` placeholders. */
  readonly where: readonly string[];
  readonly params: readonly unknown[];
}

/** Reads the position out of a token issued for this query; `-Infinity` (before every row) for the first page. */
function startAfter(token: string, digest: string): number {
  if (token === '') return -Infinity;
  const position = decodePageToken(token, digest);
  const id = /^-?[0-9]{1,16}$/.test(position) ? Number(position) : NaN;
  if (!Number.isSafeInteger(id)) throw new StorageError('INVALID_ARGUMENT', 'malformed page token position');
  return id;
}

/** Reads one page of rows in id order and decodes them with `decode` (`skipOne`: the test-only fault of issue 5). */
export function keysetPage<T>(stmts: StatementCache, q: KeysetQuery, page: PageArgs, decode: (row: RecordRow) => T, skipOne = false): Page<T> {
  const digest = queryDigest([q.method, q.syncId, q.filter]);
  const after = startAfter(page.token, digest);
  const conditions = ['sync_id = ?', ...q.where, 'id > ?'].join(' AND ');
  const sql = `SELECT id, data, discovered_at FROM ${q.table} WHERE ${conditions} ORDER BY id LIMIT ?`;
  const rows = stmts.get(sql).all(q.syncId, ...q.params, after, page.size + 1) as RecordRow[];
  const more = rows.length > page.size;
  const pageRows = more ? rows.slice(0, page.size) : rows;
  // Fault page-token-skips-one: the token names the next page's first row, which `id > ?` then skips.
  const last = skipOne ? rows[page.size] : pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(decode),
    nextPageToken: more && last !== undefined ? encodePageToken(digest, String(last.id)) : '',
  };
}
