#!/usr/bin/env node
'use strict';
// The CLI entry point: runs the compiled CLI (npm ci and npm run build compile it into dist/). It also wires in the
// verbs that live in bench/ above the harness (bench/verbs.ts), so that the harness never imports bench/.
const path = require('node:path');
const fs = require('node:fs');

const dist = path.join(__dirname, '..', 'dist');
const main = path.join(dist, 'harness', 'cli', 'main.js');
const benchVerbs = path.join(dist, 'bench', 'verbs.js');
if (!fs.existsSync(main) || !fs.existsSync(benchVerbs)) {
  process.stderr.write('c1z-parity: not built yet; run `npm run build` (npm ci does it) first\n');
  process.exit(2);
}
require(main)
  .runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, require(benchVerbs).BENCH_VERBS)
  .then((code) => process.exit(code));
