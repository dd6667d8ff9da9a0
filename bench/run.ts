/**
 * `npm run bench`: the engine on tables of 100 / 1,000 / 10,000 indicator rows; the cold start of one check; `ziping
 * check` over 200 workbooks in this process, without the pool, against a bare unzip-and-parse of the same files in
 * the same run (alternating, median of 3 rounds); and under load, each measurement alone in a child process for its
 * peak memory: `ziping check` over 1,000 small workbooks, over one 200,000-row 自评表 and over a small 自评表 after a
 * 200,000-row data sheet, each against a bare unzip-and-parse of the same files (./bare-parse.ts), both as the jobs'
 * own times and as the whole commands' (start-up included), and how much two processes at once gain over one on
 * the machine (the most the pool can); the peak memory of batches of 250, 1,000 and 4,000 files, and a file past
 * the cell bound. Detection (bench/detection.ts): reading the table over the variant corpus, per file, and on a
 * 10,000-row table. Numbers are printed, not asserted: a timed test on a shared machine only measures the
 * neighbours.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bareParse } from "./bare-parse";
import { spawn, spawnSync } from "node:child_process";
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

function bareRead(files: string[]): number {
  const t0 = performance.now();
  for (const f of files) bareParse(fs.readFileSync(f));
  return performance.now() - t0;
}

/**
 * `ziping check <dir> --json` in this process and without the pool (ZIPING_WORKERS=0): the reader and the engine,
 * warm, with no worker to start; the pool's figures are load.ts's, each batch in a process of its own.
 */
