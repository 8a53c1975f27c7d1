#!/usr/bin/env node
'use strict';
// The CLI entry point: runs the compiled CLI (npm ci and npm run build compile it into dist/).
const path = require('node:path');
const fs = require('node:fs');

const main = path.join(__dirname, '..', 'dist', 'harness', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('c1z-parity: not built yet; run `npm run build` (npm ci does it) first\n');
  process.exit(2);
}
require(main)
  .runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  .then((code) => process.exit(code));
