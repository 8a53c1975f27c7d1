/**
 * The HTML report: one self-contained page (inline style, no scripts, no external assets) with the same sections
 * as the text report; every piece of report data is escaped.
 */
import { divergenceDiff, divergenceTitle } from './divergence-diff';
import { escapeMarkup as esc } from './escape';
import { MAX_TEXT_DIFFS, versionRows } from './render-text';
import type { RunReport } from './run-report';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; border-bottom: 1px solid #ccc; }
pre { background: #f6f6f6; padding: .6em; overflow-x: auto; }
table { border-collapse: collapse; } td, th { padding: .2em .8em; text-align: left; }
.ok { color: #176117; } .bad { color: #a11; }
.add { color: #176117; background: #e6ffe6; display: block; } .del { color: #a11; background: #ffe6e6; display: block; }
.hunk, .file { color: #555; display: block; }
`;

function diffHtml(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const cls = /^(---|\+\+\+) /.test(line) ? 'file' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : '';
      return cls === '' ? esc(line) : `<span class="${cls}">${esc(line)}</span>`;
    })
    .join('\n');
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${title}</h2>\n${body}\n</section>`;
}

function divergences(r: RunReport): string {
  if (r.divergences.length === 0) return '<p class="ok">none</p>';
  return r.divergences
    .map((d, i) => {
      const detail = d.detail === undefined ? '' : `<p>${esc(d.detail)}</p>`;
      const diff = i < MAX_TEXT_DIFFS ? `<pre class="diff">${diffHtml(divergenceDiff(d))}</pre>` : '';
      return `<article class="divergence"><h3 class="bad">[${i + 1}] ${esc(divergenceTitle(d))}</h3>${detail}${diff}</article>`;
    })
    .join('\n');
}

function histories(r: RunReport): string {
  const names = [...r.engines, ...Object.keys(r.histories).filter((k) => !r.engines.includes(k)).sort()];
  const parts = names
    .filter((n) => r.histories[n] !== undefined)
    .map((n) => `<details><summary>${esc(n)}</summary><pre>${esc((r.histories[n] ?? []).join('\n'))}</pre></details>`);
  return parts.length === 0 ? '<p>none</p>' : parts.join('\n');
}

/** Renders the report as one self-contained HTML page. */
export function renderHtml(report: RunReport): string {
  const r = report;
  const s = r.stats;
  const seedRows: [string, string][] = [
    ['run', r.runId],
    ['seed', String(r.seed)],
    ['preset', r.preset],
    ...(r.path === undefined ? [] : [['path', r.path] as [string, string]]),
    ['runs / ops', `${s.runs} / ${s.ops}`],
    ['seconds', s.seconds.toFixed(3)],
    ['ops/s', s.opsPerSecond.toFixed(1)],
    ...(s.largestStore === undefined ? [] : [['largest store', `${s.largestStore} records (run ${s.largestStoreRun ?? '?'})`] as [string, string]]),
    ['history digest', r.historyDigest],
  ];
  const table = (rows: [string, string][]): string =>
    `<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  const status = r.divergences.length === 0 ? '<span class="ok">no divergence</span>' : `<span class="bad">${r.divergences.length} divergence(s)</span>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>c1z-parity report ${esc(r.runId)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>c1z-parity report ${esc(r.runId)}: ${status}</h1>`,
    section('seed', 'SEED', table(seedRows)),
    section('engines', 'ENGINES', table(versionRows(r))),
    section('divergence', 'DIVERGENCE', divergences(r)),
    section('ops', 'OPS', `<pre>${esc(r.ops.map((op, i) => `#${i} ${op}`).join('\n'))}</pre>`),
    section('history', 'HISTORY', histories(r)),
    section('repro', 'REPRO', `<pre><code>${esc(r.repro)}</code></pre>`),
    '</body></html>',
    '',
  ].join('\n');
}
