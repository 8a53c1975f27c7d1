/**
 * Swarm testing (Groce et al., ISSTA 2012): every run draws its own configuration from its seed, on top of a preset
 * (the bias): which op kinds are enabled and how much each weighs, the segment shape, the run's length, and every
 * value knob (batch sizes from boundary classes, id alphabets, clock steps, page sizes, token kinds, keep values,
 * the share of reads naming no sync). Leaving kinds out is the point: a run without clock steps makes every sync
 * start and end at the same time, a run without puts makes cleanups and views the common case, and so on.
 */
import { makeOp } from '../ops/make-op';
import type { Op, OpKind } from '../ops/types';
import { BOUNDARY_PAGE_SIZES, SIZE_CLASSES } from './boundaries';
import { CLOCK_BASE_MICROS, RESUME_WINDOW_MICROS } from './limits';
import { pick, subset } from './pick';
import type { Preset, PresetValues, SegmentShape } from './presets';
import { drawRunShape, shapedPreset, type RunShape } from './run-shape';
import { seededRng, type Rng } from './seeded';
import { ASCII_ALPHABETS, type IdAlphabets } from './vocab';

/** What a run's swarm draw decided: the effective preset, the id alphabets, and the ops every run starts with. */
export interface SwarmConfig {
  readonly preset: Preset;
  readonly alphabets: IdAlphabets;
  /** Ops placed before the generated ones (the sync-id alphabet, when not the classic one). */
  readonly prelude: readonly Op[];
  /** The op kinds left out of bodies (for tests and reports). */
  readonly disabled: readonly OpKind[];
  /** The run's shape (harness/generator/run-shape.ts); always `classic` over a named bias. */
  readonly shape: RunShape;
}

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;
const W = RESUME_WINDOW_MICROS;

const PUT_KINDS: readonly OpKind[] = ['putResourceTypes', 'putResources', 'putEntitlements', 'putGrants'];

/** Suffixes for core ids: Latin-1, combining, astral, high-BMP and private-use characters. */
const SUFFIX_CHOICES: readonly (readonly string[])[] = [['\u00e9'], ['\u{1F600}'], ['\uFFFD'], ['\u{1F600}', '\uFFFD'], ['\uE000', '\u{10000}'], ['\u0301']];

/** Sync-id alphabets: mixing an astral and a high-BMP first letter makes UTF-8 and UTF-16 order the ids differently. */
const SYNC_ALPHABETS: readonly string[] = ['\u00e9', '\u{1F600}', '\uFFFD', '\uFFFD\u{1F600}', '\u{1F600}\uFFFD', 's\u00e9\uFFFD\u{10000}', '\uE000\u{10FFFF}'];

const CLOCK_STEPS: readonly number[] = [0, 0, 1, 7, 999, 1000, 1001, 1_000_000, 60_000_000, HOUR, DAY, -1, -1000, -HOUR, -DAY, W - 1, W, W + 1, 2 * W, -W];
const CLOCK_SETS: readonly number[] = [CLOCK_BASE_MICROS, CLOCK_BASE_MICROS + 1, CLOCK_BASE_MICROS + DAY, CLOCK_BASE_MICROS - DAY, CLOCK_BASE_MICROS + W, CLOCK_BASE_MICROS + W + 1];
const KEEPS: readonly (number | undefined)[] = [undefined, 0, -1, 1, 2, 3, 5];
const TOKENS: PresetValues['tokens'] = ['empty', 'malformed', 'foreign', 'garbage'];
/** Sync token sizes around 4 KiB and the 16-bit boundary, and SPEC's 100 KB of JSON. */
const BIG_TOKEN_SIZES: readonly number[] = [1000, 4095, 4096, 4097, 10_000, 65_535, 65_536, 65_537, 100_000];

/** Batch sizes for a run: one to three size classes, a few sizes of each (large ones rarer). */
function batchSizes(rng: Rng): number[] {
  const sizes = [...subset(rng, SIZE_CLASSES.small, 40)];
  if (rng.chance(70)) sizes.push(...subset(rng, SIZE_CLASSES.medium, 15));
  if (rng.chance(25)) sizes.push(pick(rng, SIZE_CLASSES.large));
  return sizes;
}

function weights(rng: Rng, base: Preset['weights']): { weights: Record<OpKind, number>; disabled: OpKind[] } {
  const out = { ...base };
  const disabled: OpKind[] = [];
  for (const kind of Object.keys(base) as OpKind[]) {
    if (base[kind] <= 0) continue;
    if (rng.chance(45)) {
      out[kind] = 0;
      disabled.push(kind);
    } else {
      out[kind] = Math.max(1, Math.round(base[kind] * pick(rng, [0.25, 0.5, 1, 1, 2, 4, 8])));
    }
  }
  // A run with no puts at all tests little beyond lifecycles; keep one put kind most of the time.
  if (PUT_KINDS.every((k) => out[k] === 0) && rng.chance(80)) {
    const kind = pick(rng, PUT_KINDS);
    out[kind] = Math.max(1, base[kind]);
    disabled.splice(disabled.indexOf(kind), 1);
  }
  if (Object.values(out).every((w) => w === 0)) {
    out.putGrants = 1;
    disabled.splice(disabled.indexOf('putGrants'), 1);
  }
  return { weights: out, disabled };
}

