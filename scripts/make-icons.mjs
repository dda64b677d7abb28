#!/usr/bin/env node
// Draws the toolbar icon (a rounded blue square with a white key-hole) as PNGs, with no image
// library: raw RGBA rows, zlib, and the three PNG chunks. Run once; the PNGs are committed.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
const crc = (buf) => {
  let c = 0xffffffff;
  // The index is a byte: always inside the 256-entry table.
  for (const b of buf) c = /** @type {number} */ (crcTable[(c ^ b) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/**
 * @param {string} type
 * @param {Buffer} data
 */
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

/** @param {number} size */
function icon(size) {
  const rows = [];
  const r = size * 0.22;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5,
        cy = y + 0.5;
      const dx = Math.max(r - cx, 0, cx - (size - r)),
        dy = Math.max(r - cy, 0, cy - (size - r));
      const inside = dx * dx + dy * dy <= r * r;
      const u = cx / size,
        v = cy / size;
      const hole =
        (u - 0.5) ** 2 + (v - 0.4) ** 2 < 0.018 ||
        (Math.abs(u - 0.5) < 0.07 && v > 0.4 && v < 0.72);
      if (!inside) row.push(0, 0, 0, 0);
      else if (hole) row.push(255, 255, 255, 255);
      else row.push(0x1f, 0x5f, 0xbf, 255);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("public/icons", { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, icon(s));
