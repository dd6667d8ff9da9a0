/**
 * The sheets a plan adds to a file (校验结果, 计算结果, the 自评报告, the blank 报告素材), drafted once as plain data:
 * each cell's value and style, the column widths, row heights, frozen rows, merged areas, filter and print setup.
 * Two writers take a draft: ./draft-sheet.ts into an exceljs workbook (a copy rebuilt through exceljs), and
 * ./patch/new-sheet.ts straight into SpreadsheetML (the patched copy), so that a 200,000-row 计算结果 costs
 * its XML and nothing more. What a sheet looks like is decided here only.
 *
 * Styles are shared objects: every cell drafted alike holds the same DraftStyle, so a writer maps styles to its
 * own indexes once per object, not once per cell.
 */
import { columnLetters, parseRange } from "../../domain/grid";
import { hyperlinkFormula } from "../../domain/plan";
import {
  cellSheetLayout,
  estimateRowHeight,
  findingsSheetLayout,
  PAGE_FOOTER,
  TEXT_SHEET_PRINT,
  widestRow,
  type PrintSetup,
} from "../../domain/print";
import { claimSheetName, nameNewSheet } from "../../domain/sheet-names";
import type {
  CellSheetPlan,
  FindingsSheetPlan,
  Severity,
  SheetFormat,
  TextSheetPlan,
  WritePlan,
} from "../../domain/types";

/** Solid fills by severity: Excel's own "bad", "neutral" and a light blue (ARGB). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const HEADER_FILL = "FFF2F2F2";
const LINK_COLOR = "FF0563C1";
/** Word's yellow highlight, so a placeholder looks the same once pasted. */
const HIGHLIGHT_FILL = "FFFFFF00";
/** GB2312 character set: Excel picks a Chinese font for the cell when the named one is missing. */
const CHARSET_GB2312 = 134;

export interface DraftFont {
  name?: string;
  size?: number;
  bold?: boolean;
  underline?: boolean;
  /** ARGB. */
  color?: string;
  charset?: number;
}

/** A cell's look. Fields left out keep the workbook's defaults (its first font, no fill, no border). */
export interface DraftStyle {
  font?: DraftFont;
  /** Solid fill, ARGB. */
  fill?: string;
  horizontal?: "left" | "center" | "justify";
  vertical?: "top" | "middle";
  wrap?: boolean;
  /** Thin lines on all four sides. */
  border?: boolean;
  numFmt?: string;
}

/** Text stays text (never a formula, whatever it starts with); a formula is only ever { formula }. */
export type DraftValue = string | number | { formula: string; result?: string | number };

export interface DraftCell {
  value?: DraftValue;
  style?: DraftStyle;
}

export interface SheetDraft {
  name: string;
  /** Rows from row 1, cells from column A; holes are empty cells. */
  rows: Array<Array<DraftCell | undefined>>;
  /** Widths of columns A, B, … in character units; a hole keeps the default. */
  widths: number[];
  /** Heights in points by 1-based row. */
  heights: Map<number, number>;
  frozenRows: number;
  showGridLines: boolean;
  merges: string[];
  /** The range of an autofilter over the header, A1 style. */
  autoFilter?: string;
  print: PrintSetup;
  footer: string;
}

// ---- 校验结果 ---------------------------------------------------------------------------------------

const TOP_WRAP: DraftStyle = { vertical: "top", wrap: true };
const HEADER_STYLE: DraftStyle = { font: { bold: true }, fill: HEADER_FILL, vertical: "top", wrap: true };

/** The column that shows the linked address ("C7" or "Sheet!C7"), else the first. */
function linkColumnOf(cells: ReadonlyArray<string | number>, link: { sheet: string; cell: string }): number {
  const i = cells.findIndex((v) => v === link.cell || v === `${link.sheet}!${link.cell}`);
  return i >= 0 ? i : 0;
}

