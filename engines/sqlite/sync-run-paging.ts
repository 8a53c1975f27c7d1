/**
 * Pages of `listSyncRuns`. Runs are few and their started_at is text in formats foreign files may vary, so they are
 * ordered in JS by parsed micros then id; the token holds the last (started_at, id) pair, a keyset that stays correct
 * when runs are added or deleted between pages.
 */
import type { Page } from '../../models/contract/api';
import type { PageArgs } from '../base/abstract-engine';
import { StorageError } from '../../models/contract/errors';
import { decodePageToken, encodePageToken, queryDigest } from '../base/page-token';
import { compareSyncRuns } from '../base/sync-rules';
import type { SyncRun } from '../../models/types';

const DIGEST = queryDigest(['listSyncRuns']);

function positionOf(token: string): SyncRun | undefined {
  if (token === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodePageToken(token, DIGEST));
  } catch (err) {
    throw new StorageError('INVALID_ARGUMENT', 'malformed page token position', { cause: err });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isSafeInteger(parsed[0]) || typeof parsed[1] !== 'string') {
    throw new StorageError('INVALID_ARGUMENT', 'malformed page token position');
  }
  return { id: parsed[1], startedAt: parsed[0] as number, syncToken: '', syncType: 'full', parentSyncId: '' };
}

/** One page of `runs` in listSyncRuns order, after the position of `page.token` (`reversed`: a fault of issue 5). */
export function pageSyncRuns(runs: readonly SyncRun[], page: PageArgs, reversed = false): Page<SyncRun> {
  const after = positionOf(page.token);
  const order = reversed ? (a: SyncRun, b: SyncRun): number => compareSyncRuns(b, a) : compareSyncRuns;
  const sorted = [...runs].sort(order);
  const rest = after === undefined ? sorted : sorted.filter((r) => order(r, after) > 0);
  const items = rest.slice(0, page.size);
  const last = items[items.length - 1];
  return {
    items,
    nextPageToken: rest.length > page.size && last !== undefined ? encodePageToken(DIGEST, JSON.stringify([last.startedAt, last.id])) : '',
  };
}
