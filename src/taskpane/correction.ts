/**
 * The officer's correction of the reading, as the pane makes it from a selection in Excel: which block a
 * selected header belongs to, the column or rows a selection names, and the 版式.json to export. The layout
 * itself is built by the domain (withColumnRole, withIndicatorRows, layoutFromReading).
 */
import { columnLetters, columnOf, layoutFromReading, type LayoutOverride, type TableReading } from "../domain";
import type { Finding } from "../domain/types";

/** The blocks a correction can set roles in (the goal block's two columns are not correctable). */
export type CorrectableBlock = "budget" | "indicator";

/** The name of the exported layout file, as `ziping check --layout 版式.json` takes it. */
export const LAYOUT_FILE = "版式.json";
export const LAYOUT_TYPE = "application/json";

const MAX_ROWS = 1_048_576;

/** The rows and columns an A1 selection covers: "G12", "B13:I23", whole columns "G:G", whole rows "13:23". */
export interface SelectionBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function selectionBox(address: string): SelectionBox | null {
  const [p, q = p] = address.replace(/\$/g, "").trim().toUpperCase().split(":");
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const mp = cell.exec(p);
  const mq = cell.exec(q);
  if (mp && mq) {
    const [c1, c2] = [columnOf(mp[1]), columnOf(mq[1])];
    if (c1 === null || c2 === null) return null;
    const [r1, r2] = [Number(mp[2]), Number(mq[2])];
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  if (/^[A-Z]{1,3}$/.test(p) && /^[A-Z]{1,3}$/.test(q)) {
    const [c1, c2] = [columnOf(p), columnOf(q)];
    if (c1 === null || c2 === null) return null;
    return { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  if (/^\d+$/.test(p) && /^\d+$/.test(q)) {
    const [r1, r2] = [Number(p), Number(q)];
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: 16384 };
  }
  return null;
}

/** The single column a selection names ("G"), or null when it spans several. */
export function selectedColumn(box: SelectionBox): string | null {
  return box.left === box.right ? columnLetters(box.left) : null;
}

/** Rows of a selection as indicator rows, or null for whole columns (no first and last row to take). */
export function selectedRows(box: SelectionBox): [number, number] | null {
  return box.top === 1 && box.bottom === MAX_ROWS ? null : [box.top, box.bottom];
}

/**
 * The block a selected header belongs to, from where the reader found each block's header: the indicator
 * header rows or anything below them are 绩效指标, the budget header and the rows under it (above the goal and
 * indicator blocks) 预算执行. Without a reading (a required column missing), 绩效指标: the officer can change it.
 */
export function blockOfRow(reading: TableReading | undefined, row: number): CorrectableBlock {
  const indicator = reading?.indicatorHeaderRows?.[0];
  const budget = reading?.budgetHeaderRows?.[0];
  const goal = reading?.goalHeaderRows?.[0];
  if (indicator !== undefined && row >= indicator) return "indicator";
  if (budget !== undefined && row >= budget && !(goal !== undefined && goal > budget && row >= goal)) return "budget";
  return "indicator";
}

/** The role the reader gave a column in a block, if any: the picker starts there. */
export function roleAt(reading: TableReading | undefined, block: CorrectableBlock, column: string): string | null {
  return reading?.roles.find((r) => r.block === block && r.column === column)?.role ?? null;
}

/** Findings that mean the reading needs a look: a required role missing, or a choice the reader made. */
export function readingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === "layout-unrecognized" || f.rule === "layout-assumption");
}

/** 识别结果 opens by itself when something was not read with certainty. */
export function readingNeedsAttention(findings: readonly Finding[], reading: TableReading | undefined): boolean {
  return readingFindings(findings).length > 0 || (reading?.roles.some((r) => r.confidence === "unsure") ?? false);
}

/**
 * The 版式.json to export: the reading pinned as it is with the officer's corrections on top; without a
 * reading (the table could not be read even with them), the corrections alone.
 */
export function layoutToExport(
  sheet: string,
  reading: TableReading | undefined,
  correction: LayoutOverride | undefined,
): LayoutOverride {
  if (reading) return layoutFromReading(sheet, reading, correction);
  return { ...(correction ?? { ziping: "layout", version: 1 }), sheet };
}
