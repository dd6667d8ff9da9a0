/**
 * The reviewer's consolidated workbook (汇总表): one row per submitted workbook, worst first, on sheet 汇总,
 * and every finding of every file on sheet 问题明细. Files that could not be read keep their row, with the
 * reason. The workbook is written beside its destination and renamed, and never over one of the inputs.
 */
import ExcelJS from "exceljs";
import { CATALOGUE, SEVERITY_LABEL } from "../../domain/catalogue";
import { round } from "../../domain/precision";
import { notGraded } from "../../domain/evaluate";
import type { CheckResult, Lang, Severity } from "../../domain/types";
import { WorkbookWriteError } from "./errors";
import { markOutput } from "./marker";
import { contentWidths, PAGE_FOOTER, printSetupFor, wrappedRowHeights } from "../../domain/print";
import { applyPrintSetup } from "./print";
import { SEVERITY_FILL, solidFill } from "./score";
import { isSameFile, writeFileAtomically } from "./write";

export const SUMMARY_SHEET = "汇总";
export const FINDINGS_DETAIL_SHEET = "问题明细";

/** One submitted file as the batch saw it. */
export interface SummaryEntry {
  file: string;
  /** 部门/单位 and 项目名称 as the table states them. */
  unit?: string;
  project?: string;
  /** The engine's result, when the file could be read. */
  result?: CheckResult;
  /** Why the file could not be read or checked, in the summary's language. */
  readError?: string;
  /** Anything else the reviewer should know (a marked-up copy that could not be written). */
  note?: string;
}

/** A 汇总 row as data: what the sheet shows, before formatting. */
export interface SummaryRow {
  file: string;
  unit: string;
  project: string;
  /** 执行率 as a fraction. */
  rate: number | null;
  computed: number | null;
  reported: number | null;
  grade: string;
  /** The total was computed from an incomplete table (TotalSummary.provisional): its cell shows "（暂定）". */
  provisional: boolean;
  errors: number;
  warnings: number;
  readable: boolean;
  /** 可否受理: read, and no error-level finding. */
  acceptable: boolean;
  remark: string;
}

export const SUMMARY_HEADER = [
  "文件",
  "单位",
  "项目",
  "执行率",
  "计算总分",
  "填报总分",
  "等级",
  "错误数",
  "警告数",
  "可否受理",
  "说明",
] as const;
export const DETAIL_HEADER = ["文件", "工作表", "单元格", "严重程度", "规则", "说明"] as const;

/** Number formats by 汇总 column (1-based). */
const SUMMARY_FORMATS: Record<number, string> = { 4: "0.00%", 5: "0.00", 6: "0.00", 8: "0", 9: "0" };
/**
 * A provisional 计算总分 stays a number (it sorts and filters with the others) and says what it is where it is
 * read: "87.50（暂定）", as its 等级 does.
 */
export const PROVISIONAL_TOTAL_FORMAT = '0.00"（暂定）"';
const HEADER_FILL = "FFF2F2F2";
/** Excel's grey for rows that could not be read. */
export const UNREADABLE_FILL = "FFD9D9D9";
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function roundOrNull(n: number | null | undefined, decimals: number): number | null {
  return n === null || n === undefined ? null : round(n, decimals);
}

function count(result: CheckResult | undefined, severity: Severity): number {
  return result ? result.findings.filter((f) => f.severity === severity).length : 0;
}

function gradeText(result: CheckResult | undefined): string {
  const t = result?.total;
  if (!t) return "";
  if (t.grade) return t.provisional ? `${t.grade}（暂定）` : t.grade;
  return notGraded(t) ? "不评定" : "";
}

/** The 汇总 rows, worst first: unreadable files, then most errors, then lowest computed total (none lowest), then by file. */
export function summaryRows(entries: readonly SummaryEntry[]): SummaryRow[] {
  const rows = entries.map((e): SummaryRow => {
    const readable = e.result !== undefined && e.readError === undefined;
    const errors = count(e.result, "error");
    return {
      file: e.file,
      unit: e.unit ?? "",
      project: e.project ?? "",
      // At the domain's precision, so that the cell holds what it shows (94.12, not 94.12037…).
      rate: roundOrNull(e.result?.budget.rate, 6),
      computed: roundOrNull(e.result?.total.computed, 2),
      reported: roundOrNull(e.result?.total.reported, 2),
      // A provisional total's grade says so; an impossible total has none ("不评定"), see TotalSummary.
      grade: gradeText(e.result),
      provisional: !!e.result?.total.provisional,
      errors,
      warnings: count(e.result, "warning"),
      readable,
      acceptable: readable && errors === 0,
      remark: [e.readError, e.result?.total.provisional?.["zh-CN"], e.note].filter((s): s is string => !!s).join("\n"),
    };
  });
  const total = (r: SummaryRow) => r.computed ?? Number.NEGATIVE_INFINITY;
  return rows.sort(
    (a, b) =>
      Number(a.readable) - Number(b.readable) ||
      b.errors - a.errors ||
      total(a) - total(b) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
}

/**
 * Writes the 汇总表 to `dest`; refuses when `dest` is one of `protect` (the files checked), however spelled, and with
 * `replace: false` when it exists.
 */
export async function writeSummaryWorkbook(
  dest: string,
  entries: readonly SummaryEntry[],
  options: { lang?: Lang; protect?: readonly string[]; replace?: boolean } = {},
): Promise<void> {
  await refuseOverwritingInputs(dest, options.protect ?? []);
  const workbook = buildSummaryWorkbook(entries, options.lang ?? "zh-CN");
  await writeFileAtomically(dest, (temp) => workbook.xlsx.writeFile(temp), { replace: options.replace });
}

/** The 汇总 workbook in memory (the command line writes it to a file, the web page offers it as a download). */
export function buildSummaryWorkbook(entries: readonly SummaryEntry[], lang: Lang): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  markOutput(workbook, "summary");
  const rows = summaryRows(entries);
  addSummarySheet(workbook, rows);
  const order = new Map(rows.map((r, i) => [r.file, i]));
  addDetailSheet(
    workbook,
    [...entries].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)),
    lang,
  );
  return workbook;
}

