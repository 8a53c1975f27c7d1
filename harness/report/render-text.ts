/**
 * The text report: fixed sections SEED, ENGINES, DIVERGENCE (each with a unified diff of the two results), OPS,
 * HISTORY and REPRO, whose last line is exactly the repro command, so `tail -1` of a report is copy-pasteable.
 */
import { divergenceDiff, divergenceTitle } from './divergence-diff';
import type { RunReport } from './run-report';

/** Divergences beyond this many are listed by title only (the JSON report keeps them all). */
export const MAX_TEXT_DIFFS = 20;

/** The section headings of the text report, in order. */
export const TEXT_SECTIONS = ['SEED', 'ENGINES', 'DIVERGENCE', 'OPS', 'HISTORY', 'REPRO'] as const;

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

/** The engines with their versions, then any other versioned component, sorted. */
export function versionRows(report: RunReport): [string, string][] {
  const rows: [string, string][] = report.engines.map((e) => [e, report.versions[e] ?? '?']);
  const others = Object.keys(report.versions)
    .filter((k) => !report.engines.includes(k))
    .sort();
  return [...rows, ...others.map((k): [string, string] => [k, report.versions[k] ?? '?'])];
}

function seedSection(r: RunReport): string[] {
  const lines = [`run: ${r.runId}`, `seed: ${r.seed}`, `preset: ${r.preset}`];
  if (r.path !== undefined) lines.push(`path: ${r.path}`);
  const s = r.stats;
  lines.push(`runs: ${s.runs}  ops: ${s.ops}  seconds: ${s.seconds.toFixed(3)}  ops/s: ${s.opsPerSecond.toFixed(1)}`);
  if (s.largestStore !== undefined) lines.push(`largest store: ${s.largestStore} records (run ${s.largestStoreRun ?? '?'})`);
  lines.push(`history digest: ${r.historyDigest}`);
  const f = r.found;
  if (f !== undefined) {
    lines.push(`found: run ${f.runIndex} (run seed ${f.runSeed}) diverged at #${f.opIndex} ${f.op} after ${f.secondsToFind.toFixed(1)} s; shrunk in ${f.secondsToShrink.toFixed(1)} s`);
  }
  return lines;
}

function divergenceSection(r: RunReport): string[] {
  if (r.divergences.length === 0) return ['none'];
  const lines = [`${r.divergences.length} divergence(s)`];
  r.divergences.forEach((d, i) => {
    lines.push('', `[${i + 1}] ${divergenceTitle(d)}`);
    if (d.detail !== undefined) lines.push(`    ${d.detail}`);
    if (i < MAX_TEXT_DIFFS) lines.push(indent(divergenceDiff(d), '    '));
  });
  if (r.divergences.length > MAX_TEXT_DIFFS) lines.push('', `(diffs of the first ${MAX_TEXT_DIFFS} only; report.json has every one)`);
  return lines;
}

function historySection(r: RunReport): string[] {
  const names = [...r.engines, ...Object.keys(r.histories).filter((k) => !r.engines.includes(k)).sort()];
  const lines: string[] = [];
  for (const name of names) {
    const history = r.histories[name];
    if (history === undefined) continue;
    lines.push(`${name}:`, ...history.map((l) => `  ${l}`));
  }
  return lines.length === 0 ? ['none'] : lines;
}

/** Renders the text report; its last line is exactly `report.repro`. */
export function renderText(report: RunReport): string {
  const width = Math.max(...versionRows(report).map(([n]) => n.length), 0);
  const sections: [string, string[]][] = [
    ['SEED', seedSection(report)],
    ['ENGINES', versionRows(report).map(([n, v]) => `${n.padEnd(width)}  ${v}`)],
    ['DIVERGENCE', divergenceSection(report)],
    ['OPS', report.ops.length === 0 ? ['none'] : report.ops.map((op, i) => `#${i} ${op}`)],
    ['HISTORY', historySection(report)],
  ];
  const body = sections.map(([title, lines]) => `${title}\n${indent(lines.join('\n'))}`).join('\n\n');
  return `c1z-parity report ${report.runId}\n\n${body}\n\nREPRO\n${report.repro}\n`;
}
