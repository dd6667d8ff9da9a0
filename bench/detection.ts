/**
 * Detection benchmark: the time to find and read the 自评表 (checkWorkbook on grids read beforehand, so exceljs is
 * not counted) over the variant corpus, per file and in total; and reading, then reading + checking, a 10,000-row
 * indicator table built in memory, against the anchor (under 100 ms for 10,000 rows, growing linearly).
 * Printed, never asserted: timings on a shared machine measure the neighbours as much as the code.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/domain";
import type { Grid } from "../src/domain/grid";
import { readTable } from "../src/domain/layout";
import { readWorkbookFile } from "../src/gateways/xlsx/read";
import { syntheticTable } from "./engine";
import { repositoryRoot } from "./root";

/**
 * The same sheet under a new identity. The reader remembers the sheets it has scanned (by object), so timing one
 * grid twice would time the memory; a wrapper costs one call per cell read and nothing up front.
 */
function fresh(g: Grid): Grid {
  return {
    name: g.name,
    rowCount: g.rowCount,
    colCount: g.colCount,
    merges: g.merges,
    protected: g.protected,
    cell: (row, col) => g.cell(row, col),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface CorpusTiming {
  /** The folder measured, relative to the repository. */
  folder: string;
  /** Why another folder than the variants was measured, when it was. */
  fallback?: string;
  files: Array<{ file: string; sheets: number; ms: number; recognised: boolean }>;
  /** Files that could not be read into grids (reported, not timed). */
  unreadable: string[];
}

function workbooksIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** checkWorkbook per file of the corpus: median of `runs` after one warm-up pass over every file. */
export async function benchCorpus(runs = 5): Promise<CorpusTiming> {
  const root = repositoryRoot(__dirname);
  const variants = path.join(root, "test", "fixtures", "variants");
  let folder = variants;
  let fallback: string | undefined;
  let files = workbooksIn(variants);
  if (files.length === 0) {
    folder = path.join(root, "test", "fixtures", "workbooks");
    fallback = `${path.relative(root, variants)} is ${fs.existsSync(variants) ? "empty" : "missing"}`;
    files = workbooksIn(folder);
  }

  // Reading the .xlsx files is exceljs' work, not detection's: all of it happens before the clock starts.
  const prepared: Array<{ file: string; sheets: Grid[] }> = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      prepared.push({ file, sheets: (await readWorkbookFile(file)).sheets });
    } catch {
      unreadable.push(path.basename(file));
    }
  }

  for (const { sheets } of prepared) checkWorkbook(sheets.map(fresh));
  const timed = prepared.map(({ file, sheets }) => {
    const times: number[] = [];
    let recognised = false;
    for (let i = 0; i < runs; i++) {
      const grids = sheets.map(fresh);
      const t0 = performance.now();
      const result = checkWorkbook(grids);
      times.push(performance.now() - t0);
      recognised = result.reading !== undefined;
    }
    return { file: path.basename(file), sheets: sheets.length, ms: median(times), recognised };
  });
  return { folder: path.relative(root, folder), fallback, files: timed, unreadable };
}

export interface LargeTiming {
  rows: number;
  /** readTable alone: headers, blocks, every indicator row read into the table model. */
  readMs: number;
  /** checkWorkbook: choosing the sheet, reading, validating and scoring (no write plan). */
  checkMs: number;
}

/** Reading, and reading + checking, of the engine bench's synthetic central table, median of `runs`. */
export function benchLarge(sizes = [1000, 10000], runs = 9): LargeTiming[] {
  const built = new Map(sizes.map((n) => [n, syntheticTable(n)]));
  for (const g of built.values()) {
    readTable(fresh(g));
    checkWorkbook([fresh(g)]);
  }
  return sizes.map((rows) => {
    const g = built.get(rows)!;
    const read: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < runs; i++) {
      const a = fresh(g);
      let t0 = performance.now();
      readTable(a);
      read.push(performance.now() - t0);
      const b = fresh(g);
      t0 = performance.now();
      checkWorkbook([b]);
      check.push(performance.now() - t0);
    }
    return { rows, readMs: median(read), checkMs: median(check) };
  });
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const us = (total: number, rows: number) => `${((total * 1000) / rows).toFixed(2)} µs/row`;

export async function reportDetection(): Promise<void> {
  const corpus = await benchCorpus();
  const n = corpus.files.length;
  const note = corpus.fallback ? ` (${corpus.fallback}: measured ${corpus.folder} instead)` : "";
  console.log(`detection (checkWorkbook on grids read beforehand) over ${corpus.folder}: ${n} files${note}`);
  if (n > 0) {
    const total = corpus.files.reduce((s, f) => s + f.ms, 0);
    const slowest = corpus.files.reduce((a, b) => (b.ms > a.ms ? b : a));
    const unrecognised = corpus.files.filter((f) => !f.recognised).length;
    console.log(
      `  per file: mean ${ms(total / n)}, median ${ms(median(corpus.files.map((f) => f.ms)))}, slowest ${ms(slowest.ms)} (${slowest.file}); total ${ms(total)}`,
    );
    console.log(`  tables recognised: ${n - unrecognised} of ${n}`);
  }
  if (corpus.unreadable.length) console.log(`  not read into grids: ${corpus.unreadable.join(", ")}`);

  const large = benchLarge();
  console.log("detection + check of an indicator table built in memory:");
  for (const r of large)
    console.log(
      `  ${r.rows.toLocaleString("en-US").padStart(6)} rows: reading ${ms(r.readMs)} (${us(r.readMs, r.rows)}); reading + check ${ms(r.checkMs)} (${us(r.checkMs, r.rows)})`,
    );
  const [small, big] = [large[0], large[large.length - 1]];
  console.log(
    `  growth ${small.rows.toLocaleString("en-US")} → ${big.rows.toLocaleString("en-US")} rows: reading ×${(big.readMs / small.readMs).toFixed(1)}, reading + check ×${(big.checkMs / small.checkMs).toFixed(1)} for ×${big.rows / small.rows} rows`,
  );
  console.log(`  anchor (issue 8): 10,000 rows under 100 ms, linear (×10 rows ≈ ×10 time)`);
}

if (require.main === module) {
  reportDetection().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
