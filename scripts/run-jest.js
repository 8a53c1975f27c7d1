#!/usr/bin/env node
'use strict';
// Runs jest for `npm run check`; when JEST_JSON_OUT is set (CI), jest also writes its JSON summary there.
const { spawnSync } = require('node:child_process');

const args = ['--ci'];
if (process.env.JEST_JSON_OUT) args.push('--json', `--outputFile=${process.env.JEST_JSON_OUT}`);
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, ...args, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
