/**
 * The project is MIT-licensed (LICENSE, package.json), so every package it ships must allow that: each production
 * package in package-lock.json (those not marked dev) declares a permissive licence. A package that declares none
 * (buffers@0.1.1, reached through exceljs → unzipper 0.10 → binary, was one: package.json's overrides now give
 * exceljs unzipper 0.12, which needs neither) turns this red.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const PERMISSIVE = new Set([
  "MIT",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "BlueOak-1.0.0",
  "Unlicense",
  "MIT/X11",
  "Zlib",
  "Python-2.0",
  "CC0-1.0",
  "CC-BY-4.0",
]);

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  license?: string;
}

/** The licence a package declares: the lock's field, else its package.json's `license` or old `licenses` list. */
function licenceOf(where: string, entry: LockEntry): string | undefined {
  if (entry.license) return entry.license;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, where, "package.json"), "utf8"));
    if (typeof pkg.license === "string") return pkg.license;
    if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l: { type: string }) => l.type).join(" OR ");
  } catch {
    // Not installed here (an optional package for another platform): judged by the lock alone.
  }
  return undefined;
}

/** "(MIT OR GPL-3.0-or-later)" is permissive if one choice is; "(MIT AND Zlib)" if every part is. */
function permissive(expression: string): boolean {
  const bare = expression.replace(/^\((.*)\)$/, "$1").trim();
  if (/ OR /.test(bare)) return bare.split(/ OR /).some((p) => permissive(p));
  if (/ AND /.test(bare)) return bare.split(/ AND /).every((p) => permissive(p));
  return PERMISSIVE.has(bare);
}

describe("dependency licences", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const production = Object.entries(lock.packages).filter(([where, e]) => where !== "" && !e.dev && !e.devOptional);

  it("lists the production packages (exceljs among them)", () => {
    expect(production.map(([where]) => where)).toContain("node_modules/exceljs");
  });

  it("every production package declares a permissive licence", () => {
    const bad = production
      .map(([where, e]) => [where, licenceOf(where, e)] as const)
      .filter(([, licence]) => !licence || !permissive(licence))
      .map(([where, licence]) => `${where}: ${licence ?? "no licence"}`);
    expect(bad).toEqual([]);
  });

  it("reads a compound expression as SPDX does", () => {
    expect(permissive("(MIT OR GPL-3.0-or-later)")).toBe(true);
    expect(permissive("(MIT AND Zlib)")).toBe(true);
    expect(permissive("(MIT AND GPL-3.0)")).toBe(false);
    expect(permissive("GPL-3.0")).toBe(false);
  });
});
