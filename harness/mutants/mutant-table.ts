/** The mutants table as text: one row per fault, columns padded, and a closing line with the tally. */
import type { MutantResult } from './run-mutant';
import { MAX_REDUCED_OPS, mutantPassed } from './run-mutants';

const HEADER = ['fault', 'engine', 'appendix', 'preset', 'found', 'seconds', 'runs', 'found ops', 'reduced ops'] as const;

function row(r: MutantResult, timePerFaultMs: number): string[] {
  const verdict = !r.found ? 'NO' : mutantPassed(r, timePerFaultMs) ? 'yes' : 'late/long';
  return [
    r.fault,
    r.engine,
    r.appendix === 0 ? '-' : String(r.appendix),
    r.preset,
    verdict,
    r.seconds.toFixed(1),
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
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line), ...notes, `${passed}/${results.length} faults found within ${timePerFaultMs / 1000}s with a reduced case of at most ${MAX_REDUCED_OPS} ops`].join('\n');
}
