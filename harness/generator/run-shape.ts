/**
 * The run shape: one more dimension of the default swarm, drawn from each run's seed. About half the runs are
 * `classic` (the swarm's own segment shape, unchanged). The other shapes exist because some states need several
 * steps in a row that independent draws almost never line up:
 *
 * - `lifecycle`: many short syncs, each usually started, given a few puts (assets and a sync token among them) and
 *   ended, with an interlude between syncs that views, diffs, clones (and reads the clone back), cleans up with
 *   various keeps and reads naming no sync. Whole-sync operations then meet several finished syncs of different
 *   types and times, some left unfinished.
 * - `resume`: syncs left unfinished and resumed by `startSync`, clock steps and sets just before, on and just past
 *   the resume window, partial syncs and cleanups, so that reads and resumes meet syncs on each side of its edge.
 *
 * Every shaped run still draws its own kinds, weights and knobs (a swarm within the shape), from its own stream of
 * the seed, so a classic run is exactly what the swarm drew before shapes existed.
 */
import { OP_KINDS, type OpKind } from '../ops';
import { CLOCK_BASE_MICROS, RESUME_WINDOW_MICROS } from './limits';
import { pick, subset } from './pick';
import type { Preset, PresetValues, SegmentShape } from './presets';
import { seededRng, type Rng } from './seeded';

/** The shapes a run of the default swarm can take. */
export type RunShape = 'classic' | 'lifecycle' | 'resume';

/** Percent of runs of each shape (they sum to 100). */
export const RUN_SHAPE_PCT: Readonly<Record<RunShape, number>> = { classic: 50, lifecycle: 32, resume: 18 };

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;
const W = RESUME_WINDOW_MICROS;

type Weights = Record<OpKind, number>;

const PUT_KINDS: readonly OpKind[] = ['putResourceTypes', 'putResources', 'putEntitlements', 'putGrants'];

/** What a sync's body holds in a shaped run: puts of every kind, assets, deletes, tokens, clock steps. */
const CONTENT_KINDS: readonly OpKind[] = [...PUT_KINDS, 'putAsset', 'deleteGrant', 'checkpointSync', 'clock'];

/** The operations on whole syncs that interludes exist for. */
const WHOLE_SYNC_KINDS: readonly OpKind[] = ['generateSyncDiff', 'cloneSync', 'viewSync', 'cleanup'];

/** Reads whose target (when they name no sync) depends on the view, the finished syncs and the resume window. */
const NAMELESS_READ_KINDS: readonly OpKind[] = ['listResourceTypes', 'listGrants', 'stats', 'getLatestFinishedSync', 'listSyncRuns', 'getSync'];

/** The run shape of the run seeded `seed`: a pure function of the seed, from its own stream. */
export function drawRunShape(seed: number): RunShape {
  const roll = seededRng(seed, 'run-shape').below(100);
  let below = 0;
  for (const shape of Object.keys(RUN_SHAPE_PCT) as RunShape[]) {
    below += RUN_SHAPE_PCT[shape];
    if (roll < below) return shape;
  }
  return 'classic';
}

/** Every kind at weight 0 except those given. */
function only(weights: Partial<Weights>): Weights {
  return Object.fromEntries(OP_KINDS.map((k) => [k, weights[k] ?? 0])) as Weights;
}

/** Body weights: each content kind enabled most of the time at a drawn weight, and always at least one put kind. */
function bodyWeights(rng: Rng, extra: Partial<Weights> = {}): Weights {
  const w: Partial<Weights> = { ...extra };
  for (const k of CONTENT_KINDS) if (rng.chance(70)) w[k] = pick(rng, [1, 2, 4]);
  if (PUT_KINDS.every((k) => (w[k] ?? 0) === 0)) w[pick(rng, PUT_KINDS)] = 2;
  return only(w);
}

/** `kinds` each enabled `pct` percent of the time at one of `levels`. */
function some(rng: Rng, kinds: readonly OpKind[], pct: number, levels: readonly number[]): Partial<Weights> {
  return Object.fromEntries(kinds.filter(() => rng.chance(pct)).map((k) => [k, pick(rng, levels)]));
}

/**
 * The most ops `minSegments` segments of `shape` can take (opener, body, endSync or reopen, an interlude and its clones
 * read back), so that a run's length never cuts its fewest segments short.
 */
function longestSegments(shape: SegmentShape): number {
  return (shape.minSegments ?? 1) * (3 + shape.maxBody + 2 * shape.maxInterlude);
}