/** Throws would-overwrite-source when `dest` names one of `inputs`: callers check before a long batch, and the writer again. */
export async function refuseOverwritingInputs(dest: string, inputs: readonly string[]): Promise<void> {
  for (const input of inputs) {
    if (await isSameFile(input, dest)) throw new WorkbookWriteError("would-overwrite-source", dest);
  }
}

/**
 * A sheet with a bold header, frozen below it, filtered over every row, columns as wide as their text (8–40), printed
 * on A4 one page wide with the header on every page.
 */
function table(
  workbook: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  style: (row: number, col: number) => Partial<ExcelJS.Style>,
  /** The rows as displayed, where a number format adds text, for the column widths and row heights. */
  shown: ReadonlyArray<ReadonlyArray<string | number | null>> = rows,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  header.forEach((text, c) => {
    const cell = ws.getCell(1, c + 1);
    cell.value = text;
    cell.style = {
      font: { bold: true },
      fill: solidFill(HEADER_FILL),
      alignment: { vertical: "middle", horizontal: "center", wrapText: true },
    };
  });
  rows.forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      // Strings stay text: a file named "=SUM(…).xlsx" or a message quoting one never becomes a formula.
      if (v !== null) cell.value = v;
      cell.style = style(r, c + 1);
    });
  });
  // Columns as wide as their text, within 8 to 40 (wider text wraps), so that the sheet prints one page wide.
  const widths = contentWidths([header, ...shown], { min: 8, max: 40 });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [r, height] of wrappedRowHeights([header, ...shown], widths)) ws.getRow(r + 1).height = height;
  applyPrintSetup(ws, printSetupFor(widths, 1), PAGE_FOOTER);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } };
  return ws;
}

function addSummarySheet(workbook: ExcelJS.Workbook, rows: readonly SummaryRow[]): void {
  const values = rows.map((r) => [
    r.file,
    r.unit,
    r.project,
    r.rate,
    r.computed,
    r.reported,
    r.grade,
    r.readable ? r.errors : null,
    r.readable ? r.warnings : null,
    r.acceptable ? "是" : "否",
    r.remark,
  ]);
  const provisionalTotal = (r: SummaryRow) => r.provisional && r.computed !== null;
  const shown = values.map((v, i) =>
    provisionalTotal(rows[i]) ? v.map((x, c) => (c === 4 ? `${rows[i].computed!.toFixed(2)}（暂定）` : x)) : v,
  );
  const styleOf = (r: number, col: number) => {
    const row = rows[r];
    const style: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: true } };
    if (SUMMARY_FORMATS[col])
      style.numFmt = col === 5 && provisionalTotal(row) ? PROVISIONAL_TOTAL_FORMAT : SUMMARY_FORMATS[col];
    if (!row.readable) style.fill = solidFill(UNREADABLE_FILL);
    else if (row.errors > 0) style.fill = solidFill(SEVERITY_FILL.error);
    if (col === 10) style.alignment = { vertical: "top", horizontal: "center" };
    return style;
  };
  table(workbook, SUMMARY_SHEET, SUMMARY_HEADER, values, styleOf, shown);
}

function addDetailSheet(workbook: ExcelJS.Workbook, entries: readonly SummaryEntry[], lang: Lang): void {
  const findings = entries.flatMap((e) =>
    [...(e.result?.findings ?? [])]
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
      .map(({ f }) => ({ file: e.file, f })),
  );
  const values = findings.map(({ file, f }) => [
    file,
    f.sheet,
    f.cell,
    SEVERITY_LABEL[f.severity][lang],
    CATALOGUE[f.rule].title[lang],
    f.message[lang],
  ]);
  table(workbook, FINDINGS_DETAIL_SHEET, DETAIL_HEADER, values, (r, col) => {
    const style: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: true } };
    if (col === 4) style.fill = solidFill(SEVERITY_FILL[findings[r].f.severity]);
    return style;
  });
}
