#!/usr/bin/env node
/*
 * Validates the add-in manifests offline against the vendored XSDs (tools/manifest-schemas) with
 * xmllint compiled to WebAssembly (the npm package xmllint-wasm), so no system package is needed:
 * manifest.xml always, dist/manifest.xml when a build made it.
 * Prints one line per file; exits non-zero if any manifest is invalid or cannot be checked.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const root = path.resolve(__dirname, '..');
const schemas = path.join(root, 'tools', 'manifest-schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';

/** The main schema and every schema it may import, as xmllint-wasm inputs. */
function schemaFiles() {
  return fs
    .readdirSync(schemas)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemas, fileName), 'utf8') }));
}

/** Validates one manifest; resolves to the list of schema errors (empty when valid). */
async function schemaErrors(file) {
  const all = schemaFiles();
  const result = await validateXML({
    xml: [{ fileName: path.basename(file), contents: fs.readFileSync(file, 'utf8') }],
    schema: all.filter((s) => s.fileName === MAIN),
    preload: all.filter((s) => s.fileName !== MAIN),
  });
  return result.valid ? [] : result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage).trim());
}

async function main() {
  const files = ['manifest.xml'];
  if (fs.existsSync(path.join(root, 'dist', 'manifest.xml'))) files.push('dist/manifest.xml');
  let failed = 0;
  for (const file of files) {
    try {
      const errors = await schemaErrors(path.join(root, file));
      if (errors.length === 0) console.log(`ok   ${file}: valid against the OfficeApp 1.1 schema`);
      else {
        console.log(`FAIL ${file}: ${errors.join(' | ')}`);
        failed++;
      }
    } catch (e) {
      console.log(`FAIL ${file}: cannot validate: ${e instanceof Error ? e.message : String(e)}`);
      failed++;
    }
  }
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
module.exports = { schemaErrors };
