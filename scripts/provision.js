#!/usr/bin/env node
/*
 * The first step of `npm test`: makes sure the one test tool that npm cannot provide is here.
 * Everything else the tests need comes from npm (xmllint-wasm for the manifest schemas, the Chromium
 * inside @sparticuz/chromium when Debian's is absent, Noto Sans SC from @fontsource). LibreOffice Calc
 * has no npm equivalent, so on Debian or Ubuntu, as root, it is installed with apt-get (saying so
 * first); anywhere else a missing LibreOffice stops the run with one line naming what to install.
 */
'use strict';
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { findSoffice, INSTALL_HINT } = require('./soffice');

function debianLike() {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

function aptInstall() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env };
  console.log('npm test: LibreOffice Calc is missing; installing libreoffice-calc-nogui with apt-get (it recalculates the live-formula test workbooks; a few minutes, once)…');
  const update = spawnSync('apt-get', ['update', '-qq'], quiet);
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'libreoffice-calc-nogui'], quiet);
  return install.status === 0;
}

function main() {
  if (findSoffice()) return 0;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && root && debianLike() && spawnSync('apt-get', ['--version']).status === 0) {
    if (aptInstall() && findSoffice()) {
      console.log('npm test: LibreOffice Calc installed.');
      return 0;
    }
    console.error('npm test: apt-get could not install libreoffice-calc-nogui (see above); install it and run npm test again.');
    return 1;
  }
  console.error(`npm test: ${INSTALL_HINT}`);
  return 1;
}

process.exit(main());
