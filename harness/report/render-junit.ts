/**
 * JUnit XML for CI: one test suite per run; a run without divergence is one passing test case, a run with
 * divergences has one failing test case per divergence, whose text is the divergence and its diff. No timestamps,
 * so equal reports render equal XML.
 */
import { divergenceDiff, divergenceTitle } from './divergence-diff';
import { escapeAttribute as attr, escapeMarkup as esc } from './escape';
import type { RunReport } from './run-report';

function properties(r: RunReport): string {
  const props: [string, string][] = [
    ['seed', String(r.seed)],
    ['preset', r.preset],
    ...(r.path === undefined ? [] : [['path', r.path] as [string, string]]),
    ['engines', r.engines.join(',')],
    ...Object.keys(r.versions)
      .sort()
      .map((k): [string, string] => [`version.${k}`, r.versions[k] ?? '']),
    ['historyDigest', r.historyDigest],
    ['repro', r.repro],
  ];
  return `    <properties>\n${props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`).join('\n')}\n    </properties>`;
}

function suite(r: RunReport): string {
  const classname = attr(`c1z-parity.${r.preset}`);
  const time = r.stats.seconds.toFixed(3);
  const failures = r.divergences.length;
  const cases =
    failures === 0
      ? [`    <testcase classname="${classname}" name="${attr(`run ${r.runId} seed ${r.seed}`)}" time="${time}"/>`]
      : r.divergences.map((d) => {
          const text = [divergenceTitle(d), ...(d.detail === undefined ? [] : [d.detail]), divergenceDiff(d), '', `repro: ${r.repro}`].join('\n');
          return (
            `    <testcase classname="${classname}" name="${attr(`#${d.opIndex} ${d.code} ${d.op}`)}" time="0">\n` +
            `      <failure type="${attr(d.code)}" message="${attr(divergenceTitle(d))}">${esc(text)}</failure>\n` +
            '    </testcase>'
          );
        });
  const tests = Math.max(failures, 1);
  return [
    `  <testsuite name="${attr(`c1z-parity ${r.runId}`)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${time}">`,
    properties(r),
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/** Renders one or several run reports as a JUnit XML document. */
export function renderJunit(reports: RunReport | readonly RunReport[]): string {
  const list: readonly RunReport[] = Array.isArray(reports) ? reports : [reports as RunReport];
  const tests = list.reduce((n, r) => n + Math.max(r.divergences.length, 1), 0);
  const failures = list.reduce((n, r) => n + r.divergences.length, 0);
  const time = list.reduce((t, r) => t + r.stats.seconds, 0).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="c1z-parity" tests="${tests}" failures="${failures}" errors="0" time="${time}">`,
    ...list.map(suite),
    '</testsuites>',
    '',
  ].join('\n');
}
