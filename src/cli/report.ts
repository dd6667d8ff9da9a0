/**
 * `ziping report <workbook>`: drafts the 自评报告 of one workbook, scored as `ziping check` scores it (the same
 * --profile, --set and --layout). Without an output option it prints the draft as plain text; --docx writes the
 * .docx, --sheet a copy of the workbook with the 自评报告 sheet (and a blank 报告素材 sheet when it has none).
 * The submitted workbook is only ever read.
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import { checkWorkbook } from "../domain";
import { WorkbookReadError, WorkbookWriteError } from "../gateways/xlsx/errors";
import { readWorkbookFile } from "../gateways/xlsx/read";
import { SheetDrafts } from "../gateways/xlsx/draft";
import { addDraftSheet } from "../gateways/xlsx/draft-sheet";
import { markOutput } from "../gateways/xlsx/marker";
import { isSameFile, writeFileAtomically, writeWorkbookCopy } from "../gateways/xlsx/write";
import { renderDocx } from "../report/docx";
import { isMaterialSheetName, materialSheetPlan } from "../report/material";
import { draftReport, reportText, type ReportModel } from "../report/model";
import { reportSheetPlan } from "../report/sheet";
import type { ReportRequest } from "./args";
import { layoutOption } from "./check";
import { isDirectory, PathSet, pathExists } from "./files";
import { EXIT, type CliIo } from "./io";
import { t, usageErrorText } from "./messages";

export async function runReport(request: ReportRequest, io: CliIo): Promise<number> {
  const { lang } = request;
  try {
    const sheetDest = request.sheet === undefined ? undefined : await sheetDestination(request.sheet, request.workbook);
    // The workbook (and the 版式.json) is never replaced, however spelled, --force or not.
    const inputs = new PathSet(request.layout === undefined ? [request.workbook] : [request.workbook, request.layout]);
    for (const dest of [request.docx, sheetDest])
      if (dest !== undefined && (inputs.has(dest) || (await isSameFile(dest, request.workbook))))
        throw new WorkbookWriteError("would-overwrite-source", dest);
    // Each option writes one kind of file: --sheet notes.txt must not turn a text file into a workbook.
    const misnamed =
      request.docx !== undefined && !/\.docx$/i.test(request.docx)
        ? usageErrorText("docxNotDocx", { file: request.docx }, "report")
        : sheetDest !== undefined && !/\.xlsx$/i.test(sheetDest)
          ? usageErrorText("sheetNotXlsx", { file: request.sheet! }, "report")
          : undefined;
    if (misnamed) {
      io.stderr.write(misnamed);
      return EXIT.failure;
    }
    if (request.docx !== undefined && sheetDest !== undefined && new PathSet([request.docx]).has(sheetDest)) {
      io.stderr.write(usageErrorText("sameOutput", { file: request.docx }, "report"));
      return EXIT.failure;
    }
    // A folder where the .docx or the sheet's workbook should go is never replaced, --force or not.
    const folder = [request.docx, sheetDest].find((d) => d !== undefined && isDirectory(d));
    if (folder !== undefined) {
      io.stderr.write(`${t(lang, "outputIsFolder", { file: folder })}\n`);
      return EXIT.failure;
    }
    // Refused before drafting, so that nothing is half written; the writers check again as they finish.
    const existing = request.force
      ? undefined
      : [request.docx, sheetDest].find((d) => d !== undefined && pathExists(d));
    if (existing !== undefined) throw new WorkbookWriteError("exists", existing);

    const option = await layoutOption(request.layout, io.stderr);
    if (!option) return EXIT.failure;
    const { layout } = option;
    // The 报告素材 sheet is read in full: the draft reads every row of it.
    const { sheets } = await readWorkbookFile(request.workbook, { sheet: layout?.sheet, whole: isMaterialSheetName });
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
      await writeFileAtomically(request.docx, (temp) => fs.writeFile(temp, bytes), { replace: request.force === true });
      io.stdout.write(`${t(lang, "reportWritten", { file: request.docx })}\n`);
    }
    if (sheetDest !== undefined) await writeSheetCopy(request, model, sheetDest, io);
    // Each missing passage is sent where it belongs: a 偏差原因 to its 自评表 cell, the rest to 报告素材.
    const sep = lang === "zh-CN" ? "、" : ", ";
    const inTable = new Set(model.inTable.map((p) => p.item));
    const material = model.placeholders.filter((p) => !inTable.has(p));
    if (model.inTable.length)
      io.stderr.write(
        `${t(lang, "reportPlaceholdersInTable", { items: model.inTable.map((p) => `${p.item}（${p.cell}）`).join(sep) })}\n`,
      );
    if (material.length) io.stderr.write(`${t(lang, "reportPlaceholders", { items: material.join(sep) })}\n`);
    if (model.errorCount) io.stderr.write(`${t(lang, "reportTableErrors", { count: model.errorCount })}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof WorkbookWriteError && error.code === "exists") {
      io.stderr.write(`${t(lang, "outputExists", { file: error.file })}\n`);
      return EXIT.failure;
    }
    if (error instanceof WorkbookReadError || error instanceof WorkbookWriteError) {
      io.stderr.write(`${error.localized[lang]}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/**
 * --sheet names a folder that receives <workbook>.report.xlsx when it is one, ends in a separator, or is a new name
 * without extension; else a file (which the caller refuses unless it ends in .xlsx).
 */
async function sheetDestination(value: string, workbook: string): Promise<string> {
  const stat = await fs.stat(value).catch(() => undefined);
  const folder = stat ? stat.isDirectory() : /[\\/]$/.test(value) || nodePath.extname(value) === "";
  if (folder) return nodePath.join(value, `${nodePath.basename(workbook).replace(/\.xlsx$/i, "")}.report.xlsx`);
  return value;
}

async function writeSheetCopy(request: ReportRequest, model: ReportModel, dest: string, io: CliIo): Promise<void> {
  let added: string | null = null;
  const addSheets = (existing: readonly string[]) => {
    const drafts = new SheetDrafts(existing);
    drafts.text(reportSheetPlan(model));
    // The blank 报告素材 sheet, through its sheet plan; a sheet the reader takes for one (any spacing) is kept.
    if (!existing.some(isMaterialSheetName)) added = drafts.cells(materialSheetPlan(model.kind));
    return drafts.drafts;
  };
  const how = await writeWorkbookCopy(
    request.workbook,
    dest,
    { addSheets, kind: "report-sheet" },
    { replace: request.force === true },
    (workbook) => {
      markOutput(workbook, "report-sheet");
      for (const d of addSheets(workbook.worksheets.map((ws) => ws.name))) addDraftSheet(workbook, d);
    },
  );
  io.stdout.write(`${t(request.lang, "reportWritten", { file: dest })}\n`);
  if (added) io.stdout.write(`${t(request.lang, "reportMaterialAdded", { sheet: added })}\n`);
  if (!how.patched) io.stdout.write(`${t(request.lang, "copyRebuilt", { reason: how.reason ?? "" })}\n`);
}