async function zipingCheck(dir: string): Promise<number> {
  const sink = { write: () => true };
  const saved = process.env.ZIPING_WORKERS;
  process.env.ZIPING_WORKERS = "0";
  const t0 = performance.now();
  try {
    await main(["check", dir, "--json"], { stdout: sink, stderr: sink } as never);
  } finally {
    if (saved === undefined) delete process.env.ZIPING_WORKERS;
    else process.env.ZIPING_WORKERS = saved;
  }
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchCli(count = 200, rounds = 3): Promise<void> {
  const dir = corpus(count);
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  bareRead(files.slice(0, 10));
  await zipingCheck(dir);
  const bare: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < rounds; i++) {
    bare.push(bareRead(files));
    check.push(await zipingCheck(dir));
  }
  const b = median(bare);
  const c = median(check);
  console.log(
    `ziping check, ${count} workbooks, warm, in one process: ${c.toFixed(0)} ms; bare unzip-and-parse of the same files: ${b.toFixed(0)} ms (×${(c / b).toFixed(2)})`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * One `ziping check` of the sample in a fresh process, against `node -e 0`: what an officer waits for. Median of 5.
 * Runs the bundle `npm run build:cli` makes (lib/cli/main.js, which `npm run bench` builds first) when the bench is
 * compiled, the sources through tsx otherwise.
 */
function benchColdStart(): void {
  const sample = path.join(root, "examples", "nansha-2023.xlsx");
  const entry = compiled ? path.join(root, "lib", "cli", "main.js") : path.join(root, "src", "cli", "main.ts");
  const args = compiled ? [entry] : [...process.execArgv, entry];
  const time = (argv: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`cold start failed (${r.status}): ${r.stderr}`);
    return performance.now() - t0;
  };
  const runs = (argv: string[]) => median(Array.from({ length: 5 }, () => time(argv)));
  const node = runs(["-e", "0"]);
  const check = runs([...args, "check", sample]);
  console.log(
    `cold start, ziping check of the sample: ${check.toFixed(0)} ms; node -e 0: ${node.toFixed(0)} ms; the check's own ${(check - node).toFixed(0)} ms (target < 150 ms)`,
  );
}

interface Load {
  /** The job's own time, in the child, once its modules are loaded. */
  ms: number;
  /** The child process's whole time, Node's start-up and the modules' loading included: a command as run. */
  wallMs: number;
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
function measureInChild(
  mode: "bare" | "bare-table" | "exceljs" | "check" | "check-any" | "check-write",
  folder: string,
): Load {
  const node = [
    process.execPath,
    ...process.execArgv,
    path.join(__dirname, compiled ? "load.js" : "load.ts"),
    mode,
    folder,
  ];
  const useTime = fs.existsSync(TIME);
  const t0 = performance.now();
  const child = useTime
    ? spawnSync(TIME, ["-v", ...node], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(node[0], node.slice(1), { encoding: "utf8", maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`load.ts ${mode} ${folder} failed (${child.status}):\n${child.stderr}`);
  const wallMs = performance.now() - t0;
  const result = { ...(JSON.parse(child.stdout.trim().split("\n").pop()!) as Load), wallMs };
  const fromTime = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr) : null;
  if (fromTime) result.maxRssKb = Number(fromTime[1]);
  return result;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function line(label: string, load: Load): string {
  return `  ${label.padEnd(22)} ${(load.ms / 1000).toFixed(2).padStart(7)} s  peak ${mb(load.maxRssKb).padStart(7)}  (${load.files} files; the whole command ${(load.wallMs / 1000).toFixed(2)} s)`;
}

/** Both ratios: of the jobs' own times, and of the whole commands (Node's start-up and the modules' loading in). */
function ratios(what: string, check: Load, anchor: Load): string {
  return `  ratio check / ${what}: time ×${(check.ms / anchor.ms).toFixed(2)} (whole commands ×${(check.wallMs / anchor.wallMs).toFixed(2)}), peak memory ×${(check.maxRssKb / anchor.maxRssKb).toFixed(2)}`;
}

function reportLoad(label: string, bare: Load, check: Load, exceljs?: Load): void {
  console.log(`${label}:`);
  console.log(line("ziping check", check));
  console.log(line("bare unzip-and-parse", bare));
  if (exceljs) console.log(line("exceljs load (former)", exceljs));
  console.log(ratios("bare parse", check, bare));
}

/** The wall time of one load.ts run per folder, all at once (each in its own process). */
function runTogether(mode: "bare", folders: string[]): Promise<number> {
  const script = path.join(__dirname, compiled ? "load.js" : "load.ts");
  const t0 = performance.now();
  return Promise.all(
    folders.map(
      (folder) =>
        new Promise<void>((resolve, reject) =>
          spawn(process.execPath, [...process.execArgv, script, mode, folder], { stdio: "ignore" }).on(
            "exit",
            (code) => (code === 0 ? resolve() : reject(new Error(`load.ts ${mode} ${folder} failed (${code})`))),
          ),
        ),
    ),
  ).then(() => performance.now() - t0);
}

/**
 * What the pool can gain on this machine: the bare parse of the small workbooks in one process, against two
 * processes at once each parsing half of them. On two real cores the two take about half as long; where they take
 * as long as the one, the machine gives one process's worth of work at a time, and no pool can be faster than one
 * process there.
 */
async function benchParallelism(small: number): Promise<void> {
  const halves = [corpus(small / 2), corpus(small / 2)];
  const whole = corpus(small);
  const one = measureInChild("bare", whole).wallMs;
  const two = await runTogether("bare", halves);
  console.log(
    `  the machine's parallelism: bare parse of the ${small.toLocaleString("en-US")} in one process ${(one / 1000).toFixed(2)} s; two processes at once, half each, ${(two / 1000).toFixed(2)} s (×${(one / two).toFixed(2)} faster; two free cores ≈ ×2)`,
  );
  for (const d of [...halves, whole]) fs.rmSync(d, { recursive: true, force: true });
}

async function benchLoad(small = 1000, rows = 200_000): Promise<void> {
  const many = corpus(small);
  reportLoad(
    `ziping check over ${small.toLocaleString("en-US")} small workbooks`,
    measureInChild("bare", many),
    measureInChild("check", many),
    measureInChild("exceljs", many),
  );
  fs.rmSync(many, { recursive: true, force: true });
  await benchParallelism(small);

  for (const [label, indicators, dataRows] of [
    [`one ${rows.toLocaleString("en-US")}-row 自评表`, rows, 0],
    [`a 9-indicator 自评表 after a ${rows.toLocaleString("en-US")}-row data sheet`, 9, rows],
  ] as const) {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-big-"));
    const file = path.join(big, "big.xlsx");
    const t0 = performance.now();
    await writeLargeTable(file, indicators, "自评表", dataRows);
    const made = performance.now() - t0;
    const size = fs.statSync(file).size;
    const checked = measureInChild("check", big);
    reportLoad(
      `ziping check over ${label} (${(size / 1e6).toFixed(1)} MB, written in ${(made / 1000).toFixed(1)} s)`,
      measureInChild("bare", big),
      checked,
    );
    if (dataRows > 0) {
      // The anchor for a table beside a data sheet: parsing the table's sheet alone (target: within ×2, < 200 MB).
      const table = measureInChild("bare-table", big);
      console.log(line("bare, 自评表 sheet only", table));
      console.log(ratios("the table sheet alone", checked, table));
    }
    // The scored copy is a patch: parts it does not change are copied as stored, so writing it adds little.
    const written = measureInChild("check-write", big);
    console.log(line("check --write", written));
    console.log(`  the copy adds ${((written.ms - checked.ms) / 1000).toFixed(2)} s to the check`);
    fs.rmSync(big, { recursive: true, force: true });
  }
}

/**
 * Peak memory of a batch against its size: the same corpus at ×1, ×4 and ×16 the files, each `ziping check` alone in
 * a child process. Each file's table is dropped once its report is made, so the peak should not follow the count.
 */
async function benchBatchMemory(counts = [250, 1000, 4000]): Promise<void> {
  console.log("peak memory of a batch against the number of files (ziping check --json, each in its own process):");
  const peaks: number[] = [];
  for (const count of counts) {
    const dir = corpus(count);
    const load = measureInChild("check", dir);
    peaks.push(load.maxRssKb);
    console.log(line(`${count.toLocaleString("en-US")} files`, load));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `  peak at ${counts[counts.length - 1].toLocaleString("en-US")} files ÷ peak at ${counts[0].toLocaleString("en-US")}: ×${(peaks[peaks.length - 1] / peaks[0]).toFixed(2)} for ×${counts[counts.length - 1] / counts[0]} the files (flat ≈ ×1)`,
  );
}

/** Files that used to end a batch: each is refused or read within its bounds; time and peak memory of the check. */
async function benchHostile(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-hostile-"));
  // 4,000,000 cells: a 200,000-row data sheet of 10 columns beside, and 200,000 rows of 10 more in a second one.
  const t0 = performance.now();
  await writeLargeTable(path.join(dir, "cells.xlsx"), 400_000, "自评表", 0);
  const made = performance.now() - t0;
  const load = measureInChild("check-any", dir);
  console.log(
    `a 400,000-indicator 自评表 (about 3.6 million cells, written in ${(made / 1000).toFixed(1)} s): ${(load.ms / 1000).toFixed(2)} s, peak ${mb(load.maxRssKb)} (refused past the 2,000,000-cell bound, or read)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
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
  benchColdStart();
  await benchCli();
  await benchLoad();
  await benchBatchMemory();
  await benchHostile();
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
