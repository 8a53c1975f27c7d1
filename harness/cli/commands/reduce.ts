/**
 * `c1z-parity reduce <case-dir> [--out DIR] [--time 120s]`: shrinks a diverging corpus case further (fewer ops,
 * smaller batches, short ids) while it keeps the same divergence, and writes it in place or to `--out`. Exit 0 when
 * written, 1 when the case does not diverge (nothing to reduce), 2 on bad usage or an unreadable case.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { canonicalJson } from '../../../engines/compare';
import { CorpusError, loadCase, opsFileText, type CaseMeta, type CorpusCase } from '../../corpus';
import { divergencePredicate, divergenceSignature, reduceOps } from '../../reduce';
import type { EngineWrapper } from '../../runner/engine-slot';
import { runOps } from '../../runner/run-ops';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { checkOutputFolder } from '../out-path';
import { parseDuration } from '../options';
import { Progress } from '../progress';
import { wallClockMicros } from '../real-clock';
import type { SetExit } from '.';

/** Reduces the case in `dir` and writes it to `out` (default: in place); returns the exit code. */
export async function reduceCase(io: CliIo, dir: string, opts: { out?: string; maxMs: number; wrap?: EngineWrapper }): Promise<number> {
  let c: CorpusCase;
  try {
    c = await loadCase(path.resolve(dir));
  } catch (err) {
    if (err instanceof CorpusError) throw new CliError(err.message);
    throw err;
  }
  const config = {
    engines: c.meta.engines,
    ...(c.meta.faults === undefined ? {} : { faults: c.meta.faults }),
    ...(opts.wrap === undefined ? {} : { wrap: opts.wrap }),
  };
  const before = await runOps(c.ops, config);
  const first = before.divergences[0];
  if (first === undefined) {
    writeLine(io.stdout, `case ${c.name} does not diverge on ${c.meta.engines.join(', ')}: nothing to reduce`);
    return EXIT.failed;
  }
  const progress = new Progress(io);
  progress.update(`reducing ${c.name} (${c.ops.length} ops, up to ${Math.round(opts.maxMs / 1000)}s)`);
  const started = performance.now();
  let checks = 0;
  const reduced = await reduceOps(c.ops, divergencePredicate(config, divergenceSignature(first)), { maxMs: opts.maxMs, onDone: (s) => (checks = s.checks) });
  progress.done();
  const after = await runOps(reduced, config);
  const outDir = path.resolve(opts.out ?? c.dir);
  const name = path.basename(outDir);
  const meta: CaseMeta = {
    ...c.meta,
    name,
    why: c.ops.length === reduced.length ? c.meta.why : `${c.meta.why} (reduced from ${c.ops.length} ops)`,
    divergence: after.divergences[0] ?? first,
    date: new Date(wallClockMicros() / 1000).toISOString(),
  };
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'ops'), opsFileText(name, meta.why, reduced), 'utf8');
  await fs.writeFile(path.join(outDir, 'meta.json'), `${canonicalJson(meta, 2)}\n`, 'utf8');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  writeLine(io.stdout, `reduced ${c.name}: ${c.ops.length} -> ${reduced.length} ops in ${seconds}s (${checks} replays)`);
  writeLine(io.stdout, `wrote ${outDir}`);
  return EXIT.ok;
}

/** Registers the `reduce` verb. */
export function registerReduce(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('reduce')
    .argument('<case-dir>', 'a corpus case folder (ops + meta.json)')
    .description('shrink a diverging corpus case further while it keeps the same divergence')
    .option('--out <dir>', 'write the reduced case here (default: in place)')
    .option('--time <duration>', 'time budget (the smallest case found by then is written)', '120s')
    .action(async (caseDir: string, opts: { out?: string; time: string }) => {
      const maxMs = parseDuration(opts.time);
      if (opts.out !== undefined) await checkOutputFolder(opts.out, '--out');
      setExit(await reduceCase(io, caseDir, { maxMs, ...(opts.out === undefined ? {} : { out: opts.out }) }));
    });
}
