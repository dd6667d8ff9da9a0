/**
 * The 自评报告 through office.js: the Word-ready sheet as a write plan of one text sheet (fonts, sizes, alignment,
 * highlight, row heights, text kept as text), its round trips, replacing the add-in's own earlier draft but never
 * the officer's sheet, 撤销写入 removing it; reading the table with the 报告素材 sheet; creating that sheet.
 */
import path from "node:path";
import { checkWorkbook } from "../../src/domain";
import { toA1, type MapGrid } from "../../src/domain/grid";
import type { TextSheetPlan } from "../../src/domain/types";
import { readReportSources } from "../../src/gateways/office/read";
import { columnWidthPoints, HIGHLIGHT_FILL, rowHeightOf } from "../../src/gateways/office/text-sheet";
import { undoLastWrite } from "../../src/gateways/office/undo";
import { META_KEY, STORE_SHEET } from "../../src/gateways/office/undo-store";
import { insertReportMaterial } from "../../src/gateways/office/workbook";
import { applyPlan } from "../../src/gateways/office/write";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { isMaterialSheetName, materialSheetPlan, reportMaterialTemplate } from "../../src/report/material";
import { draftReport } from "../../src/report/model";
import { REPORT_SHEET, reportSheetPlan, withReportSheet } from "../../src/report/sheet";
import { FakeExcel, type FakeSheet } from "../helpers/office-excel";
import { planFor, TABLE_SHEET, addCentralTable } from "../helpers/office-tables";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const TABLE = "部门整体支出绩效自评表";
const BUDGET_SENTENCE = "全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。";

let sample: MapGrid[];
beforeAll(async () => {
  sample = (await readWorkbookFile(SAMPLE)).sheets;
});

afterEach(() => FakeExcel.uninstall());

/** The sample workbook in the fake Excel: values, formulas, number formats and merges of every sheet. */
function sampleExcel(api = "1.18"): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = api;
  for (const grid of sample) {
    const sheet = excel.addSheet(grid.name);
    for (const { row, col, cell } of grid.entries()) {
      const v = cell.value;
      sheet.set(toA1(row, col), {
        value: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "",
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        ...(cell.numFmt && cell.numFmt !== "General" ? { numFmt: cell.numFmt } : {}),
      });
    }
    sheet.merges = grid.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
  }
  excel.install();
  return excel;
}

/** The sample's draft as a sheet plan, made the way the pane makes it: read through office.js, then drafted. */
async function samplePlan(excel: FakeExcel): Promise<TextSheetPlan> {
  const sources = await readReportSources(excel.context(), isMaterialSheetName);
  const detail = checkWorkbook(sources.sheets, { sheet: sources.tableSheet });
  return reportSheetPlan(draftReport(detail, sources.sheets));
}

const reportOnly = (sheet: TextSheetPlan) => ({ values: [], marks: [], sheets: [sheet] });

/** Column A of a sheet, row by row, without the full-width indent. */
function columnA(sheet: FakeSheet, rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => String(sheet.get(`A${i + 1}`)?.value ?? "").replace(/^\u3000+/, ""));
}

