import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { WritePlan } from "../../src/domain/types";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { SEVERITY_FILL, sheetReference, writeScoredCopy, WorkbookWriteError } from "../../src/gateways/xlsx/write";
import { blankTemplateSheetPlan } from "../../src/gateways/office/blank-template";
import { materialSheetPlan } from "../../src/report/material";
import { noteText, openWorkbook, removeDir, sha256, tempDir, writeWorkbook } from "../helpers/xlsx-workbooks";

const SHEET = "自评表 (2023)'s";

let dir: string;
beforeAll(() => {
  dir = tempDir("ziping-write-");
});
afterAll(() => removeDir(dir));

function emptyPlan(): WritePlan {
  return { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } };
}

/** A small 自评表: budget row 7 (D7 budget, E7 executed, G7 typed rate), a few shared-style cells. */
async function writeSource(file: string): Promise<void> {
  await writeWorkbook(
    file,
    {
      [SHEET]: {
        A7: "年度资金总额",
        D7: { value: 3378.3, numFmt: "#,##0.00" },
        E7: { value: 3342.07, numFmt: "#,##0.00" },
        F7: { value: 3300, numFmt: "#,##0.00" },
        G7: { value: 0.95, numFmt: "0.00%" },
        I14: { value: "", note: "请填写偏差原因" },
        A20: "说明",
      },
      Other: { A1: 1 },
    },
    { [SHEET]: ["A20:C21"] },
  );
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}

