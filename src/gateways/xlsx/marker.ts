/**
 * Ziping's own outputs say so in their document properties, so that a folder walk knows them by content, whatever
 * they are named. exceljs 4.4 writes no custom properties: the mark is a `ziping:output=<kind>` keyword (Excel's
 * 标记 / Tags) and Ziping as the last author. Excel and WPS put the officer's name there on save, so a scored copy
 * sent back, corrected and resubmitted carries no mark any more and is checked again.
 *
 * Bounds of the reader (it runs on every workbook of a walk): the zip's last 64 KiB + 22 bytes for its end record,
 * a central directory of at most 1 MiB, a core.xml of at most 64 KiB; a zip64 or anything else is "not marked".
 */
/* global Buffer -- Node code: the shared lint config assumes a browser. */
import * as fs from "fs";
import * as zlib from "zlib";
import type ExcelJS from "exceljs";

import {
  markedKeywords,
  OUTPUT_AUTHOR,
  OUTPUT_KEYWORD as KEYWORD,
  OUTPUT_KINDS as KINDS,
  type OutputKind,
} from "./mark-words";

export { OUTPUT_AUTHOR, type OutputKind };

const END_RECORD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_CENTRAL_DIRECTORY = 1024 * 1024;
const MAX_CORE_XML = 64 * 1024;
const CORE_XML = "docProps/core.xml";

/** Marks a workbook about to be written as Ziping's output of `kind`; the officer's own keywords are kept. */
export function markOutput(workbook: ExcelJS.Workbook, kind: OutputKind): void {
  workbook.keywords = markedKeywords(workbook.keywords, kind);
  workbook.lastModifiedBy = OUTPUT_AUTHOR;
  if (kind === "summary") workbook.creator = OUTPUT_AUTHOR;
}

/** The kind of Ziping output the file is, when it carries the mark and nobody has saved it since; else undefined. */
export function outputKindOf(file: string): OutputKind | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const xml = readEntry(fd, fs.fstatSync(fd).size, CORE_XML);
    return xml === undefined ? undefined : kindInCoreXml(xml);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The mark as docProps/core.xml holds it (exported for the tests of a hand-made core.xml). */
export function kindInCoreXml(xml: string): OutputKind | undefined {
  const text = (tag: string) => new RegExp(`<(?:\\w+:)?${tag}>([^<]*)</(?:\\w+:)?${tag}>`).exec(xml)?.[1]?.trim();
  if (text("lastModifiedBy") !== OUTPUT_AUTHOR) return undefined;
  const keywords = (text("keywords") ?? "").split(/\s*;\s*/);
  return KINDS.find((kind) => keywords.includes(KEYWORD + kind));
}

/**
 * `length` bytes of the file from `position`: from `tail` (the file's last bytes, read first) when they lie in it,
 * so that a small workbook, which its tail holds whole, costs one read; from the file otherwise.
 */
function reader(fd: number, size: number, tail: Buffer): (position: number, length: number) => Buffer {
  const tailStart = size - tail.length;
  return (position, length) => {
    if (position >= tailStart) return tail.subarray(position - tailStart, position - tailStart + length);
    const buffer = Buffer.allocUnsafe(length);
    const got = fs.readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, got);
  };
}

/** One entry of the zip, inflated, read through its central directory; undefined when absent or out of bounds. */
function readEntry(fd: number, size: number, name: string): string | undefined {
  const tailLength = Math.min(size, MAX_COMMENT + 22);
  const tailBuffer = Buffer.allocUnsafe(tailLength);
  const tail = tailBuffer.subarray(0, fs.readSync(fd, tailBuffer, 0, tailLength, size - tailLength));
  if (tail.length < tailLength) return undefined;
  const read = reader(fd, size, tail);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === END_RECORD) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > MAX_CENTRAL_DIRECTORY || directoryOffset + directorySize > size) return undefined;
  const directory = read(directoryOffset, directorySize);
  for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_ENTRY;) {
    const method = directory.readUInt16LE(at + 10);
    const compressed = directory.readUInt32LE(at + 20);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const local = directory.readUInt32LE(at + 42);
    const entryName = directory.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (compressed > MAX_CORE_XML || local + 30 > size) return undefined;
    const header = read(local, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_ENTRY) return undefined;
    const dataAt = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = read(dataAt, compressed);
    if (method === 0) return data.toString("utf8");
    if (method !== 8) return undefined;
    return zlib.inflateRawSync(data, { maxOutputLength: MAX_CORE_XML }).toString("utf8");
  }
  return undefined;
}
