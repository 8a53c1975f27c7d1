/**
 * The presets table: how often each op kind is drawn and how values are distributed, kept apart from the generator
 * (pebble's metamorphic/config.go). A run is shaped as segments: an optional opener (a sync start), a body of ops
 * drawn by weight, and an optional `endSync`; puts in a body are usually ordered types, resources, entitlements,
 * grants, so that most runs make sense while the rest stay invalid on purpose.
 */
import type { OpKind } from '../ops/types';
import { CLOCK_BASE_MICROS, MAX_ASSET_BYTES, RESUME_WINDOW_MICROS } from './limits';

/** Relative weights of the parts of an id pool (integers). */
export interface IdMix {
  readonly core: number;
  readonly near: number;
  readonly long: number;
  readonly invalid: number;
}

/** Value distributions; lists are drawn uniformly, so a repeated entry weighs more. */
export interface PresetValues {
  readonly ids: IdMix;
  /** Items per listed put (a batch is used instead `batchPct` percent of the time). */
  readonly itemsPerPut: { readonly min: number; readonly max: number };
  readonly emptyPutPct: number;
  readonly batchPct: number;
  readonly batchSizes: readonly number[];
  readonly poisonPct: number;
  readonly ifNewerPct: number;
  /** Percent of items carrying fields beyond their ids (names, annotations, traits, ...). */
  readonly richItemPct: number;
  /** Percent of reads that name a sync explicitly. */
  readonly explicitSyncPct: number;
  /** Percent of list ops that set a page size, and the sizes. */
  readonly pageSizePct: number;
  readonly pageSizes: readonly number[];
  /** Percent of list ops that pass a token, and how: literal `''`, `malformed`, `foreign` or a literal garbage. */
  readonly tokenPct: number;
  readonly tokens: readonly ('empty' | 'malformed' | 'foreign' | 'garbage')[];
  /** Percent of list filters left out (each filter on its own). */
  readonly noFilterPct: number;
  readonly assetSizes: readonly number[];
  readonly bigTokenPct: number;
  readonly clockSteps: readonly number[];
  readonly clockSets: readonly number[];
  readonly clockSetPct: number;
  /** `keep` of cleanup; `undefined` leaves it out (the default 2). */
  readonly keeps: readonly (number | undefined)[];
  /** Sizes of the big sync tokens that `bigTokenPct` percent of checkpoints write. */
  readonly bigTokenSizes: readonly number[];
}

/** The segment shape of a run. */
export interface SegmentShape {
  /** Percent of segments that start with an opener, and the opener kinds' weights. */
  readonly openPct: number;
  readonly openers: Readonly<Partial<Record<'startNewSync' | 'startSync' | 'setCurrentSync', number>>>;
  /** Percent of segments that end with `endSync`. */
  readonly endPct: number;
  /** Percent of bodies whose puts are reordered types, resources, entitlements, grants. */
  readonly orderedPct: number;
  /** Percent of segments with a `close` in their body that end with a `reopen`, so runs do not stay closed. */
  readonly reopenAfterClosePct: number;
  readonly maxBody: number;
  /** Percent of segments not ended by `endSync` that end with a `reopen` instead (the sync left unfinished, not current). */
  readonly abandonPct: number;
  /**
   * Percent of segments followed by an interlude: ops drawn (by weight) among the kinds that need no current sync
   * (views, cleanups, diffs, clones, reads naming no sync, reopen, clock), at most `maxInterlude` of them.
   */
  readonly interludePct: number;
  readonly maxInterlude: number;
  /** The fewest segments a run has (1 when absent), so that several syncs exist before the whole-sync operations. */
  readonly minSegments?: number;
  /**
   * Weights of the interlude's kinds, when they differ from the body's (the preset's `weights` when absent): a run
   * can then fill its syncs with puts and its interludes with views, cleanups, diffs and clones.
   */
  readonly interludeWeights?: Readonly<Partial<Record<OpKind, number>>>;
  /** True to end an interlude that clones with a `readClone` of each destination it cloned to, so clones are read back. */
  readonly readBackClones?: boolean;
}

/**
 * One preset: weights per op kind (0 means never drawn in a body), the segment shape and the value distributions.
 * With a run seed (harness/generator/swarm.ts), `full` swarms every knob per run; `kinds` swarms only which kinds are
 * enabled and their weights, keeping the preset's values as its bias.
 */
