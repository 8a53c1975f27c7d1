/** The mutants table as text: one row per fault, columns padded, and a closing line with the tally. */
import type { MutantResult } from './run-mutant';
import { MAX_REDUCED_OPS, mutantPassed } from './run-mutants';

const HEADER = ['fault', 'engine', 'appendix', 'found', 'find s', 'reduce s', 'runs', 'found ops', 'reduced ops'] as const;

function row(r: MutantResult, timePerFaultMs: number): string[] {
  const verdict = !r.found ? 'NO' : mutantPassed(r, timePerFaultMs) ? 'yes' : 'late/long';
  return [
    r.fault,
    r.engine,
    r.appendix === 0 ? '-' : String(r.appendix),
    verdict,
    r.seconds.toFixed(1),
    r.found ? r.reduceSeconds.toFixed(1) : '-',
    String(r.runs),
    r.foundOps === undefined ? '-' : String(r.foundOps),
    r.reducedOps === undefined ? '-' : String(r.reducedOps),
  ];
}

/** Renders results as an aligned text table (Markdown-compatible pipes) followed by a tally line. */
export function renderMutantTable(results: readonly MutantResult[], timePerFaultMs: number): string {
  const rows = [HEADER.slice(), ...results.map((r) => row(r, timePerFaultMs))];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((cells) => (cells[c] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((s, c) => s.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const passed = results.filter((r) => mutantPassed(r, timePerFaultMs)).length;
  const notes = results.filter((r) => r.note !== undefined).map((r) => `note: ${r.fault}: ${r.note}`);
  const m = mutantMedians(results);
  const medians = `median seconds to find ${m.secondsToFind.toFixed(1)}, median reduced ops ${m.reducedOps}, median seconds to reduce ${m.secondsToReduce.toFixed(1)} (faults found)`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line), ...notes, `${passed}/${results.length} faults found within ${timePerFaultMs / 1000}s with a reduced case of at most ${MAX_REDUCED_OPS} ops`, medians].join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians over the faults found: seconds to the failing run, reduced case size, seconds reducing. */
export function mutantMedians(results: readonly MutantResult[]): { secondsToFind: number; reducedOps: number; secondsToReduce: number } {
  const found = results.filter((r) => r.found);
  return {
    secondsToFind: median(found.map((r) => r.seconds)),
    reducedOps: median(found.map((r) => r.reducedOps ?? 0)),
    secondsToReduce: median(found.map((r) => r.reduceSeconds)),
  };
}
