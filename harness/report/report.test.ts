import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Divergence } from '../../engines/compare';
import { divergenceDiff } from './divergence-diff';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderText, TEXT_SECTIONS } from './render-text';
import type { RunReport } from './run-report';
import { writeReport } from './write-report';

const REPRO = 'npx c1z-parity repro corpus/2024-seed-42 --engines memory,sqlite';

const record = (name: string) => ({
  id: 'g1',
  t: 1700000000000000,
  data: { id: 'g1', displayName: name, entitlement: { id: 'e1' }, principal: { id: { resource: 'u1', resourceType: 'user' } } },
});

const changed: Divergence = {
  code: 'result-mismatch',
  opIndex: 3,
  op: 'listGrants <&"weird\u0001">',
  engines: ['memory', 'sqlite'],
  expected: [record('old')],
  actual: [record('new')],
  detail: 'missing 0; extra 0; changed 1 ["g1"]',
};

function report(divergences: Divergence[] = [changed]): RunReport {
  return {
    runId: 'run-7',
    seed: 42,
    preset: 'default',
    path: '0:1:2',
    engines: ['memory', 'sqlite'],
    versions: { memory: '0.1.0', sqlite: 'better-sqlite3 12.11.1', node: 'v20.19.0' },
    ops: ['startNewSync', 'putGrants [g1 ent=e1 principal=user/u1]', 'endSync', 'listGrants <&"weird\u0001">'],
    histories: {
      memory: ['#0 startNewSync => "s0001"', '#3 listGrants => {"items":[]}'],
      sqlite: ['#0 startNewSync => "s0001"', '#3 listGrants => {"items":[1]}'],
    },
    divergences,
    stats: { runs: 1, ops: 4, seconds: 0.5, opsPerSecond: 8 },
    repro: REPRO,
    historyDigest: 'sha256:abc',
  };
}

describe('renderText', () => {
  it('has the fixed sections in order and ends with exactly the repro command', () => {
    const text = renderText(report());
    const headings = text.split('\n').filter((l) => (TEXT_SECTIONS as readonly string[]).includes(l));
    expect(headings).toEqual([...TEXT_SECTIONS]);
    const lines = text.replace(/\n$/, '').split('\n');
    expect(lines[lines.length - 1]).toBe(REPRO);
    expect(text).toContain('seed: 42');
    expect(text).toContain('path: 0:1:2');
    expect(text).toMatch(/sqlite\s+better-sqlite3 12\.11\.1/);
    expect(text).toContain('  #1 putGrants [g1 ent=e1 principal=user/u1]');
    expect(text).toContain('  memory:\n    #0 startNewSync => "s0001"');
  });

  it('shows a diff whose changed lines are the changed field only', () => {
    const diff = divergenceDiff(changed);
    const changes = diff.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
    expect(changes).toEqual(['-      "displayName": "old",', '+      "displayName": "new",']);
    expect(diff.split('\n').slice(0, 2)).toEqual(['--- memory (expected)', '+++ sqlite (actual)']);
    expect(renderText(report())).toContain('    -      "displayName": "old",');
  });

  it('gives up quickly on sides that differ everywhere instead of diffing them', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `s${i}`);
    const reversed: Divergence = { ...changed, expected: ids, actual: [...ids].reverse() };
    const started = process.hrtime.bigint();
    const diff = divergenceDiff(reversed);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
    expect(diff).toContain('the sides differ too much for a diff');
    expect(diff).toContain('(2602 more lines)');
  });

  it('says none when nothing diverged', () => {
    const text = renderText(report([]));
    expect(text).toContain('DIVERGENCE\n  none\n');
  });

  it('is deterministic', () => {
    expect(renderText(report())).toBe(renderText(report()));
    expect(renderHtml(report())).toBe(renderHtml(report()));
    expect(renderJunit(report())).toBe(renderJunit(report()));
  });
});

describe('renderJson', () => {
  it('round-trips the report data', () => {
    const parsed = JSON.parse(renderJson(report())) as RunReport;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report())));
  });
});

describe('renderHtml', () => {
  it('is self-contained and escapes report data', () => {
    const html = renderHtml(report());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:|url\(/i);
    expect(html).toContain('listGrants &lt;&amp;&quot;weird\\u0001&quot;&gt;');
    expect(html).not.toContain('<&"');
    expect(html).not.toContain('\u0001');
    for (const id of ['seed', 'engines', 'divergence', 'ops', 'history', 'repro']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('<span class="del">-      &quot;displayName&quot;: &quot;old&quot;,</span>');
  });
});

describe('renderJunit', () => {
  it('has one failing test case per divergence, with escaped attributes and text', () => {
    const second: Divergence = { ...changed, code: 'error-mismatch', opIndex: 5, expected: { error: 'NOT_FOUND' }, actual: null };
    const xml = renderJunit(report([changed, second]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(xml).toContain('tests="2" failures="2"');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('name="#3 result-mismatch listGrants &lt;&amp;&quot;weird\\u0001&quot;&gt;"');
    expect(xml).not.toContain('<&"');
    expect(xml).not.toContain('\u0001');
    // Every '&' starts an entity: the document has no stray ampersand.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|#39|#10|#13|#9);)/);
    expect(xml).toContain(`<property name="repro" value="${REPRO}"/>`);
  });

  it('has one passing test case per run without divergence, over several runs', () => {
    const xml = renderJunit([report([]), { ...report([]), runId: 'run-8' }]);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase [^>]*\/>/g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="c1z-parity" tests="2" failures="0"');
    expect(xml).not.toContain('<failure');
  });
});

describe('writeReport', () => {
  it('creates the directory and writes the four files', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-report-'));
    try {
      const dir = path.join(root, 'nested', 'run-7');
      const files = await writeReport(dir, report());
      expect((await fs.readdir(dir)).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.txt']);
      expect(await fs.readFile(files.text, 'utf8')).toBe(renderText(report()));
      expect(await fs.readFile(files.junit, 'utf8')).toBe(renderJunit(report()));
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
