/**
 * A batch in the pool of worker processes (src/cli/pool.ts), through `ziping check <folder> --json` in-process:
 * the same report as one file after another, in the order the files were named even when a slow file comes first,
 * and a file that runs its worker out of memory or past its deadline is one error while the rest are checked and
 * the 汇总 is written.
 */
import fs from "node:fs";
import path from "node:path";
import { main, type CliIo } from "../../src/cli/main";
import { checkInPool, PoolUnavailable } from "../../src/cli/pool";
import type { JsonReport } from "../../src/cli/format";
import { writeLargeTable } from "../helpers/mutate-workbooks";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

async function check(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
  };
  try {
    const status = await main(["check", ...args, "--json"], io);
    return { status, doc: JSON.parse(out) as JsonReport, err };
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

let root: string;
let folder: string;
const BIG = "00 大表.xlsx";
const SMALL = ["01 central-clean.xlsx", "02 sichuan-clean.xlsx", "03 reason-missing.xlsx", "04 city-20-80-clean.xlsx"];

beforeAll(async () => {
  root = tempDir("ziping-pool-");
  folder = path.join(root, "报送");
  fs.mkdirSync(folder);
  await writeLargeTable(path.join(folder, BIG), 60_000);
  for (const name of SMALL) fs.copyFileSync(path.join(FIXTURES, name.slice(3)), path.join(folder, name));
}, 120_000);

afterAll(() => removeDir(root));

describe("a batch in the worker pool", () => {
  it("gives the report checking one file after another gives, in the files' order, with the slow file first", async () => {
    const pooled = await check([folder], { ZIPING_WORKERS: "2" });
    const serial = await check([folder], { ZIPING_WORKERS: "0" });
    expect(pooled.doc.files.map((f) => path.basename(f.file))).toEqual([BIG, ...SMALL]);
    expect(pooled.doc).toEqual(serial.doc);
    expect(pooled.status).toBe(serial.status);
    // The 60,000-row table is read in full: 9.50 for execution plus 60,000 × 0.01.
    expect(pooled.doc.files[0].total.computed).toBeCloseTo(9.5 + 600, 2);
  }, 180_000);

  it("turns a worker run out of memory into one file's error, checks the rest and writes the 汇总", async () => {
    const summary = path.join(root, "汇总-内存.xlsx");
    const { status, doc } = await check([folder, "--summary", summary], {
      ZIPING_WORKERS: "2",
      ZIPING_WORKER_MEMORY_MB: "64",
    });
    const [big, ...rest] = doc.files;
    expect(big.ok).toBe(false);
    expect(big.error).toMatch(/检查此文件时进程意外终止（out of memory \(64 MB\)）/);
    expect(big.error).toContain(BIG);
    expect(rest.map((f) => [path.basename(f.file), f.ok])).toEqual(SMALL.map((n) => [n, true]));
    expect(status).toBe(2);
    expect(fs.existsSync(summary)).toBe(true);
  }, 180_000);

  it("gives up a file past its deadline with a message naming it, and checks the rest", async () => {
    const { doc } = await check([folder], { ZIPING_WORKERS: "1", ZIPING_DEADLINE_S: "1" });
    expect(doc.files[0].ok).toBe(false);
    expect(doc.files[0].error).toMatch(/检查超过 1 秒仍未完成，已放弃此文件/);
    expect(doc.files.slice(1).every((f) => f.ok)).toBe(true);
  }, 180_000);

  it("says when no worker can start at all (the caller then checks in-process) instead of retrying for ever", async () => {
    const files = SMALL.map((n) => path.join(folder, n));
    const run = checkInPool(files, { kind: "check" } as never, undefined, [], () => undefined, {
      workerModule: path.join(root, "no-such-worker.js"),
    });
    await expect(run).rejects.toBeInstanceOf(PoolUnavailable);
  }, 60_000);
});
