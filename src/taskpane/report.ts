/**
 * The pane's 自评报告 errands: read the workbook through the gateway, check it and draft the report, then write
 * the Word-ready sheet as a write plan or render the .docx. App loads this module with import() on the first
 * click, so the report code stays out of the pane's first load; the .docx renderer is a second chunk of its own.
 */
/* global Blob */
import { checkWorkbook, type CheckDetail, type LayoutOverride } from "../domain";
import type { Lang } from "../domain/types";
import { isMaterialSheetName, materialSheetPlan } from "../report/material";
import { draftReport, type ReportModel } from "../report/model";
import { reportSheetPlan } from "../report/sheet";
import type { PaneGateway, ProfileChoice, WriteSummary } from "./gateway";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ReportDraft {
  /** The check, with the officer's correction the table was read with (the one saved in the workbook). */
  detail: CheckDetail & { correction?: LayoutOverride };
  model: ReportModel;
  /** The workbook has no 报告素材 sheet: the pane offers to create it. */
  materialMissing: boolean;
}

/**
 * Reads the 自评表 and the 报告素材 sheet, checks the table under `profile` (with the correction saved in the
 * workbook, as 一键校验 does) and drafts the report from both.
 */
export async function draftFromWorkbook(
  gateway: PaneGateway,
  profile: ProfileChoice,
  lang: Lang,
): Promise<ReportDraft> {
  const sources = await gateway.readReportSources(isMaterialSheetName);
  const detail = checkWorkbook(sources.sheets, { profile, sheet: sources.tableSheet, layout: sources.layout });
  const model = draftReport(detail, sources.sheets, lang);
  // Assigned, not spread: the result's write plan is a getter built on first use.
  if (sources.layout) Object.assign(detail, { correction: sources.layout });
  return { detail, model, materialMissing: !sources.sheetNames.some(isMaterialSheetName) };
}

/** Writes the 自评报告 sheet as a write plan of that one text sheet: no cell of the table changes. */
export function writeReportSheet(gateway: PaneGateway, model: ReportModel): Promise<WriteSummary> {
  return gateway.write({ values: [], marks: [], sheets: [reportSheetPlan(model)] });
}

/** Adds the blank 报告素材 sheet for this kind of report, as a sheet plan; null when the workbook already has one. */
export function createMaterialSheet(gateway: PaneGateway, model: ReportModel): Promise<string | null> {
  return gateway.insertReportMaterial(materialSheetPlan(model.kind));
}

/** Characters Windows and macOS refuse in a file name (besides control characters). */
const UNSAFE = new Set('\\/:*?"<>|');

/** "<year><unit>自评报告.docx": "2023广州市南沙区人民政府办公室自评报告.docx". */
export function docxFileName(model: ReportModel): string {
  const stem = [...`${model.year ?? ""}${model.unit}`]
    .filter((ch) => ch.charCodeAt(0) > 0x20 && !UNSAFE.has(ch) && !/\s/.test(ch))
    .join("")
    .slice(0, 80);
  return `${stem}自评报告.docx`;
}

/** The .docx as a Blob, rendered in the pane; the renderer (the `docx` package) loads on first use. */
export async function renderDocxFile(model: ReportModel): Promise<Blob> {
  const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../report/docx");
  const bytes = await renderDocx(model);
  return new Blob([bytes.slice().buffer], { type: DOCX_TYPE });
}
