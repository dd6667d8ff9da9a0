/**
 * Turns the paths on the command line into the sorted list of files to check. Folders are walked for
 * workbooks, including the formats we cannot read (.xls, .et) so that they are reported, not silently missed.
 */
import * as fs from "fs";
import * as nodePath from "path";
import { outputKindOf } from "../gateways/xlsx/marker";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".et"]);

/** Suffix of the copies `--write` produces. */
export const CHECKED_SUFFIX = ".checked.xlsx";

/**
 * Explicitly named paths are kept whatever they are (a missing or odd file is reported by the reader).
 * In folders: workbook extensions only, no Excel lock files ("~$…"), no macOS "._…" shadow files, and none of this
 * tool's own outputs, known by their content alone: a workbook marked as one (./marker: scored copies, 汇总 and
 * report sheets, however renamed or wherever moved). Neither a name nor a place decides: a submission named
 * "X.checked.xlsx", even beside an "X.xlsx", is checked, and so is a workbook someone put into the --write folder
 * (the copies there are left out by their mark). Symlinked folders are not followed, so a link loop cannot hang the walk. A pipe or device
 * named like a workbook is listed, so that the reader reports it, and is never opened by the walk.
 */
export function collectFiles(paths: readonly string[]): string[] {
  const found = new Map<string, string>(); // resolved path -> path as shown
  const add = (p: string) => {
    const key = nodePath.resolve(p);
    if (!found.has(key)) found.set(key, p);
  };

  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable subfolder holds nothing we can check
    }
    for (const entry of entries) {
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!isCandidate(entry.name)) continue;
      if (!(entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) {
        // A pipe, a device or a broken link named like a workbook: the reader says what it is (never opened here,
        // where a pipe would wait for a writer). A link to a folder is not followed.
        if (!isDirectory(full)) add(full);
        continue;
      }
      if (!isMarkedOutput(full)) add(full);
    }
  };

  for (const p of paths) {
    if (isDirectory(p)) walk(p);
    else add(p);
  }
  return [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isCandidate(name: string): boolean {
  if (name.startsWith("~$") || name.startsWith("._")) return false;
  return WORKBOOK_EXTENSIONS.has(nodePath.extname(name.toLowerCase()));
}

/** An output of this tool by its content (only .xlsx and .xlsm can carry the mark). */
function isMarkedOutput(file: string): boolean {
  return /\.xls[xm]$/i.test(file) && outputKindOf(file) !== undefined;
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether anything (a file, a folder, a dangling link) is at the path. */
export function pathExists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `DIR/<name without extension>.checked.xlsx`. */
export function checkedCopyPath(dir: string, file: string): string {
  const base = nodePath.basename(file, nodePath.extname(file));
  return nodePath.join(dir, `${base}${CHECKED_SUFFIX}`);
}

/**
 * The paths a run reads or writes, compared however they are spelled: "./" and "..", symlinks (the real path of
 * the part that exists, so also of a file not yet written), case (Windows and macOS disks ignore it, so two
 * spellings that differ only in case are taken for one file everywhere) and hard links (device and inode).
 */
export class PathSet {
  private readonly spellings = new Set<string>();
  private readonly inodes = new Set<string>();

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(p: string): void {
    this.spellings.add(spellingKey(p));
    const inode = inodeKey(p);
    if (inode) this.inodes.add(inode);
  }

  has(p: string): boolean {
    if (this.spellings.has(spellingKey(p))) return true;
    const inode = inodeKey(p);
    return inode !== undefined && this.inodes.has(inode);
  }
}

function spellingKey(p: string): string {
  const absolute = nodePath.resolve(p);
  const rest: string[] = [];
  for (let dir = absolute; ;) {
    try {
      return nodePath
        .join(fs.realpathSync(dir), ...rest)
        .normalize("NFC")
        .toLowerCase();
    } catch {
      const parent = nodePath.dirname(dir);
      if (parent === dir) return absolute.normalize("NFC").toLowerCase();
      rest.unshift(nodePath.basename(dir));
      dir = parent;
    }
  }
}

function inodeKey(p: string): string | undefined {
  try {
    const stat = fs.statSync(p);
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}
