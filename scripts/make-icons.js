#!/usr/bin/env node
/*
 * One-off generator for the add-in icons (assets/icon-16/32/64/80.png, logo-filled.png 300 px).
 * Draws a rounded square with a blue-to-green gradient and three rising white bars (a bar chart),
 * anti-aliased by supersampling, and writes RGBA PNGs with nothing but Node's zlib.
 * The PNGs are committed; run `node scripts/make-icons.js` only to change the artwork.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const OUT_DIR = path.join(__dirname, '..', 'assets');
const SIZES = { 'icon-16.png': 16, 'icon-32.png': 32, 'icon-64.png': 64, 'icon-80.png': 80, 'logo-filled.png': 300 };

const TOP = [0x1e, 0x6f, 0xd9]; // blue
const BOTTOM = [0x10, 0x9e, 0x6e]; // green
const WHITE = [0xff, 0xff, 0xff];

// ---- PNG encoding -------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of size*size*4, straight (not premultiplied) alpha. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing ------------------------------------------------------------------------------

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Shape geometry in pixels; bar edges are snapped to whole pixels so small icons stay crisp. */
function geometry(size) {
  const margin = size <= 16 ? 0 : size * 0.04;
  const frame = { x0: margin, y0: margin, x1: size - margin, y1: size - margin, r: size * 0.2 };
  const snap = (v) => Math.round(v);
  const baseline = snap(size * 0.8);
  const barW = Math.max(2, snap(size * 0.17));
  const gap = Math.max(1, snap(size * 0.08));
  const left = snap((size - (3 * barW + 2 * gap)) / 2);
  const heights = [0.3, 0.45, 0.6];
  const bars = heights.map((h, i) => ({
    x0: left + i * (barW + gap),
    x1: left + i * (barW + gap) + barW,
    y0: baseline - Math.max(2, snap(size * h)),
    y1: baseline,
    r: size >= 64 ? barW * 0.25 : 0,
  }));
  return { frame, bars };
}

function draw(size) {
  const { frame, bars } = geometry(size);
  const ss = size <= 32 ? 8 : 4; // supersamples per axis
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = px + (sx + 0.5) / ss;
          const y = py + (sy + 0.5) / ss;
          if (!insideRoundedRect(x, y, frame.x0, frame.y0, frame.x1, frame.y1, frame.r)) continue;
          const onBar = bars.some((bar) => insideRoundedRect(x, y, bar.x0, bar.y0, bar.x1, bar.y1 + bar.r, bar.r) && y <= bar.y1);
          const t = (y - frame.y0) / (frame.y1 - frame.y0);
          const c = onBar ? WHITE : TOP.map((v, i) => v + (BOTTOM[i] - v) * t);
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return rgba;
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const [name, size] of Object.entries(SIZES)) {
  const png = encodePng(size, draw(size));
  fs.writeFileSync(path.join(OUT_DIR, name), png);
  console.log(`assets/${name}: ${size}x${size}, ${png.length} bytes`);
}
