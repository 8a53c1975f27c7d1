'use strict';
// Runs a TypeScript file of this project in a child process (`node run-ts.js <file.ts> args...`), compiling each
// module with swc as it is required, the way jest does: the crash tests kill real processes running current sources.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const options = { filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } };
  module._compile(swc.transformSync(source, options).code, filename);
};
require(path.resolve(process.argv[2]));
