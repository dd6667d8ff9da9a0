/**
 * Formulas a program wrote without their results (no <v> in the sheet XML): computed as Excel would on opening, so
 * the officer is not told that figures they never typed are missing; a formula Ziping cannot compute is named as
 * such. Real .xlsx files, written here from the central-clean fixture, checked through the command line.
 * Expected figures by hand from the fixture's cells: E7:E9 = 100 + 20 + 0 = 120, F7:F9 = 96 + 18 + 0 = 114,
 * H13:H21 = 8.62 + 10 + 10 + 7 + 10 + 10 + 10 + 9 + 10 = 84.62, plus I6 = 9.5: 94.12.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/format";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");
let dir: string;

async function check(file: string): Promise<JsonReport["files"][number]> {
  let out = "";
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined, isTTY: false } };
  await main(["check", file, "--json"], io);
  return (JSON.parse(out) as JsonReport).files[0];
}

/**
 * central-clean with these cells turned into formulas that carry no result (or, with `zeros`, a cached 0, as
 * generators write; `fullCalcOnLoad` asks Excel to recalculate on opening).
 */
async function withFormulas(
  formulas: Record<string, string>,
  file: string,
  options: { zeros?: boolean; fullCalcOnLoad?: boolean } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const ws = wb.getWorksheet("自评表")!;
  for (const [a1, formula] of Object.entries(formulas))
    ws.getCell(a1).value = (options.zeros ? { formula, result: 0 } : { formula }) as ExcelJS.CellFormulaValue;
  if (options.fullCalcOnLoad) wb.calcProperties.fullCalcOnLoad = true;
  await wb.xlsx.writeFile(file);
}

beforeAll(() => {
  dir = tempDir("ziping-formulas-");
});
afterAll(() => removeDir(dir));

describe("formulas without results", () => {
  it("SUM over the table is computed: the figures read as typed ones would, and the note says Ziping computed them", async () => {
    const file = path.join(dir, "sums.xlsx");
    await withFormulas({ E6: "SUM(E7:E9)", F6: "SUM(F7:F9)", H22: "SUM(H13:H21)+I6" }, file);
    const f = await check(file);
    expect(f.budget).toMatchObject({ planned: 120, executed: 114 });
    expect(f.budget.rate).toBeCloseTo(0.95, 6);
    expect(f.total.computed).toBeCloseTo(94.12, 2);
    expect(f.total.reported).toBeCloseTo(94.12, 2);
    expect(f.findings.filter((x) => x.rule === "required-blank")).toEqual([]);
    expect(f.findings.filter((x) => x.severity === "error")).toEqual([]);
    const notes = f.findings.filter((x) => x.rule === "formula-calculated");
    expect(notes).toEqual([expect.objectContaining({ severity: "info", cell: "E6" })]);
    expect(notes[0].message).toBe(
      "3 个公式在文件中没有计算结果（文件可能由程序生成、未在 Excel 中保存过），已由 Ziping 按公式算出：E6、F6、H22。在 Excel 或 WPS 中打开并保存后，以其计算结果为准",
    );
  });

  it("a formula Ziping cannot compute is named at its cell, not reported as left blank; the total is provisional", async () => {
    const file = path.join(dir, "unknown.xlsx");
    await withFormulas({ H22: "ZIPINGUNKNOWN(H13:H21)" }, file);
    const f = await check(file);
    expect(f.findings.filter((x) => x.rule === "required-blank")).toEqual([]);
    expect(f.findings.filter((x) => x.rule === "formula-uncalculated")).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "H22",
        message:
          "公式“=ZIPINGUNKNOWN(H13:H21)”在文件中没有计算结果，Ziping 也无法计算。文件可能由程序生成、未在 Excel 中保存过：请在 Excel 或 WPS 中打开并保存后再检查",
      }),
    ]);
    expect(f.total.provisional).not.toBeNull();
  });

  it("a formula over an uncomputable one is not computed from a blank either", async () => {
    const file = path.join(dir, "chain.xlsx");
    await withFormulas({ H13: "ZIPINGUNKNOWN(1)", H22: "SUM(H13:H21)+I6" }, file);
    const f = await check(file);
    expect(f.findings.filter((x) => x.rule === "formula-uncalculated").map((x) => x.cell)).toEqual(["H13", "H22"]);
  });

  it("cached zeros under fullCalcOnLoad are no results either: computed like missing ones", async () => {
    const file = path.join(dir, "zeros.xlsx");
    const sums = { E6: "SUM(E7:E9)", F6: "SUM(F7:F9)", H22: "SUM(H13:H21)+I6" };
    await withFormulas(sums, file, { zeros: true, fullCalcOnLoad: true });
    const f = await check(file);
    expect(f.budget).toMatchObject({ planned: 120, executed: 114 });
    expect(f.total.reported).toBeCloseTo(94.12, 2);
    expect(f.findings.filter((x) => x.rule === "formula-calculated").map((x) => x.cell)).toEqual(["E6"]);
  });

  it("cached zeros without fullCalcOnLoad are the file's results, read as they are", async () => {
    const file = path.join(dir, "zeros-kept.xlsx");
    await withFormulas({ H22: "SUM(H13:H21)+I6" }, file, { zeros: true });
    const f = await check(file);
    expect(f.total.reported).toBe(0);
    expect(f.findings.some((x) => x.rule.startsWith("formula-"))).toBe(false);
  });
});
