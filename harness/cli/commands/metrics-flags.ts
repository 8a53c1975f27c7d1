/**
 * The observability flags verbs share: `--metrics [format]` (a table, JSON, or the Prometheus text format) and
 * `--slow-log [ms]` (slow calls as JSON lines on stderr, 500 ms unless given), and how their output is printed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_SLOW_MS,
  EngineMetrics,
  createSlowLogger,
  renderEngineTable,
  renderFigures,
  renderMethodComparison,
  renderMethodTable,
  withMetrics,
  type MeasuringWrapper,
  type SlowLog,
} from '../../../engines/metrics';
import { CliError, writeLine, type CliIo } from '../io';

/** The ways metrics are printed. */
export type MetricsFormat = 'table' | 'json' | 'prom';

/** The flags as commander hands them over. */
export interface MetricsFlags {
  metrics?: string | boolean;
  slowLog?: string | boolean;
}

/** Adds `--slow-log [ms]` to a verb. */
export function addSlowLogFlag(command: Command): Command {
  return command.option('--slow-log [ms]', `log engine calls slower than ms (default ${DEFAULT_SLOW_MS}) as JSON lines on stderr`);
}

/** Adds `--metrics [format]` and `--slow-log [ms]` to a verb. */
export function addMetricsFlags(command: Command): Command {
  return addSlowLogFlag(command.option('--metrics [format]', 'measure every engine call and print the metrics: table (default), json or prom (Prometheus text)'));
}

/** The chosen metrics format, or undefined when metrics are off; `json` is the default under `--json`. */
export function metricsFormat(flags: MetricsFlags, json = false): MetricsFormat | undefined {
  const value = flags.metrics;
  if (value === undefined || value === false) return undefined;
  if (value === true) return json ? 'json' : 'table';
  if (value === 'table' || value === 'json' || value === 'prom') return value;
  throw new CliError(`--metrics takes table, json or prom (got ${JSON.stringify(value)})`);
}

/** The slow log the flags ask for (pino JSON lines on the CLI's stderr), or undefined. */
export function slowLogOf(flags: MetricsFlags, io: CliIo): SlowLog | undefined {
  const value = flags.slowLog;
  if (value === undefined || value === false) return undefined;
  let thresholdMs = DEFAULT_SLOW_MS;
  if (value !== true) {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new CliError(`--slow-log takes a number of milliseconds (got ${JSON.stringify(value)})`);
    thresholdMs = Number(value);
  }
  return { logger: createSlowLogger(io.stderr), thresholdMs };
}

/** The metrics as table lines: engines, the costliest methods side by side, every method, then the figures. */
export function metricsTableLines(metrics: EngineMetrics, options: { methods?: boolean } = {}): string[] {
  const snapshot = metrics.snapshot();
  const lines = ['METRICS', ...renderEngineTable(snapshot)];
  if (Object.keys(snapshot.engines).length > 1) lines.push('', ...renderMethodComparison(snapshot));
  if (options.methods !== false) lines.push('', ...renderMethodTable(snapshot));
  const figures = renderFigures(snapshot);
  if (figures.length > 0) lines.push('', 'ENGINE FIGURES', ...figures);
  return lines;
}

/** Prints the metrics in `format` to stdout (`methods: false` leaves out the table of every method). */
export async function printMetrics(io: CliIo, metrics: EngineMetrics, format: MetricsFormat, options: { methods?: boolean } = {}): Promise<void> {
  if (format === 'prom') io.stdout.write(await metrics.prometheus());
  else if (format === 'json') writeLine(io.stdout, JSON.stringify({ metrics: metrics.snapshot() }));
  else for (const line of metricsTableLines(metrics, options)) writeLine(io.stdout, line);
}

/** What a run-wide verb (fuzz, replay-c1z) measures with: the format, the collector and the runner's wrapper. */
export interface Measuring {
  readonly format?: MetricsFormat;
  readonly metrics?: EngineMetrics;
  /** For the runner's `metrics` hook; absent when neither metrics nor the slow log are on. */
  readonly wrapper?: MeasuringWrapper;
}

/** Sets up measuring from the flags: nothing at all unless `--metrics` or `--slow-log` is given. */
export function measuringFrom(flags: MetricsFlags, io: CliIo, json: boolean): Measuring {
  const format = metricsFormat(flags, json);
  const slowLog = slowLogOf(flags, io);
  if (format === undefined && slowLog === undefined) return {};
  const metrics = format === undefined ? undefined : new EngineMetrics();
  const options = { ...(metrics ? { metrics } : {}), ...(slowLog ? { slowLog } : {}) };
  const wrapper: MeasuringWrapper = (name, engine) => withMetrics(engine, { ...options, label: name });
  return { ...(format ? { format } : {}), ...(metrics ? { metrics } : {}), wrapper };
}

/** Writes metrics.json, metrics.prom and metrics.txt (every table) into a report folder. */
export async function writeMetricsFiles(dir: string, metrics: EngineMetrics): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'metrics.json'), `${JSON.stringify(metrics.snapshot(), null, 2)}\n`, 'utf8');
  await fs.writeFile(path.join(dir, 'metrics.prom'), await metrics.prometheus(), 'utf8');
  await fs.writeFile(path.join(dir, 'metrics.txt'), `${metricsTableLines(metrics).join('\n')}\n`, 'utf8');
}
