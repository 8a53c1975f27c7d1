/** Turns a workload's raw samples into its result: per-engine medians, items per second, peak RSS and the ratio. */
import type { EngineFigures, WorkloadResult } from './result';
import type { RunSample, WorkloadReport } from './run-workload';
import { median, perSecond, ratio, summarize } from './stats';
import type { RunTarget, Workload } from './workload';

/** The figures of one target's samples. */
export function engineFigures(samples: readonly RunSample[]): EngineFigures {
  const times = samples.map((s) => s.ms);
  const t = summarize(times);
  const items = samples[0]?.items ?? 0;
  const phaseNames = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
  const phasesMedianMs = Object.fromEntries(phaseNames.map((p) => [p, median(samples.map((s) => s.phases[p] ?? 0))]));
  return {
    medianMs: t.median,
    minMs: t.min,
    maxMs: t.max,
    samplesMs: times,
    cpuMedianMs: median(samples.map((s) => s.cpuMs)),
    items,
    itemsPerSecond: perSecond(items, t.median),
    peakRssBytes: Math.max(...samples.map((s) => s.peakRss)),
    phasesMedianMs,
  };
}

/** The result of one workload from its report (or its error). */
export function workloadResult(workload: Workload, load1: number, outcome: WorkloadReport | Error): WorkloadResult {
  const base = { id: workload.id, title: workload.title, unit: workload.unit, mode: workload.mode, load1 };
  if (outcome instanceof Error) return { ...base, engines: {}, error: outcome.message };
  const engines: Partial<Record<RunTarget, EngineFigures>> = {};
  for (const [target, samples] of Object.entries(outcome.samples) as [RunTarget, RunSample[]][]) {
    if (samples.length > 0) engines[target] = engineFigures(samples);
  }
  const r = ratio(engines.leveldb?.medianMs, engines.sqlite?.medianMs);
  return r === undefined ? { ...base, engines } : { ...base, engines, ratio: r };
}
