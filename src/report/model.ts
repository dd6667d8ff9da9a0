/**
 * The 自评报告 draft as data, built from an evaluated 自评表 (DOMAIN §5): a title, the five parts of the usual
 * outline, and paragraphs of runs, each run plain text, a figure with its source, or a 【待填写：…】 placeholder.
 * Figures come only from the table and its evaluation; text the table cannot supply comes from the 报告素材 sheet
 * or stays a placeholder. Pure: renderers (the Word-ready sheet, the .docx, the command line) only lay it out.
 */
import type { CheckDetail, IndicatorStatus } from "../domain";
import { type Cell, type CellRange, type Grid } from "../domain/grid";
import { isExecutionIndicator } from "../domain/labels";
import { cellText, isBlankMark, isEmptyExplanation, parseActual, parseNumber, parseTarget } from "../domain/parse";
import { below, belowFull, displayPrecision, fmtAmountGrouped, fmtPlain, round } from "../domain/precision";
import { PROFILES, type Profile } from "../domain/profile";
import type { IndicatorRow, Slot, TableModel } from "../domain/table";
import type { Figure, Lang, LayoutId } from "../domain/types";
import {
  MATERIAL_SHEET,
  materialItem,
  readReportMaterial,
  type MaterialItemId,
  type ReportKind,
  type ReportMaterial,
} from "./material";
import { PHRASES, runs, type Phrases, type Piece } from "./phrases";

export { reportMaterialTemplate, readReportMaterial, MATERIAL_ITEMS, MATERIAL_SHEET } from "./material";
export type { ReportKind, MaterialItemId, MaterialTemplate, ReportMaterial } from "./material";

export type ReportRun =
  /** Plain text; `source` names the cell it was copied from ("自评表!G9", "报告素材!B3"), when it was. */
  | { kind: "text"; text: string; source?: string }
  /** A number (or grade) from the table or its evaluation; `source` is a figure key ("budget.rate") or a cell. */
  | { kind: "figure"; text: string; source: string }
  /** Text still to be written, shown as 【待填写：…】; `item` names what is missing. */
  | { kind: "placeholder"; text: string; item: string };

/**
 * 公文 levels: the title (方正小标宋), "一、" (黑体), "（一）" (楷体), "1." (仿宋, on a line of its own) and body
 * text (仿宋, "（1）" paragraphs included). A notice is not part of the report: it must go before submission.
 */
export type ParagraphRole = "title" | "notice" | "heading1" | "heading2" | "heading3" | "body";

export interface ReportParagraph {
  role: ParagraphRole;
  /** Outline numbering written before the runs: "一、", "（一）", "1.", "（1）". */
  marker?: string;
  runs: ReportRun[];
}

export type PartKey = "basic" | "analysis" | "problems" | "measures" | "attachment";

export interface ReportPart {
  key: PartKey;
  heading: ReportParagraph;
  /** Sub-headings and body paragraphs, in order. */
  paragraphs: ReportParagraph[];
}

/** The 自评表 itself as attached to the report: displayed cell texts and merged areas. */
export interface AttachmentTable {
  sheet: string;
  /** rows[r][c] is the text of cell (r + 1, c + 1) as displayed ("" inside merged areas and for blanks). */
  rows: string[][];
  merges: CellRange[];
  /** Relative column widths: each column's longest text up to a cap, merged cells sharing theirs among their columns. */
  columnWeights: number[];
}

export interface ReportModel {
  lang: Lang;
  kind: ReportKind;
  year: number | null;
  unit: string;
  project: string;
  /** One paragraph a title line. */
  title: ReportParagraph[];
  /** Present when the table still has findings of severity error. */
  notice: ReportParagraph | null;
  /** 一、基本情况 … 五、附件. */
  parts: ReportPart[];
  attachment: AttachmentTable | null;
  /** Findings of severity error in the table the draft was made from. */
  errorCount: number;
  /** What is still to be written, in order of appearance (each 【待填写：…】 once). */
  placeholders: string[];
  /** Those of them whose place is a cell of the 自评表 ("自评表!I14"), not the 报告素材 sheet. */
  inTable: Array<{ item: string; cell: string }>;
}

export interface DraftOptions {
  lang?: Lang;
}

/** 部门整体 tables make a 部门整体支出绩效自评报告; every other layout a 项目支出 one. */
export function reportKind(layout: LayoutId | undefined, table?: TableModel): ReportKind {
  if (layout === "department") return "department";
  if (!layout && table && /部门整体/.test(table.title)) return "department";
  return "project";
}

