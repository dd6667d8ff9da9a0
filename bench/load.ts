/**
 * One load measurement, run alone in a child process by bench/run.ts so that its peak memory is its own:
 * `load.ts bare <folder>` unzips and parses every .xlsx in the folder and keeps nothing (./bare-parse.ts, the floor
 * any reader is measured against); `load.ts exceljs <folder>` loads each with exceljs (the former reader);
 * `load.ts check <folder>` runs `ziping check <folder> --json` in-process. Prints {"ms", "maxRssKb", "files"} as JSON.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { bareParse } from "./bare-parse";

const workbooks = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(folder, f));

async function bare(folder: string): Promise<number> {
  const files = workbooks(folder);
  for (const f of files) bareParse(fs.readFileSync(f));
  return files.length;
}

async function exceljs(folder: string): Promise<number> {
  const files = workbooks(folder);
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  return files.length;
}

async function check(folder: string): Promise<number> {
  let files = 0;
  // The JSON document is built and written as the command does; only its bytes are dropped.
  const sink = { write: (s: string) => (files += (s.match(/"file": /g) ?? []).length) };
  const status = await main(["check", folder, "--json"], { stdout: sink, stderr: { write: () => true } });
  if (status === 2 && process.argv[2] !== "check-any")
    throw new Error(`ziping check could not read some file in ${folder}`);
  return files;
}

async function measure(mode: string, folder: string): Promise<void> {
  const t0 = performance.now();
  const files = mode === "bare" ? await bare(folder) : mode === "exceljs" ? await exceljs(folder) : await check(folder);
  const ms = performance.now() - t0;
  // Linux reports maxRSS in kilobytes; so does /usr/bin/time -v, which run.ts prefers when present.
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, files }) + "\n");
}

const [mode, folder] = process.argv.slice(2);
if (!["bare", "exceljs", "check", "check-any"].includes(mode) || !folder) {
  process.stderr.write("usage: load.ts bare|exceljs|check|check-any <folder>\n");
  process.exitCode = 2;
} else {
  measure(mode, folder).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