describe("the 自评报告 sheet through office.js", () => {
  it("writes one paragraph a row with each level's font, size and alignment, in one write sync", async () => {
    const excel = sampleExcel();
    const plan = await samplePlan(excel);
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const summary = await applyPlan(context, reportOnly(plan));
    // One sync reads the sheet names and the undo index, one writes the whole sheet.
    expect(sync).toHaveBeenCalledTimes(2);
    expect(summary).toEqual({
      values: 0,
      marks: 0,
      notes: 0,
      findingsSheet: null,
      textSheets: [{ name: REPORT_SHEET, replaced: false, rows: plan.rows.length }],
    });

    const report = excel.sheet(REPORT_SHEET);
    const texts = columnA(report, plan.rows.length);
    expect(texts).toContain(BUDGET_SENTENCE);
    expect(texts.slice(0, 2)).toEqual(["2023年度广州市南沙区人民政府办公室", "部门整体支出绩效自评报告"]);
    expect(report.get("A1")?.numFmt).toBe("@");
    expect(report.formats.get("A1")).toEqual({
      fontName: "方正小标宋简体",
      fontSize: 22,
      horizontalAlignment: "Center",
      verticalAlignment: "Top",
      wrapText: true,
    });
    // Not bold: Excel keeps no bold flag on the cell.
    expect(report.get("A1")?.bold).toBeUndefined();
    const row = (text: string) => texts.indexOf(text) + 1;
    expect(report.formats.get(`A${row("一、基本情况")}`)).toMatchObject({ fontName: "黑体", fontSize: 16 });
    expect(report.formats.get(`A${row("（一）部门概况")}`)).toMatchObject({ fontName: "楷体_GB2312", fontSize: 16 });
    expect(report.formats.get(`A${row(BUDGET_SENTENCE)}`)).toMatchObject({
      fontName: "仿宋_GB2312",
      fontSize: 16,
      horizontalAlignment: "Justify",
    });
    // 【待填写】 rows are filled yellow; the figures' rows are not.
    expect(report.get(`A${row("【待填写：部门主要职责】")}`)?.fill).toBe(HIGHLIGHT_FILL);
    expect(report.get(`A${row(BUDGET_SENTENCE)}`)?.fill).toBeUndefined();
    // The xlsx gateway's widths and heights, in points.
    expect(report.columnWidths.get("A")).toBe(columnWidthPoints(plan.columnWidth));
    plan.rows.forEach((r, i) => expect(report.rowHeights.get(i + 1)).toBe(rowHeightOf(r, plan.columnWidth)));
    expect(report.rowHeights.get(1)).toBeGreaterThan(report.rowHeights.get(row(BUDGET_SENTENCE))! / 2);
    // A page, not a grid; shown to the officer.
    expect(report.showGridlines).toBe(false);
    expect(report.pageLayout).toMatchObject({ orientation: "Portrait" });
    expect(report.pageLayout.topMargin).toBeCloseTo((37 * 72) / 25.4, 5);
    expect(excel.activeSheet).toBe(REPORT_SHEET);
    // Nothing of the officer's was overwritten: no before-image to keep, only the sheet to remove on undo.
    expect(excel.hasSheet(STORE_SHEET)).toBe(false);
    expect(JSON.parse(String(excel.settings.get(META_KEY))).createdSheets).toEqual([REPORT_SHEET]);
  });

  it("goes with a whole write-back plan (withReportSheet) in the same two syncs", async () => {
    const excel = sampleExcel();
    const sources = await readReportSources(excel.context(), isMaterialSheetName);
    const detail = checkWorkbook(sources.sheets, { sheet: sources.tableSheet });
    const plan = withReportSheet(detail.plan, draftReport(detail, sources.sheets));
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const summary = await applyPlan(context, plan);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(summary.findingsSheet).toBe("校验结果");
    expect(summary.textSheets.map((t) => t.name)).toEqual([REPORT_SHEET]);
    expect(columnA(excel.sheet(REPORT_SHEET), 20)).toContain(BUDGET_SENTENCE);
    const undone = await undoLastWrite(excel.context());
    // The 计算结果 sheet went with the check's plan: Ziping's own, so it goes on undo too.
    expect(undone.removedSheets.sort()).toEqual(["校验结果", "计算结果", REPORT_SHEET].sort());
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const excel = sampleExcel();
    const base = (await samplePlan(excel)).rows[3];
    const risky = ["=SUM(A1:A3)", "+86 20 8468 8888", "-5%的偏差", "@财政局", "'引号", "TRUE", "98%"];
    await applyPlan(
      excel.context(),
      reportOnly({ name: REPORT_SHEET, columnWidth: 84, rows: risky.map((text) => ({ ...base, text })) }),
    );
    const report = excel.sheet(REPORT_SHEET);
    risky.forEach((text, i) => {
      expect(report.get(`A${i + 1}`)).toMatchObject({ value: text, numFmt: "@" });
      expect(report.get(`A${i + 1}`)?.formula).toBeUndefined();
    });
  });

  it("replaces the add-in's own earlier draft, and never an officer's sheet of that name", async () => {
    const excel = sampleExcel();
    const plan = await samplePlan(excel);
    await applyPlan(excel.context(), reportOnly(plan));
    excel.sheet(REPORT_SHEET).set("B1", { value: "旧稿" });
    const again = await applyPlan(excel.context(), reportOnly(plan));
    expect(again.textSheets).toEqual([{ name: REPORT_SHEET, replaced: true, rows: plan.rows.length }]);
    expect(excel.sheets.filter((s) => s.name.startsWith(REPORT_SHEET))).toHaveLength(1);
    expect(excel.sheet(REPORT_SHEET).get("B1")).toBeUndefined();

    // The officer's own 自评报告: left exactly as it is; the draft goes to 自评报告 (2), and then replaces that.
    const own = sampleExcel();
    own.addSheet(REPORT_SHEET, [["我们自己写的报告"]]);
    const before = own.sheet(REPORT_SHEET).snapshot();
    const first = await applyPlan(own.context(), reportOnly(plan));
    const second = await applyPlan(own.context(), reportOnly(plan));
    expect(first.textSheets[0]).toMatchObject({ name: `${REPORT_SHEET} (2)`, replaced: false });
    expect(second.textSheets[0]).toMatchObject({ name: `${REPORT_SHEET} (2)`, replaced: true });
    expect(own.sheet(REPORT_SHEET).snapshot()).toEqual(before);
    expect(columnA(own.sheet(`${REPORT_SHEET} (2)`), plan.rows.length)).toContain(BUDGET_SENTENCE);
  });

  it("is removed by 撤销写入, which also restores what a write-back changed", async () => {
    const excel = sampleExcel();
    const original = excel.snapshot();
    await applyPlan(excel.context(), reportOnly(await samplePlan(excel)));
    expect(excel.hasSheet(REPORT_SHEET)).toBe(true);
    const undone = await undoLastWrite(excel.context());
    expect(undone).toEqual({ restored: 0, removedSheets: [REPORT_SHEET] });
    expect(excel.snapshot()).toEqual(original);

    // A write-back, then the report: one undo puts the table back and removes both sheets.
    const both = new FakeExcel();
    addCentralTable(both, 10);
    both.install();
    const before = both.snapshot();
    await applyPlan(both.context(), planFor(TABLE_SHEET, 10, 3));
    await applyPlan(both.context(), reportOnly(await samplePlan(excel)));
    const result = await undoLastWrite(both.context());
    expect(result.removedSheets.sort()).toEqual(["校验结果", REPORT_SHEET].sort());
    expect(both.snapshot()).toEqual(before);
  });

  it("is written beside a protected 自评表: the table is only read", async () => {
    const excel = sampleExcel();
    excel.sheet(TABLE).protected = true;
    const summary = await applyPlan(excel.context(), reportOnly(await samplePlan(excel)));
    expect(summary.textSheets[0].name).toBe(REPORT_SHEET);
  });

  it("without ExcelApi 1.8 and 1.9 leaves gridlines and page setup alone, and still writes", async () => {
    const excel = sampleExcel("1.7");
    await applyPlan(excel.context(), reportOnly(await samplePlan(excel)));
    const report = excel.sheet(REPORT_SHEET);
    expect(report.showGridlines).toBe(true);
    expect(report.pageLayout).toEqual({});
    expect(columnA(report, 20)).toContain(BUDGET_SENTENCE);
  });
});

