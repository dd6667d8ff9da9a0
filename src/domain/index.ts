/**
 * The engine's entry point: pick the 自评表 among a workbook's sheets, read it, validate and score it under
 * a profile, and plan the write-back. Pure: no host APIs, so Excel, the command line and tests share it.
 */
import { makeFinding } from "./catalogue";
import { evaluate, provisional } from "./evaluate";
import { parseA1, type Grid } from "./grid";
import { mayHoldTable, readTable, tableLikeness } from "./layout";
import { mayStartHeader } from "./header";
import { guardUnknownMerges } from "./merges-unknown";
import { buildPlan } from "./plan";
import { PROFILES, defaultProfileFor, withSettings } from "./profile";
import type { LayoutOverride } from "./layout-file";
import type { TableModel } from "./table";
import type { Facts } from "./facts";
import type { CheckResult, Finding, ProfileId, WritePlan } from "./types";

export interface CheckOptions {
  /** A profile id, or "auto" (the default): the profile the detected layout implies. */
  profile?: ProfileId | "auto";
  /** Read this sheet instead of searching for the 自评表. */
  sheet?: string;
  /** Optional settings on top of the profile (profile.ts SETTINGS), e.g. { integerScores: "on" }. */
  settings?: Readonly<Record<string, string>>;
  /** The officer's correction of the reading (版式), from the workbook or a 版式.json file. */
  layout?: LayoutOverride;
}

/**
 * What a reader that samples a workbook's sheets asks the engine (src/gateways/xlsx/reader's WorkbookReadOptions):
 * which sheet to read in full (`sheet` when an officer's layout names one, else the one locateTable finds), whether
 * a sampled sheet could hold the table at all (mayHoldTable), and whether a cell's text could start its header
 * (mayStartTable, asked of a sheet's texts before its grid is built). One set for the command line, the web page and
 * its worker, so that none of them reads differently.
 */
export function tableChoice(sheet?: string): {
  choose: (sampled: readonly Grid[]) => string | null;
  mayHoldTable: (sampled: Grid) => boolean;
  mayStartTable: (text: string) => boolean;
} {
  return { choose: (grids) => sheet ?? locateTable(grids).name, mayHoldTable, mayStartTable: mayStartHeader };
}

/**
 * The sheet most likely to hold the 自评表, or null when none looks like one. A visible sheet always wins over a
 * hidden one (a hidden 自评表（修改前） beside the table to submit is an old version, not the table); a hidden sheet
 * is read only when no visible sheet holds a table. `hidden` lists the hidden sheets that look like a table too.
 */
export function locateTable(sheets: readonly Grid[]): { name: string | null; hidden: string[] } {
  let visible: { name: string; score: number } | null = null;
  let hiddenBest: { name: string; score: number } | null = null;
  const hidden: string[] = [];
  for (const g of sheets) {
    const score = tableLikeness(g);
    if (score <= 0) continue;
    if (g.hidden) {
      hidden.push(g.name);
      if (!hiddenBest || score > hiddenBest.score) hiddenBest = { name: g.name, score };
    } else if (!visible || score > visible.score) visible = { name: g.name, score };
  }
  return { name: (visible ?? hiddenBest)?.name ?? null, hidden };
}

/** The sheet most likely to hold the 自评表 (locateTable), or null when none looks like one. */
export function locateTableSheet(sheets: readonly Grid[]): string | null {
  return locateTable(sheets).name;
}

/** At most this many cells are named in the formula-calculated finding. */
const CALCULATED_NAMED = 10;

/**
 * The formula findings of the sheet read: each formula without a result (formula-uncalculated, at its cell), and one
 * note at the first formula whose result Ziping computed (formula-calculated, naming the cells).
 */
function formulaFindings(read: Grid | undefined): Finding[] {
  if (!read) return [];
  const findings = (read.uncalculated ?? []).map((a1) => {
    const { row, col } = parseA1(a1);
    return makeFinding("formula-uncalculated", read.name, a1, { detail: read.cell(row, col)?.formula ?? "" });
  });
  const calculated = read.calculated ?? [];
  if (calculated.length > 0) {
    const named = calculated.slice(0, CALCULATED_NAMED);
    const more = calculated.length > named.length;
    findings.push(
      makeFinding("formula-calculated", read.name, calculated[0], {
        name: String(calculated.length),
        detail: named.join("、") + (more ? " 等" : ""),
        textEn: named.join(", ") + (more ? " …" : ""),
      }),
    );
  }
  return findings;
}

/** hidden-sheet findings, on the sheet read: which hidden sheets also hold a table, or that the one read is hidden. */
function hiddenSheetFindings(read: Grid | undefined, hidden: readonly string[]): Finding[] {
  if (!read) return [];
  const join = (names: readonly string[], sep: string, open: string, close: string) =>
    names.map((n) => `${open}${n}${close}`).join(sep);
  if (read.hidden) return [makeFinding("hidden-sheet", read.name, "A1", { name: read.name })];
  const others = hidden.filter((n) => n !== read.name);
  if (others.length === 0) return [];
  return [
    makeFinding("hidden-sheet", read.name, "A1", {
      name: read.name,
      detail: join(others, "、", "“", "”"),
      textEn: join(others, ", ", '"', '"'),
    }),
  ];
}