export interface Preset {
  readonly description: string;
  readonly swarm: 'full' | 'kinds';
  readonly maxOps: number;
  readonly weights: Readonly<Record<OpKind, number>>;
  readonly segment: SegmentShape;
  readonly values: PresetValues;
}

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;
const W = RESUME_WINDOW_MICROS;
const A = MAX_ASSET_BYTES;

const DEFAULT_WEIGHTS: Record<OpKind, number> = {
  startNewSync: 3,
  startSync: 3,
  setCurrentSync: 1,
  currentSyncStep: 1,
  checkpointSync: 2,
  endSync: 3,
  putResourceTypes: 6,
  putResources: 8,
  putEntitlements: 8,
  putGrants: 12,
  deleteGrant: 4,
  putAsset: 3,
  listResourceTypes: 2,
  listResources: 3,
  listEntitlements: 3,
  listGrants: 3,
  listGrantsForEntitlement: 3,
  listGrantsForPrincipal: 3,
  listGrantsForResourceType: 3,
  listSyncRuns: 2,
  getResourceType: 2,
  getResource: 2,
  getEntitlement: 2,
  getGrant: 3,
  getAsset: 2,
  getSync: 1,
  getLatestFinishedSync: 1,
  stats: 2,
  generateSyncDiff: 1,
  cloneSync: 1,
  viewSync: 1,
  cleanup: 1,
  compact: 1,
  verify: 1,
  close: 1,
  clock: 6,
  reopen: 1,
  readClone: 1,
  // Chosen sync ids are for hand-written cases; runs keep the sequential ids their reports name.
  nextSyncId: 0,
  syncIds: 0,
};

const DEFAULT_VALUES: PresetValues = {
  ids: { core: 160, near: 35, long: 1, invalid: 4 },
  itemsPerPut: { min: 1, max: 6 },
  emptyPutPct: 3,
  batchPct: 3,
  batchSizes: [1, 2, 3, 7, 9, 16, 17, 49, 51, 99, 101, 129, 1001],
  poisonPct: 10,
  ifNewerPct: 30,
  richItemPct: 15,
  explicitSyncPct: 20,
  pageSizePct: 40,
  pageSizes: [0, 1, 1, 2, 2, 3, 5, 10, 100, 10000, 10001, -1],
  tokenPct: 8,
  tokens: ['empty', 'malformed', 'foreign', 'garbage'],
  noFilterPct: 40,
  assetSizes: [0, 1, 16, 100, A - 1, A, A + 1],
  bigTokenPct: 5,
  clockSteps: [0, 1, 1000, 1_000_000, 60_000_000, HOUR, HOUR, DAY, -1, -1000, -HOUR],
  clockSets: [CLOCK_BASE_MICROS, CLOCK_BASE_MICROS + DAY, CLOCK_BASE_MICROS - DAY],
  clockSetPct: 10,
  keeps: [undefined, 1, 2, 3, 0],
  bigTokenSizes: [1000, 10_000, 100_000],
};

const DEFAULT_SEGMENT: SegmentShape = {
  openPct: 85,
  openers: { startNewSync: 5, startSync: 4, setCurrentSync: 1 },
  endPct: 75,
  orderedPct: 70,
  reopenAfterClosePct: 80,
  maxBody: 12,
  abandonPct: 0,
  interludePct: 0,
  maxInterlude: 0,
};

/**
 * The default's weights: flatter than the named presets' (each run of the swarm then leaves kinds out and scales the
 * rest), so that the whole-sync operations (views, cleanups, diffs, clones) are as common as any read.
 */
const SWARM_WEIGHTS: Record<OpKind, number> = {
  ...DEFAULT_WEIGHTS,
  setCurrentSync: 2,
  currentSyncStep: 2,
  putResourceTypes: 5,
  putResources: 6,
  putEntitlements: 6,
  putGrants: 8,
  getSync: 2,
  getLatestFinishedSync: 2,
  generateSyncDiff: 3,
  cloneSync: 3,
  viewSync: 4,
  cleanup: 4,
  readClone: 3,
  reopen: 3,
};

function weights(overrides: Partial<Record<OpKind, number>>): Record<OpKind, number> {
  return { ...DEFAULT_WEIGHTS, ...overrides };
}

