/**
 * `c1z-parity list <what> <store> [--sync ID] [filters] [--page-size N] [--limit N] [--json]`: prints the records of
 * one sync of any store, page by page (never the whole list in memory), as tab-separated lines or as JSON Lines of
 * the decoded records. The filters are SPEC §4's; each `<what>` maps to the contract's reader that serves them.
 */
import type { Command } from 'commander';
import { DEFAULTS, type Engine, type Page, type Stored } from '../../../models/contract/api';
import { formatC1zTime } from '../../../engines/c1z/timestamps';
import type { Grant, ResourceId } from '../../../models/types';
import { withMetrics } from '../../../engines/metrics';
import { defaultReadTarget } from '../../../engines/base/sync-rules';
import { asRawStore } from '../../../engines/base/transfer';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseCount } from '../options';
import { wallClockMicros } from '../real-clock';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import { addSlowLogFlag, slowLogOf, type MetricsFlags } from './metrics-flags';
import { allSyncRuns, printSyncTable, syncRunJson } from './syncs';
import type { SetExit } from '.';

/** What `list` lists. */
const WHATS = ['resource-types', 'resources', 'entitlements', 'grants', 'assets', 'syncs'] as const;
type What = (typeof WHATS)[number];

interface ListOptions extends MetricsFlags, StoreCliOptions {
  sync?: string;
  resourceType?: string;
  parent?: string;
  resource?: string;
  entitlement?: string;
  principal?: string;
  principalTypes?: string;
  pageSize?: string;
  limit?: string;
  json?: boolean;
}

/** One printed record: its text line and its JSON Lines object. */
interface Row {
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** The filters each `<what>` accepts (option names as commander keys them). */
const ALLOWED: Record<What, readonly (keyof ListOptions)[]> = {
  'resource-types': [],
  resources: ['resourceType', 'parent'],
  entitlements: ['resource'],
  grants: ['resourceType', 'resource', 'entitlement', 'principal', 'principalTypes'],
  assets: [],
  syncs: [],
};
const FILTERS = ['resourceType', 'parent', 'resource', 'entitlement', 'principal', 'principalTypes'] as const;
const FLAG: Record<(typeof FILTERS)[number], string> = {
  resourceType: '--resource-type',
  parent: '--parent',
  resource: '--resource',
  entitlement: '--entitlement',
  principal: '--principal',
  principalTypes: '--principal-types',
};

/** Parses `type/id` (split at the first slash). */
function resourceIdArg(text: string, flag: string): ResourceId {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) throw new CliError(`${flag} takes type/id (got ${JSON.stringify(text)})`);
  return { resourceType: text.slice(0, slash), resource: text.slice(slash + 1) };
}

const showId = (id: ResourceId | undefined): string => (id === undefined ? '-' : `${id.resourceType}/${id.resource}`);

/** Bytes as base64 in JSON (annotation values are protobuf bytes). */
function bytesAsBase64(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const v = value as { type?: unknown; data?: unknown } | null;
  if (v !== null && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data as number[]).toString('base64');
  return value;
}

/** Drains a list page by page. */
async function* pages<T>(fetch: (pageToken: string) => Promise<Page<T>>): AsyncIterable<readonly T[]> {
  let token = '';
  do {
    const page = await fetch(token);
    yield page.items;
    token = page.nextPageToken;
  } while (token !== '');
}

