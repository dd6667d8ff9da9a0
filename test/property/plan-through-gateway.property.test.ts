/**
 * The write plan judged from outside the engine, on every generated workbook (golden fixtures, the 南沙 sample and
 * the variant corpus):
 * - applied through the real xlsx gateway (a file written, read back, checked again) it is a fixed point: the new
 *   plan writes exactly the values the cells now hold, the figures do not move, and no finding about a written
 *   cell's own figure remains;
 * - whatever the officer typed into the computed cells or the numbers of the table, the plan writes only cells the
 *   generator drew as computed (NAME.expected.json `computedCells`), not cells the engine's own reading calls so.
 * FC_SEED=<n> replays a run.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { checkWorkbook, type CheckDetail, type MapGrid } from "../../src/domain";
import { parseA1, type Cell } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { writeScoredCopy } from "../../src/gateways/xlsx/write";
import { mutateGrid } from "../helpers/mutate";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";
import { seed } from "../helpers/seed";

interface Expected {
  sheet: string | null;
  computedCells?: string[];
}

const ROOT = path.join(__dirname, "..", "..");
const DIRS = ["test/fixtures/workbooks", "examples", "test/fixtures/variants"].map((d) => path.join(ROOT, d));
const fixtures = DIRS.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx") && fs.existsSync(path.join(dir, f.replace(/\.xlsx$/, ".expected.json"))))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const expected = JSON.parse(fs.readFileSync(file.replace(/\.xlsx$/, ".expected.json"), "utf8")) as Expected;
      return { name: path.relative(ROOT, file), file, expected };
    }),
);

/** Rules about a cell's own figure: once the plan has written the cell, none of them may name it. */
const OWN_FIGURE_RULES = new Set([
  "exec-rate-mismatch",
  "exec-score-mismatch",
  "score-mismatch",
  "score-exceeds-weight",
  "total-mismatch",
]);

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;

/** sheet!A1 → planned value. */
function planned(detail: CheckDetail): Map<string, number | string> {
  return new Map(detail.plan.values.map((v) => [`${v.sheet}!${v.cell}`, v.value]));
}

function cellAt(sheets: readonly MapGrid[], sheet: string, a1: string): Cell | undefined {
  const { row, col } = parseA1(a1);
  return sheets.find((s) => s.name === sheet)?.cell(row, col);
}

describe("the plan applied through the xlsx gateway is a fixed point", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("ziping-fixed-point-");
  });
  afterAll(() => removeDir(dir));

  it("covers the golden fixtures, the sample and the variant corpus", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", async (name, { file }) => {
    const { sheets } = await readWorkbookFile(file);
    const first = checkWorkbook(sheets);
    const copy = path.join(dir, `${path.basename(file, ".xlsx")}.${path.basename(path.dirname(file))}.checked.xlsx`);
    await writeScoredCopy(file, first.plan, copy);
    const { sheets: written } = await readWorkbookFile(copy);
    const again = checkWorkbook(written);

    expect({ name, sheet: again.sheet ?? null }).toEqual({ name, sheet: first.sheet ?? null });

    // Nothing left to write: every value of the new plan is what its cell holds in the written file.
    const changes = again.plan.values
      .filter((v) => !same(cellAt(written, v.sheet, v.cell)?.value, v.value))
      .map(
        (v) =>
          `${v.sheet}!${v.cell}: holds ${JSON.stringify(cellAt(written, v.sheet, v.cell)?.value)}, plan ${v.value}`,
      );
    expect({ name, changes }).toEqual({ name, changes: [] });

    // The same plan, cell for cell.
    const before = planned(first);
    const after = planned(again);
    const differ = [...new Set([...before.keys(), ...after.keys()])]
      .filter((at) => !same(before.get(at), after.get(at)))
      .map((at) => `${at}: ${before.get(at)} then ${after.get(at)}`);
    expect({ name, differ }).toEqual({ name, differ: [] });

    // The figures do not move.
    const figures = (d: CheckDetail) =>
      d.figures.map((f) => `${f.key} ${f.display} ${f.value === null ? "" : f.value.toFixed(9)}`);
    expect({ name, figures: figures(again) }).toEqual({ name, figures: figures(first) });
    expect({ name, rate: again.budget.rate, total: again.total.computed, grade: again.total.grade }).toEqual({
      name,
      rate: first.budget.rate,
      total: first.total.computed,
      grade: first.total.grade,
    });

    // What the plan corrected is no longer reported.
    const left = again.findings
      .filter((f) => OWN_FIGURE_RULES.has(f.rule) && before.has(`${f.sheet}!${f.cell}`))
      .map((f) => `${f.rule}@${f.cell}`);
    expect({ name, left }).toEqual({ name, left: [] });
  });
});

