#!/usr/bin/env node
'use strict';
// The `rfm-score` command (package bin). The TypeScript sources are compiled to lib/ by
// `npm install` (the "prepare" script) or `npm run build:cli`. The run works in a worker thread so
// that Ctrl+C and kill end it at once (src/cli/signals.ts).
const path = require('node:path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'lib', 'src', 'cli', 'signals.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('rfm-score: Not built yet: run `npm install` or `npm run build:cli` in the project folder\n');
    process.exit(1);
  }
  throw err;
}
cli.supervise(process.argv.slice(2));
