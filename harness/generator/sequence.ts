/**
 * Op sequences for model-based fuzzing. A run is a list of segments, each an optional opener (a sync start), a
 * body of ops drawn by the preset's weights, and an optional `endSync`; most bodies put types, resources,
 * entitlements and grants in that order. The result is a flat array built from fast-check arrays, so shrinking
 * drops whole segments and single ops.
 */
import fc from 'fast-check';
import type { Op, OpKind } from '../ops/types';
import { makeOp } from '../ops/make-op';
import { commandTable, type CommandTable } from './commands';
import { chance, sometimes, weighted } from './draw';
import type { GenContext } from './gen-context';
import { PRESETS, type Preset, type SegmentShape } from './presets';
import { longRunWeights, presetRunScale, withGrowth, type RunScale } from './run-scale';
import { swarmConfig } from './swarm';
import { poolVocab, type Vocab } from './vocab';

const STAGE: Partial<Record<OpKind, number>> = {
  putResourceTypes: 0,
  putResources: 1,
  putEntitlements: 2,
  putGrants: 3,
  deleteGrant: 3,
};

/**
 * The stages of an ordered interlude: what picks or makes a sync (view, diff, clone) before what deletes syncs
 * (cleanup), before what reads the result (reads naming no sync, clones read back), so that a view, a cleanup that
 * removes it and a read are a common sequence rather than a rare one.
 */
const INTERLUDE_STAGE: Partial<Record<OpKind, number>> = {
  clock: 0,
  viewSync: 1,
  generateSyncDiff: 1,
  cloneSync: 1,
  cleanup: 2,
  reopen: 3,
};

/** Reorders an interlude by stage (reads and the rest last), keeping the order within a stage. */
function orderInterlude(ops: readonly Op[]): Op[] {
  const stage = (op: Op): number => INTERLUDE_STAGE[op.kind] ?? 4;
  return ops.map((op, i) => ({ op, i })).sort((a, b) => stage(a.op) - stage(b.op) || a.i - b.i).map((x) => x.op);
}

/** Reorders the puts of a body by stage, leaving every other op where it was. */
function orderPuts(body: readonly Op[]): Op[] {
  const slots = body.flatMap((op, i) => (STAGE[op.kind] === undefined ? [] : [i]));
  const puts = slots.map((i) => body[i] as Op).sort((a, b) => (STAGE[a.kind] as number) - (STAGE[b.kind] as number));
  const out = [...body];
  slots.forEach((slot, j) => {
    out[slot] = puts[j] as Op;
  });
  return out;
}

/**
 * The kinds an interlude draws: whole-sync operations that need no current sync, and reads whose target they change
 * (the rest of the readers stay in bodies, so that the rare operations are not drowned between syncs).
 */
const BETWEEN_SYNCS: ReadonlySet<OpKind> = new Set<OpKind>([
  'viewSync',
  'cleanup',
  'generateSyncDiff',
  'cloneSync',
  'readClone',
  'reopen',
  'clock',
  'stats',
  'listResourceTypes',
  'listGrants',
  'getLatestFinishedSync',
  'listSyncRuns',
  'getSync',
  'compact',
  'verify',
]);

/** `ops` followed by a `readClone` of each destination its `cloneSync` ops name (in order of first clone). */
function withClonesReadBack(ops: readonly Op[]): Op[] {
  const destinations = [...new Set(ops.flatMap((op) => (op.kind === 'cloneSync' ? [op.destination] : [])))];
  return [...ops, ...destinations.map((destination) => makeOp({ kind: 'readClone', destination }))];
}