// ── Writes only computed cells, against the generator's geometry ─────────────────────────────────────────────

interface Book {
  name: string;
  sheets: MapGrid[];
  table: number;
  computed: Set<string>;
  /** Cells of the table sheet that may be damaged: the computed cells and every number typed in the table. */
  targets: string[];
}

const withGeometry = fixtures.filter((f) => f.expected.sheet !== null && f.expected.computedCells?.length);
let books: Book[] = [];

beforeAll(async () => {
  books = await Promise.all(
    withGeometry.map(async ({ name, file, expected }) => {
      const { sheets } = await readWorkbookFile(file);
      const table = sheets.findIndex((s) => s.name === expected.sheet);
      const computed = new Set(expected.computedCells);
      const numbers = [...sheets[table].entries()]
        .filter(({ cell }) => typeof cell.value === "number" && cell.formula === undefined)
        .map(({ row, col }) => `${colLetters(col)}${row}`);
      return { name, sheets, table, computed, targets: [...new Set([...computed, ...numbers])].sort() };
    }),
  );
});

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What an officer types over a figure: blanks, text, other numbers, numbers as text, errors, a formula. */
const typed: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom<Cell>(
    { value: "" },
    { value: "—" },
    { value: "满分" },
    { value: "见附表" },
    { value: "优" },
    { value: "差" },
    { value: "100%" },
    { value: "９．５" },
    { value: "9.5分" },
    { value: "1,234.50" },
    { value: { error: "#DIV/0!" } },
    { value: { error: "#REF!" }, formula: "#REF!+1" },
    { value: 9.5, formula: "ROUND(H6*10,2)" },
    { value: true },
  ),
  fc.double({ min: -50, max: 5000, noNaN: true }).map((value): Cell => ({ value })),
  fc.integer({ min: 0, max: 120 }).map((value): Cell => ({ value })),
  fc.double({ min: 0, max: 2, noNaN: true }).map((value): Cell => ({ value, numFmt: "0.00%" })),
);

const damage = fc.array(fc.tuple(fc.nat(), typed), { minLength: 1, maxLength: 6 });

describe("the plan writes only the cells the generator drew as computed", () => {
  it("every fixture with a table states its computed cells", () => {
    expect(withGeometry.length).toBeGreaterThanOrEqual(30);
  });

  it("the computed cells or the numbers of the table retyped: every write lies in computedCells", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), damage, (i, edits) => {
        const book = books[i % books.length];
        const grid = mutateGrid(book.sheets[book.table], []);
        const done: string[] = [];
        for (const [k, cell] of edits) {
          const a1 = book.targets[k % book.targets.length];
          const { row, col } = parseA1(a1);
          if (cell === null) grid.set(row, col, { value: null });
          else grid.set(row, col, { ...cell, numFmt: cell.numFmt ?? grid.cell(row, col)?.numFmt });
          done.push(`${a1}=${JSON.stringify(cell)}`);
        }
        const sheets = book.sheets.map((s, k) => (k === book.table ? grid : s));
        const detail = checkWorkbook(sheets);
        const outside = detail.plan.values
          .filter((v) => v.sheet !== grid.name || !book.computed.has(v.cell))
          .map((v) => `${v.figure} → ${v.sheet}!${v.cell}`);
        if (outside.length)
          throw new Error(`${book.name} after ${done.join(", ")}: the plan writes ${outside.join(", ")}`);
      }),
      { numRuns: 1500, seed },
    );
  });
});
