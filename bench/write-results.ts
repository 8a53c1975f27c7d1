/** Writes a benchmark result as JSON and its ratio chart as an SVG beside it. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResult } from './result';
import { renderRatioChart, type ChartBar } from './svg-chart';

/** The chart bars of a result: every paired workload with a ratio. */
export function chartBars(r: BenchResult): ChartBar[] {
  return r.workloads.flatMap((w) => (w.ratio === undefined ? [] : [{ label: w.title, ratio: w.ratio }]));
}

/** The SVG chart of a result. */
export function resultChart(r: BenchResult): string {
  const load = r.machine.loadAverageStart.map((l) => l.toFixed(1)).join(' ');
  return renderRatioChart(chartBars(r), {
    title: `LevelDB / SQLite time, scale ${r.scale} (${r.dataset.grants.toLocaleString('en-US')} grants)`,
    subtitle: `median of ${r.settings.repetitions} alternating repetitions; node ${r.versions.node ?? '?'}; load average ${load} at start; ${r.startedAt.slice(0, 10)}`,
  });
}

/** Writes `<jsonPath>` and the chart at the same path with `.svg`; returns both paths. */
export async function writeResults(r: BenchResult, jsonPath: string): Promise<{ json: string; svg: string }> {
  const svg = jsonPath.replace(/\.json$/i, '') + '.svg';
  await mkdir(path.dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(svg, resultChart(r));
  return { json: jsonPath, svg };
}
