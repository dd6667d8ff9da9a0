/**
 * The zip container of an .xlsx: its central directory read from the end of the bytes, and each entry inflated in
 * bounded chunks (fflate's streaming Inflate) straight into whoever parses it. Written here rather than taken
 * from a zip library because the job needs three things none of them gives together in Node and the browser:
 * entries looked up by name without touching the others, inflation that can stop part-way (a data sheet is read
 * only as far as its first rows), and a count of inflated bytes that refuses a zip bomb at the limit instead of
 * after the fact. fflate does the inflating; this module only walks the directory (APPNOTE 6.3.10, §4.3).
 */
/* global require -- fflate is loaded when first needed: see inflater() */
import { limitExceeded, WorkbookFormatError, type ReadLimits } from "./limits";
import { textStream, utf8Text } from "./text";

type Fflate = typeof import("fflate");
let fflate: Fflate | undefined;
/**
 * fflate, loaded on first use: in Node, zlib inflates whole parts and fflate is needed only for a sheet read in
 * pieces, so a check of a one-sheet workbook never loads it (a fifth of the command's start-up). webpack bundles it
 * all the same for the browser.
 */
function inflater(): Fflate {
  return (fflate ??= require("fflate") as Fflate);
}

/** CP437's ASCII half, which is all a workbook's part names use, read as Latin-1. */
function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

