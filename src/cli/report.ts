/**
 * `ziping report <workbook>`: drafts the 自评报告 of one workbook, scored as `ziping check` scores it (the same
 * --profile, --set and --layout). Without an output option it prints the draft as plain text; --docx writes the
 * .docx, --sheet a copy of the workbook with the 自评报告 sheet (and a blank 报告素材 sheet when it has none).
 * The submitted workbook is only ever read.
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import { checkWorkbook, type LayoutOverride } from "../domain";
import { WorkbookReadError, WorkbookWriteError } from "../gateways/xlsx/errors";
import { readWorkbookFile } from "../gateways/xlsx/read";
import { applyTextSheets } from "../gateways/xlsx/text-sheet";
import { editWorkbookCopy, isSameFile, writeFileAtomically } from "../gateways/xlsx/write";
import { renderDocx } from "../report/docx";
import { isMaterialSheetName, reportMaterialTemplate, type ReportKind } from "../report/material";
import { draftReport, reportText, type ReportModel } from "../report/model";
import { reportSheetPlan } from "../report/sheet";
import type { ReportRequest } from "./args";
import { layoutProblemsText, loadLayoutFile } from "./check";
import { EXIT, type CliIo } from "./io";
import { t, usageErrorText } from "./messages";

export async function runReport(request: ReportRequest, io: CliIo): Promise<number> {
  const { lang } = request;
  try {
    const sheetDest = request.sheet === undefined ? undefined : await sheetDestination(request.sheet, request.workbook);
    for (const dest of [request.docx, sheetDest])
      if (dest !== undefined && (await isSameFile(dest, request.workbook)))
        throw new WorkbookWriteError("would-overwrite-source", dest);
    if (request.docx !== undefined && sheetDest !== undefined && (await isSameFile(request.docx, sheetDest))) {
      io.stderr.write(usageErrorText("sameOutput", { file: request.docx }, "report"));
      return EXIT.failure;
    }

    let layout: LayoutOverride | undefined;
    if (request.layout !== undefined) {
      const loaded = await loadLayoutFile(request.layout);
      if ("problems" in loaded) {
        io.stderr.write(layoutProblemsText(request.layout, loaded.problems));
        return EXIT.failure;
      }
      layout = loaded.layout;
    }
    const { sheets } = await readWorkbookFile(request.workbook);
    const detail = checkWorkbook(sheets, { profile: request.profile, settings: request.settings, layout });
    // A draft made only of placeholders is no draft: say why there is none and what to do.
    if (!detail.table) {
      const why = detail.findings.filter((f) => f.rule === "layout-unrecognized");
      io.stderr.write(
        (["zh-CN", "en-US"] as const)
          .map((l) =>
            t(l, "reportNoTable", {
              file: request.workbook,
              why: why.map((f) => f.message[l]).join(l === "zh-CN" ? "；" : "; "),
            }),
          )
          .join("\n") + "\n",
      );
      return EXIT.failure;
    }
    const model = draftReport(detail, sheets, lang);

    if (request.docx === undefined && sheetDest === undefined) {
      io.stdout.write(reportText(model));
      return EXIT.ok;
    }
    if (request.docx !== undefined) {
      const bytes = await renderDocx(model);
      await writeFileAtomically(request.docx, (temp) => fs.writeFile(temp, bytes));
      io.stdout.write(`${t(lang, "reportWritten", { file: request.docx })}\n`);
    }
    if (sheetDest !== undefined) await writeSheetCopy(request, model, sheetDest, io);
    if (model.placeholders.length)
      io.stderr.write(
        `${t(lang, "reportPlaceholders", { items: model.placeholders.join(lang === "zh-CN" ? "、" : ", ") })}\n`,
      );
    if (model.errorCount) io.stderr.write(`${t(lang, "reportTableErrors", { count: model.errorCount })}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof WorkbookReadError || error instanceof WorkbookWriteError) {
      io.stderr.write(`${error.localized[lang]}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/** --sheet names a file when it ends in .xlsx, else a folder that receives <workbook>.report.xlsx. */
async function sheetDestination(value: string, workbook: string): Promise<string> {
  const stat = await fs.stat(value).catch(() => undefined);
  if (stat?.isDirectory() || (!stat && !/\.xlsx$/i.test(value))) {
    return nodePath.join(value, `${nodePath.basename(workbook).replace(/\.xlsx$/i, "")}.report.xlsx`);
  }
  return value;
}

/** Adds the blank 报告素材 sheet: 项目 | 内容 | 填写说明, the content column wide and wrapped. */
function addMaterialSheet(workbook: ExcelJS.Workbook, kind: ReportKind): string {
  const template = reportMaterialTemplate(kind);
  const ws = workbook.addWorksheet(template.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 28 }, { width: 80 }, { width: 50 }];
  ws.addRow(template.header).font = { bold: true };
  for (const row of template.rows) {
    const r = ws.addRow([row.item, "", row.hint]);
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    r.getCell(3).font = { color: { argb: "FF808080" } };
    if (row.required) r.getCell(1).font = { bold: true };
  }
  return template.name;
}

async function writeSheetCopy(request: ReportRequest, model: ReportModel, dest: string, io: CliIo): Promise<void> {
  let added: string | null = null;
  await editWorkbookCopy(request.workbook, dest, (workbook) => {
    applyTextSheets(workbook, [reportSheetPlan(model)]);
    if (!workbook.worksheets.some((ws) => isMaterialSheetName(ws.name))) added = addMaterialSheet(workbook, model.kind);
  });
  io.stdout.write(`${t(request.lang, "reportWritten", { file: dest })}\n`);
  if (added) io.stdout.write(`${t(request.lang, "reportMaterialAdded", { sheet: added })}\n`);
}