export interface CheckDetail extends CheckResult {
  /** The table as read, for the report draft and the pane (absent when none was recognised). */
  table?: TableModel;
  /** The scoring pass's facts (each indicator met, unmet or over-completed), shared by the report and the pane. */
  facts?: Facts;
}

export function checkWorkbook(sheets: readonly Grid[], options: CheckOptions = {}): CheckDetail {
  const chosen = options.profile && options.profile !== "auto" ? options.profile : undefined;
  const emptySummary = {
    budget: { planned: null, executed: null, rate: null, score: null },
    total: { computed: null, reported: null, grade: null, provisional: null },
  };
  const located = locateTable(sheets);
  const name = options.sheet ?? options.layout?.sheet ?? located.name ?? undefined;
  const grid = name === undefined ? undefined : sheets.find((s) => s.name === name);
  const fallbackSheet = grid?.name ?? sheets[0]?.name ?? "";
  const outcome = grid ? readTable(grid, options.layout) : { problems: [{ expected: name ?? "三级指标", cell: "A1" }] };

  // what: why no table was read (layout-unrecognized words each in both languages); a table's missing column has none.
  const what = grid
    ? undefined
    : name !== undefined
      ? "no-such-sheet"
      : sheets.length === 0
        ? "no-sheets"
        : "no-header";
  const problems = outcome.problems.map((p) =>
    makeFinding("layout-unrecognized", fallbackSheet, p.cell, { label: p.expected, ...(what ? { what } : {}) }),
  );
  if (!outcome.table) {
    const profile = chosen ?? "central-2020";
    return {
      sheet: grid?.name,
      profile,
      ...emptySummary,
      findings: problems,
      figures: [],
      plan: buildPlan(problems, [], []),
      ...("reading" in outcome && outcome.reading ? { reading: outcome.reading } : {}),
    };
  }

  const table = outcome.table;
  const { profile, errors } = withSettings(
    chosen ? PROFILES[chosen] : defaultProfileFor(table.layout),
    options.settings ?? {},
  );
  if (errors.length) throw new Error(`Unknown profile settings: ${errors.join(", ")}`);
  const ev = evaluate(table, profile);
  const guard = guardUnknownMerges(grid?.mergesKnown !== false, table, ev.computed);
  const findings = [
    ...problems,
    ...hiddenSheetFindings(grid, located.hidden),
    ...formulaFindings(grid),
    ...ev.findings,
    ...guard.findings,
  ];
  const total = { ...ev.total, provisional: provisional(ev.facts, findings) };
  // What the plan is built from, and all its builder keeps: not the evaluation, whose facts hold the whole table
  // (a 200,000-row table's copy was patched with 690 MB of it alive: 190 MB now, the plan built).
  const { figures } = ev;
  const { computed } = guard;
  const planProvisional = total.provisional;
  return withLazyPlan(
    {
      sheet: table.sheet,
      layout: table.layout,
      profile: profile.id,
      budget: ev.budget,
      total,
      findings,
      figures: ev.figures,
      reading: table.reading,
      table,
      facts: ev.facts,
    },
    () => buildPlan(findings, figures, computed, planProvisional),
  );
}

/**
 * The write plan is built when first asked for: checking a folder of workbooks never writes, and on a large
 * table the plan (a value, a note and a 校验结果 row per figure) is the biggest part of the work. `build` keeps
 * only what the plan is made of, so that a result a batch has slimmed (cli/check.ts forBatch) lets the table go,
 * and is let go once it has run, with every figure it read (a 200,000-row table's: 215 MB).
 */
function withLazyPlan(result: Omit<CheckDetail, "plan">, build: () => WritePlan): CheckDetail {
  let builder: (() => WritePlan) | undefined = build;
  let plan!: WritePlan;
  return Object.defineProperty(result, "plan", {
    get: () => {
      if (builder) {
        plan = builder();
        builder = undefined;
      }
      return plan;
    },
    enumerable: true,
  }) as CheckDetail;
}

export * from "./grid";
export * from "./types";
export { PROFILES, PROFILE_IDS, SETTINGS, isProfileId, withSettings } from "./profile";
export type { Profile } from "./profile";
export { CATALOGUE, SEVERITY_LABEL } from "./catalogue";
export type { TableModel } from "./table";
export * from "./reading";
export {
  parseLayoutFile,
  validateLayout,
  stringifyLayout,
  layoutFromReading,
  withColumnRole,
  withIndicatorRows,
  columnOf,
} from "./layout-file";
export type { LayoutOverride, BlockOverride, LayoutFileProblem } from "./layout-file";
export type { Facts, IndicatorFact, IndicatorStatus, BudgetFacts } from "./facts";
export { notGraded } from "./evaluate";
export { RULES, RULE_BY_ID } from "./rules";
export { mayHoldTable };
