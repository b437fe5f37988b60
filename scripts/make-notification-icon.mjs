// Writes public/notification-icon.png: Chrome notifications need an icon from the extension's own files (it refuses
// data: URLs). A 96 px disc in the accent colour with a white ring, drawn pixel by pixel (no image library needed).
// Run: node scripts/make-notification-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 96;
const ACCENT = [0x2b, 0x56, 0xc9];

/** @param {Buffer} bytes */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
const centre = (SIZE - 1) / 2;
for (let y = 0; y < SIZE; y += 1) {
  const row = [0]; // filter: none
  for (let x = 0; x < SIZE; x += 1) {
    const distance = Math.hypot(x - centre, y - centre);
    // The letter C: a white ring open on the right, inside the accent disc.
    const inRing = distance > 20 && distance < 30 && !(x > centre && Math.abs(y - centre) < 12);
    if (distance > SIZE / 2) row.push(0, 0, 0, 0);
    else if (inRing) row.push(255, 255, 255, 255);
    else row.push(...ACCENT, 255);
  }
  rows.push(Buffer.from(row));
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../public/', import.meta.url), { recursive: true });
writeFileSync(new URL('../public/notification-icon.png', import.meta.url), png);
console.log(`public/notification-icon.png: ${png.length} bytes`);
