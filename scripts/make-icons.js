#!/usr/bin/env node
'use strict';
// Regenerates the add-in's PNG icons in assets/ with Node built-ins only:
//   node scripts/make-icons.js
// The glyph is a small table: a blue header row, white body cells and one
// highlighted (green) cell, the figure the add-in draws attention to.
// Edges are snapped to whole pixels so the 16 px icon stays crisp; only the
// rounded corners are anti-aliased (by supersampling).

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ASSETS = path.join(__dirname, '..', 'assets');

const COLORS = {
  border: [0x1f, 0x4e, 0x79], // dark blue frame
  header: [0x2f, 0x75, 0xb5], // blue header row
  body: [0xff, 0xff, 0xff],
  line: [0xa9, 0xc4, 0xe0], // light blue grid lines
  highlight: [0x2e, 0xa0, 0x5f], // green highlighted cell
  tile: [0x1f, 0x6f, 0xb2], // background of the filled logo
};

// ---- PNG encoding --------------------------------------------------------

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
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
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

/** rgba: Uint8Array of width*height*4 bytes, straight (not premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing --------------------------------------------------------------

class Canvas {
  constructor(size) {
    this.size = size;
    this.px = new Uint8Array(size * size * 4);
  }

  /** Paints colour over pixel (x, y) with the given coverage (0..1). */
  blend(x, y, color, coverage) {
    if (coverage <= 0 || x < 0 || y < 0 || x >= this.size || y >= this.size) return;
    const i = (y * this.size + x) * 4;
    const a = Math.min(1, coverage);
    const dstA = this.px[i + 3] / 255;
    const outA = a + dstA * (1 - a);
    for (let c = 0; c < 3; c++) {
      const mixed = (color[c] * a + this.px[i + c] * dstA * (1 - a)) / outA;
      this.px[i + c] = Math.round(mixed);
    }
    this.px[i + 3] = Math.round(outA * 255);
  }

  /** Fills the whole-pixel rectangle [x0, x1) x [y0, y1). */
  rect(x0, y0, x1, y1, color) {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) this.blend(x, y, color, 1);
  }

  /** Fills a rounded rectangle [x0, x1) x [y0, y1), corners anti-aliased. */
  roundRect(x0, y0, x1, y1, radius, color) {
    const SS = 4; // 4x4 supersampling
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const px = x + (sx + 0.5) / SS;
            const py = y + (sy + 0.5) / SS;
            const cx = Math.min(Math.max(px, x0 + radius), x1 - radius);
            const cy = Math.min(Math.max(py, y0 + radius), y1 - radius);
            if ((px - cx) ** 2 + (py - cy) ** 2 <= radius * radius) hits++;
          }
        }
        this.blend(x, y, color, hits / (SS * SS));
      }
    }
  }
}

/** Splits [start, end) into n cells separated by lines of width lw. */
function splitSpan(start, end, n, lw) {
  const cells = [];
  const span = end - start;
  for (let k = 0; k < n; k++) {
    const a = k === 0 ? start : Math.round(start + (k * span) / n + lw / 2);
    const b = k === n - 1 ? end : Math.round(start + ((k + 1) * span) / n - lw / 2);
    cells.push([a, b]);
  }
  return cells;
}

/** Draws the table glyph into the square [x0, x0 + box) of the canvas. */
function drawTable(canvas, x0, box) {
  const lw = Math.max(1, Math.round(box / 20)); // frame and grid line width
  const radius = Math.max(1, box * 0.1);
  const innerRadius = Math.max(0.5, radius - lw);
  const rows = box <= 16 ? 3 : 4; // one header row + data rows
  const cols = 3;
  const x1 = x0 + box;
  const inner0 = x0 + lw;
  const inner1 = x1 - lw;
  const rowSpans = splitSpan(inner0, inner1, rows, lw);
  const colSpans = splitSpan(inner0, inner1, cols, lw);

  canvas.roundRect(x0, x0, x1, x1, radius, COLORS.border);
  canvas.roundRect(inner0, inner0, inner1, inner1, innerRadius, COLORS.body);
  // Header band with the frame's rounded top corners; its rounded bottom
  // overshoots into the first data row, which is repainted just below.
  canvas.roundRect(inner0, inner0, inner1, rowSpans[0][1] + Math.ceil(radius), innerRadius, COLORS.header);
  canvas.rect(inner0, rowSpans[1][0], inner1, rowSpans[1][1], COLORS.body);
  for (let r = 0; r + 1 < rows; r++) {
    canvas.rect(inner0, rowSpans[r][1], inner1, rowSpans[r + 1][0], r === 0 ? COLORS.border : COLORS.line);
  }
  for (let c = 0; c + 1 < cols; c++) {
    canvas.rect(colSpans[c][1], rowSpans[1][0], colSpans[c + 1][0], inner1, COLORS.line);
  }
  // The highlighted figure: second-to-last row, right-hand column.
  const [ya, yb] = rowSpans[rows - 2];
  const [xa, xb] = colSpans[cols - 1];
  canvas.rect(xa, ya, xb, yb, COLORS.highlight);
}

function icon(size) {
  const canvas = new Canvas(size);
  const margin = Math.max(1, Math.round(size / 16));
  drawTable(canvas, margin, size - 2 * margin);
  return encodePng(size, size, canvas.px);
}

function filledLogo(size) {
  const canvas = new Canvas(size);
  canvas.roundRect(0, 0, size, size, size * 0.18, COLORS.tile);
  const box = Math.round(size * 0.6);
  const x0 = Math.round((size - box) / 2);
  drawTable(canvas, x0, box);
  return encodePng(size, size, canvas.px);
}

function main() {
  fs.mkdirSync(ASSETS, { recursive: true });
  const outputs = {
    'icon-16.png': icon(16),
    'icon-32.png': icon(32),
    'icon-64.png': icon(64),
    'icon-80.png': icon(80),
    'logo-filled.png': filledLogo(300),
  };
  for (const [name, png] of Object.entries(outputs)) {
    fs.writeFileSync(path.join(ASSETS, name), png);
    console.log(`assets/${name}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32 };
