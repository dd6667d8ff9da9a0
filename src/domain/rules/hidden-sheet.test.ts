/**
 * hidden-sheet: a hidden or very hidden sheet is never read as the 自评表 while a visible sheet holds one, and is named
 * in an info finding; when only hidden sheets hold a table, the best of them is read and the finding says so.
 */
import { describe, expect, it } from "@jest/globals";
import { checkWorkbook, gridFromRows, locateTable, type MapGrid } from "../../domain";
import { centralRows } from "../../../test/helpers/tables";

function sheet(name: string, hidden: boolean, rows = centralRows()): MapGrid {
  const g = gridFromRows(name, rows);
  g.hidden = hidden;
  return g;
}
const notes = (sheets: MapGrid[]) => checkWorkbook(sheets).findings.filter((f) => f.rule === "hidden-sheet");

describe("which sheet is read", () => {
  it.each([
    [
      "a hidden table before the visible one",
      [sheet("自评表（修改前）", true), sheet("自评表", false)],
      "自评表",
      ["自评表（修改前）"],
    ],
    ["a hidden table after the visible one", [sheet("自评表", false), sheet("旧表", true)], "自评表", ["旧表"]],
    ["only hidden tables: the first best of them", [sheet("甲", true), sheet("乙", true)], "甲", ["甲", "乙"]],
    ["no hidden sheet", [sheet("自评表", false)], "自评表", []],
    ["a hidden sheet without a table", [sheet("数据", true, [["会议纪要"]]), sheet("自评表", false)], "自评表", []],
  ])("%s", (_, sheets, read, hidden) => {
    expect(locateTable(sheets)).toEqual({ name: read, hidden });
    expect(checkWorkbook(sheets).sheet).toBe(read);
  });

  it("an explicit --sheet still reads the hidden sheet asked for, and says it is hidden", () => {
    const sheets = [sheet("自评表", false), sheet("旧表", true)];
    const result = checkWorkbook(sheets, { sheet: "旧表" });
    expect(result.sheet).toBe("旧表");
    expect(result.findings.filter((f) => f.rule === "hidden-sheet").map((f) => f.sheet)).toEqual(["旧表"]);
  });
});

describe("hidden-sheet findings", () => {
  it("names every other hidden table, at A1 of the visible sheet read, as information only", () => {
    const found = notes([sheet("自评表", false), sheet("旧表", true), sheet("草稿", true)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", sheet: "自评表", cell: "A1" });
    expect(found[0].message["zh-CN"]).toBe(
      "隐藏的工作表“旧表”、“草稿”也含有绩效自评表，未予校验；校验的是可见的工作表“自评表”。如应报送的是隐藏的表，请取消隐藏并删除或隐藏“自评表”后重新校验",
    );
    expect(found[0].message["en-US"]).toBe(
      'The hidden sheet(s) "旧表", "草稿" also hold a self-evaluation table and were not checked; the visible sheet "自评表" was. If the hidden one is the table to submit, unhide it and remove or hide "自评表", then check again',
    );
    expect(found[0].expected).toBeUndefined();
  });

  it("says so when the table read is itself hidden", () => {
    const found = notes([sheet("数据", false, [["会议纪要"]]), sheet("自评表", true)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", sheet: "自评表", cell: "A1" });
    expect(found[0].message["zh-CN"]).toBe(
      "校验的工作表“自评表”是隐藏的：工作簿中没有可见的绩效自评表。请确认这是要报送的表，并在报送前取消隐藏",
    );
    expect(found[0].message["en-US"]).toBe(
      'The sheet checked, "自评表", is hidden: no visible sheet holds a self-evaluation table. Make sure it is the table to submit, and unhide it before submitting',
    );
  });

  it("raises nothing without hidden tables, and leaves the scores alone", () => {
    const plain = checkWorkbook([sheet("自评表", false)]);
    const withHidden = checkWorkbook([sheet("自评表", false), sheet("旧表", true)]);
    expect(notes([sheet("自评表", false)])).toEqual([]);
    expect(withHidden.total).toEqual(plain.total);
    expect(withHidden.budget).toEqual(plain.budget);
  });
});
