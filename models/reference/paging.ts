/**
 * The model's page tokens and page slicing. A token is base64url JSON `{ q, after }`: the query it belongs to (method,
 * resolved sync and filter) and the sort key of the last item handed out. Rows are sorted by key, so the next page is
 * every row after that key: a store changed between pages never repeats a row.
 */
import type { Page } from '../contract/api';
import { invalid, pageSize } from './validate';

/** A position in a query: the query's description and the key of the last row returned. */
export interface TokenPosition {
  readonly query: string;
  readonly after: string;
}

/** A request's paging, checked: the page size to use and the decoded token (absent for the first page). */
export interface PageArgs {
  readonly size: number;
  readonly token: TokenPosition | undefined;
}

/** A row to page over: its sort key and the value handed out. */
export interface Row<T> {
  readonly key: string;
  readonly value: T;
}

function encodeToken(position: TokenPosition): string {
  return Buffer.from(JSON.stringify({ q: position.query, after: position.after }), 'utf8').toString('base64url');
}

/** Decodes a token, or throws INVALID_ARGUMENT when it is not one the model could have written. */
export function decodeToken(token: string): TokenPosition {
  const bytes = Buffer.from(token, 'base64url');
  // Node's base64url decoder skips junk, so a token must also survive the round trip unchanged.
  if (!/^[A-Za-z0-9_-]+$/.test(token) || bytes.toString('base64url') !== token) throw invalid('malformed page token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('malformed page token');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('malformed page token');
  const { q, after } = parsed as { q?: unknown; after?: unknown };
  if (typeof q !== 'string' || typeof after !== 'string') throw invalid('malformed page token');
  return { query: q, after };
}

/** Checks a request's page size and token (syntax only; the query is checked when the page is cut). */
export function pageArgs(req: { pageSize?: unknown; pageToken?: unknown } | undefined, defaultSize: number): PageArgs {
  const size = pageSize(req?.pageSize, defaultSize);
  const raw = req?.pageToken;
  if (raw !== undefined && typeof raw !== 'string') throw invalid('page token is not a string');
  return { size, token: raw === undefined || raw === '' ? undefined : decodeToken(raw) };
}

/** A query description: method, resolved sync and filter, as one string. */
export function queryOf(method: string, syncId: string, filter: unknown): string {
  return JSON.stringify([method, syncId, filter]);
}

/**
 * Cuts one page of `rows` (sorted by key with `compareKeys`) for `query`. A token of another query is
 * INVALID_ARGUMENT, so it can never lead outside this query's rows.
 */
export function cutPage<T>(
  rows: readonly Row<T>[],
  args: PageArgs,
  query: string,
  compareKeys: (a: string, b: string) => number,
): Page<T> {
  if (args.token !== undefined && args.token.query !== query) throw invalid('page token belongs to another query');
  const after = args.token?.after;
  const rest = after === undefined ? rows : rows.filter((row) => compareKeys(row.key, after) > 0);
  const taken = rest.slice(0, args.size);
  const last = taken[taken.length - 1];
  const nextPageToken = rest.length > taken.length && last !== undefined ? encodeToken({ query, after: last.key }) : '';
  return { items: taken.map((row) => row.value), nextPageToken };
}

/** The page of a query that has no target sync (SPEC §3 rule 6): empty, and no token can belong to it. */
export function emptyPage<T>(args: PageArgs): Page<T> {
  if (args.token !== undefined) throw invalid('page token cannot belong to a query without a target sync');
  return { items: [], nextPageToken: '' };
}