/** The presets by name. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  default: {
    description: 'a swarm over everything: each run draws its own op kinds, weights, sizes, alphabets and knobs',
    swarm: 'full',
    maxOps: 80,
    weights: SWARM_WEIGHTS,
    segment: DEFAULT_SEGMENT,
    values: DEFAULT_VALUES,
  },
  'lifecycle-heavy': {
    description: 'sync starts, resumes, ends, views and clock jumps around the resume window',
    swarm: 'kinds',
    maxOps: 80,
    weights: weights({
      startNewSync: 8,
      startSync: 8,
      setCurrentSync: 4,
      currentSyncStep: 3,
      checkpointSync: 4,
      endSync: 8,
      viewSync: 4,
      getSync: 3,
      getLatestFinishedSync: 4,
      listSyncRuns: 4,
      stats: 4,
      reopen: 4,
      close: 2,
      clock: 12,
      putResourceTypes: 3,
      putResources: 3,
      putEntitlements: 2,
      putGrants: 3,
      generateSyncDiff: 2,
      cleanup: 2,
    }),
    segment: { ...DEFAULT_SEGMENT, endPct: 50, maxBody: 6 },
    values: {
      ...DEFAULT_VALUES,
      clockSteps: [0, 0, 1, -1, HOUR, DAY, W - 1, W, W + 1, 2 * W, -DAY, -W],
      clockSetPct: 20,
      bigTokenPct: 10,
    },
  },
  paging: {
    description: 'many records and many small pages, with foreign and malformed tokens',
    swarm: 'kinds',
    maxOps: 60,
    weights: weights({
      listResourceTypes: 6,
      listResources: 8,
      listEntitlements: 8,
      listGrants: 8,
      listGrantsForEntitlement: 8,
      listGrantsForPrincipal: 8,
      listGrantsForResourceType: 8,
      listSyncRuns: 5,
      close: 0,
      reopen: 0,
      cleanup: 0,
    }),
    segment: { ...DEFAULT_SEGMENT, endPct: 60 },
    values: {
      ...DEFAULT_VALUES,
      itemsPerPut: { min: 1, max: 12 },
      batchPct: 25,
      batchSizes: [20, 50, 150, 300],
      poisonPct: 0,
      pageSizePct: 85,
      pageSizes: [0, 1, 1, 2, 2, 3, 3, 5, 7, 10, 10000, 10001, -1],
      tokenPct: 25,
      noFilterPct: 30,
    },
  },
  cleanup: {
    description: 'many short syncs of every type, diffs, views and cleanups with every keep',
    swarm: 'kinds',
    maxOps: 100,
    weights: weights({
      startNewSync: 8,
      endSync: 8,
      cleanup: 6,
      generateSyncDiff: 4,
      viewSync: 3,
      cloneSync: 2,
      readClone: 2,
      listSyncRuns: 4,
      getLatestFinishedSync: 3,
      clock: 10,
      putGrants: 6,
      putEntitlements: 4,
      listGrantsForEntitlement: 1,
      listGrantsForPrincipal: 1,
      listGrantsForResourceType: 1,
    }),
    segment: { ...DEFAULT_SEGMENT, openPct: 95, openers: { startNewSync: 8, startSync: 2 }, endPct: 85, maxBody: 5 },
    values: {
      ...DEFAULT_VALUES,
      keeps: [undefined, 1, 1, 2, 3, 5, 0, -1],
      clockSteps: [0, 1, 1000, HOUR, DAY, -HOUR],
    },
  },
  'big-batches': {
    description: 'puts of hundreds to thousands of items, duplicates and poisoned batches',
    swarm: 'kinds',
    maxOps: 40,
    weights: weights({ putResources: 10, putEntitlements: 10, putGrants: 16, stats: 4, verify: 2, compact: 2 }),
    segment: DEFAULT_SEGMENT,
    values: {
      ...DEFAULT_VALUES,
      batchPct: 60,
      batchSizes: [99, 101, 255, 257, 999, 1001, 1023, 2049, 4097, 4999, 5001],
      poisonPct: 15,
      pageSizes: [0, 99, 100, 101, 999, 1000, 1001, 10000],
    },
  },
  assets: {
    description: 'assets of every size around the limit, re-puts with new content types',
    swarm: 'kinds',
    maxOps: 60,
    weights: weights({ putAsset: 14, getAsset: 12, stats: 3, putGrants: 4, putEntitlements: 3, putResources: 3 }),
    segment: DEFAULT_SEGMENT,
    values: { ...DEFAULT_VALUES, assetSizes: [0, 0, 1, 2, 255, 1024, A - 1, A, A, A + 1, 2 * A] },
  },
};