/** The 自评分数 as the report prints it: "99" when whole at 2 decimals, else "98.40". */
export function fmtReportScore(x: number): string {
  const v = round(x, 2);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** A cell's value as Excel displays it under its number format ("0.00%" → "98.93%", "#,##0.00" → "3,378.30"). */
export function displayCell(cell: Cell | undefined): string {
  const v = cell?.value;
  if (typeof v !== "number") return cellText(v).trim();
  if (!Number.isFinite(v)) return "#NUM!";
  const { decimals, percent } = formatPrecision(cell?.numFmt);
  if (percent) return `${round(v * 100, decimals ?? 2).toFixed(decimals ?? 2)}%`;
  if (decimals === null) return fmtPlain(v);
  const fixed = round(v, decimals).toFixed(decimals);
  if (!/#,##0|0,0/.test(cell?.numFmt ?? "")) return fixed;
  const [i, d] = fixed.split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${d !== undefined ? `.${d}` : ""}`;
}

/**
 * Decimals and percent of a number format. displayPrecision reads the first digit placeholder only, so "#,##0.00"
 * would show no decimals: the decimals are those after the point, wherever the integer part's placeholders end.
 */
function formatPrecision(numFmt: string | undefined): { decimals: number | null; percent: boolean } {
  const base = displayPrecision(numFmt);
  if (base.decimals === null || !numFmt) return base;
  const section = numFmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  const m = /\.([0#?]+)/.exec(section);
  return { decimals: m ? m[1].length : 0, percent: base.percent };
}

/** Splits an explanation at the first clause announcing a measure: "原因……；下一步加强……" → [原因, 措施]. */
export function splitReason(text: string): { reason: string; measure: string } {
  const t = text.trim();
  const m = /(?:^|[。；;！!，,\n]\s*)(?=(?:下一步|下步|今后|下阶段|后续|接下来|改进措施|整改措施|措施)[:：，,]?)/.exec(
    t,
  );
  if (!m) return { reason: t, measure: "" };
  const cut = m.index + m[0].length;
  const reason = t
    .slice(0, cut)
    .replace(/[。；;，,\s]+$/, "")
    .replace(/^(?:偏差)?原因(?:分析)?[:：]/, "");
  const measure = t
    .slice(cut)
    .replace(/^(?:下一步|下步|今后|下阶段|后续|接下来)?(?:改进措施|整改措施|措施)?[:：，,]?\s*/, "");
  return { reason, measure };
}

/** Ends a sentence with "。" unless it already ends with one (a trailing "；" or "，" becomes "。"). */
function sentence(text: string, end: string): string {
  const t = text.trim().replace(/[；;，,、]+$/, "");
  if (!t) return t;
  return /[。！？!?.…]$/.test(t) ? t : t + end;
}

class Drafter {
  readonly P: Phrases;
  readonly kind: ReportKind;
  readonly table: TableModel | undefined;
  readonly figures: Map<string, Figure>;
  /** Each indicator row's status, and the profile in force (with the officer's --set settings). */
  readonly statuses: Map<number, IndicatorStatus>;
  readonly profile: Profile;
  readonly placeholders: string[] = [];
  readonly inTable: Array<{ item: string; cell: string }> = [];
  readonly material: ReportMaterial;

  constructor(
    readonly detail: CheckDetail,
    readonly sheets: readonly Grid[],
    readonly lang: Lang,
  ) {
    this.P = PHRASES[lang];
    this.table = detail.table;
    this.kind = reportKind(detail.layout, detail.table);
    this.figures = new Map(detail.figures.map((f) => [f.key, f]));
    this.statuses = new Map((detail.facts?.indicators ?? []).map((f) => [f.row.row, f.status]));
    this.profile = detail.facts?.profile ?? PROFILES[detail.profile];
    this.material = readReportMaterial(sheets);
  }

  // ── Runs ────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Text still to be written. With `cell`, its place is that cell of the 自评表 (a missing 偏差原因), not the
   * 报告素材 sheet, and the officer is sent there.
   */
  placeholder(item: string, cell?: string): ReportRun {
    if (!this.placeholders.includes(item)) {
      this.placeholders.push(item);
      if (cell) this.inTable.push({ item, cell });
    }
    return { kind: "placeholder", text: this.P.placeholder(item), item };
  }

  figure(text: string, source: string): ReportRun {
    return { kind: "figure", text, source };
  }

  cellRef(slot: Slot): string {
    return `${this.table?.sheet ?? ""}!${slot.a1}`;
  }

  /** Text copied from a cell, or a placeholder when the cell is empty. */
  cellTextRun(slot: Slot | undefined, missing: string): ReportRun {
    const text = slot ? displayCell(slot.cell) : "";
    if (!slot || !text || isBlankMark(text)) return this.placeholder(missing);
    return { kind: "text", text, source: this.cellRef(slot) };
  }

  paragraph(role: ReportParagraph["role"], pieces: Piece, marker?: string): ReportParagraph {
    const p: ReportParagraph = { role, runs: runs(pieces) };
    if (marker) p.marker = marker;
    return p;
  }

  /** The officer's text for an item, one paragraph a line; a placeholder paragraph when required and missing. */
  materialParagraphs(id: MaterialItemId, required = materialItem(id).required): ReportParagraph[] {
    const entry = this.material.get(id);
    if (entry)
      return entry.paragraphs.map((text) => this.paragraph("body", { kind: "text", text, source: entry.source }));
    return required ? [this.paragraph("body", this.placeholder(materialItem(id).label))] : [];
  }

  materialValue(id: MaterialItemId): string {
    return this.material.get(id)?.paragraphs.join("") ?? "";
  }

  // ── Title and notice ───────────────────────────────────────────────────────────────────────────
  year(): number | null {
    if (this.table?.year) return this.table.year;
    const m = /(19|20)\d{2}/.exec(this.materialValue("year"));
    return m ? Number(m[0]) : null;
  }

  unit(): string {
    return this.table?.unit || this.materialValue("unit");
  }

  project(): string {
    return this.table?.project || this.materialValue("project");
  }

  title(): ReportParagraph[] {
    const year = this.year();
    const yearRun: Piece =
      year !== null
        ? this.figure(
            String(year),
            this.table?.year ? "table.year" : (this.material.get("year")?.source ?? MATERIAL_SHEET),
          )
        : this.placeholder(materialItem("year").label);
    const unit = this.unit();
    const unitRun: Piece = unit ? { kind: "text", text: unit } : this.placeholder(materialItem("unit").label);
    // The year opens the first line: a project named "2023年农村公路…" does not repeat it on the second.
    const project = this.project().replace(/项目$/, "");
    const projectRun: Piece = year !== null ? project.replace(new RegExp(`^${year}\\s*年度?`), "") : project;
    return [
      this.paragraph("title", this.P.titleLine1(yearRun, unitRun)),
      this.paragraph("title", this.P.titleLine2(this.kind, projectRun)),
    ];
  }

  notice(): ReportParagraph | null {
    const errors = this.detail.findings.filter((f) => f.severity === "error").length;
    if (errors === 0) return null;
    return this.paragraph("notice", this.P.notice(this.figure(String(errors), "findings.error")));
  }

  // ── Budget ─────────────────────────────────────────────────────────────────────────────────────
  amountRun(value: number | null, slot: Slot | undefined, missing: string): ReportRun {
    if (value === null) return this.placeholder(missing);
    // Without a slot the amount is the sum of the sub-rows the evaluation used for a total row typed as 0.
    return this.figure(fmtAmountGrouped(value), slot ? this.cellRef(slot) : "budget.sum");
  }

  budgetParagraphs(): ReportParagraph[] {
    const b = this.detail.budget;
    const total = this.table?.budgetRows.find((row) => row.kind === "total");
    const planned = this.amountRun(b.planned, total?.planned, "全年预算数");
    const executed = this.amountRun(b.executed, total?.executed, "全年执行数");
    const rate = this.figures.get("budget.rate");
    const rateRun = rate && rate.value !== null ? this.figure(rate.display, rate.key) : this.placeholder("预算执行率");
    const out = [this.paragraph("body", this.P.budget(this.kind, planned, executed, rateRun))];
    // The sub-rows only say something when the money came from more than one source.
    const subs = (this.table?.budgetRows ?? [])
      .filter((row) => row.kind === "sub")
      .map((row) => ({ row, planned: numberIn(row.planned), executed: numberIn(row.executed) }))
      .filter((s) => s.planned !== null && s.executed !== null && (s.planned !== 0 || s.executed !== 0));
    if (subs.length >= 2)
      out.push(
        this.paragraph(
          "body",
          this.P.budgetSubRows(
            subs.map((s) => ({
              label: s.row.label,
              planned: this.figure(fmtAmountGrouped(s.planned!), this.cellRef(s.row.planned!)),
              executed: this.figure(fmtAmountGrouped(s.executed!), this.cellRef(s.row.executed!)),
            })),
          ),
        ),
      );
    const reason = this.budgetReason();
    if (reason)
      out.push(
        this.paragraph(
          "body",
          this.P.budgetReason(this.textRun(sentence(reason.text, this.P.sentenceEnd), reason.slot)),
        ),
      );
    return out;
  }

  budgetReason(): { text: string; slot: Slot } | null {
    for (const row of this.table?.budgetRows ?? []) {
      const slot = row.reason;
      if (slot && slot.text && !isEmptyExplanation(slot.text)) return { text: slot.text, slot };
    }
    return null;
  }

  textRun(text: string, slot: Slot): ReportRun {
    return { kind: "text", text, source: this.cellRef(slot) };
  }

  // ── Evaluation summary ─────────────────────────────────────────────────────────────────────────
  executionIndicator(): IndicatorRow | undefined {
    return this.table?.indicators.find((row) => row.target && row.actual && isExecutionIndicator(row.name.text));
  }

  /** A rate written in a cell as a percentage ("≥95.19%", "98.93%", 0.9893 in a % cell), else null. */
  rateIn(slot: Slot, asTarget: boolean): string | null {
    const cell = slot.cell;
    const read = asTarget ? parseTarget(cell?.value, cell?.numFmt) : parseActual(cell?.value, cell?.numFmt);
    const n = read.kind === "quantitative" || read.kind === "number" ? read : null;
    if (!n) return null;
    if (n.unit === "%" || n.unit === "百分比") return `${fmtPlain(n.value)}%`;
    return null;
  }

  conclusionParagraphs(): ReportParagraph[] {
    const out = this.materialParagraphs("conclusion");
    const pieces: Piece[] = [];
    const rateRow = this.executionIndicator();
    if (rateRow?.target && rateRow.actual) {
      const expected = this.rateIn(rateRow.target, true);
      const actual = this.rateIn(rateRow.actual, false);
      if (expected && actual)
        pieces.push(
          this.P.expectedRate(
            this.kind,
            this.figure(expected, this.cellRef(rateRow.target)),
            this.figure(actual, this.cellRef(rateRow.actual)),
          ),
          this.P.sentenceGap,
        );
    }
    const total = this.figures.get("total.score");
    const grade = this.figures.get("total.grade");
    const exec = this.figures.get("budget.score");
    const scoreRun =
      total && total.value !== null
        ? this.figure(fmtReportScore(total.value), total.key)
        : this.placeholder("自评分数");
    const gradeRun = grade && grade.display ? this.figure(grade.display, grade.key) : this.placeholder("自评等级");
    const execRun = exec && exec.value !== null ? this.figure(fmtReportScore(exec.value), exec.key) : null;
    pieces.push(this.P.score(this.kind, scoreRun, execRun, gradeRun));
    out.push(this.paragraph("body", pieces));
    return out;
  }

  // ── Goals and indicators ───────────────────────────────────────────────────────────────────────
  /** Each task (or the one 年度总体目标) with its 绩效目标 and 完成情况, numbered "1." "2." …. */
  goalParagraphs(): ReportParagraph[] {
    const out: ReportParagraph[] = [];
    (this.table?.goals ?? []).forEach((g, i) => {
      out.push(
        this.paragraph("heading3", g.label ? this.P.goalHeading(g.label) : this.P.unlabelledGoal, this.P.marker(3, i)),
      );
      out.push(
        this.paragraph(
          "body",
          this.P.goalExpected(this.cellTextRun(g.expected, this.P.missingGoalText(g.label, true))),
        ),
      );
      out.push(
        this.paragraph("body", this.P.goalActual(this.cellTextRun(g.actual, this.P.missingGoalText(g.label, false)))),
      );
    });
    return out;
  }

  /** The 预期目标 texts alone, under 项目绩效目标 (a task's name leads its text when there are several). */
  goalTargets(): ReportParagraph[] {
    const goals = this.table?.goals ?? [];
    if (goals.length === 0) return [this.paragraph("body", this.placeholder(this.P.missingGoalText("", true)))];
    return goals.map((g) =>
      this.paragraph("body", [
        goals.length > 1 && g.label ? `${g.label}：` : "",
        this.cellTextRun(g.expected, this.P.missingGoalText(g.label, true)),
      ]),
    );
  }

  /** The target as the officer wrote it, with the 指标性质 and 度量单位 columns when the table has them. */
  targetRun(row: IndicatorRow): ReportRun {
    if (!row.target) return { kind: "text", text: "" };
    const text = displayCell(row.target.cell);
    if (!text || isBlankMark(text)) return this.placeholder(`“${this.nameOf(row)}”的年度指标值`);
    const number = typeof row.target.cell?.value === "number";
    const op = row.nature && /^[≥≤=<>＞＜＝]+$/.test(row.nature.text.trim()) ? row.nature.text.trim() : "";
    return {
      kind: "text",
      text: `${number ? op : ""}${text}${this.unitAfter(row, text)}`,
      source: this.cellRef(row.target),
    };
  }

  actualRun(row: IndicatorRow): ReportRun {
    if (!row.actual) return { kind: "text", text: "" };
    const text = displayCell(row.actual.cell);
    if (!text || isBlankMark(text)) return this.placeholder(this.P.missingActual(this.nameOf(row)));
    const number = typeof row.actual.cell?.value === "number";
    return {
      kind: "text",
      text: `${text}${number ? this.unitAfter(row, text) : ""}`,
      source: this.cellRef(row.actual),
    };
  }

  /**
   * The 度量单位 column's unit to write after a bare number ("8" → "8处"), unless the text already ends with it.
   * Only a unit that cannot run into the number: "12" and a unit cell holding "0" must not read "120".
   */
  unitAfter(row: IndicatorRow, text: string): string {
    const unit = row.unit?.text.trim() ?? "";
    if (!unit || text.endsWith(unit) || /^[\d.,+\-−０-９．，]/.test(unit) || !/^-?[\d.,]+%?$/.test(text)) return "";
    return unit;
  }

  /** The 三级指标 name for use inside other text ("“…”的实际完成值"). */
  nameOf(row: IndicatorRow): string {
    return row.name.text || "指标名称";
  }

  /** The 三级指标 name as a run: copied from its cell, or a placeholder when the cell is blank. */
  nameRun(row: IndicatorRow): ReportRun {
    return row.name.text
      ? { kind: "text", text: row.name.text, source: this.cellRef(row.name) }
      : this.placeholder("指标名称");
  }

  isQualitative(row: IndicatorRow): boolean {
    return !row.target || parseTarget(row.target.cell?.value, row.target.cell?.numFmt).kind === "qualitative";
  }

  /** The indicator's weight and the score the evaluation gives it (the typed score when it could not compute one). */
  scoring(row: IndicatorRow): { weight: number | null; score: number | null; figure?: Figure } {
    const weight = numberIn(row.weight);
    const figure = this.figures.get(`indicator.${row.row}.score`);
    const score = figure?.value ?? numberIn(row.score);
    return { weight, score, figure };
  }

  /**
   * A row's score in a sentence. A computed score prints at 2 decimals; a score only typed in the table prints as
   * the table shows it ("8.662" typed as text stays "8.662", a number under "0.00" shows "8.66"), never re-rounded.
   */
  scoreRun(row: IndicatorRow, score: number, figure: Figure | undefined): ReportRun {
    if (figure) return this.figure(fmtReportScore(score), figure.key);
    const cell = row.score?.cell;
    return this.figure(typeof cell?.value === "number" ? displayCell(cell) : fmtPlain(score), this.cellRef(row.score));
  }

  /** The engine's own verdict on the row (facts.ts): the report never re-derives whether a target was met. */
  status(row: IndicatorRow): IndicatorStatus | undefined {
    return this.statuses.get(row.row);
  }

  isUnmet(row: IndicatorRow): boolean {
    return this.status(row) === "unmet";
  }

  /** An actual far above a ≥ or = target (DOMAIN §3 over-completion), which the report must explain. */
  isOverCompleted(row: IndicatorRow): boolean {
    return this.status(row) === "over-completed";
  }

  /** A scorecard row in a sentence: its score against its weight, both from the table. */
  scoredPiece(row: IndicatorRow, name: ReportRun): Piece {
    const { weight, score, figure } = this.scoring(row);
    const scoreRun =
      score === null ? this.placeholder(`“${this.nameOf(row)}”的得分`) : this.scoreRun(row, score, figure);
    const weightRun =
      weight === null
        ? this.placeholder(`“${this.nameOf(row)}”的分值`)
        : this.figure(fmtPlain(weight), this.cellRef(row.weight!));
    return this.P.indicatorScored(name, scoreRun, weightRun);
  }

  indicatorParagraphs(): ReportParagraph[] {
    const blocks = this.table?.blocks ?? [];
    return blocks
      .filter((b) => b.indicators.length > 0)
      .map((block, i) => {
        const parts: Piece[] = [this.P.blockLead(block.level1 || this.P.indicatorsHeading)];
        block.indicators.forEach((row, j) => {
          if (j > 0) parts.push(this.P.indicatorSeparator);
          const name = this.nameRun(row);
          parts.push(
            !row.target || !row.actual
              ? this.scoredPiece(row, name)
              : this.isQualitative(row)
                ? this.P.indicatorQualitative(name, this.targetRun(row), this.actualRun(row))
                : this.P.indicatorQuantitative(name, this.targetRun(row), this.actualRun(row), this.isUnmet(row)),
          );
        });
        parts.push(this.P.sentenceEnd);
        return this.paragraph("body", parts, this.P.marker(4, i));
      });
  }

  // ── Problems and measures ──────────────────────────────────────────────────────────────────────
  problemsAndMeasures(): { problems: ReportParagraph[]; measures: ReportParagraph[] } {
    const problems: Piece[][] = [];
    const measures: Piece[][] = [];
    const P = this.P;

    const budgetReason = this.budgetReason();
    const rate = this.detail.budget.rate;
    const threshold = this.profile.execReasonThreshold;
    const rateFig = this.figures.get("budget.rate");
    if (
      rate !== null &&
      belowFull(rate) &&
      rateFig &&
      (budgetReason || (threshold !== null && below(rate, threshold)))
    ) {
      const piece: Piece[] = [P.problemBudget(this.figure(rateFig.display, rateFig.key))];
      if (budgetReason) {
        const { reason, measure } = splitReason(budgetReason.text);
        if (reason) piece.push(P.reason(this.textRun(sentence(reason, P.sentenceEnd), budgetReason.slot)));
        if (measure)
          measures.push([P.measureBudget(this.textRun(sentence(measure, P.sentenceEnd), budgetReason.slot))]);
      } else {
        const total = this.table?.budgetRows.find((r) => r.kind === "total");
        const at = total?.reason ?? total?.rate;
        piece.push(P.reason(this.placeholder("预算执行偏差原因", at && this.cellRef(at))));
      }
      problems.push(piece);
    }

    for (const row of this.table?.indicators ?? []) {
      const unmet = this.isUnmet(row);
      const over = !unmet && this.isOverCompleted(row);
      if (!unmet && !over) continue;
      const name = this.nameRun(row);
      const piece: Piece[] = [];
      const { weight, score, figure } = this.scoring(row);
      if (unmet && (weight === null || score === null))
        // Weights only in the block headings: the row missed its target, with no score of its own to quote.
        piece.push(P.problemMissed(name, this.targetRun(row), this.actualRun(row)));
      else if (unmet) {
        const scoreRun = this.scoreRun(row, score!, figure);
        const weightRun = this.figure(fmtPlain(weight!), this.cellRef(row.weight!));
        piece.push(
          !row.target || !row.actual
            ? P.problemScored(name, scoreRun, weightRun)
            : P.problemUnmet(
                name,
                this.targetRun(row),
                this.actualRun(row),
                scoreRun,
                weightRun,
                this.isQualitative(row),
              ),
        );
      } else piece.push(P.problemOver(name, this.targetRun(row), this.actualRun(row)));
      const text = row.reason?.text ?? "";
      if (row.reason && text && !isEmptyExplanation(text)) {
        const { reason, measure } = splitReason(text);
        if (reason) piece.push(P.reason(this.textRun(sentence(reason, P.sentenceEnd), row.reason)));
        if (measure) measures.push([P.measureFor(name, this.textRun(sentence(measure, P.sentenceEnd), row.reason))]);
      } else
        piece.push(
          P.reason(this.placeholder(P.missingReason(this.nameOf(row)), this.cellRef(row.reason ?? row.score))),
        );
      problems.push(piece);
    }

    // "一是……二是……" as in the worked case; a single item needs no ordinal.
    const ordinal = (list: Piece[][]) =>
      list.map((pieces, i) => this.paragraph("body", [list.length > 1 ? P.ordinal(i + 1) : "", ...pieces]));
    const problemParagraphs = ordinal(problems);
    const extraProblems = this.materialParagraphs("problems", false);
    problemParagraphs.push(...extraProblems);
    if (problems.length === 0 && extraProblems.length === 0) {
      const indicators = this.table?.indicators ?? [];
      if (indicators.length > 0) problemParagraphs.push(this.paragraph("body", P.allMet));
      problemParagraphs.push(this.paragraph("body", this.placeholder(materialItem("problems").label)));
    }

    const measureParagraphs = ordinal(measures);
    const extraMeasures = this.materialParagraphs("measures", false);
    measureParagraphs.push(...extraMeasures);
    if (measures.length === 0 && extraMeasures.length === 0)
      measureParagraphs.push(this.paragraph("body", this.placeholder(materialItem("measures").label)));
    return { problems: problemParagraphs, measures: measureParagraphs };
  }

  // ── The outline ────────────────────────────────────────────────────────────────────────────────
  part(key: PartKey, index: number, heading: string, paragraphs: ReportParagraph[]): ReportPart {
    return { key, heading: this.paragraph("heading1", heading, this.P.marker(1, index)), paragraphs };
  }

  h2(i: number, text: string): ReportParagraph {
    return this.paragraph("heading2", text, this.P.marker(2, i));
  }

  basicPart(): ReportPart {
    const P = this.P;
    const finance = [...this.materialParagraphs("finance"), ...this.budgetParagraphs()];
    if (this.kind === "department") {
      const s = P.sections.department;
      return this.part("basic", 0, P.parts.basic, [
        this.h2(0, s.profile),
        this.paragraph("heading3", P.duties, P.marker(3, 0)),
        ...this.materialParagraphs("duties"),
        this.paragraph("heading3", P.organisation, P.marker(3, 1)),
        ...this.materialParagraphs("organisation"),
        this.h2(1, s.work),
        ...this.materialParagraphs("work"),
        this.h2(2, s.finance),
        ...finance,
        this.h2(3, s.management),
        ...this.materialParagraphs("management"),
      ]);
    }
    const s = P.sections.project;
    return this.part("basic", 0, P.parts.basic, [
      this.h2(0, s.profile),
      ...this.materialParagraphs("overview"),
      this.h2(1, s.goals),
      ...this.goalTargets(),
      this.h2(2, s.finance),
      ...finance,
      this.h2(3, s.implementation),
      ...this.materialParagraphs("implementation"),
    ]);
  }

  analysisPart(): ReportPart {
    const P = this.P;
    const goals = this.goalParagraphs();
    const indicators = this.indicatorParagraphs();
    const goalsAndIndicators = [...goals];
    if (indicators.length)
      goalsAndIndicators.push(
        this.paragraph("heading3", P.indicatorsHeading, P.marker(3, this.table?.goals.length ?? 0)),
        ...indicators,
      );
    return this.part("analysis", 1, P.parts.analysis, [
      this.h2(0, P.sections.conclusion),
      ...this.conclusionParagraphs(),
      this.h2(1, P.sections.goalsAnalysis(this.kind)),
      ...goalsAndIndicators,
      this.h2(2, P.sections.results),
      ...this.materialParagraphs("results"),
    ]);
  }

  draft(): ReportModel {
    const title = this.title();
    const notice = this.notice();
    const basic = this.basicPart();
    const analysis = this.analysisPart();
    const { problems, measures } = this.problemsAndMeasures();
    const tableTitle = this.table?.title || this.P.defaultTableTitle(this.kind);
    const parts = [
      basic,
      analysis,
      this.part("problems", 2, this.P.parts.problems, problems),
      this.part("measures", 3, this.P.parts.measures, measures),
      this.part("attachment", 4, this.P.parts.attachment, [this.paragraph("body", this.P.attachment(tableTitle))]),
    ];
    const sheet = this.table ? this.sheets.find((s) => s.name === this.table!.sheet) : undefined;
    return {
      lang: this.lang,
      kind: this.kind,
      year: this.year(),
      unit: this.unit(),
      project: this.project(),
      title,
      notice,
      parts,
      attachment: sheet ? attachmentOf(sheet) : null,
      errorCount: this.detail.findings.filter((f) => f.severity === "error").length,
      placeholders: this.placeholders,
      inTable: this.inTable,
    };
  }
}

function numberIn(slot: Slot | undefined): number | null {
  if (!slot) return null;
  return parseNumber(slot.cell?.value, slot.cell?.numFmt)?.value ?? null;
}

/** Columns of the attached table at most (a 自评表 has about ten). */
const ATTACHMENT_COLS = 64;

/** The table's used range as displayed text, for attaching to the report. */
export function attachmentOf(grid: Grid): AttachmentTable {
  // A merged title may run past the last used column; no 自评表 runs past ATTACHMENT_COLS, whatever a merge says.
  let cols = Math.min(grid.colCount, ATTACHMENT_COLS);
  for (const m of grid.merges)
    if (m.top <= grid.rowCount && m.left <= cols) cols = Math.max(cols, Math.min(m.right, ATTACHMENT_COLS));
  // Merges clipped to the attached range, each cell kept by the first merge claiming it (a sound file has no
  // overlaps): linear in the cells attached whatever the file holds.
  const clipped = grid.merges
    .filter((m) => m.top <= grid.rowCount && m.left <= cols)
    .map((m) => ({
      top: m.top,
      left: m.left,
      bottom: Math.min(m.bottom, grid.rowCount),
      right: Math.min(m.right, cols),
    }));
  const covered = new Set<string>();
  const masters = new Map<string, CellRange>();
  for (const m of clipped) {
    if (covered.has(`${m.top}:${m.left}`) || masters.has(`${m.top}:${m.left}`)) continue;
    masters.set(`${m.top}:${m.left}`, m);
    expand: for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (covered.has(`${r}:${c}`) || masters.has(`${r}:${c}`)) break expand;
        covered.add(`${r}:${c}`);
      }
  }
  const rows: string[][] = [];
  // A column is as wide as its longest text up to a cap (longer text wraps); a merged cell's text is shared
  // among the columns it spans, so a wide merged cell widens each of them a little. Banner rows are left out.
  const CAP = 14;
  const MERGED_CAP = 6;
  const weights = new Array<number>(cols).fill(3);
  for (let r = 1; r <= grid.rowCount; r++) {
    const row: string[] = [];
    const spans: Array<{ c: number; span: number; width: number }> = [];
    for (let c = 1; c <= cols; c++) {
      const text = covered.has(`${r}:${c}`) ? "" : displayCell(grid.cell(r, c));
      row.push(text);
      if (!text) continue;
      const m = masters.get(`${r}:${c}`);
      spans.push({ c, span: m ? m.right - m.left + 1 : 1, width: Math.max(...text.split("\n").map(textWidth)) });
    }
    rows.push(row);
    if (spans.length === 1 && spans[0].span >= cols - 1) continue;
    for (const { c, span, width } of spans)
      for (let k = 0; k < span && c - 1 + k < cols; k++)
        weights[c - 1 + k] = Math.max(
          weights[c - 1 + k],
          span === 1 ? Math.min(CAP, width) : Math.min(MERGED_CAP, width / span),
        );
  }
  const merges = [...masters.values()].map((m) => ({ ...m }));
  // One character more for the cell margins.
  return { sheet: grid.name, rows, merges, columnWeights: weights.map((w) => round(w + 1, 2)) };
}

/** Width in CJK characters (an ASCII character counts half), capped per line. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * Drafts the 自评报告 from a checked workbook. `sheets` are the workbook's sheets as read (for the 报告素材 sheet
 * and the table to attach). When the check found errors, the draft opens with a notice saying how many.
 */
export function draftReport(detail: CheckDetail, sheets: readonly Grid[], lang: Lang = "zh-CN"): ReportModel {
  return new Drafter(detail, sheets, lang).draft();
}

/** Every paragraph in reading order: title lines, the notice, then each part's heading and paragraphs. */
export function reportParagraphs(model: ReportModel): ReportParagraph[] {
  return [
    ...model.title,
    ...(model.notice ? [model.notice] : []),
    ...model.parts.flatMap((p) => [p.heading, ...p.paragraphs]),
  ];
}

export function paragraphText(p: ReportParagraph): string {
  return (p.marker ?? "") + p.runs.map((run) => run.text).join("");
}

/** The draft as plain text, one paragraph a line, body paragraphs indented with two full-width spaces. */
export function reportText(model: ReportModel): string {
  const lines: string[] = [];
  let previous: ReportParagraph | undefined;
  for (const p of reportParagraphs(model)) {
    // A blank line under the title, around the notice and before each part.
    const opensBlock =
      p.role === "heading1" || p === model.notice || (previous?.role === "title" && p.role !== "title");
    if (opensBlock && previous) lines.push("");
    lines.push(p.role === "title" ? paragraphText(p) : `\u3000\u3000${paragraphText(p)}`);
    previous = p;
  }
  return `${lines.join("\n")}\n`;
}