describe("reading what the report is made from", () => {
  it("reads the 自评表 and the 报告素材 sheet in two syncs", async () => {
    const excel = sampleExcel();
    excel.addSheet("报告素材", [
      ["项目", "内容"],
      ["部门主要职责", "负责区政府日常政务工作。"],
    ]);
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const sources = await readReportSources(context, isMaterialSheetName);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(sources.tableSheet).toBe(TABLE);
    expect(sources.sheets.map((s) => s.name)).toEqual([TABLE, "报告素材"]);
    expect(sources.sheetNames).toEqual([...sample.map((s) => s.name), "报告素材"]);
    const detail = checkWorkbook(sources.sheets, { sheet: sources.tableSheet });
    const model = draftReport(detail, sources.sheets);
    expect(model.placeholders).not.toContain("部门主要职责");
  });

  it("without a 报告素材 sheet reads the table alone, in two syncs", async () => {
    const excel = sampleExcel();
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const sources = await readReportSources(context, isMaterialSheetName);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(sources.sheets.map((s) => s.name)).toEqual([TABLE]);
  });
});

describe("creating the 报告素材 sheet", () => {
  it("adds the blank sheet in two syncs: header, items, hints, widths; 撤销写入 leaves it", async () => {
    const excel = sampleExcel();
    const template = reportMaterialTemplate("department");
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    expect(await insertReportMaterial(context, materialSheetPlan("department"))).toBe("报告素材");
    expect(sync).toHaveBeenCalledTimes(2);
    const sheet = excel.sheet("报告素材");
    expect(["A1", "B1", "C1"].map((a) => sheet.get(a)?.value)).toEqual(["项目", "内容", "填写说明"]);
    expect(sheet.get("A1")?.bold).toBe(true);
    expect(sheet.frozenRows).toBe(1);
    template.rows.forEach((r, i) => {
      expect(sheet.get(`A${i + 2}`)?.value).toBe(r.item);
      expect(sheet.get(`C${i + 2}`)?.value).toBe(r.hint);
      expect(sheet.get(`A${i + 2}`)?.bold ?? false).toBe(r.required);
    });
    expect(sheet.get("B2")?.value ?? "").toBe("");
    expect(sheet.formats.get("B2")).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    expect(sheet.formats.get("C2")).toMatchObject({ fontColor: "#808080" });
    expect(sheet.columnWidths.get("B")).toBe(columnWidthPoints(80));
    expect(excel.activeSheet).toBe("报告素材");
    expect(excel.selection).toEqual({ sheet: "报告素材", cell: "B2" });

    // The officer's text goes there: undo is not for it.
    await applyPlan(excel.context(), reportOnly(await samplePlan(excel)));
    await undoLastWrite(excel.context());
    expect(excel.hasSheet("报告素材")).toBe(true);
  });

  it("is a sheet plan: header, one row an item, hints, widths, the officer's sheet, one of it only", () => {
    const template = reportMaterialTemplate("department");
    const plan = materialSheetPlan("department");
    const last = template.rows.length + 1;
    expect(plan).toMatchObject({ name: "报告素材", owner: "officer", whenTaken: "skip", freezeRows: 1, select: "B2" });
    expect(plan.rows[0]).toEqual(["项目", "内容", "填写说明"]);
    expect(plan.rows.slice(1)).toEqual(template.rows.map((r) => [r.item, "", r.hint]));
    expect(plan.columnWidths).toEqual([28, 80, 50]);
    expect(plan.formats).toEqual(
      expect.arrayContaining([
        { range: "A1:C1", bold: true },
        { range: `A2:C${last}`, wrap: true, vertical: "top" },
        { range: `C2:C${last}`, fontColor: "#808080" },
      ]),
    );
    const bold = (plan.formats ?? []).filter((f) => /^A\d+$/.test(f.range) && f.bold).map((f) => f.range);
    expect(bold).toEqual(template.rows.flatMap((r, i) => (r.required ? [`A${i + 2}`] : [])));
  });

  it("is never written over a 报告素材 the add-in itself made: the officer's copy is the one read", async () => {
    const excel = sampleExcel();
    await applyPlan(excel.context(), {
      values: [],
      marks: [],
      sheets: [{ name: "报告素材", columnWidth: 84, rows: [] }],
    });
    const before = excel.sheet("报告素材").snapshot();
    expect(await insertReportMaterial(excel.context(), materialSheetPlan("department"))).toBeNull();
    expect(excel.sheet("报告素材").snapshot()).toEqual(before);
  });

  it("never replaces a sheet of that name, and writes nothing then", async () => {
    const excel = sampleExcel();
    excel.addSheet("报告素材", [["部门主要职责", "已经写好的职责"]]);
    const before = excel.snapshot();
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    expect(await insertReportMaterial(context, materialSheetPlan("department"))).toBeNull();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(excel.snapshot()).toEqual(before);
  });
});
