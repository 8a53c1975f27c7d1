/**
 * What the metrics wrapper knows about each public method: how to summarise its arguments for the slow log (ids,
 * filters, page size, batch size; never whole records, never whole tokens), how many rows a result read or wrote,
 * and which sync the call acts on. Summaries are built only for slow calls, and never throw on odd arguments (the
 * harness passes invalid ones on purpose).
 */
import type { SyncTracker } from './sync-tracker';

/** Rows a finished call read and wrote. */
export interface Rows {
  readonly read: number;
  readonly written: number;
}

/** How the wrapper treats one method. */
export interface CallSpec {
  readonly summarise: (args: readonly unknown[]) => Record<string, unknown>;
  readonly rows: (result: unknown, args: readonly unknown[]) => Rows;
  readonly sync: (args: readonly unknown[], tracker: SyncTracker) => string;
}

/** Longest string kept in a summary; ids may be 1024 bytes. */
const MAX_TEXT = 120;
/** Ids listed for a batch; the rest are only counted. */
const MAX_IDS = 3;

const NONE: Rows = { read: 0, written: 0 };

function text(value: unknown): unknown {
  if (typeof value !== 'string') return value === undefined ? undefined : typeof value;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…(${value.length} chars)` : value;
}

function num(value: unknown): unknown {
  return typeof value === 'number' || value === undefined ? value : typeof value;
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A ResourceId as `type/id`. */
function resourceId(value: unknown): unknown {
  if (value === undefined) return undefined;
  const r = obj(value);
  return text(`${String(r['resourceType'])}/${String(r['resource'])}`);
}

/** Drops undefined fields so that lines stay short. */
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A list request: sync, filters, page size and whether a token was given. */
function listArgs(args: readonly unknown[]): Record<string, unknown> {
  const r = obj(args[0]);
  const types = r['principalResourceTypeIds'];
  return compact({
    syncId: text(r['syncId']),
    resourceTypeId: text(r['resourceTypeId']),
    parentResourceId: resourceId(r['parentResourceId']),
    resource: resourceId(r['resource']),
    entitlementId: text(r['entitlementId']),
    principalId: resourceId(r['principalId']),
    principalResourceTypeIds: Array.isArray(types) ? types.slice(0, MAX_IDS).map(text) : undefined,
    pageSize: num(r['pageSize']),
    pageToken: typeof r['pageToken'] === 'string' && r['pageToken'] !== '' ? 'given' : undefined,
  });
}

/** The identity of one record of a batch, as the slow log shows it. */
function itemId(item: unknown): unknown {
  const r = obj(item);
  return typeof r['id'] === 'string' ? text(r['id']) : resourceId(r['id']);
}

/** A put batch: its size, its first ids, ifNewer. */
function putArgs(args: readonly unknown[]): Record<string, unknown> {
  const items = args[0];
  if (!Array.isArray(items)) return { items: typeof items };
  return compact({ items: items.length, ids: items.slice(0, MAX_IDS).map(itemId), ifNewer: obj(args[1])['ifNewer'] === true ? true : undefined });
}

function pageRows(result: unknown): Rows {
  const items = obj(result)['items'];
  return { read: Array.isArray(items) ? items.length : 0, written: 0 };
}

function putRows(_result: unknown, args: readonly unknown[]): Rows {
  return { read: 0, written: Array.isArray(args[0]) ? args[0].length : 0 };
}

const one = (): Rows => ({ read: 1, written: 0 });
const onlyCurrent = (_args: readonly unknown[], t: SyncTracker): string => t.currentSync();
const firstArgSync = (args: readonly unknown[], t: SyncTracker): string => t.target(args[0]);
const requestSync = (args: readonly unknown[], t: SyncTracker): string => t.target(obj(args[0])['syncId']);
const optionsSync = (args: readonly unknown[], t: SyncTracker): string => t.target(obj(args[1])['syncId']);

const list: CallSpec = { summarise: listArgs, rows: pageRows, sync: requestSync };
const put: CallSpec = { summarise: putArgs, rows: putRows, sync: onlyCurrent };
const get: CallSpec = { summarise: (a) => compact({ id: typeof a[0] === 'string' ? text(a[0]) : resourceId(a[0]), syncId: text(obj(a[1])['syncId']) }), rows: one, sync: optionsSync };
const plain = (summarise: CallSpec['summarise'] = () => ({}), rows: CallSpec['rows'] = () => NONE, sync: CallSpec['sync'] = (_a, t) => t.target()): CallSpec => ({ summarise, rows, sync });

/** The spec of every timed method: the contract's, and the bulk access of RawStore. */
export const CALL_SPECS: Readonly<Record<string, CallSpec>> = {
  listResourceTypes: list,
  listResources: list,
  listEntitlements: list,
  listGrants: list,
  listGrantsForEntitlement: list,
  listGrantsForPrincipal: list,
  listGrantsForResourceType: list,
  listSyncRuns: plain((a) => compact({ pageSize: num(obj(a[0])['pageSize']), pageToken: obj(a[0])['pageToken'] ? 'given' : undefined }), pageRows, () => 'all'),
  getResourceType: get,
  getResource: get,
  getEntitlement: get,
  getGrant: get,
  getAsset: get,
  getSync: plain((a) => ({ id: text(a[0]) }), one, (a) => String(text(a[0]))),
  getLatestFinishedSync: plain((a) => compact({ type: text(a[0]) }), (r) => ({ read: r === undefined ? 0 : 1, written: 0 }), () => 'all'),
  stats: plain((a) => compact({ syncId: text(a[0]) }), () => NONE, firstArgSync),
  startNewSync: plain((a) => compact({ type: text(obj(a[0])['type']), parentSyncId: text(obj(a[0])['parentSyncId']) })),
  startSync: plain(),
  setCurrentSync: plain((a) => ({ id: text(a[0]) }), () => NONE, firstArgSync),
  currentSyncStep: plain(() => ({}), () => NONE, onlyCurrent),
  checkpointSync: plain((a) => ({ tokenChars: typeof a[0] === 'string' ? a[0].length : typeof a[0] }), () => NONE, onlyCurrent),
  endSync: plain(() => ({}), () => NONE, onlyCurrent),
  putResourceTypes: put,
  putResources: put,
  putEntitlements: put,
  putGrants: put,
  deleteGrant: plain((a) => ({ id: text(a[0]) }), () => ({ read: 0, written: 1 }), onlyCurrent),
  putAsset: plain((a) => compact({ id: text(a[0]), contentType: text(a[1]), bytes: a[2] instanceof Uint8Array ? a[2].length : typeof a[2] }), () => ({ read: 0, written: 1 }), onlyCurrent),
  generateSyncDiff: plain((a) => ({ baseSyncId: text(a[0]), appliedSyncId: text(a[1]) }), () => NONE, (a) => String(text(a[1]))),
  cloneSync: plain((a) => ({ syncId: text(a[0]), destination: text(a[1]) }), () => NONE, (a) => (a[0] === '' ? 'latest full' : String(text(a[0])))),
  viewSync: plain((a) => ({ id: text(a[0]) }), () => NONE, firstArgSync),
  cleanup: plain((a) => compact({ keep: num(obj(a[0])['keep']) }), () => NONE, () => 'all'),
  compact: plain(() => ({}), () => NONE, () => 'all'),
  verify: plain(() => ({}), (r) => ({ read: Number(obj(r)['recordsChecked'] ?? 0), written: 0 }), () => 'all'),
  close: plain(() => ({}), () => NONE, () => 'all'),
  rawSyncRuns: plain(() => ({}), (r) => ({ read: Array.isArray(r) ? r.length : 0, written: 0 }), () => 'all'),
};

/** Summarises arguments without ever throwing. */
export function safeSummary(spec: CallSpec, args: readonly unknown[]): Record<string, unknown> {
  try {
    return spec.summarise(args);
  } catch {
    return { args: 'unreadable' };
  }
}
