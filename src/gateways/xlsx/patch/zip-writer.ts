/**
 * Writes the copy's zip (APPNOTE 6.3.10, §4.3): an entry the copy does not change is copied as stored, its
 * compressed bytes untouched, so a 90 MB data sheet beside the table is neither inflated nor deflated again; a
 * changed or new entry is deflated with fflate. Written here because fflate (like the other zip libraries) can add
 * only uncompressed data or data it compresses itself: none copies an entry's stored bytes as they are.
 * No zip64: a copy past 4 GiB or 65,535 entries is refused (CannotPatch), long past the reader's own bounds.
 */
import { deflateSync, strToU8 } from "fflate";
import { CannotPatch } from "./xml";

export type ZipItem =
  | { name: string; stored: { data: Uint8Array; method: number; crc: number; size: number; utf8: boolean } }
  | { name: string; data: Uint8Array };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of a part: this one by default; the Node gateway passes zlib's, nine times faster. */
export type Crc32 = (data: Uint8Array) => number;

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date and time of 1980-01-01 00:00, the zip's epoch: the copy's entries carry no time of their own. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Raw deflate of a whole part: fflate's by default; the Node gateway passes zlib's, several times faster. */
export type Deflate = (data: Uint8Array) => Uint8Array;

export function writeZip(
  items: readonly ZipItem[],
  deflate: Deflate = (d) => deflateSync(d, { level: 6 }),
  checksum: Crc32 = crc32,
): Uint8Array {
  if (items.length > 0xffff) throw new CannotPatch("too many entries for a zip without zip64");
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    const name = strToU8(item.name);
    let data: Uint8Array;
    let method: number;
    let crc: number;
    let size: number;
    let utf8: boolean;
    if ("stored" in item) {
      ({ data, method, crc, size, utf8 } = item.stored);
    } else {
      crc = checksum(item.data) >>> 0;
      size = item.data.length;
      data = deflate(item.data);
      method = 8;
      utf8 = /[^\x20-\x7e]/.test(item.name);
    }
    if (offset + 30 + name.length + data.length > 0xffffffff || size > 0xffffffff)
      throw new CannotPatch("a copy too large for a zip without zip64");
    const flags = utf8 ? 0x800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);

    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    entry.set(name, 46);

    parts.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  if (offset + cdSize > 0xffffffff) throw new CannotPatch("a copy too large for a zip without zip64");
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
