/** Applying a write plan through office.js: round trips, protection, escaping, notes and the findings sheet. */
import { GatewayError } from "../../src/gateways/office/errors";
import { applyPlan, MARK_FILLS, previewPlan } from "../../src/gateways/office/write";
import { findingsSheetLayout } from "../../src/domain/print";
import type { WritePlan } from "../../src/domain/types";
import { columnWidthPoints } from "../../src/gateways/office/text-sheet";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, FIRST_INDICATOR_ROW, planFor, TABLE_SHEET } from "../helpers/office-tables";

function workbook(n: number, api = "1.18"): FakeExcel {
  const excel = new FakeExcel();
  excel.apiVersion = api;
  addCentralTable(excel, n);
  excel.install();
  return excel;
}

afterEach(() => FakeExcel.uninstall());

const smallPlan = (values: WritePlan["values"], marks: WritePlan["marks"] = []): WritePlan => ({
  values,
  marks,
  findingsSheet: { name: "校验结果", header: ["级别", "单元格", "问题"], rows: [] },
});

describe("applyPlan", () => {
  it("writes a 500-indicator plan in two syncs, the before-image read included", async () => {
    const excel = workbook(500);
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const summary = await applyPlan(context, planFor(TABLE_SHEET, 500));
    expect(sync).toHaveBeenCalledTimes(2);
    expect(summary).toEqual({ values: 500, marks: 200, notes: 700, findingsSheet: "校验结果", textSheets: [] });
    expect(excel.calculationSuspended).toBe(1);

    const table = excel.sheet(TABLE_SHEET);
    expect(table.get(`I${FIRST_INDICATOR_ROW + 499}`)).toMatchObject({ value: 0.18, numFmt: "0.00" });
    expect(table.get(`J${FIRST_INDICATOR_ROW}`)?.fill).toBe(MARK_FILLS.error);
    expect(table.get(`J${FIRST_INDICATOR_ROW + 1}`)?.fill).toBe(MARK_FILLS.warning);
    expect(table.notes.get(`I${FIRST_INDICATOR_ROW}`)).toMatch(/正向指标/);
    expect(table.notes.get(`J${FIRST_INDICATOR_ROW}`)).toMatch(/偏差原因/);
  });

  it("adds the findings sheet with links to the cells and keeps the undo store very hidden", async () => {
    const excel = workbook(20);
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 20, 5));
    const findings = excel.sheet("校验结果");
    expect(findings.get("A1")?.value).toBe("级别");
    expect(findings.get("A1")?.bold).toBe(true);
    expect(findings.frozenRows).toBe(1);
    expect(findings.get("B2")).toMatchObject({
      value: `J${FIRST_INDICATOR_ROW}`,
      link: `'${TABLE_SHEET}'!J${FIRST_INDICATOR_ROW}`,
    });
    expect(findings.get("D2")?.value).toBe("-0.5 = 扣分");
    expect(findings.get("D2")?.formula).toBeUndefined();
    expect(excel.sheet("ZipingUndo").visibility).toBe("VeryHidden");
  });

  it("prints the findings sheet as the xlsx gateway does: A4, one page wide, header row repeated, widths alike", async () => {
    const excel = workbook(20);
    const plan = planFor(TABLE_SHEET, 20, 5);
    await applyPlan(excel.context(), plan);
    const findings = excel.sheet("校验结果");
    const layout = findingsSheetLayout(plan.findingsSheet);
    expect(findings.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: layout.print.orientation === "landscape" ? "Landscape" : "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
    });
    // 13 mm = 36.85 pt.
    expect(findings.pageLayout.leftMargin).toBeCloseTo(36.85, 2);
    layout.widths.forEach((w, c) =>
      expect(findings.columnWidths.get(String.fromCharCode(65 + c))).toBe(columnWidthPoints(w)),
    );
  });

  it("below ExcelApi 1.9 leaves the findings sheet's page layout to Excel", async () => {
    const excel = workbook(20, "1.8");
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 20, 5));
    expect(excel.sheet("校验结果").pageLayout).toEqual({});
  });

  it("refuses a protected sheet in one sync and writes nothing", async () => {
    const excel = workbook(50);
    excel.sheet(TABLE_SHEET).protected = true;
    const before = excel.snapshot();
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const error = await applyPlan(context, planFor(TABLE_SHEET, 50)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("sheet-protected");
    expect((error as GatewayError).localized["zh-CN"]).toContain(`工作表“${TABLE_SHEET}”受保护`);
    expect((error as GatewayError).localized["en-US"]).toContain("is protected");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(excel.writeLog).toEqual([]);
    expect(excel.snapshot()).toEqual(before);
  });

  it.each([
    ["=SUM(A1:A3)"],
    ["+86 020 8498 8888"],
    ["-3.5"],
    ["@所有人"],
    ["0086"],
    ["TRUE"],
    ["#N/A"],
    ["98%"],
    ["'已引用'"],
  ])("writes the text %s as that text, never a formula or number", async (text) => {
    const excel = workbook(4);
    await applyPlan(excel.context(), smallPlan([{ sheet: TABLE_SHEET, cell: "J14", value: text, figure: "t" }]));
    const cell = excel.sheet(TABLE_SHEET).get("J14");
    expect(cell?.value).toBe(text);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.error).toBeUndefined();
  });

  it("writes text as is into a cell formatted as text", async () => {
    const excel = workbook(4);
    await applyPlan(
      excel.context(),
      smallPlan([{ sheet: TABLE_SHEET, cell: "J14", value: "=1+1", numFmt: "@", figure: "t" }]),
    );
    expect(excel.sheet(TABLE_SHEET).get("J14")).toMatchObject({ value: "=1+1", numFmt: "@" });
  });

  it("escapes text in the findings sheet too", async () => {
    const excel = workbook(4);
    const plan = smallPlan([]);
    plan.findingsSheet.rows = [
      { cells: ["错误", "I14", '=HYPERLINK("http://x")'], link: { sheet: TABLE_SHEET, cell: "I14" } },
    ];
    await applyPlan(excel.context(), plan);
    expect(excel.sheet("校验结果").get("C2")).toMatchObject({ value: '=HYPERLINK("http://x")' });
    expect(excel.sheet("校验结果").get("C2")?.formula).toBeUndefined();
  });

  it("without ExcelApi 1.18 writes values, fills and the findings sheet but no notes", async () => {
    const excel = workbook(30, "1.17");
    const summary = await applyPlan(excel.context(), planFor(TABLE_SHEET, 30, 10));
    expect(summary.notes).toBe(0);
    expect(excel.sheet(TABLE_SHEET).notes.size).toBe(0);
    expect(excel.sheet(TABLE_SHEET).get(`J${FIRST_INDICATOR_ROW}`)?.fill).toBe(MARK_FILLS.error);
    expect(excel.sheet("校验结果").get("A3")?.value).toBe("警告");
    expect(excel.sheet("校验结果").get("A11")?.value).toBe("错误");
  });

  it("leaves a note someone else wrote alone", async () => {
    const excel = workbook(4);
    excel.sheet(TABLE_SHEET).notes.set("J14", "财政局：请补充佐证材料");
    await applyPlan(excel.context(), planFor(TABLE_SHEET, 4, 2));
    expect(excel.sheet(TABLE_SHEET).notes.get("J14")).toBe("财政局：请补充佐证材料");
    expect(excel.sheet(TABLE_SHEET).notes.get("J15")).toMatch(/偏差原因/);
  });

  it("does not overwrite a findings sheet of the officer's own", async () => {
    const excel = workbook(4);
    excel.addSheet("校验结果", [["我自己的记录"]]);
    const summary = await applyPlan(excel.context(), planFor(TABLE_SHEET, 4, 2));
    expect(summary.findingsSheet).toBe("校验结果 (2)");
    expect(excel.sheet("校验结果").get("A1")?.value).toBe("我自己的记录");
    expect(excel.sheet("校验结果 (2)").get("A1")?.value).toBe("级别");
    // Checked again: the add-in's own 校验结果 (2) is replaced; the officer's is still never touched.
    const again = await applyPlan(excel.context(), planFor(TABLE_SHEET, 4, 2));
    expect(again.findingsSheet).toBe("校验结果 (2)");
    expect(excel.sheets.filter((s) => s.name.startsWith("校验结果"))).toHaveLength(2);
    expect(excel.sheet("校验结果").get("A1")?.value).toBe("我自己的记录");
  });

  it("applying the same plan twice changes nothing more", async () => {
    const excel = workbook(40);
    const plan = planFor(TABLE_SHEET, 40, 12);
    await applyPlan(excel.context(), plan);
    const visible = () =>
      JSON.stringify(excel.sheets.filter((s) => s.visibility !== "VeryHidden").map((s) => s.snapshot()));
    const once = visible();
    await applyPlan(excel.context(), plan);
    expect(visible()).toBe(once);
    expect(excel.sheets.map((s) => s.name)).toEqual([TABLE_SHEET, "ZipingUndo", "校验结果"]);
  });
});

describe("previewPlan", () => {
  it("lists each planned cell with its current text, in one sync, writing nothing", async () => {
    const excel = workbook(10);
    excel.sheet(TABLE_SHEET).set("I14", { value: 9 });
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    const preview = await previewPlan(context, planFor(TABLE_SHEET, 10, 3));
    expect(sync).toHaveBeenCalledTimes(1);
    expect(excel.writeLog).toEqual([]);
    expect(preview.changes[0]).toEqual({
      sheet: TABLE_SHEET,
      cell: "I14",
      // The cell's text, as Excel shows 9 in a 0.00 cell.
      before: "9.00",
      after: "9",
      figure: "indicator.14.score",
    });
    expect(preview).toMatchObject({
      marks: 3,
      findingsSheet: "校验结果",
      findingsRows: 3,
      notesSupported: true,
      protectedSheets: [],
    });
  });

  it("says when the target sheet is protected", async () => {
    const excel = workbook(4);
    excel.sheet(TABLE_SHEET).protected = true;
    const preview = await previewPlan(excel.context(), planFor(TABLE_SHEET, 4, 1));
    expect(preview.protectedSheets).toEqual([TABLE_SHEET]);
  });
});
