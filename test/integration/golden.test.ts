/**
 * Golden tests: every workbook in test/fixtures/workbooks (made by scripts/make-fixtures.ts) is read with the
 * xlsx gateway and checked; the conclusions a reviewer would reach are written beside it in NAME.expected.json,
 * with the values the write plan must put into the computed cells, worked out by hand from the table's inputs.
 */
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";

interface Expected {
  description?: string;
  sheet?: string;
  layout?: string | null;
  budget?: { rate?: number };
  total?: { computed?: number; grade?: string };
  findings?: Array<{ rule: string; cell: string }>;
  absent?: string[];
  /** A1 (on the table's sheet; "Sheet!A1" elsewhere) → the value the plan writes there, and no other cell. */
  writes?: Record<string, number | string>;
  /** The cells the template drew as computed cells: the plan writes no other. */
  computedCells?: string[];
}

/** The plan's values keyed as expected.json keys them. */
function plannedWrites(result: ReturnType<typeof checkWorkbook>, sheet: string | null | undefined) {
  const out: Record<string, number | string> = {};
  for (const v of result.plan.values) out[v.sheet === sheet ? v.cell : `${v.sheet}!${v.cell}`] = v.value;
  return out;
}

/**
 * One line per cell planned or listed: the plan's value against the listed one (numbers equal to 1e-9, the float
 * noise of a sum; text exactly), so that a diff names each cell that differs, is missing or is extra.
 */
function writeLines(
  fixture: string,
  planned: Record<string, number | string>,
  listed: Record<string, number | string>,
) {
  const cells = [...new Set([...Object.keys(planned), ...Object.keys(listed)])].sort();
  const close = (a: unknown, b: unknown) =>
    typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;
  return {
    received: cells.map((cell) => ({
      fixture,
      cell,
      value: cell in planned ? (close(planned[cell], listed[cell]) ? listed[cell] : planned[cell]) : "(not planned)",
    })),
    wanted: cells.map((cell) => ({ fixture, cell, value: cell in listed ? listed[cell] : "(not in writes)" })),
  };
}

const load = (file: string): Expected => JSON.parse(fs.readFileSync(file.replace(/\.xlsx$/, ".expected.json"), "utf8"));

const dirs = [path.join(__dirname, "..", "fixtures", "workbooks"), path.join(__dirname, "..", "..", "examples")];
const cases = dirs.flatMap((dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".xlsx") && fs.existsSync(path.join(dir, f.replace(/\.xlsx$/, ".expected.json"))))
        .sort()
        .map((f) => [f, path.join(dir, f)] as const)
    : [],
);

describe("golden workbooks", () => {
  it("exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("%s", async (_name, file) => {
    const expected = load(file);
    const { sheets } = await readWorkbookFile(file);
    const result = checkWorkbook(sheets);
    const found = result.findings.map((f) => `${f.rule}@${f.cell}`);
    const context = `${path.basename(file)}: ${expected.description ?? ""}\nfound: ${found.join(", ")}`;

    if (expected.layout !== undefined)
      expect({ context, layout: result.layout ?? null }).toEqual({ context, layout: expected.layout });
    if (expected.sheet !== undefined && expected.layout !== null) expect(result.sheet).toBe(expected.sheet);
    if (expected.budget?.rate !== undefined) expect(result.budget.rate).toBeCloseTo(expected.budget.rate, 4);
    if (expected.total?.computed !== undefined) expect(result.total.computed).toBeCloseTo(expected.total.computed, 2);
    if (expected.total?.grade !== undefined) expect(result.total.grade).toBe(expected.total.grade);
    for (const f of expected.findings ?? [])
      expect({ context, has: found.includes(`${f.rule}@${f.cell}`), want: `${f.rule}@${f.cell}` }).toEqual({
        context,
        has: true,
        want: `${f.rule}@${f.cell}`,
      });
    for (const rule of expected.absent ?? [])
      expect({ context, rule, present: found.filter((f) => f.startsWith(`${rule}@`)) }).toEqual({
        context,
        rule,
        present: [],
      });
  });
});

describe("golden workbooks: the values the plan writes", () => {
  it("every fixture states its writes and computed cells", () => {
    const missing = cases.filter(([, file]) => !load(file).writes || !load(file).computedCells).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it.each(cases)(
    "%s: every planned cell is listed with that value, every listed cell is planned",
    async (name, file) => {
      const expected = load(file);
      const { sheets } = await readWorkbookFile(file);
      const result = checkWorkbook(sheets);
      const { received, wanted } = writeLines(name, plannedWrites(result, expected.sheet), expected.writes ?? {});
      expect(received).toEqual(wanted);
    },
  );

  it.each(cases)("%s: the plan writes only the cells the template drew as computed", async (name, file) => {
    const expected = load(file);
    const { sheets } = await readWorkbookFile(file);
    const result = checkWorkbook(sheets);
    const computed = new Set(expected.computedCells ?? []);
    const outside = result.plan.values
      .filter((v) => v.sheet !== expected.sheet || !computed.has(v.cell))
      .map((v) => `${v.figure} → ${v.sheet}!${v.cell}`);
    expect({ fixture: name, outside }).toEqual({ fixture: name, outside: [] });
  });
});
