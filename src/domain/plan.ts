/**
 * The write plan: which computed cells receive which value, which findings' cells get a highlight and a note,
 * the 校验结果 sheet (the findings) and the 计算结果 sheet (the figures). Values only ever target computed cells (执行率,
 * 得分, subtotals, 总分, 等级).
 */
import { CATALOGUE, SEVERITY_LABEL } from "./catalogue";
import type { ComputedCell } from "./evaluate";
import { contentWidths } from "./print";
import type {
  CellSheetPlan,
  Figure,
  Finding,
  Localized,
  PlannedMark,
  PlannedValue,
  Severity,
  SheetCell,
  WritePlan,
} from "./types";

export const FINDINGS_SHEET = "校验结果";
export const FIGURES_SHEET = "计算结果";
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function findingNote(f: Finding): string {
  const parts = [`【${SEVERITY_LABEL[f.severity]["zh-CN"]}】${f.message["zh-CN"]}`];
  if (f.arithmetic) parts.push(`计算：${f.arithmetic}`);
  return parts.join("\n");
}

export function buildPlan(
  findings: readonly Finding[],
  figures: readonly Figure[],
  computed: readonly ComputedCell[],
  /** Why the total is provisional (TotalSummary.provisional): said in the 总分 and 等级 cells' notes. */
  provisional: Localized | null = null,
): WritePlan {
  const byFigure = new Map(figures.map((f) => [f.key, f]));
  const marks = new Map<string, PlannedMark>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const note = findingNote(f);
    const m = marks.get(key);
    if (!m) marks.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, note: `Ziping 校验：\n${note}` });
    else {
      m.note += `\n${note}`;
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
    }
  }

  const values: PlannedValue[] = computed.map((c) => {
    const fig = byFigure.get(c.figure);
    const v: PlannedValue = { sheet: fig?.sheet ?? "", cell: c.slot.a1, value: c.value, figure: c.figure };
    if (c.numFmt) v.numFmt = c.numFmt;
    if (fig) v.note = `Ziping 计算（${fig.profileTitle?.["zh-CN"] ?? fig.profile}）：${fig.arithmetic}`;
    if (provisional && (c.figure === "total.score" || c.figure === "total.grade"))
      v.note = v.note ? `${v.note}\n${provisional["zh-CN"]}` : provisional["zh-CN"];
    return v;
  });

  const header = ["序号", "严重程度", "规则", "工作表", "单元格", "说明", "应为", "实为", "计算过程"];
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const rows: WritePlan["findingsSheet"]["rows"] = sorted.map((f, i) => ({
    cells: [
      i + 1,
      SEVERITY_LABEL[f.severity]["zh-CN"],
      // The rule as a reviewer names it (its id is in --json and the code).
      CATALOGUE[f.rule].title["zh-CN"],
      f.sheet,
      f.cell,
      f.message["zh-CN"],
      f.expected ?? "",
      f.received ?? "",
      f.arithmetic ?? "",
    ],
    link: { sheet: f.sheet, cell: f.cell },
    severity: f.severity,
  }));
  if (findings.length === 0) rows.push({ cells: ["", "", "", "", "", "未发现问题", "", "", ""] });

  const plan: WritePlan = { values, marks: [...marks.values()], findingsSheet: { name: FINDINGS_SHEET, header, rows } };
  if (figures.length > 0) plan.cellSheets = [figuresSheet(figures)];
  return plan;
}

/** Excel's limit on a text inside a formula. */
const MAX_FORMULA_STRING = 255;

/** `'Sheet name'!C7`, quoted the way Excel quotes references (a quote inside the name is doubled). */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * An in-workbook link as a HYPERLINK formula (without "="), which Excel, WPS and LibreOffice follow alike; undefined
 * when a text would pass Excel's 255-character limit inside a formula.
 */
export function hyperlinkFormula(sheet: string, cell: string, shown: string | number): string | undefined {
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const target = `#${sheetReference(sheet, cell)}`;
  if (target.length > MAX_FORMULA_STRING) return undefined;
  if (typeof shown === "number") return `HYPERLINK(${quote(target)},${shown})`;
  if (shown.length > MAX_FORMULA_STRING) return undefined;
  return `HYPERLINK(${quote(target)},${quote(shown)})`;
}

/** A link to a cell showing its address, or the address as text when the link would be too long. */
function cellLink(sheet: string, cell: string): SheetCell {
  const formula = hyperlinkFormula(sheet, cell, cell);
  return formula ? { formula } : cell;
}

const FIGURES_HEADER = ["项目", "工作表", "单元格", "结果", "计算方法", "口径", "计算过程"];

/**
 * The 计算结果 sheet: every figure Ziping computed, where it stands, its result, how it is computed, under which
 * 口径 and with which numbers. Its own sheet with its own header, so that no heading means two things (the
 * 校验结果 sheet lists findings only); the add-in's output, replaced by the next check and removed by 撤销写入.
 */
export function figuresSheet(figures: readonly Figure[]): CellSheetPlan {
  const rows: SheetCell[][] = [
    FIGURES_HEADER,
    ...figures.map((fig) => [
      fig.label["zh-CN"],
      fig.sheet ?? "",
      fig.sheet && fig.cell ? cellLink(fig.sheet, fig.cell) : (fig.cell ?? ""),
      fig.display,
      fig.rule["zh-CN"],
      fig.profileTitle?.["zh-CN"] ?? fig.profile,
      fig.arithmetic,
    ]),
  ];
  // A link shows its cell's address, so that is what its column is measured by.
  const shown = rows.map((r, i) => r.map((v) => (typeof v === "object" ? (figures[i - 1]?.cell ?? "") : v)));
  const last = rows.length;
  return {
    name: FIGURES_SHEET,
    owner: "ziping",
    whenTaken: "number",
    rows,
    columnWidths: contentWidths(shown, (c) => ({ min: 8, max: c === 4 || c === 6 ? 40 : 24 })),
    formats: [
      { range: `A1:G${last}`, wrap: true, vertical: "top", borders: true },
      { range: "A1:G1", bold: true, horizontal: "center", vertical: "center" },
    ],
    freezeRows: 1,
  };
}