export interface ZipEntry {
  /** The name as stored, with "/" separators. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** CRC-32 of the inflated data, as the central directory states it. */
  crc: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Inflate in pieces of this many compressed bytes, so that a chunk inflates to at most ~1 000 times that. */
const CHUNK = 16 * 1024;

/** Thrown by a consumer to stop inflating an entry part-way; not an error. */
export class StopReading extends Error {
  constructor() {
    super("stop");
  }
}

/**
 * Inflates a whole raw-deflate entry at once, refusing output past `maxBytes` (by throwing any error): the Node
 * gateway passes zlib's native inflateRawSync with maxOutputLength, several times faster than inflating in
 * JavaScript. Without one, entries inflate with fflate, in pieces. With `prefix`, `data` is only the first part of
 * the compressed stream, and the result is what that part inflates to (zlib's Z_SYNC_FLUSH: no error for the end
 * it does not reach), the start of the entry's bytes.
 */
export type InflateWhole = (data: Uint8Array, maxBytes: number, expectedBytes: number, prefix?: boolean) => Uint8Array;

/** An entry compressed to at most this many bytes may be inflated by fflate in one call. */
const ONE_CALL = 64 * 1024;
/**
 * A reader that will stop early with a native inflater: the entry's first PREFIX compressed bytes are inflated at
 * once, then four times as many each time the reader asks for more (all the calls together cost at most a third
 * more than the last one alone), each no larger than PREFIX_OUTPUT inflated bytes; past that, fflate goes on in
 * pieces from where the prefixes stopped, so memory stays bounded whatever the entry inflates to. 64 KiB of a data
 * sheet inflate to some 600 KB, the first few thousand rows: a sheet sampled for its first 300 needs one call.
 */
const PREFIX = 64 * 1024;
const PREFIX_OUTPUT = 32 * 1024 * 1024;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  readonly entries: ZipEntry[] = [];
  /** Inflated bytes handed out so far, against limits.totalBytes. */
  private inflated = 0;
  /** Told of every inflated piece's size, for a reader that shows its progress. */
  onInflated?: (bytes: number) => void;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflateWhole?: InflateWhole,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = findEnd(bytes, view);
    let count = view.getUint16(end + 10, true);
    let cdSize = view.getUint32(end + 12, true);
    let cdOffset = view.getUint32(end + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the real figures are in the zip64 end record, found through its locator just before.
      const loc = end - 20;
      if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR) throw corrupt("zip64 locator");
      const rec = safeNumber(view.getBigUint64(loc + 8, true));
      if (rec + 56 > bytes.length || view.getUint32(rec, true) !== ZIP64_EOCD) throw corrupt("zip64 end");
      count = safeNumber(view.getBigUint64(rec + 32, true));
      cdSize = safeNumber(view.getBigUint64(rec + 40, true));
      cdOffset = safeNumber(view.getBigUint64(rec + 48, true));
    }
    if (count > limits.entries) throw limitExceeded("entries", limits, "zip");
    if (cdOffset + cdSize > bytes.length) throw corrupt("central directory");
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt("central directory");
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      let compressedSize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
      // UTF-8 when flagged (bit 11); otherwise CP437, of which the ASCII part names of a workbook are the same in Latin-1.
      const name = (flags & 0x800 ? utf8Text(nameBytes) : latin1(nameBytes)).replace(/\\/g, "/").replace(/^\//, "");
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // The zip64 extended-information extra field holds, in this order, whichever of the three overflowed.
        const extra = readZip64Extra(view, p + 46 + nameLen, extraLen);
        let k = 0;
        if (size === 0xffffffff) size = extra[k++] ?? size;
        if (compressedSize === 0xffffffff) compressedSize = extra[k++] ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = extra[k++] ?? localOffset;
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, localOffset, crc };
      this.entries.push(entry);
      // Part names are case-insensitive (OPC); the first of two spellings wins.
      const key = name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /**
   * Inflates an entry, handing each piece to `onData` as it comes. `onData` may throw StopReading to end early
   * (the rest is never inflated). Throws WorkbookFormatError past the entry or total limit, or when the entry is
   * encrypted, compressed by a method other than deflate, or damaged.
   */
  read(entry: ZipEntry, onData: (chunk: Uint8Array) => void, options: { inPieces?: boolean } = {}): void {
    if (entry.flags & 0x1) throw new WorkbookFormatError("encrypted-entry", entry.name);
    const data = this.compressedData(entry);
    let count = 0;
    const take = (chunk: Uint8Array) => {
      count += chunk.length;
      this.inflated += chunk.length;
      if (count > this.limits.entryBytes) throw limitExceeded("entryBytes", this.limits, entry.name);
      if (this.inflated > this.limits.totalBytes) throw limitExceeded("totalBytes", this.limits, entry.name);
      this.onInflated?.(chunk.length);
      if (chunk.length) onData(chunk);
    };
    try {
      if (entry.method === 0) {
        for (let i = 0; i < data.length; i += CHUNK * 64) take(data.subarray(i, Math.min(data.length, i + CHUNK * 64)));
        return;
      }
      if (entry.method !== 8) throw new WorkbookFormatError("unsupported-compression", entry.name);
      const room = Math.min(this.limits.entryBytes, this.limits.totalBytes - this.inflated);
      // A reader that will stop early (a sheet sampled for its first rows) inflates in prefixes or pieces: the rest
      // never is.
      let skip = 0;
      if (this.inflateWhole && options.inPieces) {
        skip = this.inflatePrefixes(data, room, entry.size, take);
        if (skip < 0) return;
      } else if (this.inflateWhole) {
        let whole: Uint8Array;
        try {
          whole = this.inflateWhole(data, room, entry.size);
        } catch (e) {
          // Past the room left, or damaged: tell which by inflating a little past the room with fflate.
          if (isTooLarge(e))
            throw limitExceeded(room === this.limits.entryBytes ? "entryBytes" : "totalBytes", this.limits, entry.name);
          throw e;
        }
        take(whole);
        return;
      }
      // A small entry whose stated size is within the room inflates in one call into a buffer of that size (deflate
      // expands at most 1,032 times, so no small entry can hide a bomb); a wrong stated size falls back to pieces.
      if (data.length <= ONE_CALL && entry.size > 0 && entry.size <= room && data.length * 1032 <= room) {
        let whole: Uint8Array | undefined;
        try {
          whole = inflater().inflateSync(data, { out: new Uint8Array(entry.size) });
        } catch {
          whole = undefined;
        }
        if (whole && whole.length === entry.size) {
          take(whole);
          return;
        }
      }
      // In pieces, after the `skip` bytes the native prefixes have already handed out.
      const inflate = new (inflater().Inflate)((chunk) => {
        if (skip >= chunk.length) skip -= chunk.length;
        else {
          take(skip ? chunk.subarray(skip) : chunk);
          skip = 0;
        }
      });
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length; i += CHUNK)
        inflate.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
    } catch (e) {
      if (e instanceof StopReading || e instanceof WorkbookFormatError) throw e;
      throw new WorkbookFormatError("corrupt", entry.name);
    }
  }

  /**
   * The native inflater on ever longer prefixes of `data` (see PREFIX), handing `take` the bytes each adds to the
   * last. Returns -1 when the whole entry was handed out, else how many bytes were before a prefix inflated past
   * PREFIX_OUTPUT or the room left (fflate takes over from there, and tells a bound from a large sheet).
   */
  private inflatePrefixes(data: Uint8Array, room: number, size: number, take: (chunk: Uint8Array) => void): number {
    let given = 0;
    for (let length = PREFIX; ; length *= 4) {
      const all = length >= data.length;
      let out: Uint8Array;
      try {
        out = this.inflateWhole!(all ? data : data.subarray(0, length), Math.min(room, PREFIX_OUTPUT), size, !all);
      } catch (e) {
        if (isTooLarge(e)) return given;
        throw e;
      }
      if (out.length > given) take(out.subarray(given));
      given = Math.max(given, out.length);
      if (all) return -1;
    }
  }

  /** The whole entry as text (for the small parts: rels, workbook, styles). */
  text(entry: ZipEntry): string {
    let s = "";
    const stream = textStream((t) => (s += t));
    this.read(entry, (chunk) => stream.push(chunk));
    stream.end();
    return s;
  }

  /** The entry's bytes as stored (compressed), for a writer that copies it unchanged. */
  compressedData(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const p = entry.localOffset;
    if (p + 30 > this.bytes.length || view.getUint32(p, true) !== LOCAL) throw corrupt(entry.name);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(entry.name);
    return this.bytes.subarray(start, end);
  }
}

/** A native inflate stopped at its output bound (Node's RangeError, ERR_BUFFER_TOO_LARGE). */
function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError || /too large|maxOutputLength|ERR_BUFFER_TOO_LARGE/i.test(String(e));
}

function corrupt(part: string): WorkbookFormatError {
  return new WorkbookFormatError("corrupt", part);
}

/** The end-of-central-directory record: the last EOCD signature within the final 64 KiB + 22 bytes. */
function findEnd(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) if (view.getUint32(p, true) === EOCD) return p;
  throw corrupt("end of central directory");
}

function readZip64Extra(view: DataView, start: number, length: number): number[] {
  const out: number[] = [];
  for (let p = start; p + 4 <= start + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      for (let q = p + 4; q + 8 <= p + 4 + size; q += 8) out.push(safeNumber(view.getBigUint64(q, true)));
      return out;
    }
    p += 4 + size;
  }
  return out;
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt("zip64 size");
  return Number(n);
}
