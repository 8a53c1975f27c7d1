#!/usr/bin/env node
'use strict';
// The CLI entry point: runs the compiled CLI (npm ci and npm run build compile it into dist/). It also wires in the
// bench verb, which lives in bench/ above the harness, so that the harness never imports bench/.
const path = require('node:path');
const fs = require('node:fs');

const dist = path.join(__dirname, '..', 'dist');
const main = path.join(dist, 'harness', 'cli', 'main.js');
const bench = path.join(dist, 'bench', 'bench-command.js');
if (!fs.existsSync(main) || !fs.existsSync(bench)) {
  process.stderr.write('c1z-parity: not built yet; run `npm run build` (npm ci does it) first\n');
  process.exit(2);
}
require(main)
  .runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, [require(bench).registerBench])
  .then((code) => process.exit(code));