/** The pages of records `what` names under the given filters, each record as a row. */
function rowsOf(engine: Engine, what: Exclude<What, 'syncs'>, syncId: string, o: ListOptions, pageSize: number): AsyncIterable<readonly Row[]> {
  const req = { syncId, pageSize };
  const stored = (kind: string, discoveredAt: number, record: unknown): Record<string, unknown> => ({ kind, syncId, discoveredAt: formatC1zTime(discoveredAt), record });
  const map = async function* <T>(source: AsyncIterable<readonly T[]>, row: (item: T) => Row): AsyncIterable<readonly Row[]> {
    for await (const items of source) yield items.map(row);
  };
  switch (what) {
    case 'resource-types':
      return map(pages((pageToken) => engine.listResourceTypes({ ...req, pageToken })), (s) => ({
        text: [s.record.id, s.record.displayName ?? '', `traits=${(s.record.traits ?? []).join(',')}`].join('\t'),
        json: stored('resourceType', s.discoveredAt, s.record),
      }));
    case 'resources': {
      const filter = { ...(o.resourceType === undefined ? {} : { resourceTypeId: o.resourceType }), ...(o.parent === undefined ? {} : { parentResourceId: resourceIdArg(o.parent, '--parent') }) };
      return map(pages((pageToken) => engine.listResources({ ...req, ...filter, pageToken })), (s) => ({
        text: [showId(s.record.id), s.record.displayName ?? '', `parent=${showId(s.record.parentResourceId)}`].join('\t'),
        json: stored('resource', s.discoveredAt, s.record),
      }));
    }
    case 'entitlements': {
      const filter = o.resource === undefined ? {} : { resource: resourceIdArg(o.resource, '--resource') };
      return map(pages((pageToken) => engine.listEntitlements({ ...req, ...filter, pageToken })), (s) => ({
        text: [s.record.id, `resource=${showId(s.record.resource?.id)}`, s.record.displayName ?? ''].join('\t'),
        json: stored('entitlement', s.discoveredAt, s.record),
      }));
    }
    case 'grants':
      return map(grantQuery(o)(engine, req), (s) => ({
        text: [s.record.id, `entitlement=${s.record.entitlement?.id ?? '-'}`, `principal=${showId(s.record.principal?.id)}`].join('\t'),
        json: stored('grant', s.discoveredAt, s.record),
      }));
    case 'assets':
      return assetRows(engine, syncId, pageSize);
  }
}

/** A request's sync and page size. */
type Req = { syncId: string; pageSize: number };

/** The grant reader that serves the given filters (SPEC §4), or a usage error for a combination none serves. */
function grantQuery(o: ListOptions): (engine: Engine, req: Req) => AsyncIterable<readonly Stored<Grant>[]> {
  const principal = o.principal === undefined ? undefined : resourceIdArg(o.principal, '--principal');
  const types = o.principalTypes?.split(',').map((t) => t.trim());
  if (types !== undefined && (types.length === 0 || types.includes(''))) throw new CliError('--principal-types takes a comma list of type ids');
  const given = FILTERS.filter((f) => o[f] !== undefined);
  const only = (...allowed: string[]): boolean => given.every((f) => allowed.includes(f));
  if (o.entitlement !== undefined && only('entitlement', 'principal', 'principalTypes')) {
    const filter = { entitlementId: o.entitlement, ...(principal ? { principalId: principal } : {}), ...(types ? { principalResourceTypeIds: types } : {}) };
    return (engine, req) => pages((pageToken) => engine.listGrantsForEntitlement({ ...req, ...filter, pageToken }));
  }
  if (principal !== undefined && only('principal')) return (engine, req) => pages((pageToken) => engine.listGrantsForPrincipal({ ...req, principalId: principal, pageToken }));
  const resourceTypeId = o.resourceType;
  if (resourceTypeId !== undefined && only('resourceType')) return (engine, req) => pages((pageToken) => engine.listGrantsForResourceType({ ...req, resourceTypeId, pageToken }));
  if (only('resource')) {
    const filter = o.resource === undefined ? {} : { resource: resourceIdArg(o.resource, '--resource') };
    return (engine, req) => pages((pageToken) => engine.listGrants({ ...req, ...filter, pageToken }));
  }
  throw new CliError(
    'grants filters combine as: --entitlement [--principal] [--principal-types]; --principal; --resource-type; --resource; or none',
  );
}

/** Checks the filters before the store is opened: each applies to `what`, ids parse, grant filters combine. */
function checkFilters(what: What, o: ListOptions): void {
  for (const f of FILTERS) {
    if (o[f] !== undefined && !ALLOWED[what].includes(f)) throw new CliError(`${FLAG[f]} does not apply to ${what}`);
  }
  for (const f of ['parent', 'resource', 'principal'] as const) {
    const value = o[f];
    if (value !== undefined) resourceIdArg(value, FLAG[f]);
  }
  if (what === 'grants') grantQuery(o);
}

