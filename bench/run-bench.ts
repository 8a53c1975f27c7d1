/**
 * The benchmark session: writes each engine's template stores through the contract, then runs every selected
 * workload in its own process (both engines alternating inside it), and assembles the result with the machine,
 * the versions and the load average.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { componentVersions } from '../harness/runner/versions';
import { shapeFor, syncRecordCount } from '../harness/dataset/dataset';
import { BENCH_ENGINES, type BenchEngine } from './engines';
import { kernelPeakAvailable } from './memory-meter';
import type { BenchResult, MachineInfo, WorkloadResult } from './result';
import { SCALES, type ScaleName } from './scales';
import { spawnWorkload } from './spawn-workload';
import { workloadResult } from './summarize';
import { formatMs, formatRatio } from './table';
import { buildTemplates, storeBytes, type Templates } from './templates';
import type { Workload } from './workload';
import { WORKLOADS } from './workloads';

/** What to run. */
export interface BenchOptions {
  readonly scale: ScaleName;
  /** Workload ids (default: all). */
  readonly workloads?: readonly string[];
  /** Engines to run paired workloads on (default: both). */
  readonly engines?: readonly BenchEngine[];
  /** Overrides the scale's repetitions. */
  readonly repetitions?: number;
  /** Writes a CPU profile of every workload process here. */
  readonly cpuProfDir?: string;
  /** The command line, recorded in the result. */
  readonly command: string;
  /** Progress lines (one per step). */
  readonly log: (line: string) => void;
}

function machineInfo(loadStart: readonly number[]): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    totalMemoryBytes: os.totalmem(),
    loadAverageStart: loadStart,
    loadAverageEnd: os.loadavg(),
  };
}

/** The selected workloads, in table order; throws on an unknown id. */
export function selectWorkloads(ids: readonly string[] | undefined): Workload[] {
  if (ids === undefined) return [...WORKLOADS];
  for (const id of ids) if (!WORKLOADS.some((w) => w.id === id)) throw new Error(`unknown workload ${JSON.stringify(id)} (known: ${WORKLOADS.map((w) => w.id).join(', ')})`);
  return WORKLOADS.filter((w) => ids.includes(w.id));
}

function describe(w: WorkloadResult): string {
  if (w.error !== undefined) return `${w.id}: failed: ${w.error}`;
  const figures = Object.entries(w.engines).map(([e, f]) => `${e} ${formatMs(f.medianMs)} ms`);
  return `${w.id}: ${figures.join(', ')}${w.ratio === undefined ? '' : `, leveldb/sqlite ${formatRatio(w.ratio)}`} (load ${w.load1.toFixed(2)})`;
}

/** Runs the benchmark and returns its result. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const loadStart = os.loadavg();
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const scale = SCALES[options.scale];
  const shape = shapeFor(scale.grants);
  const engines = options.engines ?? BENCH_ENGINES;
  const repetitions = options.repetitions ?? scale.repetitions;
  const selected = selectWorkloads(options.workloads);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'c1z-bench-'));
  const templates: Templates = {};
  const templateSeconds: Record<string, number> = {};
  const baseStoreBytes: Record<string, number> = {};
  const results: WorkloadResult[] = [];
  try {
    if (selected.some((w) => w.mode === 'pair' && !w.id.startsWith('harness'))) {
      // SQLite's base template is also the c1z that every import reads, so it is built even when only LevelDB runs.
      for (const engine of new Set<BenchEngine>(['sqlite', ...engines])) {
        const t = performance.now();
        options.log(`writing ${engine} templates (${scale.grants.toLocaleString('en-US')} grants)...`);
        templates[engine] = await buildTemplates(engine, workDir, shape, scale.batch);
        templateSeconds[engine] = (performance.now() - t) / 1000;
        baseStoreBytes[engine] = await storeBytes(templates[engine].base);
      }
    }
    const sourceC1z = templates.sqlite?.base ?? '';
    for (const workload of selected) {
      const load1 = os.loadavg()[0] ?? 0;
      const spec = {
        workload: workload.id,
        targets: workload.mode === 'all' ? (['all'] as const) : engines,
        scale: options.scale,
        repetitions: Math.min(repetitions, workload.maxRepetitions ?? repetitions),
        templates,
        sourceC1z,
        workDir,
      };
      const outcome = await spawnWorkload(spec, {
        ...(options.cpuProfDir === undefined ? {} : { cpuProfDir: options.cpuProfDir }),
        onStderr: (line) => options.log(`  ${workload.id}: ${line}`),
      }).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
      const result = workloadResult(workload, load1, outcome);
      results.push(result);
      options.log(describe(result));
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return {
    schema: 'c1z-parity-bench/1',
    scale: options.scale,
    command: options.command,
    startedAt,
    durationSeconds: (performance.now() - t0) / 1000,
    machine: machineInfo(loadStart),
    versions: componentVersions(),
    dataset: {
      grants: shape.grants,
      users: shape.users,
      groups: shape.groups,
      roles: shape.roles,
      apps: shape.apps,
      entitlements: shape.entitlements,
      recordsPerSync: syncRecordCount(shape, shape.grants),
    },
    settings: {
      repetitions,
      batch: scale.batch,
      gets: scale.gets,
      filterValues: scale.filterValues,
      fuzzRuns: scale.fuzzRuns,
      order: 'each repetition runs every engine, alternating which goes first',
      statistic: 'median of the repetitions',
      rss: kernelPeakAvailable()
        ? 'one process per workload; peak RSS of each run from the kernel high-water mark (VmHWM, reset before the run), highest of the repetitions'
        : 'one process per workload; peak RSS of each run sampled every 5 ms and between engine calls, highest of the repetitions',
      ratio: 'LevelDB median time / SQLite median time; below 1 LevelDB is faster',
    },
    templateSeconds,
    baseStoreBytes,
    workloads: results,
  };
}
