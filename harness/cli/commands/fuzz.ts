/**
 * `c1z-parity fuzz [--time 60s | --runs N] [--seed N] [--preset NAME] [--engines a,b] [--shard k/n]
 * [--report-dir DIR] [--corpus-dir DIR] [--reduce-time 60s] [--no-save] [--json] [--metrics [format]] [--slow-log [ms]]`:
 * random sync sequences through
 * every engine; exit 1 when anything diverged, after reducing the failing run and saving it as a corpus case.
 */
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { writeReport, renderText } from '../../report';
import { DEFAULT_ENGINES } from '../../../engines/registry/engine-registry';
import { fuzz } from '../../runner/fuzz';
import { sessionReport } from '../../runner/session-report';
import { packageRoot } from '../../package-root';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { checkOutputFolder } from '../out-path';
import { parseCount, parseDuration, parseEnginesOption, parsePreset, parseSeed, parseShardOption } from '../options';
import { Progress } from '../progress';
import { runId } from '../run-id';
import { wallClockMicros } from '../real-clock';
import { caseReproCommand, saveFailure, type SavedFailure } from '../../corpus';
import { addMetricsFlags, measuringFrom, printMetrics, writeMetricsFiles, type MetricsFlags } from './metrics-flags';
import type { SetExit } from '.';

interface FuzzCliOptions extends MetricsFlags {
  time?: string;
  runs?: string;
  seed?: string;
  preset: string;
  engines?: string;
  shard?: string;
  maxOps?: string;
  reportDir?: string;
  corpusDir?: string;
  reduceTime: string;
  save: boolean;
  json?: boolean;
}

