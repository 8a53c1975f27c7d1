/** The benchmark's scales: how many grants, repetitions, point reads, filter values and fuzz runs each uses. */

/** One scale of the benchmark. */
export interface Scale {
  readonly name: ScaleName;
  /** Grants of the main dataset (one sync). */
  readonly grants: number;
  /** Repetitions per engine; each engine runs every repetition, alternating which goes first. */
  readonly repetitions: number;
  /** Records per put call. */
  readonly batch: number;
  /** Point reads of the `get` workload. */
  readonly gets: number;
  /** Filter values drained per filtered-list workload. */
  readonly filterValues: number;
  /**
   * Fuzz runs of the harness workload (seed 1, default preset): 40 runs above `tiny`, enough that the figure is the
   * default swarm's mix of run shapes rather than a few runs', and short enough to repeat (seed 1's first long run is
   * its 60th, so the figure is the short runs').
   */
  readonly fuzzRuns: number;
}

/** The scale names; `tiny` is for development only. */
export const SCALE_NAMES = ['tiny', 'small', 'medium', 'large'] as const;

/** A scale name. */
export type ScaleName = (typeof SCALE_NAMES)[number];

/** Every scale by name. */
export const SCALES: Readonly<Record<ScaleName, Scale>> = {
  tiny: { name: 'tiny', grants: 1_000, repetitions: 3, batch: 1_000, gets: 1_000, filterValues: 50, fuzzRuns: 2 },
  small: { name: 'small', grants: 10_000, repetitions: 5, batch: 1_000, gets: 5_000, filterValues: 200, fuzzRuns: 40 },
  medium: { name: 'medium', grants: 100_000, repetitions: 3, batch: 1_000, gets: 20_000, filterValues: 500, fuzzRuns: 40 },
  large: { name: 'large', grants: 1_000_000, repetitions: 3, batch: 1_000, gets: 50_000, filterValues: 1_000, fuzzRuns: 40 },
};

/** True when `name` is a scale. */
export function isScaleName(name: string): name is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(name);
}
