/**
 * One reader query of a replay: a list method with its filter on one sync, run page by page against any engine. The
 * same query value is run on every engine, so their answers can be compared by digest.
 */
import type { Engine, Page, Stored } from '../../models/contract/api';
import type { ListFilter } from '../runner/snapshot-filters';
import type { ListedKind } from './record-digest';

/** A list query on one sync. */
export interface ReaderQuery {
  /** Stable text naming the query (the key its answers are compared under). */
  readonly key: string;
  readonly method: string;
  readonly kind: ListedKind;
  readonly filter?: ListFilter;
  /** The page size asked for (0: the engine's default). */
  readonly pageSize: number;
  readonly run: (engine: Engine, page: { pageSize: number; pageToken: string }) => Promise<Page<Stored<unknown>>>;
}

/** The unfiltered list queries of one sync at one page size. */
export function unfilteredQueries(at: string, syncId: string, pageSize: number): ReaderQuery[] {
  const suffix = pageSize === 0 ? '' : ` pageSize=${pageSize}`;
  return [
    { key: `${at} listResourceTypes${suffix}`, method: 'listResourceTypes', kind: 'resourceType', pageSize, run: (e, p) => e.listResourceTypes({ ...p, syncId }) },
    { key: `${at} listResources${suffix}`, method: 'listResources', kind: 'resource', pageSize, run: (e, p) => e.listResources({ ...p, syncId }) },
    { key: `${at} listEntitlements${suffix}`, method: 'listEntitlements', kind: 'entitlement', pageSize, run: (e, p) => e.listEntitlements({ ...p, syncId }) },
    { key: `${at} listGrants${suffix}`, method: 'listGrants', kind: 'grant', pageSize, run: (e, p) => e.listGrants({ ...p, syncId }) },
  ];
}
