/**
 * Text renderings of a metrics snapshot: one line per engine (calls, errors, rows, latency percentiles), the methods
 * side by side across engines (where one engine is slow), each engine's methods with their outcomes, and the
 * engines' own figures. Pure functions of the snapshot.
 */
import type { MetricsSnapshot } from './engine-metrics';

/** Formats milliseconds with three significant decimals at most. */
function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

/** Aligns rows into columns: the first column left, the others right. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

/** One line per engine: calls, errors, rows read and written, p50/p95/p99/max and total milliseconds. */
export function renderEngineTable(snapshot: MetricsSnapshot): string[] {
  const rows = [['engine', 'calls', 'errors', 'rows read', 'rows written', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'total ms']];
  for (const [engine, e] of Object.entries(snapshot.engines)) {
    const l = e.latency;
    rows.push([engine, String(e.calls), String(e.errors), String(e.rowsRead), String(e.rowsWritten), ms(l.p50Ms), ms(l.p95Ms), ms(l.p99Ms), ms(l.maxMs), ms(l.totalMs)]);
  }
  return alignColumns(rows);
}

/** The `top` methods by total time (over all engines): calls, then each engine's p95 and total side by side. */
export function renderMethodComparison(snapshot: MetricsSnapshot, top = 12): string[] {
  const engines = Object.keys(snapshot.engines);
  const totals = new Map<string, number>();
  const calls = new Map<string, number>();
  for (const e of Object.values(snapshot.engines)) {
    for (const [method, m] of Object.entries(e.methods)) {
      totals.set(method, (totals.get(method) ?? 0) + m.latency.totalMs);
      calls.set(method, Math.max(calls.get(method) ?? 0, m.calls));
    }
  }
  const methods = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([m]) => m);
  const rows = [['method', 'calls', ...engines.flatMap((e) => [`${e} p95`, `${e} total ms`])]];
  for (const method of methods) {
    rows.push([
      method,
      String(calls.get(method) ?? 0),
      ...engines.flatMap((e) => {
        const m = snapshot.engines[e]?.methods[method];
        return m === undefined ? ['-', '-'] : [ms(m.latency.p95Ms), ms(m.latency.totalMs)];
      }),
    ]);
  }
  return alignColumns(rows);
}

/** Every method of every engine, with its outcomes (`ok=12 NOT_FOUND=3`) and latencies. */
export function renderMethodTable(snapshot: MetricsSnapshot): string[] {
  const rows = [['engine/method', 'calls', 'outcomes', 'rows read', 'rows written', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'total ms']];
  for (const [engine, e] of Object.entries(snapshot.engines)) {
    for (const [method, m] of Object.entries(e.methods)) {
      const outcomes = Object.entries(m.outcomes).map(([o, n]) => `${o}=${n}`).join(' ');
      const l = m.latency;
      rows.push([`${engine}/${method}`, String(m.calls), outcomes, String(m.rowsRead), String(m.rowsWritten), ms(l.p50Ms), ms(l.p95Ms), ms(l.p99Ms), ms(l.maxMs), ms(l.totalMs)]);
    }
  }
  return alignColumns(rows);
}

/** Each engine's own figures as `name{labels} value` (labelled zeros left out), then the engine's text verbatim. */
export function renderFigures(snapshot: MetricsSnapshot): string[] {
  const lines: string[] = [];
  for (const [engine, e] of Object.entries(snapshot.engines)) {
    if (e.figures === undefined) continue;
    lines.push(`${engine} (${e.figures.engine})`);
    // Empty series (levels with no files, keyspaces with no keys) stay in JSON and Prometheus, not in the table.
    const shown = e.figures.figures.filter((f) => f.labels === undefined || f.value !== 0);
    const rows = shown.map((f) => {
      const labels = Object.entries(f.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      return [`  ${f.name}${labels === '' ? '' : `{${labels}}`}`, String(Number.isInteger(f.value) ? f.value : f.value.toFixed(3))];
    });
    lines.push(...alignColumns(rows));
    for (const [name, text] of Object.entries(e.figures.text ?? {})) {
      lines.push(`  ${name}:`, ...text.trimEnd().split('\n').map((l) => `    ${l}`));
    }
  }
  return lines;
}