function segmentArbitrary(preset: Preset, table: CommandTable): fc.Arbitrary<Op[]> {
  const shape = preset.segment;
  const kinds = Object.keys(preset.weights) as OpKind[];
  const bodyOp = weighted<Op>(kinds.map((k) => [preset.weights[k], table[k] as fc.Arbitrary<Op>] as const));
  const interludeWeights: Partial<Record<OpKind, number>> = shape.interludeWeights ?? preset.weights;
  const weightOf = (k: OpKind): number => interludeWeights[k] ?? 0;
  const between = (Object.keys(interludeWeights) as OpKind[]).filter((k) => BETWEEN_SYNCS.has(k) && weightOf(k) > 0);
  const interlude =
    shape.interludePct > 0 && shape.maxInterlude > 0 && between.length > 0
      ? sometimes(shape.interludePct, fc.array(weighted<Op>(between.map((k) => [weightOf(k), table[k] as fc.Arbitrary<Op>] as const)), { minLength: 1, maxLength: shape.maxInterlude }))
      : fc.constant(undefined);
  const readBack = shape.readBackClones === true ? withClonesReadBack : (ops: Op[]): Op[] => ops;
  const openerEntries = (Object.keys(shape.openers) as (keyof typeof shape.openers)[]).map(
    (k) => [shape.openers[k] ?? 0, table[k] as fc.Arbitrary<Op>] as const,
  );
  const hasOpener = openerEntries.some(([w]) => w > 0);
  const opener = hasOpener ? sometimes(shape.openPct, weighted(openerEntries)) : fc.constant(undefined);
  const endSync = makeOp({ kind: 'endSync' });
  const reopen = makeOp({ kind: 'reopen' });
  return fc
    .record({
      opener,
      body: fc.array(bodyOp, { maxLength: shape.maxBody }),
      ordered: chance(shape.orderedPct),
      end: chance(shape.endPct),
      reopenAfterClose: chance(shape.reopenAfterClosePct),
      abandon: chance(shape.abandonPct),
      between: interlude,
    })
    .map(({ opener: first, body, ordered, end, reopenAfterClose, abandon, between: after }) => [
      ...(first === undefined ? [] : [first]),
      ...(ordered ? orderPuts(body) : body),
      ...(end ? [endSync] : []),
      ...((reopenAfterClose && body.some((op) => op.kind === 'close')) || (!end && abandon) ? [reopen] : []),
      // An interlude follows only a segment that left no current sync (ended or abandoned): views need none.
      ...(after === undefined || !(end || abandon) ? [] : readBack(ordered ? orderInterlude(after) : after)),
    ]);
}

/** How many segments a run draws: at least `atLeast` and the shape's `minSegments`, at most `atMost` (or that least). */
function segmentCounts(shape: SegmentShape, atLeast: number, atMost: number): { minLength: number; maxLength: number } {
  const minLength = Math.max(atLeast, shape.minSegments ?? 1);
  return { minLength, maxLength: Math.max(minLength, atMost) };
}

/** Options of `opsArbitrary`. */
export interface OpsArbitraryOptions {
  /** The longest sequence drawn (the preset's `maxOps` when absent). */
  readonly maxOps?: number;
  /** The vocabulary to draw strings from (the preset's pools when absent). */
  readonly vocab?: Vocab;
  /** The run's seed: draws the run's own swarm configuration over the preset (harness/generator/swarm.ts). */
  readonly swarmSeed?: number;
}

/** The preset named `name`; throws with the known names when there is none. */
export function presetNamed(name: string): Preset {
  const preset = Object.prototype.hasOwnProperty.call(PRESETS, name) ? PRESETS[name] : undefined;
  if (preset === undefined) throw new Error(`unknown preset ${JSON.stringify(name)}; known: ${Object.keys(PRESETS).join(', ')}`);
  return preset;
}

/** The preset a run of `scale` draws from: long runs keep the whole-store kinds in their mix. */
function scaled(preset: Preset, scale: RunScale | undefined): Preset {
  return scale === undefined || scale.kind === 'short' ? preset : { ...preset, weights: longRunWeights(preset.weights) };
}

/** Sequences of ops for the preset named `name`, at most `maxOps` long. */
export function opsArbitrary(name: string, opts: OpsArbitraryOptions = {}): fc.Arbitrary<Op[]> {
  const base = presetNamed(name);
  const swarm = opts.swarmSeed === undefined ? undefined : swarmConfig(base, opts.swarmSeed);
  // Only the default swarm scales runs (harness/generator/run-scale.ts); named presets keep their length.
  const scale = opts.swarmSeed === undefined ? undefined : presetRunScale(base, opts.swarmSeed);
  const preset = scaled(swarm?.preset ?? base, scale);
  const prelude = swarm?.prelude ?? [];
  const maxOps = opts.maxOps ?? scale?.maxOps ?? preset.maxOps;
  const g: GenContext = { vocab: opts.vocab ?? poolVocab(preset.values.ids, swarm?.alphabets), values: preset.values };
  const segment = segmentArbitrary(preset, commandTable(g));
  const averageSegment = Math.max(1, preset.segment.maxBody / 2 + 2);
  const maxSegments = Math.max(1, Math.ceil(maxOps / averageSegment));
  // A long run is long: at least half its segments are drawn (fast-check would draw any count up to the most).
  const minSegments = scale?.maxOps === undefined ? 1 : Math.ceil(maxSegments / 2);
  return fc
    .array(segment, { ...segmentCounts(preset.segment, minSegments, maxSegments), size: 'max' })
    .map((segments) => [...prelude, ...(scale === undefined ? segments : withGrowth(segments, scale)).flat().slice(0, maxOps)]);
}
