/**
 * The reading layout.ts gives back with a table (what --explain, 识别结果 and the officer's correction show): header
 * rows, each role's column and rows, the budget's row-label column, blocks with their weights, where the total was
 * read. On the central table of test/helpers/tables.ts: budget header row 3 (rows 4–7), goals header row 8 (row 9),
 * indicator header row 10 (rows 11–14), 总分 in row 15.
 */
import { gridFromRows, type CellValue } from "../../src/domain/grid";
import { readTable } from "../../src/domain/layout";
import type { LayoutOverride } from "../../src/domain/layout-file";
import { centralRows, type TableSpec } from "../helpers/tables";

type V = CellValue | undefined;

function reading(spec: TableSpec = {}, edit?: (rows: V[][]) => void, layout?: LayoutOverride) {
  const rows = centralRows(spec) as V[][];
  edit?.(rows);
  const t = readTable(gridFromRows("自评表", rows), layout).table;
  if (!t) throw new Error("no table");
  return t.reading;
}

const rolesOf = (r: ReturnType<typeof reading>, block: string) =>
  r.roles.filter((x) => x.block === block).map((x) => [x.role, x.column, x.rows]);

describe("the reading of a table", () => {
  const r = reading();

  it("names the header rows of each block", () => {
    expect(r.budgetHeaderRows).toEqual([3, 3]);
    expect(r.goalHeaderRows).toEqual([8, 8]);
    expect(r.indicatorHeaderRows).toEqual([10, 10]);
    expect(r.indicatorRows).toEqual([11, 14]);
  });

  it("gives each role its column and the rows read under it, column by column", () => {
    expect(rolesOf(r, "budget")).toEqual([
      ["label", "B", [4, 7]],
      ["initial", "C", [4, 7]],
      ["planned", "D", [4, 7]],
      ["executed", "E", [4, 7]],
      ["weight", "F", [4, 7]],
      ["rate", "G", [4, 7]],
      ["score", "H", [4, 7]],
    ]);
    expect(rolesOf(r, "goal")).toEqual([
      ["expected", "B", [9, 9]],
      ["actual", "F", [9, 9]],
    ]);
    expect(rolesOf(r, "indicator").map((x) => x[1])).toEqual(["B", "C", "D", "E", "F", "G", "H", "I"]);
    expect(rolesOf(r, "indicator").every((x) => JSON.stringify(x[2]) === "[11,14]")).toBe(true);
  });

  it("reads the budget's row labels as a column of their own, with the first four as evidence", () => {
    const label = r.roles.find((x) => x.block === "budget" && x.role === "label")!;
    expect(label).toMatchObject({ col: 2, headerCell: "B3", confidence: "sure", source: "header", header: "" });
    expect(label.evidence).toEqual({
      "zh-CN": "行标签：年度资金总额、其中：当年财政拨款、上年结转资金、其他资金",
      "en-US": "row labels: 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金",
    });
    // Five rows: still the first four named.
    const five = reading({
      budget: [
        ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
        ["甲", 20, 20, 19, null, null, null],
        ["乙", 20, 20, 19, null, null, null],
        ["丙", 20, 20, 19, null, null, null],
        ["丁", 40, 40, 38, null, null, null],
      ],
    });
    expect(five.roles.find((x) => x.role === "label")!.evidence["zh-CN"]).toBe("行标签：年度资金总额、甲、乙、丙");
  });

  it("reads blocks with their rows, and a weight only where one is stated", () => {
    expect(r.blocks).toEqual([
      { level1: "产出指标", rows: [11, 12], weight: null, weightCell: "B11" },
      { level1: "效益指标", rows: [13, 13], weight: null, weightCell: "B13" },
      { level1: "满意度指标", rows: [14, 14], weight: null, weightCell: "B14" },
    ]);
    const stated = reading({
      indicators: [
        ["产出指标（60分）", "数量指标", "甲", "≥1项", "1项", 60, 60, ""],
        ["效益指标", "", "", "", "", 30, 30, ""],
        ["", "社会效益", "乙", "≥1项", "1项", 30, 30, ""],
        ["满意度指标", "", "", "", "", "十分", 10, ""],
        ["", "满意度", "丙", "≥90%", "95%", 10, 10, ""],
      ],
    });
    expect(stated.blocks).toEqual([
      { level1: "产出指标", rows: [11, 11], weight: 60, weightCell: "B11" },
      // From the heading row's 分值 cell (G12), a number.
      { level1: "效益指标", rows: [13, 13], weight: 30, weightCell: "G12" },
      // Text in the 分值 cell is no weight.
      { level1: "满意度指标", rows: [15, 15], weight: null, weightCell: "G14" },
    ]);
    // Nor is a number past any bound (<v>1e999</v> reads as Infinity).
    const infinite = reading({
      indicators: [
        ["产出指标", "", "", "", "", Infinity, 30, ""],
        ["", "数量指标", "甲", "≥1项", "1项", 30, 30, ""],
      ],
    });
    expect(infinite.blocks[0]).toMatchObject({ weight: null, weightCell: "G11" });
  });

  it("says where the total was read, and that no correction was applied", () => {
    expect(r.total).toEqual({ cell: "H15", source: "row" });
    expect(r.weights).toBe("column");
    expect(r.corrected).toBe(false);
    expect(r.assumptions).toEqual([]);
  });

  it("marks a reading the officer corrected, and not one given only a sheet name", () => {
    const corrected = reading({}, undefined, { ziping: "layout", version: 1, indicator: { firstRow: 11 } });
    expect(corrected.corrected).toBe(true);
    const budget = reading({}, undefined, { ziping: "layout", version: 1, budget: { headerRow: 3 } });
    expect(budget.corrected).toBe(true);
    const sheetOnly = reading({}, undefined, { ziping: "layout", version: 1, sheet: "自评表" });
    expect(sheetOnly.corrected).toBe(false);
  });

  it("has no goal header rows in a table without goals", () => {
    const none = reading({}, (rows) => {
      rows.splice(7, 2);
    });
    expect(none.goalHeaderRows).toBeUndefined();
    expect(rolesOf(none, "goal")).toEqual([]);
    expect(none.indicatorHeaderRows).toEqual([8, 8]);
  });
});
