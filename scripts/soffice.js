/*
 * Finding LibreOffice's `soffice`, which the live-formula tests use to recalculate workbooks
 * (test/formulas). LibreOffice has no npm equivalent (HyperFormula lacks RANK.AVG, RANK.EQ and
 * NUMBERVALUE), so `npm test` provisions it where it can: scripts/provision.js.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Places LibreOffice installs itself outside PATH on macOS and Windows. */
function knownPaths() {
  if (process.platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  if (process.platform === 'win32') {
    return [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], 'C:\\Program Files']
      .filter(Boolean)
      .map((dir) => path.join(dir, 'LibreOffice', 'program', 'soffice.exe'));
  }
  return [];
}

/** The soffice executable (SOFFICE_PATH, PATH, then the known install paths), or undefined. */
function findSoffice() {
  if (process.env.SOFFICE_PATH) return fs.existsSync(process.env.SOFFICE_PATH) ? process.env.SOFFICE_PATH : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env.PATH || '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not in this folder
      }
    }
  }
  return knownPaths().find((file) => fs.existsSync(file));
}

/** The one line that tells a user what to install on their system. */
const INSTALL_HINT =
  'LibreOffice is needed by the live-formula tests and was not found: install LibreOffice Calc ' +
  '(Debian/Ubuntu: apt-get install libreoffice-calc-nogui; macOS: brew install --cask libreoffice; ' +
  'Windows: winget install TheDocumentFoundation.LibreOffice) or set SOFFICE_PATH, then run npm test again.';

module.exports = { findSoffice, INSTALL_HINT };
