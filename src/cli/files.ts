/**
 * Turns the paths on the command line into the sorted list of files to check. Folders are walked for
 * workbooks, including the formats we cannot read (.xls, .et) so that they are reported, not silently missed.
 */
import * as fs from "fs";
import * as nodePath from "path";

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".et"]);

/** Suffix of the copies `--write` produces; a folder walk skips them so a second run does not check its own output. */
export const CHECKED_SUFFIX = ".checked.xlsx";

export interface CollectOptions {
  /** A folder to leave out of walks (the --write destination). */
  skipDir?: string;
}

/**
 * Explicitly named paths are kept whatever they are (a missing or odd file is reported by the reader).
 * In folders: workbook extensions only, no Excel lock files ("~$…"), no macOS "._…" shadow files, no earlier
 * "*.checked.xlsx" copies. Symlinked folders are not followed, so a link loop cannot hang the walk.
 */
export function collectFiles(paths: readonly string[], options: CollectOptions = {}): string[] {
  const skip = options.skipDir ? nodePath.resolve(options.skipDir) : undefined;
  const found = new Map<string, string>(); // resolved path -> path as shown
  const add = (p: string) => {
    const key = nodePath.resolve(p);
    if (!found.has(key)) found.set(key, p);
  };

  const walk = (dir: string) => {
    if (skip && nodePath.resolve(dir) === skip) return;
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
      if (entry.isSymbolicLink() && !isFile(full)) continue;
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (isCandidate(entry.name)) add(full);
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
  const lower = name.toLowerCase();
  if (lower.endsWith(CHECKED_SUFFIX)) return false;
  return WORKBOOK_EXTENSIONS.has(nodePath.extname(lower));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
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
