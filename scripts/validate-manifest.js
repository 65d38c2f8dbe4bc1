#!/usr/bin/env node
/*
 * Validates the add-in manifests offline against the vendored XSDs (tools/manifest-schemas,
 * xmllint from Debian's libxml2-utils): manifest.xml always, dist/manifest.xml when a build made it.
 * Prints one line per file; exits non-zero if any manifest is invalid or cannot be checked.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const validator = path.join(root, 'tools', 'manifest-schemas', 'validate.sh');

const files = ['manifest.xml'];
if (fs.existsSync(path.join(root, 'dist', 'manifest.xml'))) files.push('dist/manifest.xml');

let failed = 0;
for (const file of files) {
  const result = spawnSync('sh', [validator, path.join(root, file)], { cwd: root, encoding: 'utf8' });
  if (result.error) {
    console.log(`FAIL ${file}: cannot run ${path.relative(root, validator)}: ${result.error.message}`);
    failed++;
  } else if (result.status === 0) {
    console.log(`ok   ${file}: valid against the OfficeApp 1.1 schema`);
  } else {
    const reason = `${result.stderr}\n${result.stdout}`
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/ validates$/.test(line))
      .join(' | ');
    console.log(`FAIL ${file}: ${reason || `validate.sh exited with ${result.status}`}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
