/**
 * Executes the harness ops: moving the logical clock, closing and reopening every engine (reads must not change),
 * reading a clone (it must read like its source, and like the other engines' clones), queueing a sync id, and
 * switching the sync-id alphabet.
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../../models/contract/api';
import { TeeEngine } from '../../engines/tee';
import { jsonText, normalizeError, sameJson, type Divergence, type EngineOutcome, type Json, type OpContext } from '../../engines/compare';
import type { HarnessOp } from '../ops';
import type { EngineSlot } from './engine-slot';
import type { LogicalClock } from './logical-clock';
import { diffOwnSnapshots, snapshotDivergences } from './compare-snapshots';
import { runTee } from './run-tee';
import { DEFAULT_TARGET, takeSnapshot, type Snapshot } from './snapshot';
import { DURING_RUN_BOUNDS } from './snapshot-bounds';
import { syncIdLetters } from './sync-ids';

/** What a harness op produced: one outcome per engine (for histories and comparison) and divergences found. */
export interface HarnessOpResult {
  readonly outcomes: EngineOutcome[];
  readonly divergences: Divergence[];
}

/** The run state a harness op needs. */
export interface HarnessOpEnv {
  readonly assetIds: readonly string[];
  readonly ctx: OpContext;
}

/** A short, stable summary of a snapshot for history lines. */
function summary(snapshot: Snapshot): Json {
  const text = jsonText([...snapshot.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { entries: snapshot.entries.size, sha256: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

async function reopen(slots: readonly EngineSlot[], env: HarnessOpEnv): Promise<HarnessOpResult> {
  const outcomes: EngineOutcome[] = [];
  const divergences: Divergence[] = [];
  const wasOpen = slots.filter((s) => !s.engine.closed);
  // What each engine read before: only compared with itself (the engines are compared after the reopen).
  const before = new Map<string, Snapshot>();
  if (wasOpen.length > 0) {
    const snap = await takeSnapshot(runTee(wasOpen), env.ctx, { assetIds: env.assetIds, compare: false, bounds: DURING_RUN_BOUNDS });
    for (const s of snap.engines) before.set(s.engine, s.snapshot);
  }
  const reopened: EngineSlot[] = [];
  for (const slot of slots) {
    try {
      if (!slot.engine.closed) await slot.engine.close();
      await slot.open();
      reopened.push(slot);
    } catch (error) {
      outcomes.push({ engine: slot.name, value: normalizeError(error) });
    }
  }
  if (reopened.length === 0) return { outcomes, divergences };
  const after = await takeSnapshot(runTee(reopened), env.ctx, { assetIds: env.assetIds, bounds: DURING_RUN_BOUNDS });
  for (const { engine, snapshot } of after.engines) {
    outcomes.push({ engine, value: { reopened: summary(snapshot) } });
    const earlier = before.get(engine);
    // Reads naming no sync may change: a reopen forgets the current and the view sync (SPEC §3).
    if (earlier !== undefined) {
      divergences.push(...diffOwnSnapshots(env.ctx, engine, 'reopen changed what reads return', earlier, snapshot, (k) => !k.startsWith(DEFAULT_TARGET)));
    }
  }
  return { outcomes: inSlotOrder(slots, outcomes), divergences: [...divergences, ...snapshotDivergences(env.ctx, after)] };
}

/** Outcomes sorted by their engine's slot (the reference first, as comparison wants). */
function inSlotOrder(slots: readonly EngineSlot[], outcomes: readonly EngineOutcome[]): EngineOutcome[] {
  const order = new Map(slots.map((s, i) => [s.name, i]));
  return [...outcomes].sort((a, b) => (order.get(a.engine) ?? 0) - (order.get(b.engine) ?? 0));
}

async function readClone(slots: readonly EngineSlot[], destination: string, env: HarnessOpEnv): Promise<HarnessOpResult> {
  const outcomes: EngineOutcome[] = [];
  const cloned: { slot: EngineSlot; clone: Engine }[] = [];
  try {
    for (const slot of slots) {
      let clone;
      try {
        clone = await slot.openClone(destination);
      } catch (error) {
        outcomes.push({ engine: slot.name, value: normalizeError(error) });
        continue;
      }
      if (clone === undefined) outcomes.push({ engine: slot.name, value: { absent: destination } });
      else cloned.push({ slot, clone });
    }
    if (cloned.length === 0) return { outcomes, divergences: [] };
    const tee = new TeeEngine(
      cloned.map((c) => c.clone),
      { sink: () => undefined, labels: cloned.map((c) => c.slot.name) },
    );
    const clones = await takeSnapshot(tee, env.ctx, { assetIds: env.assetIds, bounds: DURING_RUN_BOUNDS });
    // Each clone holds one sync; it must read like its source read with that sync named, while the source still holds
    // it unchanged: a cleanup may have deleted it since, or a setCurrentSync and puts changed it (the clones of the
    // engines are compared with each other in any case). Unchanged is judged by the sync's run and counts.
    const sources = cloned.filter((c) => !c.slot.engine.closed).map((c) => c.slot);
    const source = sources.length === 0 ? undefined : await takeSnapshot(runTee(sources), env.ctx, { assetIds: env.assetIds, compare: false, bounds: DURING_RUN_BOUNDS });
    const divergences: Divergence[] = [];
    for (const { engine, snapshot } of clones.engines) {
      outcomes.push({ engine, value: { clone: summary(snapshot) } });
      const own = source?.engines.find((s) => s.engine === engine)?.snapshot;
      if (own === undefined) continue;
      const same = (key: string): boolean => own.entries.has(key) && sameJson(own.entries.get(key) ?? null, snapshot.entries.get(key) ?? null);
      const ids = new Set(
        [...snapshot.entries.keys()]
          .filter((k) => k.startsWith('sync '))
          .map((k) => k.split(' ')[1])
          .filter((id) => same(`sync ${id} getSync`) && same(`sync ${id} stats`)),
      );
      const inBoth = (k: string): boolean => own.entries.has(k) && snapshot.entries.has(k);
      divergences.push(
        ...diffOwnSnapshots(env.ctx, engine, 'the clone reads differently from its source', own, snapshot, (k) => k.startsWith('sync ') && ids.has(k.split(' ')[1]) && inBoth(k)),
      );
    }
    return { outcomes: inSlotOrder(slots, outcomes), divergences: [...divergences, ...snapshotDivergences(env.ctx, clones)] };
  } finally {
    for (const c of cloned) await c.clone.close().catch(() => undefined);
  }
}

/** Executes a harness op on every slot. */
export async function runHarnessOp(op: HarnessOp, slots: readonly EngineSlot[], clock: LogicalClock, env: HarnessOpEnv): Promise<HarnessOpResult> {
  switch (op.kind) {
    case 'clock':
      if (op.mode === 'set') clock.set(op.micros);
      else clock.step(op.micros);
      return { outcomes: slots.map((s) => ({ engine: s.name, value: { now: clock.now() } })), divergences: [] };
    case 'reopen':
      return reopen(slots, env);
    case 'readClone':
      return readClone(slots, op.destination, env);
    case 'nextSyncId':
      for (const slot of slots) slot.queueSyncId(op.id);
      return { outcomes: slots.map((s) => ({ engine: s.name, value: { nextSyncId: op.id } })), divergences: [] };
    case 'syncIds':
      for (const slot of slots) slot.useSyncIdAlphabet(op.alphabet);
      return { outcomes: slots.map((s) => ({ engine: s.name, value: { syncIds: syncIdLetters(op.alphabet).join('') } })), divergences: [] };
  }
}
