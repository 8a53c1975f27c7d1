/**
 * Executes the harness ops: moving the logical clock, closing and reopening every engine (reads must not change),
 * and reading a clone (it must read like its source, and like the other engines' clones).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, normalizeError, type Divergence, type EngineOutcome, type Json, type OpContext } from '../compare';
import type { HarnessOp } from '../ops';
import type { EngineSlot } from './engine-slot';
import type { LogicalClock } from './logical-clock';
import { syncIdLetters } from './sync-ids';
import { diffOwnSnapshots, diffSnapshots, type NamedSnapshot } from './compare-snapshots';
import { DEFAULT_TARGET, takeSnapshot, type Snapshot } from './snapshot';

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
  const text = canonicalJson([...snapshot.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { entries: snapshot.entries.size, sha256: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

async function reopen(slots: readonly EngineSlot[], env: HarnessOpEnv): Promise<HarnessOpResult> {
  const outcomes: EngineOutcome[] = [];
  const divergences: Divergence[] = [];
  const after: NamedSnapshot[] = [];
  for (const slot of slots) {
    const before = slot.engine.closed ? undefined : await takeSnapshot(slot.engine, { assetIds: env.assetIds });
    try {
      if (!slot.engine.closed) await slot.engine.close();
      await slot.open();
    } catch (error) {
      outcomes.push({ engine: slot.name, value: normalizeError(error) });
      continue;
    }
    const snapshot = await takeSnapshot(slot.engine, { assetIds: env.assetIds });
    after.push({ engine: slot.name, snapshot });
    outcomes.push({ engine: slot.name, value: { reopened: summary(snapshot) } });
    if (before !== undefined) divergences.push(...diffOwnSnapshots(env.ctx, slot.name, 'reopen changed what reads return', before, snapshot, (k) => !k.startsWith(DEFAULT_TARGET)));
  }
  return { outcomes, divergences: [...divergences, ...diffSnapshots(env.ctx, after)] };
}

async function readClone(slots: readonly EngineSlot[], destination: string, env: HarnessOpEnv): Promise<HarnessOpResult> {
  const outcomes: EngineOutcome[] = [];
  const divergences: Divergence[] = [];
  const clones: NamedSnapshot[] = [];
  for (const slot of slots) {
    let clone;
    try {
      clone = await slot.openClone(destination);
    } catch (error) {
      outcomes.push({ engine: slot.name, value: normalizeError(error) });
      continue;
    }
    if (clone === undefined) {
      outcomes.push({ engine: slot.name, value: { absent: destination } });
      continue;
    }
    let snapshot: Snapshot;
    try {
      snapshot = await takeSnapshot(clone, { assetIds: env.assetIds });
    } finally {
      await clone.close();
    }
    clones.push({ engine: slot.name, snapshot });
    outcomes.push({ engine: slot.name, value: { clone: summary(snapshot) } });
    if (!slot.engine.closed) {
      // The clone holds one sync; it must read like the source read with that sync named, while the source still
      // holds it unchanged: a cleanup may have deleted it since, or a setCurrentSync and puts changed it (the clones
      // of the engines are compared with each other in any case). Unchanged is judged by the sync's run and counts.
      const source = await takeSnapshot(slot.engine, { assetIds: env.assetIds });
      const same = (key: string): boolean => source.entries.has(key) && canonicalJson(source.entries.get(key) ?? null) === canonicalJson(snapshot.entries.get(key) ?? null);
      const cloned = [...snapshot.entries.keys()].filter((k) => k.startsWith('sync ')).map((k) => k.split(' ')[1]);
      const ids = new Set(cloned.filter((id) => same(`sync ${id} getSync`) && same(`sync ${id} stats`)));
      const inBoth = (k: string): boolean => source.entries.has(k) && snapshot.entries.has(k);
      divergences.push(
        ...diffOwnSnapshots(env.ctx, slot.name, 'the clone reads differently from its source', source, snapshot, (k) => k.startsWith('sync ') && ids.has(k.split(' ')[1]) && inBoth(k)),
      );
    }
  }
  return { outcomes, divergences: [...divergences, ...diffSnapshots(env.ctx, clones)] };
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
    case 'syncIds':
      for (const slot of slots) slot.useSyncIdAlphabet(op.alphabet);
      return { outcomes: slots.map((s) => ({ engine: s.name, value: { syncIds: syncIdLetters(op.alphabet).join('') } })), divergences: [] };
  }
}
