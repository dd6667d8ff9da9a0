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
  /** The --write destination: a subfolder of a walk is left out (it holds this tool's copies). */
  skipDir?: string;
}

/**
 * Explicitly named paths are kept whatever they are (a missing or odd file is reported by the reader).
 * In folders: workbook extensions only, no Excel lock files ("~$…"), no macOS "._…" shadow files, and none of this
 * tool's own copies: a "X.checked.xlsx" beside its "X.xlsx", or any "*.checked.xlsx" in the --write folder. A
 * submission that merely ends in ".checked.xlsx" is still checked, and a folder named both as input and as --write
 * is walked (its earlier copies left out). Symlinked folders are not followed, so a link loop cannot hang the walk.
 */
export function collectFiles(paths: readonly string[], options: CollectOptions = {}): string[] {
  const output = options.skipDir ? nodePath.resolve(options.skipDir) : undefined;
  const found = new Map<string, string>(); // resolved path -> path as shown
  const add = (p: string) => {
    const key = nodePath.resolve(p);
    if (!found.has(key)) found.set(key, p);
  };

  const walk = (dir: string, root: boolean) => {
    const inOutput = output !== undefined && nodePath.resolve(dir) === output;
    if (inOutput && !root) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable subfolder holds nothing we can check
    }
    const names = new Set(entries.map((e) => e.name.toLowerCase()));
    for (const entry of entries) {
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, false);
        continue;
      }
      if (entry.isSymbolicLink() && !isFile(full)) continue;
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (isCandidate(entry.name) && !isOwnCopy(entry.name, names, inOutput)) add(full);
    }
  };

  for (const p of paths) {
    if (isDirectory(p)) walk(p, true);
    else add(p);
  }
  return [...found.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isCandidate(name: string): boolean {
  if (name.startsWith("~$") || name.startsWith("._")) return false;
  return WORKBOOK_EXTENSIONS.has(nodePath.extname(name.toLowerCase()));
}

/** A scored copy this tool wrote: in the --write folder, or beside the workbook it was made from. */
function isOwnCopy(name: string, siblings: ReadonlySet<string>, inOutput: boolean): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith(CHECKED_SUFFIX)) return false;
  if (inOutput) return true;
  const base = lower.slice(0, -CHECKED_SUFFIX.length);
  return [".xlsx", ".xlsm", ".xls", ".et"].some((ext) => siblings.has(base + ext));
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
