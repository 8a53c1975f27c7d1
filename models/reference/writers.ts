/** The model's record writes (SPEC §5), sync diff (SPEC §6) and verify, over already-checked arguments. */
import type { VerifyProblem, VerifyReport } from '../contract/api';
import type { Micros } from '../types';
import { resourceKey } from './entries';
import { RECORD_MAPS, type StoreState, type SyncData } from './state';
import { byStartThenId } from './sync-rules';

/**
 * Writes entries into a sync's map in order, each as if it were its own call at `now`. With `ifNewer`, an entry is
 * written only when its identity is absent or stored with a discovered_at strictly before `now`, so a later duplicate
 * in the same call loses to the earlier one.
 */
export function applyPuts<E extends { key: string; discoveredAt: Micros }>(
  map: Map<string, E>,
  entries: readonly E[],
  ifNewer: boolean,
  now: Micros,
): void {
  for (const entry of entries) {
    const stored = map.get(entry.key);
    if (ifNewer && stored !== undefined && !(stored.discoveredAt < now)) continue;
    map.set(entry.key, entry);
  }
}

/** Copies into `created` every record of `applied` whose identity `base` lacks (additions only, discovered_at kept). */
export function diffInto(base: SyncData, applied: SyncData, created: SyncData): void {
  for (const kind of RECORD_MAPS) {
    const from = applied[kind] as Map<string, unknown>;
    const into = created[kind] as Map<string, unknown>;
    for (const [key, entry] of from) if (!base[kind].has(key)) into.set(key, entry);
  }
}

/** Lists the dangling references of one sync: grants to absent entitlements or principals, entitlements of absent resources. */
function danglingIn(sync: SyncData): VerifyProblem[] {
  const syncId = sync.run.id;
  const found: VerifyProblem[] = [];
  for (const e of sync.entitlements.values()) {
    if (!sync.resources.has(resourceKey(e.resource))) {
      found.push({ kind: 'dangling-reference', syncId, detail: `entitlement ${e.key}: resource ${resourceKey(e.resource)} is absent` });
    }
  }
  for (const g of sync.grants.values()) {
    if (!sync.entitlements.has(g.entitlementId)) {
      found.push({ kind: 'dangling-reference', syncId, detail: `grant ${g.key}: entitlement ${g.entitlementId} is absent` });
    }
    if (!sync.resources.has(resourceKey(g.principal))) {
      found.push({ kind: 'dangling-reference', syncId, detail: `grant ${g.key}: principal ${resourceKey(g.principal)} is absent` });
    }
  }
  return found;
}

/** Verifies a store: the model has no secondary indexes, so it only reports dangling references. */
export function verifyStore(state: StoreState): VerifyReport {
  const syncs = [...state.syncs.values()].sort((a, b) => byStartThenId(a.run, b.run));
  let recordsChecked = 0;
  const dangling: VerifyProblem[] = [];
  for (const sync of syncs) {
    for (const kind of RECORD_MAPS) recordsChecked += sync[kind].size;
    dangling.push(...danglingIn(sync));
  }
  return { ok: true, problems: [], dangling, recordsChecked };
}