/** Registers the `fuzz` verb. */
export function registerFuzz(program: Command, io: CliIo, setExit: SetExit): void {
  addMetricsFlags(program.command('fuzz'))
    .description('drive random sync sequences through every engine and compare every result')
    .option('--time <duration>', 'wall-clock budget (60s, 30m, 1h): runs start until it is spent; the repro line names the runs done')
    .option('--runs <n>', 'an exact number of runs (default 100 when no --time)')
    .option('--seed <n>', 'session seed (default: random, printed)')
    .option('--preset <name>', 'generator preset', 'default')
    .option('--engines <list>', `engines to compare, the first is the reference (default ${DEFAULT_ENGINES.join(',')})`)
    .option('--shard <k/n>', 'run only shard k of n of the seed space (CI matrices)')
    .option('--max-ops <n>', 'longest op sequence of a run (default: the preset’s)')
    .option('--report-dir <dir>', 'where to write the report folder (default reports/)')
    .option('--corpus-dir <dir>', 'where a failing run is saved as a corpus case (default corpus/)')
    .option('--reduce-time <duration>', 'time budget of the reducer after fast-check’s bounded shrinking (8 s)', '20s')
    .option('--no-save', 'do not reduce and save a failing run as a corpus case')
    .option('--json', 'print one JSON summary object')
    .action(async (opts: FuzzCliOptions) => {
      if (opts.time !== undefined && opts.runs !== undefined) throw new CliError('give --time or --runs, not both');
      // Checked now, not when the report is written at the end of a long session.
      if (opts.reportDir !== undefined) await checkOutputFolder(opts.reportDir, '--report-dir');
      const timeMs = opts.time === undefined ? undefined : parseDuration(opts.time);
      const runs = opts.runs === undefined ? undefined : parseCount(opts.runs, '--runs', 1);
      const seed = opts.seed === undefined ? randomInt(0, 0x7fffffff) : parseSeed(opts.seed);
      const preset = parsePreset(opts.preset);
      const engines = opts.engines === undefined ? [...DEFAULT_ENGINES] : parseEnginesOption(opts.engines);
      const shard = opts.shard === undefined ? undefined : parseShardOption(opts.shard);
      const reduceMs = parseDuration(opts.reduceTime, '--reduce-time');
      const maxOps = opts.maxOps === undefined ? undefined : parseCount(opts.maxOps, '--max-ops', 1);
      const measuring = measuringFrom(opts, io, opts.json === true);
      const progress = new Progress(io);
      const started = performance.now();
      const result = await fuzz({
        ...(measuring.wrapper ? { metrics: measuring.wrapper } : {}),
        seed,
        preset,
        engines,
        ...(runs === undefined ? {} : { runs }),
        ...(timeMs === undefined ? {} : { timeMs }),
        ...(shard === undefined ? {} : { shard }),
        ...(maxOps === undefined ? {} : { maxOps }),
        elapsedMs: () => performance.now() - started,
        onFound: (f) => {
          progress.done();
          writeLine(io.stderr, `found: run ${f.runIndex} (run seed ${f.runSeed}) diverged at #${f.divergence.opIndex} ${f.divergence.op} after ${(f.findMs / 1000).toFixed(1)} s: ${f.divergence.code} [${f.divergence.engines.join(' vs ')}]; shrinking`);
        },
        onProgress: (p) => progress.update(`fuzz seed ${seed}: ${p.runs} runs, ${p.ops} ops, ${Math.round(p.ops / Math.max(p.elapsedMs / 1000, 0.001))} ops/s, ${p.divergences} divergences`),
      });
      progress.done();
      const id = runId('fuzz', seed);
      const reportDir = path.resolve(opts.reportDir ?? path.join(packageRoot(), 'reports'), id);
      const report = sessionReport({ runId: id, seed, preset, engines, ...(shard ? { shard } : {}), ...(maxOps === undefined ? {} : { maxOps }) }, result);
      await writeReport(reportDir, report);
      if (measuring.metrics) await writeMetricsFiles(reportDir, measuring.metrics);
      let saved: SavedFailure | undefined;
      const reduceStarted = performance.now();
      if (result.failure && opts.save) {
        progress.update(`fuzz seed ${seed}: reducing the failing run (up to ${opts.reduceTime})`);
        saved = await saveFailure(result.failure, {
          corpusDir: path.resolve(opts.corpusDir ?? path.join(packageRoot(), 'corpus')),
          preset,
          engines,
          ...(maxOps === undefined ? {} : { maxOps }),
          reduceMs,
          date: new Date(wallClockMicros() / 1000).toISOString(),
        });
        progress.done();
      }
      const reducerMs = result.failure && opts.save ? performance.now() - reduceStarted : 0;
      const seconds = result.elapsedMs / 1000;
      const failure = result.failure;
      const summary = {
        seed,
        preset,
        engines,
        runs: result.runs,
        ops: result.ops,
        seconds: Number(seconds.toFixed(3)),
        opsPerSecond: Number((result.ops / Math.max(seconds, 0.001)).toFixed(1)),
        divergences: result.divergences.length,
        historyDigest: result.historyDigest,
        largestStore: result.largestStore.records,
        largestStoreRun: result.largestStore.runIndex,
        ...(result.abandonedRun === undefined ? {} : { abandonedRun: result.abandonedRun }),
        ...(report.found === undefined || failure === undefined
          ? {}
          : {
              found: { run: report.found.runIndex, runSeed: report.found.runSeed, opIndex: report.found.opIndex, op: report.found.op },
              secondsToFind: Number(report.found.secondsToFind.toFixed(3)),
              secondsToReduce: Number(((failure.shrinkMs + reducerMs) / 1000).toFixed(3)),
            }),
        reportDir,
        repro: report.repro,
        ...(saved === undefined ? {} : { corpusCase: saved.dir, caseRepro: caseReproCommand(saved.dir) }),
        ...(measuring.metrics && measuring.format === 'json' ? { metrics: measuring.metrics.snapshot() } : {}),
      };
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify(summary));
      } else if (result.failure) {
        writeLine(io.stdout, renderText(report));
        writeLine(io.stdout, `report: ${reportDir}`);
        if (saved !== undefined) {
          writeLine(io.stdout, `corpus case: ${saved.dir} (${saved.ops.length} ops, reduced from ${saved.shrunkOps}${saved.created ? '' : '; already saved'})`);
          writeLine(io.stdout, `seconds to find: ${summary.secondsToFind ?? '?'}  seconds to reduce: ${summary.secondsToReduce ?? '?'}`);
          writeLine(io.stdout, `repro: ${caseReproCommand(saved.dir)}`);
        }
      } else {
        writeLine(io.stdout, `ok: ${summary.runs} runs, ${summary.ops} ops in ${summary.seconds}s (${summary.opsPerSecond} ops/s), engines ${engines.join(',')}, no divergence; largest store ${summary.largestStore} records (run ${summary.largestStoreRun})`);
        writeLine(io.stdout, `historyDigest ${summary.historyDigest}`);
        if (result.abandonedRun !== undefined) writeLine(io.stdout, `run ${result.abandonedRun} was under way when the time ran out: abandoned, not counted`);
        writeLine(io.stdout, `report: ${reportDir}`);
        writeLine(io.stdout, `repro: ${summary.repro}`);
      }
      if (measuring.metrics && measuring.format && !(opts.json && measuring.format === 'json')) {
        await printMetrics(io, measuring.metrics, measuring.format, { methods: false });
      }
      setExit(result.failure ? EXIT.failed : EXIT.ok);
    });
}
