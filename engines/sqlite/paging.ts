/**
 * Keyset paging on a table's integer primary key: `id > position ORDER BY id LIMIT size + 1`, the extra row telling
 * whether another page follows (so a page that is not the last is never empty). Tokens are bound to the query.
 *
 * A query whose filter fixes only a prefix of its index's columns pages in that index's order instead,
 * `(columns..., id) > (position) ORDER BY columns..., id`: in id order SQLite could only walk the sync's rows
 * and test each, so every page of a small result read the whole sync.
 */
import type { Page } from '../../models/contract/api';
import type { PageArgs } from '../base/abstract-engine';
import { StorageError } from '../../models/contract/errors';
import { decodePageToken, encodePageToken, queryDigest } from '../base/page-token';
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
  /** Columns that order rows before `id` (NOT NULL text columns of the index serving the filter); none: id order. */
  readonly orderBy?: readonly string[];
}

/** A row with the values of its query's `orderBy` columns as `k0`, `k1`, ... */
type KeyedRow = RecordRow & Readonly<Record<string, unknown>>;

function malformed(): StorageError {
  return new StorageError('INVALID_ARGUMENT', 'malformed page token position');
}

/** Reads an index-order position: the `orderBy` values (text) and then the id, as a JSON array. */
function compositeAfter(position: string, columns: number): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(position);
  } catch (err) {
    throw new StorageError('INVALID_ARGUMENT', 'malformed page token position', { cause: err });
  }
  if (!Array.isArray(parsed) || parsed.length !== columns + 1) throw malformed();
  const values = parsed as unknown[];
  if (!values.slice(0, columns).every((v) => typeof v === 'string') || !Number.isSafeInteger(values[columns])) throw malformed();
  return values;
}

/** The position of a row: its id, or its `orderBy` values and id. */
function positionOf(row: KeyedRow, columns: number): string {
  if (columns === 0) return String(row.id);
  return JSON.stringify([...Array.from({ length: columns }, (_, i) => row[`k${i}`]), row.id]);
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
  const order = q.orderBy ?? [];
  let rows: KeyedRow[];
  if (order.length === 0) {
    const after = startAfter(page.token, digest);
    const conditions = ['sync_id = ?', ...q.where, 'id > ?'].join(' AND ');
    const sql = `SELECT id, data, discovered_at FROM ${q.table} WHERE ${conditions} ORDER BY id LIMIT ?`;
    rows = stmts.get(sql).all(q.syncId, ...q.params, after, page.size + 1) as KeyedRow[];
  } else {
    const after = page.token === '' ? [] : compositeAfter(decodePageToken(page.token, digest), order.length);
    const keyset = after.length === 0 ? [] : [`(${[...order, 'id'].join(', ')}) > (${after.map(() => '?').join(', ')})`];
    const conditions = ['sync_id = ?', ...q.where, ...keyset].join(' AND ');
    const keys = order.map((c, i) => `${c} AS k${i}`).join(', ');
    const sql = `SELECT id, data, discovered_at, ${keys} FROM ${q.table} WHERE ${conditions} ORDER BY ${order.join(', ')}, id LIMIT ?`;
    rows = stmts.get(sql).all(q.syncId, ...q.params, ...after, page.size + 1) as KeyedRow[];
  }
  const more = rows.length > page.size;
  const pageRows = more ? rows.slice(0, page.size) : rows;
  // Fault page-token-skips-one: the token names the next page's first row, which `id > ?` then skips.
  const last = skipOne ? rows[page.size] : pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(decode),
    nextPageToken: more && last !== undefined ? encodePageToken(digest, positionOf(last, order.length)) : '',
  };
}
