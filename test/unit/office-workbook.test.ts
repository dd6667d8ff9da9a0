/** The pane's smaller errands in Excel, and the gateway object the pane is given. */
import { OfficeGateway } from "../../src/gateways/office/gateway";
import { blankTemplateSheetPlan, centralBlankTemplate } from "../../src/gateways/office/blank-template";
import { undoLastWrite } from "../../src/gateways/office/undo";
import { applyPlan } from "../../src/gateways/office/write";
import { needsQuotePrefix, toExcelInput, documentReference } from "../../src/gateways/office/excel-input";
import { parseAreaList } from "../../src/gateways/office/addresses";
import { pickTableSheet, readTable } from "../../src/gateways/office/read";
import { getSavedProfile, insertBlankTemplate, locateCell, saveProfile } from "../../src/gateways/office/workbook";
import { detectHost, langFromDisplayLanguage } from "../../src/gateways/office/host";
import { gridFromRows } from "../../src/domain/grid";
import { checkWorkbook } from "../../src/domain";
import { FakeExcel } from "../helpers/office-excel";
import { addCentralTable, TABLE_SHEET } from "../helpers/office-tables";

afterEach(() => FakeExcel.uninstall());

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("封面", [["封面"]]);
  addCentralTable(excel, 8);
  excel.install();
  return excel;
}

describe("locateCell", () => {
  it("activates the sheet, then selects the cell, in one sync", async () => {
    const excel = workbook();
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    await locateCell(context, TABLE_SHEET, "I14");
    expect(sync).toHaveBeenCalledTimes(1);
    expect(excel.activeSheet).toBe(TABLE_SHEET);
    expect(excel.selection).toEqual({ sheet: TABLE_SHEET, cell: "I14" });
    expect(excel.writeLog).toEqual([`activate ${TABLE_SHEET}`, `select ${TABLE_SHEET}!I14`]);
  });
});

describe("insertBlankTemplate", () => {
  it("adds a blank central-layout sheet that the sheet finder recognises", async () => {
    const excel = workbook();
    const name = await insertBlankTemplate(excel.context());
    expect(name).toBe("绩效自评表");
    expect(excel.activeSheet).toBe("绩效自评表");
    const sheet = excel.sheet("绩效自评表");
    expect(sheet.get("A12")?.value).toBe("绩效指标");
    expect(sheet.get("D12")?.value).toBe("三级指标");
    expect(sheet.get("C6")?.formula).toBe("SUM(C7:C9)");
    expect(sheet.merges).toContain("A1:I1");
    const read = await readTable(excel.context(), { sheet: name });
    expect(pickTableSheet([read.grid])).toBe(name);
  });

  it("picks a free name when the template's is taken", async () => {
    const excel = workbook();
    excel.addSheet("绩效自评表");
    expect(await insertBlankTemplate(excel.context())).toBe("绩效自评表 (2)");
  });

  it("is a sheet plan: the officer's sheet once added, formulas as formulas, the table's borders and merges", () => {
    const plan = blankTemplateSheetPlan();
    expect(plan).toMatchObject({ name: "绩效自评表", owner: "officer", whenTaken: "number", select: "A1" });
    expect(plan.rows[5].slice(2, 6)).toEqual([
      { formula: "SUM(C7:C9)" },
      { formula: "SUM(D7:D9)" },
      { formula: "SUM(E7:E9)" },
      10,
    ]);
    expect(plan.rows[0][0]).toBe("项目支出绩效自评表");
    expect(plan.merges).toEqual(centralBlankTemplate().merges);
    const last = plan.rows.length;
    expect(plan.formats).toEqual(
      expect.arrayContaining([
        { range: `A3:I${last}`, wrap: true, vertical: "center", borders: true },
        { range: "C6:E9", numFmt: "#,##0.00" },
        { range: "A1", fontSize: 16 },
      ]),
    );
    expect(plan.columnWidths).toHaveLength(9);
  });

  it("is written through the write plan: two syncs, and 撤销写入 leaves it", async () => {
    const excel = workbook();
    const context = excel.context();
    const sync = jest.spyOn(context, "sync");
    await insertBlankTemplate(context);
    expect(sync).toHaveBeenCalledTimes(2);
    const written = excel.sheet("绩效自评表").snapshot();
    await applyPlan(excel.context(), {
      values: [],
      marks: [],
      sheets: [{ name: "自评报告", columnWidth: 84, rows: [] }],
    });
    expect((await undoLastWrite(excel.context())).removedSheets).toEqual(["自评报告"]);
    expect(excel.sheet("绩效自评表").snapshot()).toEqual(written);
  });

  it("never replaces a sheet of the officer's of that name, nor one the add-in made, whatever the case", async () => {
    const excel = workbook();
    excel.addSheet("TEMPLATE", [["我的表"]]);
    const before = excel.sheet("TEMPLATE").snapshot();
    const plan = { ...blankTemplateSheetPlan(), name: "Template" };
    expect(await insertBlankTemplate(excel.context(), plan)).toBe("Template (2)");
    expect(excel.sheet("TEMPLATE").snapshot()).toEqual(before);

    // A sheet the add-in wrote under the template's name is its own, yet the template (the officer's) does not
    // take its place: it gets the next name, and 撤销写入 still removes only the add-in's sheet.
    await applyPlan(excel.context(), {
      values: [],
      marks: [],
      sheets: [{ name: "绩效自评表", columnWidth: 84, rows: [] }],
    });
    expect(await insertBlankTemplate(excel.context())).toBe("绩效自评表 (2)");
    expect(excel.sheet("绩效自评表 (2)").get("A12")?.value).toBe("绩效指标");
    expect((await undoLastWrite(excel.context())).removedSheets).toEqual(["绩效自评表"]);
    expect(excel.hasSheet("绩效自评表 (2)")).toBe(true);
  });

  it("keeps every template row the same width, labels and weights in place", () => {
    const t = centralBlankTemplate();
    expect(new Set(t.rows.map((r) => r.length))).toEqual(new Set([9]));
    const total = t.rows[t.rows.length - 1];
    expect(total[0]).toBe("总分");
    expect(total[6]).toBe(100);
    expect(t.rows.flat()).toEqual(expect.arrayContaining(["产出指标", "效益指标", "满意度指标", "服务对象满意度指标"]));
  });

  it("is read by the engine as a central 自评表 that still needs filling in", () => {
    const t = centralBlankTemplate();
    const result = checkWorkbook([gridFromRows("自评表", t.rows)]);
    expect(result.layout).toBe("central");
    expect(result.findings.map((f) => f.rule)).not.toContain("layout-unrecognized");
    expect(result.findings.map((f) => f.rule)).toContain("required-blank");
  });
});

