/**
 * `npm run bench`: the engine on tables of 100 / 1,000 / 10,000 indicator rows, and `ziping check` over 200
 * workbooks against a bare exceljs read of the same files in the same run (alternating, median of 3 rounds).
 * Numbers are printed, not asserted: a timed test on a shared machine only measures the neighbours.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { benchEngine } from "./engine";

const root = path.join(__dirname, "..");

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

async function run(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
  const engine = benchEngine();
  for (const r of engine)
    console.log(
      `engine ${String(r.rows).padStart(6)} indicator rows: ${r.ms.toFixed(2)} ms (${r.perRowUs.toFixed(2)} µs/row)`,
    );
  const [small, , large] = engine;
  console.log(
    `  growth 100 → 10,000 rows: ×${(large.ms / small.ms).toFixed(1)} for ×100 rows (linear ≈ ×100); 10,000 rows target < 100 ms`,
  );
  await benchCli();
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
