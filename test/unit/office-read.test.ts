/** Reading the 自评表 through office.js: which sheet, what comes back, and how many round trips. */
import { readSheet, readTable } from "../../src/gateways/office/read";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, FIRST_INDICATOR_ROW, TABLE_SHEET } from "../helpers/office-tables";

function workbookWithTable(n: number, opts: { position?: "active" | "middle"; api?: string } = {}): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = opts.api ?? "1.18";
  excel.addSheet("封面", [["2023年度项目支出绩效自评"], ["南沙区政府办"]]);
  if (opts.position === "middle") excel.addSheet("说明", [["填表说明：金额单位为万元"]]);
  addCentralTable(excel, n);
  excel.addSheet("附件2 佐证材料", [
    ["序号", "材料名称"],
    [1, "会议纪要"],
  ]);
  excel.activeSheet = opts.position === "middle" ? "封面" : TABLE_SHEET;
  excel.install();
  return excel;
}

afterEach(() => FakeExcel.uninstall());

describe("readTable", () => {
  it("reads a 500-indicator table in two syncs: one to find the sheet, one to read it", async () => {
    const excel = workbookWithTable(500);
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const read = await readTable(context);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.sheet).toBe(TABLE_SHEET);
    expect(read.protected).toBe(false);

    const g = read.grid;
    expect(g.name).toBe(TABLE_SHEET);
    // Table origin is B2: the used range's offset is kept, so addresses match Excel's.
    expect(g.cell(2, 2)?.value).toBe("项目支出绩效自评表");
    expect(g.cell(1, 1)).toBeUndefined();
    expect(g.cell(13, 2)?.value).toBe("绩效指标");
    expect(g.rowCount).toBe(FIRST_INDICATOR_ROW + 500);
    expect(g.colCount).toBe(10);
    expect(g.cell(FIRST_INDICATOR_ROW + 499, 5)?.value).toMatch(/^500\. 南沙区政务服务中心/);
  });

  it("keeps formulas, cached results, number formats and merged areas", async () => {
    const excel = workbookWithTable(12);
    const { grid } = await readTable(excel.context());
    expect(grid.cell(7, 4)).toEqual({ value: 3378.3, formula: "SUM(D8:D10)", numFmt: "#,##0.00" });
    expect(grid.cell(7, 8)).toEqual({ value: 0.9893, numFmt: "0.00%" });
    expect(grid.cell(8, 4)).toEqual({ value: 3378.3, numFmt: "General" });
    expect(grid.merges).toContainEqual({ top: 13, left: 2, bottom: FIRST_INDICATOR_ROW + 11, right: 2 });
    expect(grid.merges).toHaveLength(6);
  });

  it("reads text that starts with = as text, not as a formula", async () => {
    const excel = workbookWithTable(12);
    const { grid } = await readTable(excel.context());
    const reason = grid.cell(FIRST_INDICATOR_ROW, 10);
    expect(reason).toEqual({ value: "=并非公式：以等号开头的说明", numFmt: "General" });
  });

  it("turns error values into CellErrors", async () => {
    const excel = workbookWithTable(6);
    // A division by zero, so Excel's own recalculation keeps the error.
    excel.sheet(TABLE_SHEET).set("H7", { value: "#DIV/0!", error: true, formula: "F7/0" });
    const { grid } = await readTable(excel.context());
    expect(grid.cell(7, 8)).toEqual({ value: { error: "#DIV/0!" }, formula: "F7/0", numFmt: "0.00%" });
  });

  it("reports protection with the grid", async () => {
    const excel = workbookWithTable(6);
    excel.sheet(TABLE_SHEET).protected = true;
    const read = await readTable(excel.context());
    expect(read.protected).toBe(true);
    expect(read.grid.protected).toBe(true);
  });

  it("finds a table on neither the active, first nor last sheet with one more sync", async () => {
    const excel = workbookWithTable(20, { position: "middle" });
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const read = await readTable(context);
    expect(read.sheet).toBe(TABLE_SHEET);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it("reads a named sheet in one sync", async () => {
    const excel = workbookWithTable(500);
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    await readSheet(context, TABLE_SHEET);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("without ExcelApi 1.13 reads no merged areas and still takes two syncs", async () => {
    const excel = workbookWithTable(30, { api: "1.7" });
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const { grid } = await readTable(context);
    expect(grid.merges).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("falls back to the active sheet when no sheet holds a table", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1", [["a"]]);
    excel.addSheet("Sheet2", [["b"]]);
    excel.activeSheet = "Sheet2";
    excel.install();
    const read = await readTable(excel.context());
    expect(read.sheet).toBe("Sheet2");
  });

  it("skips the add-in's own findings sheet when it is the active one", async () => {
    const excel = workbookWithTable(6);
    excel.addSheet("校验结果", [
      ["级别", "问题"],
      ["错误", "三级指标得分超过分值"],
    ]);
    excel.activeSheet = "校验结果";
    excel.settings.set(
      "ziping.undo",
      JSON.stringify({
        v: 1,
        storeSheet: "ZipingUndo",
        rows: 0,
        generations: [],
        createdSheets: ["校验结果"],
        marked: [],
        noted: [],
      }),
    );
    const read = await readTable(excel.context());
    expect(read.sheet).toBe(TABLE_SHEET);
  });

  it("names the sheet when it has gone", async () => {
    const excel = workbookWithTable(6);
    await expect(readTable(excel.context(), { sheet: "不存在" })).rejects.toMatchObject({
      code: "sheet-missing",
      localized: { "zh-CN": expect.stringContaining("不存在") },
    });
  });
});
