/**
 * Runs one workload's repetitions on its targets, alternating which target goes first, each run in a fresh
 * directory with a garbage collection before it, timing only what the workload wraps and metering peak RSS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { shapeFor } from '../harness/dataset/dataset';
import { MemoryMeter, type RssMethod } from './memory-meter';
import { SCALES, type ScaleName } from './scales';
import { alternatingOrder } from './stats';
import type { Templates } from './templates';
import { Timer } from './timer';
import type { RunTarget } from './workload';
import { workloadById } from './workloads';

/** What the parent asks a workload process to do. */
export interface WorkloadSpec {
  readonly workload: string;
  readonly targets: readonly RunTarget[];
  readonly scale: ScaleName;
  readonly repetitions: number;
  readonly templates: Templates;
  readonly sourceC1z: string;
  readonly workDir: string;
}

/** One timed run. */
export interface RunSample {
  readonly ms: number;
  /** CPU time of the whole process during the run (every thread: LevelDB's and libuv's too). */
  readonly cpuMs: number;
  readonly items: number;
  readonly peakRss: number;
  readonly startRss: number;
  readonly rssMethod: RssMethod;
  readonly phases: Record<string, number>;
}

/** Every run of one workload, by target, in repetition order. */
export interface WorkloadReport {
  readonly workload: string;
  readonly samples: Partial<Record<RunTarget, RunSample[]>>;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs the repetitions of `spec`. */
export async function runWorkload(spec: WorkloadSpec): Promise<WorkloadReport> {
  const workload = workloadById(spec.workload);
  if (workload === undefined) throw new Error(`unknown workload ${JSON.stringify(spec.workload)}`);
  const scale = SCALES[spec.scale];
  const shape = shapeFor(scale.grants);
  const samples: Partial<Record<RunTarget, RunSample[]>> = {};
  for (let rep = 0; rep < spec.repetitions; rep++) {
    for (const target of alternatingOrder(spec.targets, rep)) {
      const dir = await mkdtemp(path.join(spec.workDir, `${workload.id}-${target}-`));
      const meter = new MemoryMeter();
      try {
        const run = await workload.prepare({
          target,
          scale,
          shape,
          templates: target === 'all' ? undefined : spec.templates[target],
          sourceC1z: spec.sourceC1z,
          dir,
          meter,
        });
        try {
          collectGarbage();
          const timer = new Timer();
          meter.start();
          const cpu0 = process.cpuUsage();
          const items = await run.run(timer);
          const cpu = process.cpuUsage(cpu0);
          const rss = meter.stop();
          const cpuMs = (cpu.user + cpu.system) / 1000;
          (samples[target] ??= []).push({ ms: timer.ms, cpuMs, items, peakRss: rss.peakRss, startRss: rss.startRss, rssMethod: rss.method, phases: timer.phases() });
        } finally {
          await run.dispose();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
  return { workload: workload.id, samples };
}
