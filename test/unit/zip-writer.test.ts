/** The copy's zip writer: stored entries copied as they are, new ones deflated, a zip every reader opens. */
import * as zlib from "zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_LIMITS } from "../../src/gateways/xlsx/reader/limits";
import { ZipArchive } from "../../src/gateways/xlsx/reader/zip";
import { crc32, writeZip } from "../../src/gateways/xlsx/patch/zip-writer";

describe("crc32", () => {
  // The check value of CRC-32/ISO-HDLC (the zip's CRC) over the nine ASCII digits.
  it("gives CBF43926 for 123456789, and 0 for nothing", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe("writeZip with the CRC-32 it is given (write.ts passes zlib's)", () => {
  it("records zlib.crc32's CBF43926 for 123456789, as the JavaScript one does", () => {
    const data = strToU8("123456789");
    for (const checksum of [zlib.crc32, crc32]) {
      const back = new ZipArchive(writeZip([{ name: "d.txt", data }], undefined, checksum), DEFAULT_LIMITS);
      expect(back.entries[0].crc).toBe(0xcbf43926);
    }
  });
});

describe("writeZip", () => {
  const original = zipSync({
    "a.xml": [strToU8("<a>" + "x".repeat(5000) + "</a>"), { level: 9 }],
    "图/b.bin": [new Uint8Array([1, 2, 3, 4]), { level: 0 }],
  });
  const zip = new ZipArchive(original, DEFAULT_LIMITS);
  const [a, b] = zip.entries;
  const out = writeZip([
    { name: a.name, stored: { data: zip.compressedData(a), method: a.method, crc: a.crc, size: a.size, utf8: false } },
    { name: b.name, stored: { data: zip.compressedData(b), method: b.method, crc: b.crc, size: b.size, utf8: true } },
    { name: "c.xml", data: strToU8("<c>新</c>") },
  ]);
  const back = new ZipArchive(out, DEFAULT_LIMITS);

  it("copies a stored entry's compressed bytes as they are", () => {
    expect(Buffer.from(back.compressedData(back.entries[0]))).toEqual(Buffer.from(zip.compressedData(a)));
    expect(back.entries[1].method).toBe(0);
    expect(back.entries.map((e) => e.name)).toEqual(["a.xml", "图/b.bin", "c.xml"]);
  });

  it("writes a zip fflate opens with every CRC right (fflate checks none; the CRCs are compared here)", () => {
    const files = unzipSync(out);
    expect(strFromU8(files["a.xml"])).toBe("<a>" + "x".repeat(5000) + "</a>");
    expect([...files["图/b.bin"]]).toEqual([1, 2, 3, 4]);
    expect(strFromU8(files["c.xml"])).toBe("<c>新</c>");
    for (const e of back.entries) {
      const data = files[e.name];
      expect({ name: e.name, crc: e.crc, size: e.size }).toEqual({ name: e.name, crc: crc32(data), size: data.length });
    }
  });

  it("marks a non-ASCII name as UTF-8 (bit 11), and an ASCII one not", () => {
    expect(back.entries.map((e) => (e.flags & 0x800) !== 0)).toEqual([false, true, false]);
  });
});
