/**
 * Test-only fault injection (issue 5): a table of realistic porting bugs that the engines can be opened with, so
 * that `c1z-parity mutants` can prove the harness finds each one. A fault is active only when named in
 * `EngineOptions.faults`; the reference model never reads that option.
 */
import { StorageError } from '../../models/contract/errors';

/** The engine a fault lives in: `any` faults sit in the abstract engine and work on every engine built on it. */
export type FaultEngine = 'sqlite' | 'leveldb' | 'any';

/**
 * One fault: where it lives, which class of SPEC's appendix it models (0 for none). Every fault must be found by the
 * default swarm alone (the mutants self-test has no per-fault preset).
 */
export interface FaultSpec {
  readonly name: string;
  readonly engine: FaultEngine;
  readonly appendix: number;
  readonly description: string;
}

/** Every injectable fault. */
export const FAULTS = [
  // ---- SQLite ----
  { name: 'ifnewer-tie-written', engine: 'sqlite', appendix: 4, description: 'ifNewer skips only a strictly newer stored record, so a tie at the same time is written' },
  { name: 'grants-for-type-by-principal', engine: 'sqlite', appendix: 13, description: "listGrantsForResourceType filters on the principal's type instead of the entitlement's resource type" },
  { name: 'page-token-skips-one', engine: 'sqlite', appendix: 6, description: 'a record page token points at the first row of the next page, which `id > ?` then skips' },
  { name: 'sync-runs-reversed', engine: 'sqlite', appendix: 6, description: 'listSyncRuns orders by started_at then id descending' },
  { name: 'sync-times-millis', engine: 'sqlite', appendix: 5, description: 'ended_at is written through a JS Date, so its microseconds are lost' },
  { name: 'delete-missing-grant-error', engine: 'sqlite', appendix: 8, description: 'deleteGrant of a grant that is not there raises NOT_FOUND instead of doing nothing' },
  { name: 'empty-asset-skipped', engine: 'sqlite', appendix: 9, description: 'putAsset with empty data writes nothing' },
  { name: 'asset-type-not-updated', engine: 'sqlite', appendix: 9, description: "re-putting an asset updates its data but keeps the old content type" },
  { name: 'missing-asset-corruption', engine: 'sqlite', appendix: 14, description: 'getAsset of a missing asset reads the absent row and reports CORRUPTION instead of NOT_FOUND' },
  { name: 'diff-includes-changed', engine: 'sqlite', appendix: 11, description: 'generateSyncDiff also copies records whose identity is in the base but whose data changed' },
  { name: 'chunk-remainder-dropped', engine: 'sqlite', appendix: 0, description: 'a put writes its rows in chunks of 64 and drops the remainder after the last full chunk' },
  { name: 'clone-drops-assets', engine: 'sqlite', appendix: 12, description: 'cloneSync copies every record table but v1_assets' },
  // ---- LevelDB ----
  { name: 'principal-prefix-leak', engine: 'leveldb', appendix: 2, description: "listGrantsForPrincipal's scan bound drops the principal id's terminator, so u1 also lists u10's grants" },
  { name: 'stale-principal-index', engine: 'leveldb', appendix: 3, description: "re-putting a grant keeps its old principal's index entry" },
  { name: 'delete-leaves-entitlement-index', engine: 'leveldb', appendix: 3, description: "deleteGrant removes the record but not its by-entitlement index entry" },
  { name: 'sync-runs-token-repeats', engine: 'leveldb', appendix: 6, description: 'a listSyncRuns page token holds the last run returned and the next page starts at it, so it repeats (forever at size 1)' },
  { name: 'count-on-replace', engine: 'leveldb', appendix: 0, description: 'the per-sync record counters grow on every put, replacements included' },
  { name: 'batch-first-duplicate-wins', engine: 'leveldb', appendix: 4, description: 'a plain put keeps the first of duplicate ids in one call instead of the last' },
  { name: 'clone-loses-token', engine: 'leveldb', appendix: 12, description: "cloneSync writes the sync run without its sync token" },
  { name: 'sync-index-little-endian', engine: 'leveldb', appendix: 6, description: "the listSyncRuns index key of a new or updated run holds started_at little-endian, so runs list out of time order" },
  { name: 'diff-discovered-at-millis', engine: 'leveldb', appendix: 11, description: "generateSyncDiff copies records with discovered_at cut to milliseconds" },
  { name: 'sync-token-truncated', engine: 'leveldb', appendix: 12, description: 'a sync token longer than 65,535 characters is stored cut to that length (a 16-bit length)' },
  // ---- the abstract engine (any engine) ----
  { name: 'default-target-oldest', engine: 'any', appendix: 1, description: 'the default read target is the oldest finished full sync instead of the latest' },
  { name: 'no-unfinished-fallback', engine: 'any', appendix: 1, description: 'with no finished full sync, reads do not fall back to the latest resumable unfinished sync' },
  { name: 'reend-overwrites-ended-at', engine: 'any', appendix: 5, description: 'endSync of a sync that had ended writes ended_at again' },
  { name: 'cleanup-deletes-unfinished', engine: 'any', appendix: 10, description: 'cleanup reads a missing ended_at as 0, so unfinished non-full syncs count as ended long ago and go' },
  { name: 'diff-parent-is-applied', engine: 'any', appendix: 11, description: "generateSyncDiff records the applied sync as the diff's parent instead of the base" },
  { name: 'view-survives-cleanup', engine: 'any', appendix: 10, description: 'cleanup deletes the viewed sync but leaves the view pointing at it' },
  { name: 'cleanup-loses-partial', engine: 'any', appendix: 10, description: 'cleanup also deletes finished non-full syncs that ended before the latest (not the earliest) kept full sync started' },
  { name: 'resume-window-exclusive', engine: 'any', appendix: 1, description: 'reads fall back only to unfinished syncs started strictly after T - resumeWindow (the boundary is excluded)' },
  { name: 'clone-default-uses-view', engine: 'any', appendix: 12, description: "cloneSync('') resolves through the view sync instead of the latest finished full sync" },
  { name: 'stats-ignores-view', engine: 'any', appendix: 1, description: 'stats with no sync named skips the view sync and reads the latest finished full sync' },
] as const satisfies readonly FaultSpec[];

