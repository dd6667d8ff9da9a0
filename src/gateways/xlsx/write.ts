/**
 * Writes the scored copy of a workbook file (the plan applied by ./score.ts) to a new path, atomically, never over
 * the submitted file, which is only ever read.
 */
/* global process, NodeJS, require -- Node code: the shared lint config assumes a browser. */
import { promises as fs } from "fs";
import * as nodePath from "path";
import * as zlib from "zlib";
import type ExcelJS from "exceljs";
import { installIsoDateCells } from "./exceljs-dates";
// The reference as Excel quotes it lives with the plan's links; callers of this gateway keep it from here.
export { sheetReference } from "../../domain/plan";
import type { WritePlan } from "../../domain/types";
import { WorkbookWriteError } from "./errors";
import { CannotPatch, patchWorkbook, type WorkbookChange } from "./patch";
import { nativeInflate } from "./read";
import { planSheetDrafts } from "./draft";
import { scoreWorkbook } from "./score";

export { SEVERITY_FILL, solidFill, scoreWorkbook } from "./score";

export { WorkbookWriteError, type WorkbookWriteErrorCode } from "./errors";

/** How an output is written: `replace: false` refuses a destination that exists (code "exists"). */
export interface WriteOptions {
  replace?: boolean;
}

/** How a copy was written: patched (everything else kept byte for byte), or rebuilt through exceljs and why. */
export interface CopyWritten {
  patched: boolean;
  /** Why the file could not be patched (in English, for the log), when it was rebuilt. */
  reason?: string;
  /** The sheets added, as they were named apart from the file's own. */
  added: string[];
}

/**
 * The scored copy: the submitted file patched (./patch), so that charts, images and every part the plan does not
 * change are kept; a file the patcher cannot edit with certainty is rebuilt through exceljs as before.
 */
export async function writeScoredCopy(
  srcPath: string,
  plan: WritePlan,
  destPath: string,
  options: WriteOptions = {},
): Promise<Omit<CopyWritten, "added">> {
  const change: WorkbookChange = {
    cells: plan,
    addSheets: (existing) => planSheetDrafts(plan, existing),
    kind: "scored-copy",
  };
  const { patched, reason } = await writeWorkbookCopy(srcPath, destPath, change, options, (w) =>
    scoreWorkbook(w, plan),
  );
  return reason === undefined ? { patched } : { patched, reason };
}

/**
 * A copy of the file with `change` made, patched where the patcher can (./patch), else rebuilt by `rebuild` over
 * exceljs (which must make the same change, the mark included). Never over the source.
 */
export async function writeWorkbookCopy(
  srcPath: string,
  destPath: string,
  change: WorkbookChange,
  options: WriteOptions,
  rebuild: (workbook: ExcelJS.Workbook) => void,
): Promise<CopyWritten> {
  if (await isSameFile(srcPath, destPath)) throw new WorkbookWriteError("would-overwrite-source", destPath);
  if (options.replace === false && (await exists(destPath))) throw new WorkbookWriteError("exists", destPath);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(srcPath);
  } catch (cause) {
    throw new WorkbookWriteError("source-unreadable", srcPath, errorText(cause), { cause });
  }
  let patched: { bytes: Uint8Array; added: string[] };
  try {
    // zlib's native deflate for the parts the copy rewrites (a 200,000-row sheet's notes: fflate took most of it).
    patched = await patchWorkbook(bytes, {
      deflate: (d) => zlib.deflateRawSync(d, { level: 6 }),
      inflate: nativeInflate,
      // zlib.crc32 from Node 20.15 on; the JavaScript one before.
      crc32: typeof zlib.crc32 === "function" ? (d) => zlib.crc32(d) : undefined,
      ...change,
    });
  } catch (cause) {
    if (!(cause instanceof CannotPatch)) throw cause;
    let added: string[] = [];
    await editWorkbookCopy(
      srcPath,
      destPath,
      (workbook) => {
        const before = new Set(workbook.worksheets.map((ws) => ws.name));
        rebuild(workbook);
        added = workbook.worksheets.map((ws) => ws.name).filter((n) => !before.has(n));
      },
      options,
    );
    return { patched: false, reason: cause.message, added };
  }
  await writeFileAtomically(destPath, (temp) => fs.writeFile(temp, patched.bytes), options);
  return { patched: true, added: patched.added };
}

/** Reads the source workbook, lets `edit` change it, and writes the result to a new path, never over the source. */
export async function editWorkbookCopy(
  srcPath: string,
  destPath: string,
  edit: (workbook: ExcelJS.Workbook) => void,
  options: WriteOptions = {},
): Promise<void> {
  if (await isSameFile(srcPath, destPath)) throw new WorkbookWriteError("would-overwrite-source", destPath);
  // Not worth loading the workbook for a copy that will be refused; writeFileAtomically checks again at the end.
  if (options.replace === false && (await exists(destPath))) throw new WorkbookWriteError("exists", destPath);
  // exceljs is loaded here, for a copy the patcher cannot make, not with this module: a patched copy never needs it,
  // and loading it is most of a cold `ziping check --write` (about 200 of 360 ms).
  const { Workbook } = require("exceljs") as typeof import("exceljs");
  installIsoDateCells(); // ISO date cells stay dates (./exceljs-dates.ts)
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load((await fs.readFile(srcPath)) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new WorkbookWriteError("source-unreadable", srcPath, errorText(cause), { cause });
  }
  edit(workbook);
  await writeFileAtomically(destPath, (temp) => workbook.xlsx.writeFile(temp), options);
}

/**
 * Writes beside the destination and renames, so a failed write never leaves half a file behind. With
 * `replace: false` the finished file is linked into place instead, which fails when the destination exists, so
 * a file that appeared while this one was being written is not replaced either.
 */
export async function writeFileAtomically(
  destPath: string,
  write: (temp: string) => Promise<void>,
  options: WriteOptions = {},
): Promise<void> {
  const temp = `${destPath}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.mkdir(nodePath.dirname(nodePath.resolve(destPath)), { recursive: true });
    if (options.replace === false && (await exists(destPath))) throw new WorkbookWriteError("exists", destPath);
    await write(temp);
    if (options.replace === false) await linkIntoPlace(temp, destPath);
    else await fs.rename(temp, destPath);
  } catch (cause) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    if (cause instanceof WorkbookWriteError) throw cause;
    throw new WorkbookWriteError("write-failed", destPath, errorText(cause), { cause });
  }
}

/** Puts `temp` at `dest` unless `dest` exists; a disk without hard links (FAT, some shares) is checked, then renamed. */
async function linkIntoPlace(temp: string, dest: string): Promise<void> {
  try {
    await fs.link(temp, dest);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new WorkbookWriteError("exists", dest, "", { cause });
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes(code ?? "")) throw cause;
    if (await exists(dest)) throw new WorkbookWriteError("exists", dest);
    await fs.rename(temp, dest);
    return;
  }
  await fs.rm(temp, { force: true });
}

/** Whether anything (a file, a folder, a dangling link) is at the path. */
async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/** Same file: same path, same real path (symlinks) or same inode (hard links, case aliases). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const pa = nodePath.resolve(a);
  const pb = nodePath.resolve(b);
  if (pa === pb) return true;
  const [sa, sb] = await Promise.all([fs.stat(pa).catch(() => undefined), fs.stat(pb).catch(() => undefined)]);
  if (!sa || !sb) return false;
  if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([fs.realpath(pa).catch(() => pa), fs.realpath(pb).catch(() => pb)]);
  return ra === rb;
}

function errorText(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}