describe("the saved profile", () => {
  it("travels with the workbook", async () => {
    const excel = workbook();
    expect(await getSavedProfile(excel.context())).toBeNull();
    await saveProfile(excel.context(), "sichuan");
    expect(excel.settings.get("ziping.profile")).toBe("sichuan");
    expect(await getSavedProfile(excel.context())).toBe("sichuan");
  });

  it("ignores a value it does not know", async () => {
    const excel = workbook();
    excel.settings.set("ziping.profile", "hebei-2019");
    expect(await getSavedProfile(excel.context())).toBeNull();
  });
});

describe("OfficeGateway", () => {
  it("checks through Excel.run and hands the engine the sheet it read", async () => {
    const excel = workbook();
    excel.activeSheet = "封面";
    const result = await new OfficeGateway().check("city-20-80");
    expect(result.profile).toBe("city-20-80");
    expect(excel.syncs).toBeLessThanOrEqual(3);
  });
});

describe("host detection", () => {
  it("speaks English only when Office does", () => {
    expect(langFromDisplayLanguage("en-GB")).toBe("en-US");
    expect(langFromDisplayLanguage("zh-CN")).toBe("zh-CN");
    expect(langFromDisplayLanguage("fr-FR")).toBe("zh-CN");
    expect(langFromDisplayLanguage(undefined)).toBe("zh-CN");
  });

  it("knows Excel from anything else", async () => {
    expect(await detectHost()).toEqual({ inExcel: false, lang: "zh-CN" });
    const excel = new FakeExcel();
    excel.displayLanguage = "en-US";
    excel.install();
    expect(await detectHost()).toEqual({ inExcel: true, lang: "en-US" });
    (globalThis as Record<string, unknown>).Office = {
      onReady: async () => ({ host: null, platform: null }),
      context: {},
    };
    delete (globalThis as Record<string, unknown>).Excel;
    expect(await detectHost()).toEqual({ inExcel: false, lang: "zh-CN" });
  });
});

describe("text for Excel", () => {
  it.each([
    ["优", false],
    ["南沙区政府办", false],
    ["=1", true],
    ["+1", true],
    ["-", true],
    ["@a", true],
    ["'a", true],
    ["12", true],
    ["(3)", true],
    ["true", true],
    [" 空格开头", true],
  ])("%s needs a quote prefix: %s", (text, expected) => {
    expect(needsQuotePrefix(text)).toBe(expected);
  });

  it("quotes only what needs it, and never in a text-formatted cell", () => {
    expect(toExcelInput("=1")).toBe("'=1");
    expect(toExcelInput("=1", "@")).toBe("=1");
    expect(toExcelInput(98.93)).toBe(98.93);
    expect(toExcelInput(Number.NaN)).toBe("");
    expect(toExcelInput(null)).toBe("");
    expect(documentReference("O'Brien 表", "C7")).toBe("'O''Brien 表'!C7");
  });

  it("reads merged-area addresses, quoted or not", () => {
    expect(parseAreaList("'附件 1'!A1:B2, '附件 1'!C3:D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 4 },
    ]);
    expect(parseAreaList("自评表!$A$1:$I$1,自评表!B5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 9 },
      { top: 5, left: 2, bottom: 5, right: 2 },
    ]);
    expect(parseAreaList(null)).toEqual([]);
  });

  it("asks the engine which sample holds the table", () => {
    const plain = gridFromRows("说明", [["填表说明"]]);
    const table = gridFromRows("表", [
      [],
      ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ]);
    expect(pickTableSheet([plain, table])).toBe("表");
    expect(pickTableSheet([plain])).toBeNull();
  });
});
