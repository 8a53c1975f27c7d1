/**
 * Keyset paging over one or more disjoint key ranges. A token carries the key the next page starts at and is bound
 * to its query by a digest (engines/base/page-token.ts); a foreign or malformed token, or a position outside the query's
 * ranges, is INVALID_ARGUMENT. Each page reads one entry more than it returns, so a next page is never empty.
 */
import type { Page } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { decodePageToken, encodePageToken, queryDigest } from '../base/page-token';
import type { Db } from './db';
import type { KeyRange } from './keys';
import { READ_AHEAD_BYTES } from './read-ahead';

/** One entry a scan read: its key, and its value unless the scan was keys-only. */
export interface Entry {
  readonly key: Buffer;
  readonly value: Buffer | undefined;
}

/** A paged scan: the query identity, its ranges in key order, and how entries become items. */
export interface ScanSpec<T> {
  /** Any JSON-serialisable description of (method, sync, filter). */
  readonly query: unknown;
  /** Disjoint ranges, ascending. */
  readonly ranges: readonly KeyRange[];
  readonly values: boolean;
  readonly size: number;
  readonly token: string;
  /** The test-only fault sync-runs-token-repeats of issue 5: the token holds the last key returned. */
  readonly repeatLast?: boolean;
  /** Turns one page of entries into items (in the same order). */
  load(entries: readonly Entry[]): Promise<T[]> | T[];
}

function invalid(message: string): StorageError {
  return new StorageError('INVALID_ARGUMENT', message);
}

/** Decodes a token's position key and finds the range holding it. */
function resume(token: string, digest: string, ranges: readonly KeyRange[]): { start: Buffer; index: number } {
  const position = decodePageToken(token, digest);
  if (!/^[A-Za-z0-9_-]+$/.test(position)) throw invalid('malformed page token position');
  const start = Buffer.from(position, 'base64url');
  if (start.toString('base64url') !== position) throw invalid('malformed page token position');
  const index = ranges.findIndex((r) => start.compare(r.gte) >= 0 && start.compare(r.lt) < 0);
  if (index === -1) throw invalid('page token position is outside the query');
  return { start, index };
}

/** Reads one page of a scan. */
export async function scanPage<T>(db: Db, spec: ScanSpec<T>): Promise<Page<T>> {
  const digest = queryDigest(spec.query);
  let start: Buffer | undefined;
  let index = 0;
  if (spec.token !== '') ({ start, index } = resume(spec.token, digest, spec.ranges));
  const want = spec.size + 1;
  const entries: Entry[] = [];
  for (; index < spec.ranges.length && entries.length < want; index++) {
    const r = spec.ranges[index] as KeyRange;
    const gte = start ?? r.gte;
    start = undefined;
    const it = db.iterator({ gte, lt: r.lt, keys: true, values: spec.values, limit: want - entries.length, highWaterMarkBytes: READ_AHEAD_BYTES });
    try {
      for (;;) {
        const batch = await it.nextv(want - entries.length);
        if (batch.length === 0) break;
        for (const [key, value] of batch) entries.push({ key, value });
        if (entries.length >= want) break;
      }
    } finally {
      await it.close();
    }
  }
  const hasMore = entries.length > spec.size;
  const page = hasMore ? entries.slice(0, spec.size) : entries;
  const items = await spec.load(page);
  const nextAt = spec.repeatLast === true ? spec.size - 1 : spec.size;
  const next = hasMore ? encodePageToken(digest, (entries[nextAt] as Entry).key.toString('base64url')) : '';
  return { items, nextPageToken: next };
}