/** The name of an injectable fault. */
export type FaultName = (typeof FAULTS)[number]['name'];

const BY_NAME: ReadonlyMap<string, FaultSpec> = new Map(FAULTS.map((f) => [f.name, f]));

/** The spec of a fault by name, or undefined for an unknown name. */
export function faultSpec(name: string): FaultSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * Validates `EngineOptions.faults` for an engine and returns the active set, or undefined when none is named (so a
 * healthy engine's check is one comparison). An unknown name, or a fault of another engine, is INVALID_ARGUMENT.
 */
export function activeFaults(faults: unknown, engine?: 'sqlite' | 'leveldb'): ReadonlySet<FaultName> | undefined {
  if (faults === undefined) return undefined;
  if (!Array.isArray(faults)) throw new StorageError('INVALID_ARGUMENT', 'faults must be a list of fault names');
  if (faults.length === 0) return undefined;
  const active = new Set<FaultName>();
  for (const name of faults as unknown[]) {
    const spec = typeof name === 'string' ? BY_NAME.get(name) : undefined;
    if (spec === undefined) throw new StorageError('INVALID_ARGUMENT', `unknown fault ${JSON.stringify(name)}`);
    if (engine !== undefined && spec.engine !== 'any' && spec.engine !== engine) {
      throw new StorageError('INVALID_ARGUMENT', `fault ${spec.name} belongs to the ${spec.engine} engine, not ${engine}`);
    }
    active.add(spec.name as FaultName);
  }
  return active;
}
