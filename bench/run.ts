/**
 * `npm run bench`: the engine on tables of 100 / 1,000 / 10,000 indicator rows; `ziping check` over 200
 * workbooks against a bare exceljs read of the same files in the same run (alternating, median of 3 rounds);
 * and under load, each measurement alone in a child process for its peak memory: `ziping check` over 1,000
 * small workbooks and over one 200,000-row 自评表, each against a bare exceljs read of the same files. Detection
 * (bench/detection.ts): reading the table over the variant corpus, per file, and on a 10,000-row table.
 * Numbers are printed, not asserted: a timed test on a shared machine only measures the neighbours.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { main } from "../src/cli/main";
import { writeLargeTable } from "../test/helpers/mutate-workbooks";
import { reportDetection } from "./detection";
import { benchEngine } from "./engine";
import { repositoryRoot } from "./root";

const root = repositoryRoot(__dirname);
const compiled = __filename.endsWith(".js");

function corpus(count: number): string {
  const sources = [path.join(root, "test", "fixtures", "workbooks"), path.join(root, "examples")]
    .flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(d, f)),
    )
    .sort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-"));
  for (let i = 0; i < count; i++)
    fs.copyFileSync(sources[i % sources.length], path.join(dir, `${String(i).padStart(4, "0")}.xlsx`));
  return dir;
}

async function bareRead(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  return performance.now() - t0;
}

async function zipingCheck(dir: string): Promise<number> {
  const sink = { write: () => true };
  const t0 = performance.now();
  await main(["check", dir, "--json"], { stdout: sink, stderr: sink } as never);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchCli(count = 200, rounds = 3): Promise<void> {
  const dir = corpus(count);
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  await bareRead(files.slice(0, 10));
  await zipingCheck(dir);
  const bare: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(await bareRead(files));
    check.push(await zipingCheck(dir));
  }
  const b = median(bare);
  const c = median(check);
  console.log(
    `ziping check, ${count} workbooks: ${c.toFixed(0)} ms; bare exceljs read of the same files: ${b.toFixed(0)} ms`,
  );
  console.log(
    `  beyond the read (engine, output): ${(c - b).toFixed(0)} ms = ${(((c - b) / c) * 100).toFixed(1)}% of the check (target < 20%)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

interface Load {
  ms: number;
  /** Peak resident memory of the child process, in kilobytes. */
  maxRssKb: number;
  files: number;
}

const TIME = "/usr/bin/time";

/**
 * Runs bench/load.ts in a fresh Node process (with the loaders this process runs under, i.e. tsx) and returns
 * what it measured. The peak memory comes from `/usr/bin/time -v` when the machine has it, else from the
 * child's own process.resourceUsage().
 */
function measureInChild(mode: "bare" | "check", folder: string): Load {
  const node = [
    process.execPath,
    ...process.execArgv,
    path.join(__dirname, compiled ? "load.js" : "load.ts"),
    mode,
    folder,
  ];
  const useTime = fs.existsSync(TIME);
  const child = useTime
    ? spawnSync(TIME, ["-v", ...node], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(node[0], node.slice(1), { encoding: "utf8", maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`load.ts ${mode} ${folder} failed (${child.status}):\n${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as Load;
  const fromTime = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr) : null;
  if (fromTime) result.maxRssKb = Number(fromTime[1]);
  return result;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function reportLoad(label: string, bare: Load, check: Load): void {
  console.log(`${label}:`);
  console.log(
    `  ziping check      ${(check.ms / 1000).toFixed(2).padStart(7)} s  peak ${mb(check.maxRssKb).padStart(7)}  (${check.files} files)`,
  );
  console.log(
    `  bare exceljs read ${(bare.ms / 1000).toFixed(2).padStart(7)} s  peak ${mb(bare.maxRssKb).padStart(7)}  (${bare.files} files)`,
  );
  console.log(
    `  ratio check / bare read: time ×${(check.ms / bare.ms).toFixed(2)}, peak memory ×${(check.maxRssKb / bare.maxRssKb).toFixed(2)}`,
  );
}

async function benchLoad(small = 1000, rows = 200_000): Promise<void> {
  const many = corpus(small);
  reportLoad(
    `ziping check over ${small.toLocaleString("en-US")} small workbooks`,
    measureInChild("bare", many),
    measureInChild("check", many),
  );
  fs.rmSync(many, { recursive: true, force: true });

  const big = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-big-"));
  const t0 = performance.now();
  await writeLargeTable(path.join(big, "200000.xlsx"), rows);
  const made = performance.now() - t0;
  const size = fs.statSync(path.join(big, "200000.xlsx")).size;
  reportLoad(
    `ziping check over one ${rows.toLocaleString("en-US")}-row 自评表 (${(size / 1e6).toFixed(1)} MB, written in ${(made / 1000).toFixed(1)} s)`,
    measureInChild("bare", big),
    measureInChild("check", big),
  );
  fs.rmSync(big, { recursive: true, force: true });
}

async function run(): Promise<void> {
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}; ${compiled ? "compiled with tsc" : "through tsx (slower: npm run bench compiles first)"}`,
  );
  const engine = benchEngine();
  for (const r of engine)
    console.log(
      `engine ${String(r.rows).padStart(6)} indicator rows: ${r.ms.toFixed(2)} ms (${r.perRowUs.toFixed(2)} µs/row); with the write plan ${r.withPlanMs.toFixed(2)} ms`,
    );
  const [small, , large] = engine;
  console.log(
    `  growth 100 → 10,000 rows: ×${(large.ms / small.ms).toFixed(1)} for ×100 rows (linear ≈ ×100); 10,000 rows target < 100 ms`,
  );
  await reportDetection();
  await benchCli();
  await benchLoad();
  // The pane's bench drives the webpack build and Chromium, and reads TypeScript sources: it runs under tsx.
  const pane = spawnSync(
    process.execPath,
    [require.resolve("tsx/cli", { paths: [root] }), path.join(root, "bench", "pane.ts")],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (pane.status !== 0) process.exitCode = 1;
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
