#!/usr/bin/env node
// `npm start`: the Office add-in convention where desktop Excel exists (Windows, macOS):
// dev certificates, the dev server on https://localhost:3000 and sideloading manifest.xml into Excel
// (office-addin-debugging, which runs `npm run dev-server` itself). Where no desktop Excel exists
// (Linux, CI) it says so and serves the local preview instead: the real task pane beside a grid view
// of an in-memory workbook, on http://localhost:3000/preview.html.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  run(bin('office-addin-debugging'), ['start', 'manifest.xml', 'desktop']);
} else {
  console.log(
    [
      `No desktop Excel on ${process.platform}: serving the local preview instead.`,
      'Open http://localhost:3000/preview.html — the real task pane beside an in-memory workbook',
      'loaded with a sample customer table. (To sideload into Excel, run npm start on Windows or macOS,',
      'or upload manifest.xml to Excel on the web with the dev server running.)',
    ].join('\n'),
  );
  run(bin('webpack'), ['serve', '--mode', 'development', '--env', 'preview']);
}