/** Asset metadata of one sync through bulk access (the contract has no asset list), in chunks of `pageSize`. */
async function* assetRows(engine: Engine, syncId: string, pageSize: number): AsyncIterable<readonly Row[]> {
  let chunk: Row[] = [];
  for await (const r of asRawStore(engine).rawRecords(syncId)) {
    if (r.kind !== 'asset') continue;
    const json = { kind: 'asset', syncId, discoveredAt: formatC1zTime(r.discoveredAt), id: r.id, contentType: r.contentType ?? '', bytes: r.data.length };
    chunk.push({ text: [r.id, json.contentType, `${json.bytes} bytes`].join('\t'), json });
    if (chunk.length >= pageSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes text, waiting for the stream to drain when it asks to (a pipe to a slow reader), or to fail. */
async function emit(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener('drain', done);
      stream.removeListener('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

/** The sync to list: `--sync`, or SPEC §3's default read target on a freshly opened store. */
async function targetSync(engine: Engine, sync: string | undefined, store: string, io: CliIo): Promise<string | undefined> {
  if (sync !== undefined) {
    if (sync === '') throw new CliError('--sync needs a sync id');
    return (await engine.getSync(sync)).id;
  }
  const runs = await allSyncRuns(engine);
  const target = defaultReadTarget(runs, wallClockMicros(), DEFAULTS.resumeWindowMicros);
  if (target !== undefined) return target.id;
  writeLine(io.stderr, `c1z-parity: no sync resolves by default in ${store} (none finished, none recent); pass --sync with one of:`);
  printSyncTable({ stdout: io.stderr, stderr: io.stderr }, runs);
  return undefined;
}

/** Registers the `list` verb. */
export function registerList(program: Command, io: CliIo, setExit: SetExit): void {
  addSlowLogFlag(withStoreOptions(program.command('list')))
    .description('print the records of one sync of a store, streamed page by page; --json for JSON Lines of decoded records')
    .argument('<what>', WHATS.join(' | '))
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--sync <id>', 'the sync to list (default: SPEC §3 read target)')
    .option('--resource-type <type>', 'resources: of this type; grants: whose entitlement is on a resource of this type')
    .option('--parent <type/id>', 'resources: children of this resource')
    .option('--resource <type/id>', "entitlements: of this resource; grants: of this resource's entitlements")
    .option('--entitlement <id>', 'grants: of this entitlement')
    .option('--principal <type/id>', 'grants: to this principal')
    .option('--principal-types <a,b>', 'grants (with --entitlement): to principals of these types')
    .option('--page-size <n>', 'records per engine call (1 to 10000)', '500')
    .option('--limit <n>', 'stop after n records')
    .option('--json', 'one JSON object per line (JSON Lines) with the decoded record')
    .addHelpText('after', '\nassets have no list in the contract: they are read through bulk access (RawStore rawRecords of the sync),\nand printed as metadata (id, content type, size), never their bytes.')
    .action(async (whatArg: string, store: string, o: ListOptions) => {
      if (!(WHATS as readonly string[]).includes(whatArg)) throw new CliError(`list what? one of ${WHATS.join(', ')} (got ${JSON.stringify(whatArg)})`);
      const what = whatArg as What;
        checkFilters(what, o);
      if (what === 'syncs' && o.sync !== undefined) throw new CliError('--sync does not apply to syncs');
      const pageSize = parseCount(o.pageSize ?? '500', '--page-size', 1);
      if (pageSize > DEFAULTS.maxPageSize) throw new CliError(`--page-size must be at most ${DEFAULTS.maxPageSize}`);
      const limit = o.limit === undefined ? Number.POSITIVE_INFINITY : parseCount(o.limit, '--limit', 1);
      const slowLog = slowLogOf(o, io);
      await withStore(store, async (opened) => {
        const engine = withMetrics(opened, slowLog ? { slowLog } : {});
        let source: AsyncIterable<readonly Row[]>;
        if (what === 'syncs') {
          source = (async function* () {
            for await (const runs of pages((pageToken) => engine.listSyncRuns({ pageSize, pageToken }))) {
              yield runs.map((r) => {
                const json = syncRunJson(r);
                return { text: Object.values(json).map((v) => (v === null || v === '' ? '-' : String(v))).join('\t'), json: { kind: 'sync', ...json } };
              });
            }
          })();
        } else {
          const syncId = await targetSync(engine, o.sync, store, io);
          if (syncId === undefined) return setExit(EXIT.usage);
          source = rowsOf(engine, what, syncId, o, pageSize);
        }
        // A reader that goes away (`| head`) ends the listing quietly, as for any Unix filter.
        let gone = false;
        io.stdout.on('error', () => {
          gone = true;
        });
        let printed = 0;
        for await (const rows of source) {
          if (gone) break;
          const take = rows.slice(0, Math.max(0, limit - printed));
          if (take.length > 0) await emit(io.stdout, take.map((r) => `${o.json ? JSON.stringify(r.json, bytesAsBase64) : r.text}\n`).join(''));
          printed += take.length;
          if (printed >= limit) break;
        }
        if (!o.json && !gone) writeLine(io.stderr, `${printed} ${what}`);
      }, storeEngineOptions(o));
    });
}
