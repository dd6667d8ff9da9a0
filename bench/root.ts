/** Where the repository is, whether a bench runs from bench/ (tsx) or compiled from .bench-build/bench/. */
import fs from "node:fs";
import path from "node:path";

export function repositoryRoot(dir: string): string {
  if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "examples"))) return dir;
  const up = path.dirname(dir);
  if (up === dir) throw new Error("bench: the repository root (package.json and examples/) was not found");
  return repositoryRoot(up);
}
