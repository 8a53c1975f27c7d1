#!/usr/bin/env node
'use strict';
// `npm run deps`: runs dependency-cruiser with .dependency-cruiser.js over the sources (or the paths given) and prints
// one line per forbidden import, with the reason of the rule it breaks; exits 1 when there is any, 2 when it cannot run.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const SOURCES = ['engines', 'models', 'harness', 'bench', 'test'];
const depcruise = path.join(__dirname, '..', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const targets = process.argv.length > 2 ? process.argv.slice(2) : SOURCES;
const run = spawnSync(
  process.execPath,
  [depcruise, '--config', '.dependency-cruiser.js', '--output-type', 'json', '--no-progress', ...targets],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
let result;
try {
  result = JSON.parse(run.stdout);
} catch {
  process.stderr.write(`deps: dependency-cruiser did not run: ${(run.stderr || `exit ${run.status}`).trim().split('\n')[0]}\n`);
  process.exit(2);
}
const comments = new Map(result.summary.ruleSetUsed.forbidden.map((r) => [r.name, r.comment]));
const violations = result.summary.violations.filter((v) => v.rule.severity === 'error');
for (const v of violations) {
  process.stderr.write(`deps: ${v.from} imports ${v.to}: ${comments.get(v.rule.name) ?? v.rule.name} (rule ${v.rule.name})\n`);
}
const { totalCruised, totalDependenciesCruised } = result.summary;
if (violations.length > 0) {
  process.stderr.write(`deps: ${violations.length} forbidden import(s); the layers are in docs/architecture.md\n`);
  process.exit(1);
}
process.stdout.write(`deps: no forbidden import (${totalCruised} modules, ${totalDependenciesCruised} imports)\n`);
