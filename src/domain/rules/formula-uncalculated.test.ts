/**
 * formula-uncalculated and formula-calculated: the gateway lists on the grid the formulas the file held no result
 * for (computed by Ziping, or not computable); the engine names them and never calls such a cell left blank.
 */
import { describe, expect, it } from "@jest/globals";
import { checkWorkbook, gridFromRows, toA1, type MapGrid } from "../../domain";
import { centralRows } from "../../../test/helpers/tables";

/** The central table with its 总分 (column H of the 总分 row) a formula without a result. */
function table(): { grid: MapGrid; total: string } {
  const rows = centralRows();
  const r = rows.findIndex((row) => row[0] === "总分") + 1;
  const grid = gridFromRows("自评表", rows);
  return { grid, total: toA1(r, 8) };
}

describe("formula-uncalculated", () => {
  it("names the formula at its cell, as an error; required-blank is not raised there", () => {
    const { grid, total } = table();
    grid.set(Number(total.slice(1)), 8, { value: null, formula: "ZIPINGUNKNOWN(H10:H15)" });
    grid.uncalculated = [total];
    const result = checkWorkbook([grid]);
    const found = result.findings.filter((f) => f.rule === "formula-uncalculated");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", sheet: "自评表", cell: total });
    expect(found[0].message["zh-CN"]).toBe(
      "公式“=ZIPINGUNKNOWN(H10:H15)”在文件中没有计算结果，Ziping 也无法计算。文件可能由程序生成、未在 Excel 中保存过：请在 Excel 或 WPS 中打开并保存后再检查",
    );
    expect(found[0].message["en-US"]).toMatch(/^The formula "=ZIPINGUNKNOWN\(H10:H15\)" has no result in the file/);
    expect(result.findings.filter((f) => f.rule === "required-blank" && f.cell === total)).toEqual([]);
    expect(result.total.provisional).not.toBeNull();
  });

  it("a blank 总分 without a formula is still required-blank", () => {
    const { grid, total } = table();
    grid.set(Number(total.slice(1)), 8, { value: null });
    const result = checkWorkbook([grid]);
    expect(result.findings.filter((f) => f.rule === "required-blank" && f.cell === total)).toHaveLength(1);
    expect(result.findings.some((f) => f.rule === "formula-uncalculated")).toBe(false);
  });
});

describe("formula-calculated", () => {
  it("one note at the first computed cell, naming up to ten cells, then 等", () => {
    const { grid } = table();
    grid.calculated = Array.from({ length: 12 }, (_, i) => `Z${i + 1}`);
    const found = checkWorkbook([grid]).findings.filter((f) => f.rule === "formula-calculated");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", cell: "Z1" });
    expect(found[0].message["zh-CN"]).toBe(
      "12 个公式在文件中没有计算结果（文件可能由程序生成、未在 Excel 中保存过），已由 Ziping 按公式算出：Z1、Z2、Z3、Z4、Z5、Z6、Z7、Z8、Z9、Z10 等。在 Excel 或 WPS 中打开并保存后，以其计算结果为准",
    );
    expect(found[0].message["en-US"]).toContain("Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10 …");
  });

  it("nothing without computed formulas", () => {
    expect(checkWorkbook([table().grid]).findings.some((f) => f.rule.startsWith("formula-"))).toBe(false);
  });
});