/** The findings sheet under `name` (already named apart from the workbook's sheets). */
export function findingsDraft(plan: FindingsSheetPlan, name: string): SheetDraft {
  const columnCount = Math.max(plan.header.length, widestRow(plan.rows.map((r) => r.cells)), 1);
  const layout = findingsSheetLayout(plan);
  const bySeverity = new Map<Severity | undefined, { plain: DraftStyle; link: DraftStyle }>();
  const stylesFor = (severity: Severity | undefined) => {
    let s = bySeverity.get(severity);
    if (!s) {
      const plain: DraftStyle = severity ? { ...TOP_WRAP, fill: SEVERITY_FILL[severity] } : TOP_WRAP;
      s = { plain, link: { ...plain, font: { color: LINK_COLOR, underline: true } } };
      bySeverity.set(severity, s);
    }
    return s;
  };
  const rows: SheetDraft["rows"] = [plan.header.map((text) => ({ value: text, style: HEADER_STYLE }))];
  for (const row of plan.rows) {
    const styles = stylesFor(row.severity);
    const linkColumn = row.link ? linkColumnOf(row.cells, row.link) : -1;
    const cells: DraftCell[] = [];
    for (let c = 0; c < columnCount; c++) {
      const v = row.cells[c];
      if (v === undefined) {
        cells.push({ style: styles.plain });
        continue;
      }
      const formula = c === linkColumn && row.link ? hyperlinkFormula(row.link.sheet, row.link.cell, v) : undefined;
      cells.push(formula ? { value: { formula, result: v }, style: styles.link } : { value: v, style: styles.plain });
    }
    rows.push(cells);
  }
  return {
    name,
    rows,
    widths: layout.widths,
    heights: new Map([...layout.heights].map(([r, h]) => [r + 1, h])),
    frozenRows: 1,
    showGridLines: true,
    merges: [],
    autoFilter: `A1:${columnLetters(columnCount)}${Math.max(1, plan.rows.length + 1)}`,
    print: layout.print,
    footer: PAGE_FOOTER,
  };
}

// ---- text sheets (the 自评报告) ---------------------------------------------------------------------

/** A text sheet under `name`: one paragraph a row, in its font, size, alignment and height; text kept as text. */
export function textSheetDraft(plan: TextSheetPlan, name: string): SheetDraft {
  const styles = new Map<string, DraftStyle>();
  const rows = plan.rows.map((row) => {
    const key = JSON.stringify([row.font, row.size, row.bold, row.align, row.highlight === true]);
    let style = styles.get(key);
    if (!style) {
      // "@" keeps the paragraph text if the officer edits it.
      style = {
        numFmt: "@",
        font: { name: row.font, size: row.size, bold: row.bold, charset: CHARSET_GB2312 },
        horizontal: row.align,
        vertical: "top",
        wrap: true,
      };
      if (row.highlight) style.fill = HIGHLIGHT_FILL;
      styles.set(key, style);
    }
    return [{ value: row.text, style }];
  });
  return {
    name,
    rows,
    widths: [plan.columnWidth],
    heights: new Map(
      plan.rows.map((row, i) => [i + 1, estimateRowHeight(row.text || " ", row.size, plan.columnWidth)]),
    ),
    frozenRows: 0,
    showGridLines: false,
    merges: [],
    print: TEXT_SHEET_PRINT,
    footer: PAGE_FOOTER,
  };
}

// ---- sheets of cells (计算结果, 报告素材, the blank 自评表) --------------------------------------------

/** The style formats give a cell, applied in order on top of one another (a later one wins where they overlap). */
function formatted(style: DraftStyle, f: SheetFormat): DraftStyle {
  const next: DraftStyle = { ...style };
  if (f.numFmt !== undefined) next.numFmt = f.numFmt;
  if (f.bold !== undefined || f.fontSize !== undefined || f.fontColor !== undefined) {
    const font: DraftFont = { ...style.font };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColor !== undefined) font.color = `FF${f.fontColor.replace(/^#/, "").toUpperCase()}`;
    next.font = font;
  }
  if (f.wrap !== undefined) next.wrap = f.wrap;
  if (f.vertical !== undefined) next.vertical = f.vertical === "center" ? "middle" : "top";
  if (f.horizontal !== undefined) next.horizontal = f.horizontal;
  if (f.borders) next.border = true;
  return next;
}

