/** Renders a benchmark result as a plain-text table (the CLI's output) or a Markdown table (for the README). */
import type { BenchResult, EngineFigures, WorkloadResult } from './result';

const MIB = 1024 * 1024;

/** Formats milliseconds with sensible precision. */
export function formatMs(ms: number): string {
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** Formats a rate per second (k and M suffixes). */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e4) return `${Math.round(perSecond / 1e3)}k`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(perSecond >= 100 ? 0 : 1);
}

/** Formats a ratio as `1.23×`. */
export function formatRatio(r: number | undefined): string {
  return r === undefined ? '–' : `${r.toFixed(2)}×`;
}

const mib = (f: EngineFigures | undefined): string => (f === undefined ? '–' : String(Math.round(f.peakRssBytes / MIB)));
const ms = (f: EngineFigures | undefined): string => (f === undefined ? '–' : formatMs(f.medianMs));
const rate = (f: EngineFigures | undefined): string => (f === undefined ? '–' : formatRate(f.itemsPerSecond));

const HEADER = ['workload', 'items', 'sqlite ms', 'leveldb ms', 'leveldb/sqlite', 'sqlite /s', 'leveldb /s', 'sqlite MiB', 'leveldb MiB'];

/** The cells of one workload's row. */
function rowCells(w: WorkloadResult): string[] {
  if (w.error !== undefined) return [w.title, '', `failed: ${w.error.split('\n')[0] ?? ''}`, '', '', '', '', '', ''];
  if (w.mode === 'all') {
    const f = w.engines.all;
    return [w.title, f === undefined ? '–' : `${f.items} ${w.unit}`, ms(f), '', '', rate(f), '', mib(f), ''];
  }
  const s = w.engines.sqlite;
  const l = w.engines.leveldb;
  const items = (s ?? l)?.items;
  return [w.title, items === undefined ? '–' : `${items.toLocaleString('en-US')} ${w.unit}`, ms(s), ms(l), formatRatio(w.ratio), rate(s), rate(l), mib(s), mib(l)];
}

/** The lines above the table: scale, dataset, machine, versions and load. */
export function headerLines(r: BenchResult): string[] {
  const d = r.dataset;
  const m = r.machine;
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  const counts = [...new Set(r.workloads.flatMap((w) => Object.values(w.engines).map((f) => f.samplesMs.length)))].filter((n) => n !== r.settings.repetitions);
  const fewer = counts.length === 0 ? '' : ` (${counts.join(', ')} for the longest rows)`;
  const sizes = Object.entries(r.baseStoreBytes ?? {})
    .map(([e, b]) => `${e} ${(b / MIB).toFixed(1)} MiB`)
    .join(', ');
  return [
    `c1z-parity bench, scale ${r.scale}: ${d.grants.toLocaleString('en-US')} grants, ${d.users.toLocaleString('en-US')} users, ` +
      `${d.groups} groups, ${d.roles} roles, ${d.apps} apps, ${d.entitlements} entitlements (${d.recordsPerSync.toLocaleString('en-US')} records per sync)`,
    `${r.settings.repetitions} repetitions per engine${fewer}, alternating; medians; peak RSS is the highest of the repetitions; ratio = LevelDB time / SQLite time (below 1: LevelDB faster)`,
    ...(sizes === '' ? [] : [`one sync of the dataset on disk: ${sizes}`]),
    `machine: ${m.platform} ${m.release} ${m.arch}, ${m.cpus} × ${m.cpuModel}, ${(m.totalMemoryBytes / 1024 ** 3).toFixed(1)} GiB; ` +
      Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    `load average (1, 5, 15 min): ${load(m.loadAverageStart)} at start, ${load(m.loadAverageEnd)} at end; ${r.durationSeconds.toFixed(0)} s in all`,
  ];
}

/** Renders the result as aligned plain text. */
export function renderTextTable(r: BenchResult): string {
  const rows = [HEADER, ...r.workloads.map(rowCells)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [...headerLines(r), '', line(HEADER), line(HEADER.map((_, c) => '-'.repeat(widths[c] ?? 0))), ...rows.slice(1).map(line)].join('\n');
}

/** Renders the result as a Markdown table, with the header lines as a paragraph before it. */
export function renderMarkdownTable(r: BenchResult): string {
  const esc = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (row: readonly string[]): string => `| ${row.map(esc).join(' | ')} |`;
  const align = `|${HEADER.map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [...headerLines(r).map((l) => `${l}  `), '', line(HEADER), align, ...r.workloads.map((w) => line(rowCells(w)))].join('\n');
}
