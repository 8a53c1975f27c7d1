/**
 * `c1z-parity replay-c1z <file.c1z> [--engines a,b] [--max-filter-values N] [--chunk-records N] [--report-dir DIR]
 * [--json] [--metrics [format]] [--slow-log [ms]]`: checks the file's filter columns against its data, loads it into
 * every engine chunk by chunk and compares every reader on every sync; exit 1 when the file's columns disagree with
 * its data or the engines differ (then with a report).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { renderText, writeReport, type RunReport } from '../../report';
import { DEFAULT_ENGINES } from '../../../engines/registry/engine-registry';
import { describeFinding } from '../../replay-c1z/column-check';
import { DEFAULT_CHUNK_RECORDS, DEFAULT_MAX_FILTER_VALUES, replayC1z } from '../../replay-c1z/replay';
import { componentVersions } from '../../runner/versions';
import { packageRoot } from '../../package-root';
import { EXIT, writeLine, type CliIo } from '../io';
import { parseCount, parseEnginesOption } from '../options';
import { Progress } from '../progress';
import { wallClockMicros } from '../real-clock';
import { runId } from '../run-id';
import { addMetricsFlags, measuringFrom, printMetrics, writeMetricsFiles, type MetricsFlags } from './metrics-flags';
import type { SetExit } from '.';

/** Registers the `replay-c1z` verb. */
export function registerReplayC1z(program: Command, io: CliIo, setExit: SetExit): void {
  addMetricsFlags(program.command('replay-c1z'))
    .description('load a real c1z into every engine and compare every reader on every sync')
    .argument('<file>', 'a .c1z file written by the Go SDK (or by this project)')
    .option('--engines <list>', `engines (default ${DEFAULT_ENGINES.join(',')})`)
    .option('--max-filter-values <n>', `at most this many sampled values per filter and chunk (default ${DEFAULT_MAX_FILTER_VALUES})`)
    .option('--chunk-records <n>', `at most this many records of a sync loaded at once (default ${DEFAULT_CHUNK_RECORDS})`)
    .option('--report-dir <dir>', 'where to write the report folder when engines differ (default reports/)')
    .option('--json', 'print one JSON summary object')
    .action(async (file: string, opts: { engines?: string; maxFilterValues?: string; chunkRecords?: string; reportDir?: string; json?: boolean } & MetricsFlags) => {
      const engines = opts.engines === undefined ? [...DEFAULT_ENGINES] : parseEnginesOption(opts.engines);
      const maxFilterValues = opts.maxFilterValues === undefined ? undefined : parseCount(opts.maxFilterValues, '--max-filter-values', 1);
      const chunkRecords = opts.chunkRecords === undefined ? undefined : parseCount(opts.chunkRecords, '--chunk-records', 1);
      const measuring = measuringFrom(opts, io, opts.json === true);
      const progress = new Progress(io);
      const started = performance.now();
      const result = await replayC1z(file, {
        ...(measuring.wrapper ? { metrics: measuring.wrapper } : {}),
        engines,
        clock: wallClockMicros,
        ...(maxFilterValues === undefined ? {} : { maxFilterValues }),
        ...(chunkRecords === undefined ? {} : { chunkRecords }),
        onProgress: (line) => progress.update(line),
      });
      progress.done();
      const seconds = (performance.now() - started) / 1000;
      const repro = `npx c1z-parity replay-c1z ${file} --engines ${engines.join(',')}${maxFilterValues === undefined ? '' : ` --max-filter-values ${maxFilterValues}`}${chunkRecords === undefined ? '' : ` --chunk-records ${chunkRecords}`}`;
      let reportDir: string | undefined;
      if (result.divergences.length > 0) {
        const id = runId('replay-c1z', path.basename(file));
        reportDir = path.resolve(opts.reportDir ?? path.join(packageRoot(), 'reports'), id);
        const report: RunReport = {
          runId: id,
          seed: path.basename(file),
          preset: 'replay-c1z',
          engines,
          versions: componentVersions(),
          ops: [`replay-c1z ${file}`],
          histories: result.histories,
          divergences: result.divergences,
          stats: { runs: 1, ops: result.entries, seconds, opsPerSecond: result.entries / Math.max(seconds, 0.001) },
          repro,
          historyDigest: '',
        };
        await writeReport(reportDir, report);
        if (measuring.metrics) await writeMetricsFiles(reportDir, measuring.metrics);
        if (!opts.json) writeLine(io.stdout, renderText(report));
      }
      const columns = result.columns;
      const summary = { file, engines, syncs: result.syncs, records: result.records, readsCompared: result.entries, divergences: result.divergences.length, columnFindings: columns.total, ...(columns.total > 0 ? { findings: columns.findings } : {}), seconds: Number(seconds.toFixed(3)), ...(reportDir ? { reportDir } : {}), ...(measuring.metrics && measuring.format === 'json' ? { metrics: measuring.metrics.snapshot() } : {}) };
      if (!opts.json && columns.total > 0) {
        for (const f of columns.findings) writeLine(io.stdout, `finding: ${describeFinding(f)}`);
        writeLine(io.stdout, `file: ${columns.total} of ${columns.rows} rows of ${file} have filter columns that disagree with their data (Go queries read the columns)`);
      }
      if (opts.json) writeLine(io.stdout, JSON.stringify(summary));
      else if (result.divergences.length === 0 && columns.total > 0) writeLine(io.stdout, `engines: ${result.syncs} syncs, ${result.records} records, ${result.entries} reads agree on ${engines.join(', ')} (${summary.seconds}s)`);
      else if (result.divergences.length === 0) writeLine(io.stdout, `ok: ${result.syncs} syncs, ${result.records} records, ${result.entries} reads agree on ${engines.join(', ')} (${summary.seconds}s)`);
      else writeLine(io.stdout, `report: ${reportDir}`);
      if (measuring.metrics && measuring.format && !(opts.json && measuring.format === 'json')) {
        await printMetrics(io, measuring.metrics, measuring.format, { methods: false });
      }
      setExit(result.divergences.length === 0 && columns.total === 0 ? EXIT.ok : EXIT.failed);
    });
}
