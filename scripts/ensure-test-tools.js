#!/usr/bin/env node
/**
 * Run before `npm test`: the Debian packages the tests drive, installed where missing and the machine has apt, the
 * way a fresh machine needs them, so that the README's test command works as written:
 * - Chromium, for the task pane's browser test (playwright-core downloads no browser);
 * - LibreOffice Calc, poppler's pdfinfo/pdftotext, Carlito (the metric twin of Calibri, the font Excel's column
 *   widths are measured in) and Noto CJK, for the test that prints Ziping's sheets to PDF and reads the pages back;
 * - LibreOffice Writer, for the test that prints the 自评报告 .docx (Calc alone opens no .docx, and exits 0).
 * Elsewhere this only says what is missing; the print test is then skipped and says so.
 */
"use strict";
const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const fontInstalled = (family) =>
  has("fc-list") && spawnSync("fc-list", [family], { encoding: "utf8" }).stdout.trim() !== "";

/** Each Debian package with how to tell it is there. */
const wanted = [
  { pkg: "chromium", present: () => existsSync(chromium), why: "the browser test" },
  { pkg: "libreoffice-calc-nogui", present: () => has("soffice"), why: "the print test" },
  {
    pkg: "libreoffice-writer-nogui",
    present: () => ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"].some(existsSync),
    why: "the report's print test",
  },
  { pkg: "poppler-utils", present: () => has("pdftotext") && has("pdfinfo"), why: "the print test" },
  { pkg: "fonts-crosextra-carlito", present: () => fontInstalled("Carlito"), why: "the print test" },
  { pkg: "fonts-noto-cjk", present: () => fontInstalled("Noto Sans CJK SC"), why: "the print test" },
];
const missing = wanted.filter((w) => !w.present());
if (missing.length === 0) process.exit(0);

if (process.platform !== "linux" || !has("apt-get")) {
  for (const w of missing) console.error(`ziping: ${w.pkg} not found; ${w.why} needs it.`);
  process.exit(0);
}

const root = typeof process.getuid === "function" && process.getuid() === 0;
const run = (args) =>
  spawnSync(root ? args[0] : "sudo", root ? args.slice(1) : ["-n", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  }).status === 0;

const names = missing.map((w) => w.pkg);
console.error(`ziping: installing what the tests drive (apt-get install ${names.join(" ")}) …`);
const ok =
  run(["apt-get", "update", "-qq"]) && run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...names]);
const still = wanted.filter((w) => !w.present());
if (!ok || still.length > 0)
  console.error(
    `ziping: could not install ${still.map((w) => w.pkg).join(", ") || names.join(", ")}; run ` +
      `"sudo apt-get install -y ${names.join(" ")}" once (or set CHROMIUM_PATH). ` +
      "The browser test fails without Chromium; the print test is skipped without the others.",
  );
