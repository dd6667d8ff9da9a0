/**
 * `ziping check --explain`: the reading (reading.ts TableReading) as a small table a reviewer can check against
 * the sheet: role → column, header, rows, confidence and evidence, block by block, then the indicator rows,
 * the 一级 blocks, where the weights and the reported total are, and the assumptions the reader made.
 */
// A terminal gives East Asian wide and full-width characters two columns, as Excel gives them two width units.
import { displayWidth } from "../domain/print";
import type { ReadingBlock, RoleReading, TableReading } from "../domain/reading";
import type { CheckResult, Lang } from "../domain/types";
import { confidenceLabel, roleLabel, sourceTag, t, type MessageKey } from "./messages";

const BLOCKS: ReadonlyArray<[ReadingBlock, MessageKey, keyof TableReading]> = [
  ["budget", "explainBudget", "budgetHeaderRows"],
  ["goal", "explainGoal", "goalHeaderRows"],
  ["indicator", "explainIndicator", "indicatorHeaderRows"],
];

/** Headers longer than this (in terminal columns) are cut with "…": the evidence column must stay in view. */
const HEADER_WIDTH = 24;

/** The lines --explain adds under a file's usual output, indented to sit inside the file's block. */
export function explainLines(result: CheckResult, lang: Lang): string[] {
  const missing = result.findings.filter((f) => f.rule === "layout-unrecognized");
  const reading = result.reading;
  if (!reading) {
    return [`  ${t(lang, "explainNoTable")}`, ...missing.map((f) => `    ${f.cell}  ${f.message[lang]}`)];
  }
  const label = (key: MessageKey) => t(lang, key) + t(lang, "label");
  const lines = [`  ${label("explainTitle")}`.trimEnd()];
  if (reading.corrected) lines.push(`    ${t(lang, "explainCorrected")}`);

  for (const [block, title, headerKey] of BLOCKS) {
    const roles = reading.roles.filter((r) => r.block === block).sort((a, b) => a.col - b.col || a.rows[0] - b.rows[0]);
    const headerRows = reading[headerKey] as [number, number] | undefined;
    if (roles.length === 0 && !headerRows) continue;
    lines.push(`    ${t(lang, title)}${headerRows ? t(lang, "explainHeaderRows", { rows: span(headerRows) }) : ""}`);
    lines.push(...roleTable(roles, lang).map((l) => `      ${l}`));
  }

  if (reading.indicatorRows) {
    const [first, last] = reading.indicatorRows;
    lines.push(
      `    ${label("explainIndicatorRows")}${t(lang, "explainRowCount", { rows: span(reading.indicatorRows), count: last - first + 1 })}`,
    );
  }
  const blockRows = reading.blocks.map((b) => [
    b.level1,
    span(b.rows),
    b.weight === null
      ? t(lang, "explainBlockNoWeight")
      : t(lang, b.weightCell ? "explainBlockWeightAt" : "explainBlockWeight", {
          weight: b.weight,
          cell: b.weightCell ?? "",
        }),
  ]);
  lines.push(...aligned(blockRows).map((l) => `      ${l}`));

  lines.push(`    ${label("explainWeights")}${weightsText(reading, lang)}`);
  const total = reading.total;
  lines.push(
    `    ${label("explainTotal")}${
      total
        ? t(lang, total.source === "row" ? "explainTotalRow" : "explainTotalHeading", { cell: total.cell })
        : t(lang, "explainTotalNone")
    }`,
  );
  if (reading.assumptions.length === 0) lines.push(`    ${label("explainAssumptions")}${t(lang, "explainNone")}`);
  else {
    lines.push(`    ${label("explainAssumptions")}`.trimEnd());
    for (const a of reading.assumptions) lines.push(`      ${a.cell}  ${a.message[lang]}`);
  }
  if (missing.length) {
    lines.push(`    ${label("explainMissing")}`.trimEnd());
    for (const f of missing) lines.push(`      ${f.cell}  ${f.message[lang]}`);
  }
  return lines;
}

function roleTable(roles: readonly RoleReading[], lang: Lang): string[] {
  const head = [
    t(lang, "explainColRole"),
    t(lang, "explainColColumn"),
    t(lang, "explainColHeader"),
    t(lang, "explainColRows"),
    t(lang, "explainColConfidence"),
    t(lang, "explainColEvidence"),
  ];
  const rows = roles.map((r) => [
    roleLabel(lang, r.block, r.role),
    r.column,
    clip(r.header.replace(/\s+/g, " ").trim(), HEADER_WIDTH) || "—",
    span(r.rows),
    confidenceLabel(lang, r.confidence),
    sourceTag(lang, r.source) + r.evidence[lang],
  ]);
  return aligned([head, ...rows]);
}

function weightsText(reading: TableReading, lang: Lang): string {
  if (reading.weights === "headings") return t(lang, "explainWeightsHeadings");
  if (reading.weights === "none") return t(lang, "explainWeightsNone");
  const column = reading.roles.find((r) => r.block === "indicator" && r.role === "weight")?.column;
  return column ? t(lang, "explainWeightsColumn", { column }) : t(lang, "explainWeightsColumnUnknown");
}

/** "13–21", or "6" for a single row. */
function span([first, last]: readonly [number, number]): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** Columns padded to the widest cell, counting CJK characters as two terminal columns; the last is not padded. */
function aligned(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - displayWidth(cell))))
      .join("  ")
      .trimEnd(),
  );
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  for (const c of s) {
    if (displayWidth(out + c) > max - 1) break;
    out += c;
  }
  return out + "…";
}
