/**
 * Run scale, drawn per run from its seed like the rest of the swarm: most runs are short (tens of ops on tiny
 * stores, where most bugs show in a few ops), a few are long (hundreds to thousands of ops across many syncs), and a
 * rare one is big (its store grows past 10^5 records through growth syncs). Long runs keep the whole-store
 * operations (reopen, cleanup, compact, verify, sync starts and ends) in their mix, so that compaction, many pages and
 * many syncs meet along the way. Only the default swarm scales runs: named presets keep their own length.
 */
import type { Op, OpKind } from '../ops/types';
import { growthSyncOps } from './growth';
import { pick } from './pick';
import type { Preset } from './presets';
import { seededRng } from './seeded';

/**
 * Runs in a thousand that are long. A long run costs as much as a hundred short ones, so 1% of runs already take about
 * half of a session's time; more would starve the short runs, where most bugs show.
 */
export const LONG_RUNS_PERMILLE = 10;

/** Runs in a thousand that are big (big runs are long too, one long run in five). */
export const BIG_RUNS_PERMILLE = 2;

/** The lengths of long runs, drawn uniformly (the shorter ones twice as often). */
export const LONG_RUN_OPS: readonly number[] = [400, 400, 1000, 1000, 2500, 5000];

/**
 * Grants per growth sync: just past 2^15, and just under and past 2^16 (every engine chunk and page limit is far
 * below). A growth sync writes about twice as many records (resources and entitlements are half as many each).
 */
export const GROWTH_GRANTS: readonly number[] = [32_769, 65_535, 65_537];

/** The whole-store kinds a long run always keeps, each at least this share (1/n) of the total weight. */
const WHOLE_STORE_KINDS: readonly OpKind[] = ['reopen', 'cleanup', 'compact', 'verify', 'endSync', 'startNewSync'];
const WHOLE_STORE_SHARE = 40;

/** How one run is scaled. */
export interface RunScale {
  readonly kind: 'short' | 'long' | 'big';
  /** The run's length in ops (undefined: the swarm's own draw). */
  readonly maxOps?: number;
  /**
   * Growth syncs to insert, each at a fraction (in [0, 0.5)) of the run's segments: in the first half, so that the
   * rest of the run works on the big store.
   */
  readonly growth: readonly { readonly at: number; readonly ops: readonly Op[] }[];
}

/** The scale of the run seeded `seed`: a pure function of it. */
export function runScale(seed: number): RunScale {
  const rng = seededRng(seed, 'scale');
  const roll = rng.below(1000);
  if (roll >= LONG_RUNS_PERMILLE) return { kind: 'short', growth: [] };
  const maxOps = pick(rng, LONG_RUN_OPS);
  if (roll >= BIG_RUNS_PERMILLE) return { kind: 'long', maxOps, growth: [] };
  const syncs = 2 + rng.below(2);
  const growth = Array.from({ length: syncs }, () => ({ at: rng.below(500) / 1000, ops: growthSyncOps(rng.below(0x7fffffff), pick(rng, GROWTH_GRANTS)) }));
  return { kind: 'big', maxOps, growth: growth.sort((a, b) => a.at - b.at) };
}

/** The scale of a run of `preset` seeded `seed`: only the default swarm (`swarm: 'full'`) scales its runs. */
export function presetRunScale(preset: Preset, seed: number): RunScale | undefined {
  return preset.swarm === 'full' ? runScale(seed) : undefined;
}

/** The weights of a long run: every whole-store kind at least 1/40 of the total, so a long run meets each of them. */
export function longRunWeights(weights: Readonly<Record<OpKind, number>>): Record<OpKind, number> {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const floor = Math.max(1, Math.round(total / WHOLE_STORE_SHARE));
  const out = { ...weights };
  for (const kind of WHOLE_STORE_KINDS) out[kind] = Math.max(out[kind], floor);
  return out;
}

/** Inserts the growth syncs of `scale` between the segments of a run (none for short and long runs). */
export function withGrowth(segments: readonly Op[][], scale: RunScale): Op[][] {
  if (scale.growth.length === 0) return [...segments];
  const out: Op[][] = [];
  let next = 0;
  for (const [i, segment] of segments.entries()) {
    while (next < scale.growth.length && Math.floor((scale.growth[next]?.at ?? 1) * segments.length) <= i) {
      out.push([...(scale.growth[next]?.ops ?? [])]);
      next += 1;
    }
    out.push(segment);
  }
  return out;
}
