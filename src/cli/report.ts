/**
 * `ziping report <workbook>`: drafts the 自评报告 of one workbook, scored as `ziping check` scores it (the same
 * --profile, --set and --layout). Without an output option it prints the draft as plain text; --docx writes the
 * .docx, --sheet a copy of the workbook with the 自评报告 sheet (and a blank 报告素材 sheet when it has none).
 * The submitted workbook is only ever read.
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import { checkWorkbook, type LayoutOverride } from "../domain";
import { WorkbookReadError, WorkbookWriteError } from "../gateways/xlsx/errors";
import { readWorkbookFile } from "../gateways/xlsx/read";
import { applyCellSheets } from "../gateways/xlsx/cell-sheet";
import { applyTextSheets } from "../gateways/xlsx/text-sheet";
import { editWorkbookCopy, isSameFile, writeFileAtomically } from "../gateways/xlsx/write";
import { renderDocx } from "../report/docx";
import { isMaterialSheetName, materialSheetPlan } from "../report/material";
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

async function writeSheetCopy(request: ReportRequest, model: ReportModel, dest: string, io: CliIo): Promise<void> {
  let added: string | null = null;
  await editWorkbookCopy(request.workbook, dest, (workbook) => {
    applyTextSheets(workbook, [reportSheetPlan(model)]);
    // The blank 报告素材 sheet, through its sheet plan; a sheet the reader takes for one (any spacing) is kept.
    if (!workbook.worksheets.some((ws) => isMaterialSheetName(ws.name)))
      [added] = applyCellSheets(workbook, [materialSheetPlan(model.kind)]);
  });
  io.stdout.write(`${t(request.lang, "reportWritten", { file: dest })}\n`);
  if (added) io.stdout.write(`${t(request.lang, "reportMaterialAdded", { sheet: added })}\n`);
}
