/**
 * The findings as the pane lists them: by severity, then by the part of the 自评表 their cell lies in (预算执行,
 * 年度总体目标, each 一级指标 block, 总分), from the rows the reader found; and the filter over them.
 */
import type { TableReading } from "../domain";
import type { Finding, Lang, Severity } from "../domain/types";
import type { Strings } from "./strings";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** One part of the table and the findings in it. `key` is stable across checks of the same table. */
export interface FindingBlock {
  key: string;
  label: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  blocks: FindingBlock[];
  count: number;
}

interface Part {
  key: string;
  label: string;
  first: number;
  last: number;
}

/** The row an address starts on ("I14" → 14, "B13:I23" → 13), or null. */
export function rowOf(cell: string): number | null {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(cell.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The parts of the table, most specific first: the 总分 row, the 一级 blocks, then the budget, goal and
 * indicator sections, each running from its header to the row before the next section's header.
 */
function partsOf(reading: TableReading | undefined, t: Strings): Part[] {
  if (!reading) return [];
  const parts: Part[] = [];
  const totalRow = reading.total && rowOf(reading.total.cell);
  if (totalRow) parts.push({ key: "total", label: t.parts.total, first: totalRow, last: totalRow });
  reading.blocks.forEach((b, i) =>
    parts.push({ key: `block-${i}-${b.level1}`, label: b.level1, first: b.rows[0], last: b.rows[1] }),
  );
  const starts = [reading.budgetHeaderRows?.[0], reading.goalHeaderRows?.[0], reading.indicatorHeaderRows?.[0]];
  const until = (first: number) => {
    const next = starts.filter((s): s is number => s !== undefined && s > first);
    return next.length ? Math.min(...next) - 1 : Infinity;
  };
  const section = (key: "budget" | "goal" | "indicator", first: number | undefined, last?: number) => {
    if (first !== undefined) parts.push({ key, label: t.blocks[key], first, last: last ?? until(first) });
  };
  section("budget", starts[0]);
  section("goal", starts[1]);
  const indicatorStart = starts[2];
  section("indicator", indicatorStart, reading.indicatorRows?.[1] ?? (indicatorStart && until(indicatorStart)));
  return parts;
}

/** The part of the table a finding's cell lies in; findings on other sheets or outside every part are 其他. */
function partOf(f: Finding, parts: Part[], tableSheet: string | undefined): Part | null {
  if (tableSheet === undefined || f.sheet !== tableSheet) return null;
  const row = rowOf(f.cell);
  if (row === null) return null;
  return parts.find((p) => row >= p.first && row <= p.last) ?? null;
}

/** The filter the officer set: words to find, and the severities shown. */
export interface FindingFilter {
  text: string;
  severities: ReadonlySet<Severity>;
}

/** True when the finding's message, cell, values or arithmetic (or its part's name) contains every word. */
function matches(f: Finding, words: string[], lang: Lang, blockLabel: string): boolean {
  if (words.length === 0) return true;
  const hay = [
    f.message[lang],
    f.cell,
    `${f.sheet}!${f.cell}`,
    f.expected,
    f.received,
    f.arithmetic,
    blockLabel,
    f.rule,
  ]
    .filter((s): s is string => typeof s === "string")
    .join("\n")
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * The findings the filter lets through, by severity (错误, 警告, 提示) and within each by part of the table in
 * the table's order, 其他 last. Empty severities and parts are left out.
 */
export function groupFindings(
  findings: readonly Finding[],
  reading: TableReading | undefined,
  tableSheet: string | undefined,
  filter: FindingFilter,
  lang: Lang,
  t: Strings,
): SeverityGroup[] {
  const parts = partsOf(reading, t);
  const other: Part = { key: "other", label: t.parts.other, first: Infinity, last: Infinity };
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    if (!filter.severities.has(severity)) continue;
    const byPart = new Map<Part, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const part = partOf(f, parts, tableSheet) ?? other;
      if (!matches(f, words, lang, part.label)) continue;
      byPart.set(part, [...(byPart.get(part) ?? []), f]);
    }
    const blocks = [...byPart]
      .sort(([a], [b]) => a.first - b.first)
      .map(([p, list]) => ({ key: p.key, label: p.label, findings: list }));
    const count = blocks.reduce((n, b) => n + b.findings.length, 0);
    if (count > 0) groups.push({ severity, blocks, count });
  }
  return groups;
}