function segment(rng: Rng, base: SegmentShape): SegmentShape {
  const openers = { startNewSync: pick(rng, [0, 1, 5]), startSync: pick(rng, [0, 1, 4]), setCurrentSync: pick(rng, [0, 0, 1, 3]) };
  if (openers.startNewSync + openers.startSync + openers.setCurrentSync === 0) openers.startNewSync = 1;
  return {
    openPct: pick(rng, [50, 85, 95, 100]),
    openers,
    endPct: pick(rng, [20, 50, 75, 90, 100]),
    orderedPct: pick(rng, [0, 70, 100]),
    reopenAfterClosePct: base.reopenAfterClosePct,
    maxBody: pick(rng, [2, 4, 8, 12, 20]),
    abandonPct: pick(rng, [0, 20, 50]),
    interludePct: pick(rng, [0, 40, 70, 100]),
    maxInterlude: pick(rng, [1, 2, 4, 6]),
  };
}

function values(rng: Rng, base: PresetValues): PresetValues {
  return {
    ...base,
    ids: { core: pick(rng, [40, 160, 400]), near: pick(rng, [0, 10, 35, 100]), long: pick(rng, [0, 1, 5]), invalid: pick(rng, [0, 1, 4, 15]) },
    itemsPerPut: { min: 1, max: pick(rng, [1, 3, 6, 12, 30]) },
    emptyPutPct: pick(rng, [0, 3, 10]),
    batchPct: pick(rng, [0, 3, 10, 30]),
    batchSizes: batchSizes(rng),
    poisonPct: pick(rng, [0, 5, 20]),
    ifNewerPct: pick(rng, [0, 10, 30, 70, 100]),
    richItemPct: pick(rng, [0, 15, 50]),
    explicitSyncPct: pick(rng, [0, 5, 20, 50, 90]),
    pageSizePct: pick(rng, [10, 40, 85]),
    pageSizes: subset(rng, BOUNDARY_PAGE_SIZES, 12),
    tokenPct: pick(rng, [0, 8, 25]),
    tokens: subset(rng, TOKENS, 50),
    noFilterPct: pick(rng, [10, 40, 80]),
    assetSizes: subset(rng, base.assetSizes, 50),
    bigTokenPct: pick(rng, [0, 10, 30, 60]),
    clockSteps: subset(rng, CLOCK_STEPS, 30),
    clockSets: subset(rng, CLOCK_SETS, 50),
    clockSetPct: pick(rng, [0, 10, 30]),
    keeps: subset(rng, KEEPS, 40),
    bigTokenSizes: subset(rng, BIG_TOKEN_SIZES, 40),
  };
}

function alphabets(rng: Rng): IdAlphabets {
  return {
    coreSuffixes: rng.chance(35) ? pick(rng, SUFFIX_CHOICES) : ASCII_ALPHABETS.coreSuffixes,
    syncIds: rng.chance(30) ? pick(rng, SYNC_ALPHABETS) : ASCII_ALPHABETS.syncIds,
  };
}

/** The kinds `base` weighs that `weights` leaves out. */
function leftOut(base: Preset['weights'], weights: Preset['weights']): OpKind[] {
  return (Object.keys(base) as OpKind[]).filter((k) => base[k] > 0 && weights[k] === 0);
}

/** The configuration of the run seeded `seed` over `base`: a pure function of the two. */
export function swarmConfig(base: Preset, seed: number): SwarmConfig {
  const rng = seededRng(seed, 'swarm');
  const drawn = weights(rng, base.weights);
  const ids = alphabets(rng);
  const maxOps = pick(rng, [8, 15, 30, 60, 100, 160]);
  const shape = segment(rng, base.segment);
  const knobs = values(rng, base.values);
  // A named bias keeps its own values and shape; only the default swarms over everything.
  const full = base.swarm === 'full';
  const swarmed: Preset = {
    ...base,
    description: `${base.description} (swarm)`,
    maxOps: full ? maxOps : base.maxOps,
    weights: drawn.weights,
    segment: full ? shape : base.segment,
    values: full ? knobs : base.values,
  };
  const runShape = full ? drawRunShape(seed) : 'classic';
  const preset = shapedPreset(runShape, swarmed, seed);
  const disabled = runShape === 'classic' ? drawn.disabled : leftOut(base.weights, preset.weights);
  const prelude = ids.syncIds === ASCII_ALPHABETS.syncIds ? [] : [makeOp({ kind: 'syncIds', alphabet: ids.syncIds })];
  return { preset, alphabets: ids, prelude, disabled, shape: runShape };
}
