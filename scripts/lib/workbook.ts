/**
 * Creates and saves workbooks for the fixtures and the sample so that regenerating them gives the same
 * bytes: fixed document properties, and the zip entries' timestamps pinned (JSZip stamps "now").
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import ExcelJS from 'exceljs';

/** The date every generated workbook claims, so the files do not change when regenerated. */
export const FIXED_DATE = new Date(Date.UTC(2024, 2, 15, 0, 0, 0));
export const CREATOR = 'Ziping fixtures';

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties.fullCalcOnLoad = false;
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const written = await workbook.xlsx.writeBuffer();
  const bytes = pinZipTimestamps(Buffer.from(written as unknown as ArrayBuffer));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

// MS-DOS date/time of FIXED_DATE (2024-03-15 00:00), as stored in zip headers.
const DOS_DATE = ((2024 - 1980) << 9) | (3 << 5) | 15;
const DOS_TIME = 0;

/** Overwrites the modification time of every entry, in the local headers and the central directory. */
export function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('pinZipTimestamps: no end-of-central-directory record');
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let k = 0; k < entries; k++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error(`pinZipTimestamps: bad central entry at ${at}`);
    out.writeUInt16LE(DOS_TIME, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`pinZipTimestamps: bad local header at ${local}`);
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
