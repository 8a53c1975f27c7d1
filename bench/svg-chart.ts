/**
 * Writes the chart of the ratios as a standalone SVG (no browser or library needed): one horizontal bar per workload
 * on a log2 axis centred on 1×, bars to the left where LevelDB is faster and to the right where SQLite is.
 */

/** One bar of the chart. */
export interface ChartBar {
  readonly label: string;
  /** LevelDB time / SQLite time. */
  readonly ratio: number;
}

/** The chart's title lines. */
export interface ChartText {
  readonly title: string;
  readonly subtitle: string;
}

const WIDTH = 800;
const LABEL_X = 270;
const PLOT_LEFT = 290;
const PLOT_RIGHT = 740;
const TOP = 70;
const ROW = 24;
const FASTER_LEVELDB = '#2a9d8f';
const FASTER_SQLITE = '#e76f51';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The half-width of the log2 axis: at least 2 (¼× to 4×), at most 6, enough for every finite ratio. */
function axisSpan(bars: readonly ChartBar[]): number {
  const extreme = Math.max(0, ...bars.map((b) => Math.abs(Math.log2(b.ratio))).filter(Number.isFinite));
  return Math.min(6, Math.max(2, Math.ceil(extreme)));
}

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Renders the bars as an SVG document. */
export function renderRatioChart(bars: readonly ChartBar[], text: ChartText): string {
  const span = axisSpan(bars);
  const x = (r: number): number => {
    const l = Math.max(-span, Math.min(span, Math.log2(r)));
    return PLOT_LEFT + ((l + span) / (2 * span)) * (PLOT_RIGHT - PLOT_LEFT);
  };
  const height = TOP + bars.length * ROW + 50;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(text.title)}</text>`,
    `<text x="${WIDTH / 2}" y="42" text-anchor="middle" fill="#555555">${escapeXml(text.subtitle)}</text>`,
  ];
  const axisY = TOP + bars.length * ROW;
  for (let k = -span; k <= span; k++) {
    const tx = fmt(x(2 ** k));
    const label = k >= 0 ? `${2 ** k}×` : `1/${2 ** -k}×`;
    out.push(`<line x1="${tx}" y1="${TOP - 8}" x2="${tx}" y2="${axisY}" stroke="${k === 0 ? '#333333' : '#dddddd'}"/>`);
    out.push(`<text x="${tx}" y="${axisY + 16}" text-anchor="middle" fill="#333333">${escapeXml(label)}</text>`);
  }
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const x0 = x(1);
    const x1 = Number.isFinite(b.ratio) && b.ratio > 0 ? x(b.ratio) : x0;
    const left = Math.min(x0, x1);
    const colour = b.ratio < 1 ? FASTER_LEVELDB : FASTER_SQLITE;
    out.push(`<text x="${LABEL_X}" y="${fmt(y + 15)}" text-anchor="end">${escapeXml(b.label)}</text>`);
    out.push(`<rect x="${fmt(left)}" y="${fmt(y + 3)}" width="${fmt(Math.max(1, Math.abs(x1 - x0)))}" height="${ROW - 6}" fill="${colour}"/>`);
    const anchor = b.ratio < 1 ? 'end' : 'start';
    const lx = b.ratio < 1 ? left - 4 : left + Math.abs(x1 - x0) + 4;
    out.push(`<text x="${fmt(lx)}" y="${fmt(y + 15)}" text-anchor="${anchor}" fill="#333333">${escapeXml(`${b.ratio.toFixed(2)}×`)}</text>`);
  });
  out.push(
    `<text x="${fmt(x(1) - 8)}" y="${axisY + 36}" text-anchor="end" fill="${FASTER_LEVELDB}">← LevelDB faster</text>`,
    `<text x="${fmt(x(1) + 8)}" y="${axisY + 36}" text-anchor="start" fill="${FASTER_SQLITE}">SQLite faster →</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
