/**
 * A zip entry read by a reader that may stop early (a sheet sampled for its first rows), with Node's native
 * inflater: ever longer prefixes of the compressed stream (64 KiB, then four times as many each time), each handing
 * out only the bytes the last did not, and fflate in pieces from where they stopped once a prefix inflates past its
 * output bound. The entry's bytes must come out whole and once, whichever way they are read.
 */
import { zipSync } from "fflate";
import { nativeInflate } from "../../src/gateways/xlsx/read";
import { DEFAULT_LIMITS, WorkbookFormatError, type ReadLimits } from "../../src/gateways/xlsx/reader";
import { StopReading, ZipArchive, type InflateWhole } from "../../src/gateways/xlsx/reader/zip";

/** Hex digits from a fixed linear congruential generator: compresses about twofold, so 3 MB deflate to ~1.6 MB. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = "0123456789abcdef".charCodeAt(x >>> 28);
  }
  return out;
}

const SOURCE = noise(3 * 1024 * 1024);
const NAME = "xl/worksheets/sheet1.xml";
const ZIP = zipSync({ [NAME]: [SOURCE, { level: 6 }] });

interface Call {
  compressed: number;
  prefix: boolean;
  /** The output bound the call was given. */
  maxBytes?: number;
}

/**
 * nativeInflate, recording each call, and failing as past its bound when a prefix's output exceeds `cap`. With
 * `holdBack`, a prefix's output is that many bytes short (still the start of the entry, as the contract allows), so
 * that where the prefixes stop falls inside one of fflate's pieces rather than on a boundary between two.
 */
function recording(calls: Call[], cap = Infinity, holdBack = 0, bounds?: number[]): InflateWhole {
  return (data, maxBytes, expected, prefix) => {
    calls.push({ compressed: data.length, prefix: prefix === true });
    bounds?.push(maxBytes);
    const out = nativeInflate(data, maxBytes, expected, prefix);
    if (out.length > cap) throw new RangeError("Cannot create a Buffer larger than the cap");
    return prefix ? out.subarray(0, Math.max(0, out.length - holdBack)) : out;
  };
}

function readInPieces(inflate: InflateWhole, stopAfter = Infinity, limits: Partial<ReadLimits> = {}) {
  const zip = new ZipArchive(ZIP, { ...DEFAULT_LIMITS, ...limits }, inflate);
  const entry = zip.entry(NAME)!;
  const pieces: Uint8Array[] = [];
  let got = 0;
  try {
    zip.read(
      entry,
      (chunk) => {
        pieces.push(chunk.slice());
        got += chunk.length;
        if (got >= stopAfter) throw new StopReading();
      },
      { inPieces: true },
    );
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  const bytes = new Uint8Array(got);
  let at = 0;
  for (const p of pieces) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, compressedSize: entry.compressedSize };
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

describe("an entry read in pieces through native prefixes", () => {
  it("the fixture's entry is long enough to need several prefixes", () => {
    const { compressedSize } = readInPieces(nativeInflate, 1);
    expect(compressedSize).toBeGreaterThan(1024 * 1024);
    expect(compressedSize).toBeLessThan(4 * 1024 * 1024);
  });

  it("a reader that stops within the first prefix's bytes costs one native call of 64 KiB", () => {
    const calls: Call[] = [];
    const { bytes } = readInPieces(recording(calls), 50_000);
    expect(calls).toEqual([{ compressed: 64 * 1024, prefix: true }]);
    expect(bytes.length).toBeGreaterThanOrEqual(50_000);
    expect(equalBytes(bytes, SOURCE.subarray(0, bytes.length))).toBe(true);
  });

  it("a reader that reads to the end gets every byte once: prefixes of 64 KiB, 256 KiB and 1 MiB, then the whole", () => {
    const calls: Call[] = [];
    const { bytes, compressedSize } = readInPieces(recording(calls));
    expect(calls).toEqual([
      { compressed: 64 * 1024, prefix: true },
      { compressed: 256 * 1024, prefix: true },
      { compressed: 1024 * 1024, prefix: true },
      { compressed: compressedSize, prefix: false },
    ]);
    expect(equalBytes(bytes, SOURCE)).toBe(true);
  });

  it("past a prefix's output bound, fflate goes on from where the prefixes stopped: nothing repeated, nothing missed", () => {
    // 64 KiB of compressed noise inflate to ~120 KB and 256 KiB to ~480 KB: the second call is past a 300 KB cap.
    for (const holdBack of [0, 777]) {
      const calls: Call[] = [];
      const { bytes } = readInPieces(recording(calls, 300_000, holdBack));
      expect(calls.map((c) => c.compressed)).toEqual([64 * 1024, 256 * 1024]);
      expect({ holdBack, whole: equalBytes(bytes, SOURCE) }).toEqual({ holdBack, whole: true });
    }
  });

  it("refuses an entry past entryBytes on this path too, by the bound's name, no prefix let inflate past it", () => {
    let error: unknown;
    const bounds: number[] = [];
    try {
      readInPieces(recording([], Infinity, 0, bounds), Infinity, { entryBytes: 1024 * 1024 });
    } catch (e) {
      error = e;
    }
    expect(bounds.length).toBeGreaterThan(0);
    expect(Math.max(...bounds)).toBe(1024 * 1024);
    expect(error).toBeInstanceOf(WorkbookFormatError);
    expect([(error as WorkbookFormatError).reason, (error as WorkbookFormatError).kind]).toEqual([
      "limit",
      "entryBytes",
    ]);
  });

  it("refuses a damaged stream within the first prefix as corrupt", () => {
    const damaged = ZIP.slice();
    // The entry's data begin after its 30-byte local header and its name; garble some of its first kilobytes.
    const start = 30 + NAME.length;
    for (let i = start + 2000; i < start + 2400; i++) damaged[i] ^= 0x5a;
    const zip = new ZipArchive(damaged, DEFAULT_LIMITS, nativeInflate);
    let error: unknown;
    try {
      zip.read(zip.entry(NAME)!, () => undefined, { inPieces: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookFormatError);
    expect((error as WorkbookFormatError).reason).toBe("corrupt");
  });
});
