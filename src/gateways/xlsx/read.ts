/**
 * Reads an .xlsx file into the engine's grids with the reader of ./reader (bounded, sheet by sheet). Only a regular
 * file is opened, and only up to the size bound; its first bytes are sniffed so that the usual wrong files (old
 * .xls, encrypted, Word, truncated, renamed) get a message an officer can act on instead of a parser's stack trace.
 */
/* global Buffer, NodeJS -- Node code: the shared lint config assumes a browser. */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "fs";
import { constants as zlibConstants, inflateRawSync } from "zlib";
import { tableChoice } from "../../domain";
import type { MapGrid } from "../../domain/grid";
import { WorkbookReadError } from "./errors";
import { calculateMissingResults } from "./formulas";
import { DEFAULT_LIMITS, readWorkbookBytes, WorkbookFormatError, zipHolds, type ReadLimits } from "./reader";
import type { InflateWhole } from "./reader/zip";

export { WorkbookReadError, type WorkbookReadErrorCode } from "./errors";

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface ReadFileOptions {
  /** The sheet to read in full (an officer's 版式 names it); otherwise the one that looks most like a 自评表. */
  sheet?: string;
  /** Read every sheet in full, not only the one holding the table. */
  all?: boolean;
  /** Sheets read in full beside the table, by name (the report's 报告素材 sheet). */
  whole?: (sheetName: string) => boolean;
  limits?: Partial<ReadLimits>;
}

/**
 * zlib's native inflate, stopped at the bound (maxOutputLength). Output in one piece of the size the zip states
 * (when within the bound), so that a large part is not gathered in 16 KiB pieces and copied again. A prefix of the
 * stream (a sheet sampled for its first rows) is flushed as far as it goes instead of failing for its missing end.
 */
export const nativeInflate: InflateWhole = (data, maxBytes, expected, prefix) =>
  inflateRawSync(data, {
    maxOutputLength: Math.max(1, maxBytes),
    // A stated size is believed only as far as deflate can expand (1,032 times) and the bound allows; a prefix's
    // output is sized for XML's usual tenfold, not for the whole entry.
    chunkSize: Math.max(64 * 1024, Math.min(prefix ? data.length * 16 : expected + 1, data.length * 1032, maxBytes)),
    ...(prefix ? { finishFlush: zlibConstants.Z_SYNC_FLUSH } : {}),
  });

export async function readWorkbookFile(path: string, options: ReadFileOptions = {}): Promise<{ sheets: MapGrid[] }> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const bytes = await readBytes(path, limits.fileBytes);
  if (bytes.length === 0) throw new WorkbookReadError("empty-file", path);
  if (startsWith(bytes, OLE_MAGIC)) throw oleError(bytes, path);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookReadError("not-xlsx", path);

  let contents;
  try {
    contents = readWorkbookBytes(bytes, {
      limits,
      all: options.all,
      whole: options.whole,
      inflate: nativeInflate,
      ...tableChoice(options.sheet),
    });
  } catch (cause) {
    throw formatError(bytes, path, cause);
  }
  if (!contents || contents.sheets.length === 0) throw zipError(bytes, path, undefined);
  // Formulas a program wrote without their results (or with zeros under fullCalcOnLoad): computed as Excel
  // would on opening (./formulas.ts).
  calculateMissingResults(contents.sheets, contents.missing);
  return { sheets: contents.sheets };
}

/**
 * Opens the file without blocking (a FIFO would wait for a writer for ever) and reads it if it is a regular file.
 * Synchronous: a batch reads one file after another in each process, and four round trips through libuv's thread
 * pool per file were a tenth of a 1,000-file batch spent idle.
 */
async function readBytes(path: string, maxBytes: number): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (cause) {
    throw systemError(cause, path);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new WorkbookReadError("not-a-file", path);
    if (!stat.isFile()) throw new WorkbookReadError("special-file", path);
    if (stat.size > maxBytes) throw new WorkbookReadError("too-large", path, String(maxBytes));
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const got = readSync(fd, bytes, at, bytes.length - at, at);
      if (got === 0) break;
      at += got;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    throw systemError(cause, path);
  } finally {
    closeSync(fd);
  }
}

function systemError(cause: unknown, path: string): WorkbookReadError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new WorkbookReadError("not-found", path, "", { cause });
  if (code === "EISDIR") return new WorkbookReadError("not-a-file", path, "", { cause });
  return new WorkbookReadError("unreadable", path, code ?? String(cause), { cause });
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Stream names inside an OLE compound file are stored as UTF-16LE in its directory sectors. */
function hasStream(bytes: Buffer, name: string): boolean {
  return bytes.includes(Buffer.from(name, "utf16le"));
}

function oleError(bytes: Buffer, path: string): WorkbookReadError {
  if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) {
    return new WorkbookReadError("encrypted", path);
  }
  if (hasStream(bytes, "WordDocument")) return new WorkbookReadError("not-excel", path, "Word");
  if (hasStream(bytes, "PowerPoint Document")) return new WorkbookReadError("not-excel", path, "PowerPoint");
  return new WorkbookReadError("legacy-xls", path);
}

function formatError(bytes: Buffer, path: string, cause: unknown): WorkbookReadError {
  if (!(cause instanceof WorkbookFormatError)) return zipError(bytes, path, cause);
  switch (cause.reason) {
    case "limit":
      return new WorkbookReadError("over-limit", path, `${cause.kind}:${cause.limit}`, { cause });
    case "dtd":
      return new WorkbookReadError("dtd", path, "", { cause });
    case "encrypted-entry":
      return new WorkbookReadError("encrypted", path, "", { cause });
    default:
      return zipError(bytes, path, cause);
  }
}

/**
 * A zip that could not be read or that held no worksheet: say what it is instead. Entry names sit in plain text
 * in a zip's headers, so looking for them is enough when the directory itself is damaged.
 */
function zipError(bytes: Buffer, path: string, cause: unknown): WorkbookReadError {
  const has = (name: string) => zipHolds(bytes, name) || bytes.includes(Buffer.from(name, "latin1"));
  if (has("xl/workbook.bin")) return new WorkbookReadError("xlsb", path, "", { cause });
  if (!has("xl/workbook.xml")) {
    if (has("word/document.xml") || has("word/")) return new WorkbookReadError("not-excel", path, "Word", { cause });
    if (has("ppt/presentation.xml") || has("ppt/"))
      return new WorkbookReadError("not-excel", path, "PowerPoint", { cause });
  }
  if (cause !== undefined) return new WorkbookReadError("corrupt", path, "", { cause });
  if (has("xl/workbook.xml")) return new WorkbookReadError("no-worksheets", path);
  return new WorkbookReadError("not-xlsx", path);
}
