/**
 * One load measurement, run alone in a child process by bench/run.ts so that its peak memory is its own:
 * `load.ts bare <folder>` unzips and parses every .xlsx in the folder and keeps nothing (./bare-parse.ts, the floor
 * any reader is measured against), `bare-table` the same of the sheet 自评表 only; `load.ts exceljs <folder>` loads
 * each with exceljs (the former reader);
 * `load.ts check <folder>` runs `ziping check <folder> --json` in-process, and `check-write` adds `--write` (the scored
 * copies, into a temporary folder). Prints {"ms", "maxRssKb", "files"} as JSON. Each mode loads only its own modules,
 * so that the process's whole time (run.ts's `wallMs`) is that of a command doing that one job; `ms` starts once
 * they are loaded, for every mode alike (the job's own time).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const workbooks = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(folder, f));

type Job = (folder: string) => Promise<number>;

// Each mode's modules are required when its job is made (not at the top, so that no mode's start-up and peak memory
// carry another's), and before the clock starts.

function bare(onlySheet?: string): Job {
  const { bareParse } = require("./bare-parse") as typeof import("./bare-parse");
  return async (folder) => {
    const files = workbooks(folder);
    for (const f of files) bareParse(fs.readFileSync(f), onlySheet);
    return files.length;
  };
}

function exceljs(): Job {
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  return async (folder) => {
    const files = workbooks(folder);
    for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    return files.length;
  };
}

function check(write = false): Job {
  const { main } = require("../src/cli/main") as typeof import("../src/cli/main");
  return async (folder) => {
    let files = 0;
    // The JSON document is built and written as the command does; only its bytes are dropped.
    const sink = { write: (s: string) => (files += (s.match(/"file": /g) ?? []).length) };
    // check-write also writes each scored copy (the patcher), into a folder of its own removed afterwards.
    const out = write ? fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-copies-")) : undefined;
    const args = ["check", folder, "--json", ...(out ? ["--write", out] : [])];
    const status = await main(args, { stdout: sink, stderr: { write: () => true } }).finally(() => {
      if (out) fs.rmSync(out, { recursive: true, force: true });
    });
    if (status === 2 && process.argv[2] !== "check-any")
      throw new Error(`ziping check could not read some file in ${folder}`);
    return files;
  };
}

async function measure(mode: string, folder: string): Promise<void> {
  const job =
    mode === "bare"
      ? bare()
      : mode === "bare-table"
        ? bare("自评表")
        : mode === "exceljs"
          ? exceljs()
          : check(mode === "check-write");
  const t0 = performance.now();
  const files = await job(folder);
  const ms = performance.now() - t0;
  // Linux reports maxRSS in kilobytes; so does /usr/bin/time -v, which run.ts prefers when present.
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, files }) + "\n");
}

const [mode, folder] = process.argv.slice(2);
if (!["bare", "bare-table", "exceljs", "check", "check-any", "check-write"].includes(mode) || !folder) {
  process.stderr.write("usage: load.ts bare|bare-table|exceljs|check|check-any|check-write <folder>\n");
  process.exitCode = 2;
} else {
  measure(mode, folder).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
