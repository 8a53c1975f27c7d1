/** The benchmark's JSON result: machine, versions, settings and, per workload, each engine's medians and the ratio. */
import type { RunTarget } from './workload';
import type { ScaleName } from './scales';

/** One engine's figures on one workload (times in milliseconds, medians over the repetitions). */
export interface EngineFigures {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samplesMs: readonly number[];
  /** Median CPU milliseconds of the process over the whole run (less sensitive than wall time to a busy machine). */
  readonly cpuMedianMs: number;
  /** Items one run handled (the same in every repetition). */
  readonly items: number;
  readonly itemsPerSecond: number;
  /** The highest peak RSS of any repetition. */
  readonly peakRssBytes: number;
  /** Median milliseconds per named phase, when the workload times phases. */
  readonly phasesMedianMs: Readonly<Record<string, number>>;
}

/** One workload's result. */
export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly mode: 'pair' | 'all';
  readonly engines: Partial<Record<RunTarget, EngineFigures>>;
  /** LevelDB median time over SQLite median time: below 1 LevelDB is faster. */
  readonly ratio?: number;
  /** The 1-minute load average when the workload started. */
  readonly load1: number;
  /** Why the workload has no figures, when it failed. */
  readonly error?: string;
}

/** The machine the benchmark ran on. */
export interface MachineInfo {
  readonly platform: string;
  readonly release: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly totalMemoryBytes: number;
  readonly loadAverageStart: readonly number[];
  readonly loadAverageEnd: readonly number[];
}

/** The whole result file. */
export interface BenchResult {
  readonly schema: 'c1z-parity-bench/1';
  readonly scale: ScaleName;
  readonly command: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  readonly versions: Readonly<Record<string, string>>;
  readonly dataset: {
    readonly grants: number;
    readonly users: number;
    readonly groups: number;
    readonly roles: number;
    readonly apps: number;
    readonly entitlements: number;
    readonly recordsPerSync: number;
  };
  readonly settings: {
    readonly repetitions: number;
    readonly batch: number;
    readonly gets: number;
    readonly filterValues: number;
    readonly fuzzRuns: number;
    readonly order: string;
    readonly statistic: string;
    readonly rss: string;
    readonly ratio: string;
  };
  /** Seconds spent writing each engine's templates (through the contract, untimed by the workloads). */
  readonly templateSeconds: Readonly<Record<string, number>>;
  /** Bytes on disk of each engine's base template (one sync of the dataset). */
  readonly baseStoreBytes: Readonly<Record<string, number>>;
  readonly workloads: readonly WorkloadResult[];
}