/** Many short syncs, ended most of the time, with interludes of whole-sync operations between them. */
function lifecycle(rng: Rng, drawn: Preset): Preset {
  const wholeSync = some(rng, WHOLE_SYNC_KINDS, 85, [2, 3, 4]);
  if (Object.keys(wholeSync).length === 0) wholeSync[pick(rng, WHOLE_SYNC_KINDS)] = 3;
  const interludeWeights: Partial<Weights> = {
    ...wholeSync,
    ...some(rng, NAMELESS_READ_KINDS, 50, [1, 2]),
    ...some(rng, ['clock'], 60, [1, 2]),
    ...some(rng, ['reopen', 'readClone'], 30, [1]),
    ...some(rng, ['compact', 'verify'], 15, [1]),
  };
  const segment: SegmentShape = {
    openPct: pick(rng, [90, 100]),
    openers: { startNewSync: pick(rng, [2, 4, 8]), startSync: pick(rng, [0, 1, 3]), setCurrentSync: pick(rng, [0, 0, 1]) },
    endPct: pick(rng, [70, 85, 100]),
    orderedPct: pick(rng, [70, 100]),
    reopenAfterClosePct: drawn.segment.reopenAfterClosePct,
    maxBody: pick(rng, [1, 2, 3, 5]),
    abandonPct: pick(rng, [0, 50, 100]),
    interludePct: pick(rng, [80, 95, 100]),
    maxInterlude: pick(rng, [2, 3, 4]),
    minSegments: pick(rng, [3, 4, 5, 6]),
    interludeWeights,
    readBackClones: true,
  };
  const values: PresetValues = {
    ...drawn.values,
    // Mostly core ids, so that syncs share records (kept, changed, added, gone) for diffs, clones and cleanups to
    // tell apart; near misses are the classic runs' business.
    ids: { ...drawn.values.ids, near: pick(rng, [0, 5, 10]), invalid: pick(rng, [0, 1]) },
    explicitSyncPct: pick(rng, [0, 5, 20]),
    keeps: subset(rng, [undefined, 0, 1, 2, 3], 50),
    // Steps between syncs: sub-millisecond, millisecond and longer ones, so that sync and record times differ in
    // every digit (and now and then not at all, or backwards).
    clockSteps: subset(rng, [1, 7, 999, 1000, 1001, 1_000_000, HOUR, DAY, 0, -1], 40),
  };
  return { ...drawn, maxOps: Math.max(pick(rng, [40, 60, 100]), longestSegments(segment)), weights: bodyWeights(rng), segment, values };
}

/** Syncs left unfinished and resumed, with the clock moved around the resume window between them. */
function resume(rng: Rng, drawn: Preset): Preset {
  const interludeWeights: Partial<Weights> = {
    clock: pick(rng, [4, 8]),
    ...some(rng, NAMELESS_READ_KINDS, 50, [1, 2]),
    ...some(rng, ['cleanup', 'viewSync', 'reopen'], 40, [1, 2]),
  };
  if (Object.keys(interludeWeights).length === 1) interludeWeights.listResourceTypes = 1;
  const segment: SegmentShape = {
    openPct: pick(rng, [85, 100]),
    openers: { startNewSync: pick(rng, [1, 3]), startSync: pick(rng, [2, 4]), setCurrentSync: pick(rng, [0, 1]) },
    endPct: pick(rng, [0, 15, 35]),
    orderedPct: pick(rng, [70, 100]),
    reopenAfterClosePct: drawn.segment.reopenAfterClosePct,
    maxBody: pick(rng, [1, 2, 4]),
    abandonPct: pick(rng, [60, 100]),
    interludePct: pick(rng, [70, 100]),
    maxInterlude: pick(rng, [1, 2, 3]),
    minSegments: pick(rng, [2, 3, 4]),
    interludeWeights,
    readBackClones: true,
  };
  const values: PresetValues = {
    ...drawn.values,
    explicitSyncPct: pick(rng, [0, 5]),
    // Steps that land one microsecond before, on and after the window's edge, and a few ordinary ones.
    clockSteps: [...subset(rng, [W - 1, W, W + 1], 70), ...subset(rng, [0, 1, -1, 1000, HOUR, 2 * W, -W], 30)],
    clockSets: subset(rng, [CLOCK_BASE_MICROS, CLOCK_BASE_MICROS + W - 1, CLOCK_BASE_MICROS + W, CLOCK_BASE_MICROS + W + 1], 60),
    clockSetPct: pick(rng, [0, 15, 30]),
  };
  const weights = bodyWeights(rng, some(rng, ['currentSyncStep'], 50, [1]));
  return { ...drawn, maxOps: Math.max(pick(rng, [15, 30, 60]), longestSegments(segment)), weights, segment, values };
}

/** The preset of a run of `shape`, from the one the swarm drew for it (returned as is for `classic`). */
export function shapedPreset(shape: RunShape, drawn: Preset, seed: number): Preset {
  if (shape === 'classic') return drawn;
  const rng = seededRng(seed, `run-shape ${shape}`);
  const shaped = shape === 'lifecycle' ? lifecycle(rng, drawn) : resume(rng, drawn);
  return { ...shaped, description: `${drawn.description}, ${shape} run` };
}
