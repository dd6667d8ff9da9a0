/**
 * The Word-ready 自评报告 sheet: the draft as one paragraph a row in one wide wrapped column, each row in the font
 * and size of its 公文 level, so that copying the column into Word gives styled paragraphs. Expressed as a
 * TextSheetPlan, which every host applies like the rest of the write plan.
 */
import type { TextSheetPlan, WritePlan } from "../domain/types";
import { paragraphText, reportParagraphs, type ReportModel, type ReportParagraph } from "./model";
import { FULL_WIDTH_SPACE, LEVEL_STYLES } from "./style";

export type TextSheetRow = TextSheetPlan["rows"][number];

export const REPORT_SHEET = "自评报告";

/**
 * Column width in Excel's units (about 7 px each at the default font): 84 gives some 590 px, the 156 mm text
 * width of an A4 公文 page, so a row wraps where Word would, at about 28 characters of 三号.
 */
export const REPORT_COLUMN_WIDTH = 84;

function row(p: ReportParagraph): TextSheetRow {
  const style = LEVEL_STYLES[p.role];
  return {
    text: FULL_WIDTH_SPACE.repeat(style.indent) + paragraphText(p),
    font: style.font,
    fallbackFont: style.fallbackFont,
    size: style.size,
    bold: style.bold,
    align: style.align,
    indent: style.indent,
    highlight: p.role === "notice" || p.runs.some((r) => r.kind === "placeholder"),
  };
}

/** The sheet plan: the title lines, an empty row (the 公文 blank line under the title), then every paragraph. */
export function reportSheetPlan(model: ReportModel, name = REPORT_SHEET): TextSheetPlan {
  const rows: TextSheetRow[] = [];
  const paragraphs = reportParagraphs(model);
  paragraphs.forEach((p, i) => {
    rows.push(row(p));
    if (p.role === "title" && paragraphs[i + 1]?.role !== "title")
      rows.push({ ...row({ role: "body", runs: [] }), text: "" });
  });
  return { name, columnWidth: REPORT_COLUMN_WIDTH, rows };
}

/** The write plan with the 自评报告 sheet added (any sheets it already plans are kept). */
export function withReportSheet(plan: WritePlan, model: ReportModel): WritePlan {
  return { ...plan, sheets: [...(plan.sheets ?? []), reportSheetPlan(model)] };
}