/** A sheet of cells under `name`: its rows from A1, formulas, merged areas, widths, formats and frozen header. */
export function cellSheetDraft(plan: CellSheetPlan, name: string): SheetDraft {
  const rows: SheetDraft["rows"] = plan.rows.map((row) =>
    row.map((v) => ({ value: typeof v === "object" ? { formula: v.formula } : v })),
  );
  // Which formats cover each cell: cells covered alike share one style object, rows covered alike one row of them.
  const formats = (plan.formats ?? []).map((f) => ({ f, range: parseRange(f.range) }));
  const styles = new Map<string, DraftStyle>();
  const rowStyles = new Map<string, Array<DraftStyle | undefined>>();
  let bottom = rows.length;
  for (const x of formats) bottom = Math.max(bottom, x.range.bottom);
  for (let r = 1; r <= bottom; r++) {
    const covering = formats.filter((x) => x.range.top <= r && r <= x.range.bottom);
    if (covering.length === 0) continue;
    const rowKey = covering.map((x) => formats.indexOf(x)).join(",");
    let line = rowStyles.get(rowKey);
    if (!line) {
      line = [];
      const right = Math.max(...covering.map((x) => x.range.right));
      for (let c = 1; c <= right; c++) {
        const here = covering.filter((x) => x.range.left <= c && c <= x.range.right);
        if (here.length === 0) continue;
        const key = here.map((x) => formats.indexOf(x)).join(",");
        let style = styles.get(key);
        if (!style) styles.set(key, (style = here.reduce<DraftStyle>((s, x) => formatted(s, x.f), {})));
        line[c - 1] = style;
      }
      rowStyles.set(rowKey, line);
    }
    const row = (rows[r - 1] ??= []);
    line.forEach((style, c) => {
      if (!style) return;
      const cell = row[c];
      if (cell) cell.style = style;
      else row[c] = { style };
    });
  }
  const layout = cellSheetLayout(plan);
  return {
    name,
    rows,
    widths: plan.columnWidths ?? [],
    heights: new Map([...layout.heights].map(([r, h]) => [r + 1, h])),
    frozenRows: plan.freezeRows ?? 0,
    showGridLines: true,
    merges: plan.merges ?? [],
    print: layout.print,
    footer: PAGE_FOOTER,
  };
}

// ---- naming, and a plan's sheets ------------------------------------------------------------------

/**
 * Drafts sheets one after another, each named apart from the workbook's sheets and the drafts before it. Every
 * sheet already in the file is the officer's here, so none is ever replaced: a taken name gets " (2)", … (or, for
 * a sheet planned to be skipped when taken, nothing is drafted).
 */
export class SheetDrafts {
  readonly drafts: SheetDraft[] = [];
  private readonly names: string[];

  constructor(existing: readonly string[]) {
    this.names = [...existing];
  }

  findings(plan: FindingsSheetPlan): string {
    return this.add(nameNewSheet(plan.name, this.names).name, (name) => findingsDraft(plan, name));
  }

  text(plan: TextSheetPlan): string {
    return this.add(nameNewSheet(plan.name, this.names).name, (name) => textSheetDraft(plan, name));
  }

  cells(plan: CellSheetPlan): string | null {
    const picked =
      plan.whenTaken === "skip" ? claimSheetName(plan.name, this.names) : nameNewSheet(plan.name, this.names);
    return picked ? this.add(picked.name, (name) => cellSheetDraft(plan, name)) : null;
  }

  private add(name: string, draft: (name: string) => SheetDraft): string {
    this.drafts.push(draft(name));
    this.names.push(name);
    return name;
  }
}

/** The sheets a plan adds (校验结果, text and cell sheets), named apart from `existing`. */
export function planSheetDrafts(
  plan: Partial<Pick<WritePlan, "findingsSheet" | "sheets" | "cellSheets">>,
  existing: readonly string[],
): SheetDraft[] {
  const out = new SheetDrafts(existing);
  const findings = plan.findingsSheet;
  if (findings && (findings.header.length > 0 || findings.rows.length > 0)) out.findings(findings);
  for (const s of plan.sheets ?? []) out.text(s);
  for (const s of plan.cellSheets ?? []) out.cells(s);
  return out.drafts;
}