describe("writeScoredCopy", () => {
  let src: string;
  let dest: string;
  let before: string;
  let copy: ExcelJS.Workbook;
  const plan: WritePlan = {
    values: [
      {
        sheet: SHEET,
        cell: "H7",
        value: 0.989276,
        numFmt: "0.00%",
        figure: "budget.rate",
        note: "3342.07 ÷ 3378.30 = 98.93%",
      },
      { sheet: SHEET, cell: "J7", value: "=SUM(A1)", figure: "test.text" },
      { sheet: SHEET, cell: "K7", value: "+1", figure: "test.plus" },
    ],
    marks: [
      { sheet: SHEET, cell: "G7", severity: "warning", note: "执行率应为 98.93%" },
      { sheet: SHEET, cell: "G7", severity: "error", note: "执行率与执行数÷预算数不符" },
      { sheet: SHEET, cell: "G7", severity: "info", note: "执行率应为 98.93%" },
      { sheet: SHEET, cell: "I14", severity: "error", note: "得分低于分值，须填写偏差原因" },
      { sheet: SHEET, cell: "B21", severity: "info", note: "合并单元格内的提示" },
      { sheet: SHEET, cell: "F7", severity: "warning", note: "与 D7、E7 同一样式" },
    ],
    findingsSheet: {
      name: "Other",
      header: ["级别", "规则", "单元格", "说明"],
      rows: [
        {
          cells: ["错误", "exec-rate-mismatch", "G7", "执行率应为 98.93%"],
          link: { sheet: SHEET, cell: "G7" },
          severity: "error",
        },
        {
          cells: ["警告", "template-text-left", "I14", "=SUM(A1) 是模板文字"],
          link: { sheet: SHEET, cell: "I14" },
          severity: "warning",
        },
        { cells: ["提示", "qualitative-unrated", "", 3], severity: "info" },
      ],
    },
  };

  beforeAll(async () => {
    src = path.join(dir, "南沙 自评表.xlsx");
    dest = path.join(dir, "out", "南沙 自评表.checked.xlsx");
    await writeSource(src);
    before = sha256(src);
    await writeScoredCopy(src, plan, dest);
    copy = await openWorkbook(dest);
  });

  it("leaves the source file byte for byte unchanged", () => {
    expect(sha256(src)).toBe(before);
  });

  it("writes planned values with their number format and note", () => {
    const cell = copy.getWorksheet(SHEET)!.getCell("H7");
    expect(cell.value).toBe(0.989276);
    expect(cell.numFmt).toBe("0.00%");
    expect(noteText(cell)).toBe("3342.07 ÷ 3378.30 = 98.93%");
  });

  it("writes text that looks like a formula as text", async () => {
    const ws = copy.getWorksheet(SHEET)!;
    expect(ws.getCell("J7").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("J7").value).toBe("=SUM(A1)");
    expect(ws.getCell("K7").value).toBe("+1");
    const { sheets } = await readWorkbookFile(dest);
    expect(sheets[0].cell(7, 10)).toEqual({ value: "=SUM(A1)" });
  });

  it("marks a cell with the most severe fill and one note, leaving value and format alone", () => {
    const cell = copy.getWorksheet(SHEET)!.getCell("G7");
    expect(cell.value).toBe(0.95);
    expect(cell.numFmt).toBe("0.00%");
    expect(fillOf(cell)).toBe(SEVERITY_FILL.error);
    expect(noteText(cell)).toBe("执行率应为 98.93%\n执行率与执行数÷预算数不符");
  });

  it("does not recolour other cells that shared the marked cell's style", () => {
    const ws = copy.getWorksheet(SHEET)!;
    expect(fillOf(ws.getCell("F7"))).toBe(SEVERITY_FILL.warning);
    for (const a of ["D7", "E7", "H7"]) expect(fillOf(ws.getCell(a))).toBeUndefined();
    expect(ws.getCell("D7").numFmt).toBe("#,##0.00");
  });

  it("keeps a note the officer wrote and adds the finding after it", () => {
    const cell = copy.getWorksheet(SHEET)!.getCell("I14");
    expect(fillOf(cell)).toBe(SEVERITY_FILL.error);
    expect(noteText(cell)).toBe("请填写偏差原因\n\n得分低于分值，须填写偏差原因");
  });

  it("marks the visible cell of a merged area", () => {
    const ws = copy.getWorksheet(SHEET)!;
    expect(fillOf(ws.getCell("A20"))).toBe(SEVERITY_FILL.info);
    expect(noteText(ws.getCell("A20"))).toBe("合并单元格内的提示");
    expect(ws.getCell("A20").value).toBe("说明");
  });

  it("adds the findings sheet under a free name, with header, freeze, filter and widths", () => {
    const ws = copy.getWorksheet("Other (2)")!;
    expect(ws).toBeDefined();
    expect(copy.getWorksheet("Other")!.getCell("A1").value).toBe(1);
    expect(ws.getRow(1).values).toEqual([undefined, "级别", "规则", "单元格", "说明"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual("exec-rate-mismatch".length);
  });

  it("links each finding to its cell with a quoted sheet reference", () => {
    const ws = copy.getWorksheet("Other (2)")!;
    const link = ws.getCell("C2");
    expect(link.type).toBe(ExcelJS.ValueType.Formula);
    expect(link.formula).toBe(`HYPERLINK("#'自评表 (2023)''s'!G7","G7")`);
    expect(link.result).toBe("G7");
    expect(ws.getCell("C4").type).not.toBe(ExcelJS.ValueType.Formula); // no link on that row
  });

  it("fills rows by severity and keeps formula-like text and numbers as they are", () => {
    const ws = copy.getWorksheet("Other (2)")!;
    expect(fillOf(ws.getCell("A2"))).toBe(SEVERITY_FILL.error);
    expect(fillOf(ws.getCell("D3"))).toBe(SEVERITY_FILL.warning);
    expect(fillOf(ws.getCell("B4"))).toBe(SEVERITY_FILL.info);
    expect(ws.getCell("D3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("D3").value).toBe("=SUM(A1) 是模板文字");
    expect(ws.getCell("D4").value).toBe(3);
  });

  it("writes a copy the reader accepts", async () => {
    const { sheets } = await readWorkbookFile(dest);
    expect(sheets.map((s) => s.name)).toEqual([SHEET, "Other", "Other (2)"]);
  });
});

describe("writeScoredCopy: what it refuses and survives", () => {
  it("refuses to write over the source, however the path is spelled", async () => {
    const src = path.join(dir, "refuse", "表.xlsx");
    fs.mkdirSync(path.dirname(src), { recursive: true });
    await writeSource(src);
    const before = sha256(src);
    for (const dest of [src, path.join(dir, "refuse", "..", "refuse", "表.xlsx")]) {
      await expect(writeScoredCopy(src, emptyPlan(), dest)).rejects.toMatchObject({
        code: "would-overwrite-source",
        localized: { "zh-CN": expect.stringContaining("不会覆盖") },
      });
    }
    const link = path.join(dir, "refuse", "硬链接.xlsx");
    fs.linkSync(src, link);
    await expect(writeScoredCopy(src, emptyPlan(), link)).rejects.toBeInstanceOf(WorkbookWriteError);
    const symlink = path.join(dir, "refuse", "符号链接.xlsx");
    fs.symlinkSync(src, symlink);
    await expect(writeScoredCopy(src, emptyPlan(), symlink)).rejects.toBeInstanceOf(WorkbookWriteError);
    expect(sha256(src)).toBe(before);
  });

  it("overwrites an earlier copy at the destination", async () => {
    const src = path.join(dir, "again.xlsx");
    const dest = path.join(dir, "again.checked.xlsx");
    await writeSource(src);
    fs.writeFileSync(dest, "old copy");
    await writeScoredCopy(src, emptyPlan(), dest);
    expect((await readWorkbookFile(dest)).sheets[0].name).toBe(SHEET);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reports a source it cannot read", async () => {
    await expect(
      writeScoredCopy(path.join(dir, "missing.xlsx"), emptyPlan(), path.join(dir, "m.xlsx")),
    ).rejects.toMatchObject({
      code: "source-unreadable",
    });
  });

  it("overwrites the master of a shared formula without breaking its clones", async () => {
    const src = path.join(dir, "shared.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    [1, 2, 3].forEach((n) => (ws.getCell(`A${n}`).value = n));
    ws.getCell("B1").value = { formula: "A1*2", result: 2 };
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as unknown as ExcelJS.CellValue;
    ws.getCell("B3").value = { sharedFormula: "B1", result: 6 } as unknown as ExcelJS.CellValue;
    await wb.xlsx.writeFile(src);
    const dest = path.join(dir, "shared.checked.xlsx");
    await writeScoredCopy(src, { ...emptyPlan(), values: [{ sheet: "S", cell: "B1", value: 99, figure: "x" }] }, dest);
    const { sheets } = await readWorkbookFile(dest);
    expect(sheets[0].cell(1, 2)).toEqual({ value: 99 });
    expect(sheets[0].cell(2, 2)).toEqual({ value: 4, formula: "A2*2" });
    expect(sheets[0].cell(3, 2)).toEqual({ value: 6, formula: "A3*2" });
  });

  it("adds no findings sheet for an empty one", async () => {
    const src = path.join(dir, "plain.xlsx");
    const dest = path.join(dir, "plain.checked.xlsx");
    await writeSource(src);
    await writeScoredCopy(src, emptyPlan(), dest);
    expect((await readWorkbookFile(dest)).sheets.map((s) => s.name)).toEqual([SHEET, "Other"]);
  });
});

describe("sheets of cells in the plan", () => {
  it("writes the blank 自评表 and 报告素材 from their sheet plans: text, formulas, merges, widths, formats", async () => {
    const src = path.join(dir, "cells.xlsx");
    const dest = path.join(dir, "cells.checked.xlsx");
    await writeSource(src);
    const plan: WritePlan = { ...emptyPlan(), cellSheets: [blankTemplateSheetPlan(), materialSheetPlan("department")] };
    await writeScoredCopy(src, plan, dest);
    const copy = await openWorkbook(dest);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual([SHEET, "Other", "绩效自评表", "报告素材"]);
    const table = copy.getWorksheet("绩效自评表")!;
    expect(table.getCell("A12").value).toBe("绩效指标");
    expect(table.getCell("C6").formula).toBe("SUM(C7:C9)");
    expect(table.getCell("C6").numFmt).toBe("#,##0.00");
    expect(table.getCell("A1").font?.size).toBe(16);
    expect(table.getCell("B2").isMerged).toBe(true);
    expect(table.getCell("D13").border?.top?.style).toBe("thin");
    const material = copy.getWorksheet("报告素材")!;
    expect(material.getCell("A1").value).toBe("项目");
    expect(material.getCell("A1").font?.bold).toBe(true);
    expect(material.getCell("C2").font?.color?.argb).toBe("FF808080");
    expect(material.getColumn(2).width).toBe(80);
    expect(material.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const read = await readWorkbookFile(dest);
    expect(read.sheets.find((s) => s.name === "绩效自评表")!.cell(12, 1)?.value).toBe("绩效指标");
  });

  it("never writes over a sheet of the officer's: the template is numbered, a 报告素材 they have is kept", async () => {
    const src = path.join(dir, "officer.xlsx");
    const dest = path.join(dir, "officer.checked.xlsx");
    await writeWorkbook(src, { 绩效自评表: { A1: "我的表" }, 报告素材: { A1: "部门主要职责", B1: "已经写好的职责" } });
    const plan: WritePlan = { ...emptyPlan(), cellSheets: [blankTemplateSheetPlan(), materialSheetPlan("department")] };
    await writeScoredCopy(src, plan, dest);
    const copy = await openWorkbook(dest);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual(["绩效自评表", "报告素材", "绩效自评表 (2)"]);
    expect(copy.getWorksheet("绩效自评表")!.getCell("A1").value).toBe("我的表");
    expect(copy.getWorksheet("报告素材")!.getCell("B1").value).toBe("已经写好的职责");
    expect(copy.getWorksheet("报告素材")!.rowCount).toBe(1);
  });
});

describe("sheet names", () => {
  it("names the findings sheet through the one naming rule: valid, case-insensitive, never the officer's", async () => {
    const src = path.join(dir, "names.xlsx");
    const dest = path.join(dir, "names.checked.xlsx");
    await writeSource(src);
    const plan: WritePlan = { ...emptyPlan(), findingsSheet: { name: "OTHER:", header: ["级别"], rows: [] } };
    await writeScoredCopy(src, plan, dest);
    const copy = await openWorkbook(dest);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual([SHEET, "Other", "OTHER_"]);
    await writeScoredCopy(src, { ...plan, findingsSheet: { ...plan.findingsSheet, name: "other" } }, dest);
    const again = await openWorkbook(dest);
    expect(again.worksheets.map((ws) => ws.name)).toEqual([SHEET, "Other", "other (2)"]);
    expect(again.getWorksheet("Other")!.getCell("A1").value).toBe(1);
  });

  it("quotes references the way Excel does", () => {
    expect(sheetReference("自评表 (2023)'s", "C7")).toBe("'自评表 (2023)''s'!C7");
  });
});
