/** Renders file reports for people (a block per file) and for scripts (one stable JSON document). */
import type { TableReading } from "../domain/reading";
import type { CheckResult, Figure, Lang, Severity } from "../domain/types";
import { fmtAmountGrouped, fmtRate, fmtScore, round } from "../domain/precision";
import { PROFILES } from "../domain/profile";
import { notGraded } from "../domain/evaluate";
import type { SummaryEntry } from "../gateways/xlsx/summary";
import type { FileReport } from "./check";
import { explainLines } from "./explain";
import { layoutLabel, severityLabel, t } from "./messages";

export interface FormatOptions {
  /** --explain: add how the table was read. */
  explain?: boolean;
}

export function formatHumanReport(report: FileReport, lang: Lang, options: FormatOptions = {}): string {
  const lines = [report.file];
  const { result } = report;
  if (report.readError) lines.push(`  ${report.readError[lang]}`);
  if (result) lines.push(...resultLines(result, lang));
  if (report.written) lines.push(`  ${t(lang, "written", { file: report.written })}`);
  if (report.rebuilt) lines.push(`  ${report.rebuilt[lang]}`);
  if (report.writeError) lines.push(`  ${t(lang, "writeFailed", { message: report.writeError[lang] })}`);
  if (result && options.explain) lines.push(...explainLines(result, lang));
  return lines.join("\n") + "\n";
}

function resultLines(result: CheckResult, lang: Lang): string[] {
  const label = (key: Parameters<typeof t>[1], value: string) => `${t(lang, key)}${t(lang, "label")}${value}`;
  const unknown = t(lang, "unknown");
  const figure = (key: string): Figure | undefined => result.figures.find((f) => f.key === key);
  const shown = (key: string, value: number | null, fallback: (n: number) => string) =>
    figure(key)?.display ?? (value === null ? unknown : fallback(value));

  const { budget, total } = result;
  const differs =
    total.reported !== null && (total.computed === null || formatScore(total.reported) !== formatScore(total.computed));
  const totalText =
    shown("total.score", total.computed, formatScore) +
    (differs ? t(lang, "reported", { value: formatScore(total.reported!) }) : "");
  const counts = countBySeverity(result);

  const lines = [
    "  " +
      [
        label("sheet", result.sheet ?? t(lang, "notFound")),
        label("layout", result.layout ? layoutLabel(lang, result.layout) : unknown),
        // The rules in force as a reviewer names them, with any --set settings ("中央（财预〔2020〕10号）（另设 得分取整：开启）").
        label(
          "profile",
          result.figures[0]?.profileTitle?.[lang] ?? PROFILES[result.profile]?.name[lang] ?? result.profile,
        ),
      ].join("  "),
    "  " +
      [
        label("planned", budget.planned === null ? unknown : formatAmount(budget.planned)),
        label("executed", budget.executed === null ? unknown : formatAmount(budget.executed)),
        label("rate", shown("budget.rate", budget.rate, formatRate)),
        label("budgetScore", shown("budget.score", budget.score, formatScore)),
      ].join("  "),
    "  " +
      [
        label("total", totalText + (total.provisional ? t(lang, "provisionalMark") : "")),
        label(
          "grade",
          (figure("total.grade")?.display ?? total.grade ?? (notGraded(total) ? t(lang, "notGraded") : unknown)) +
            (total.grade && total.provisional ? t(lang, "provisionalMark") : ""),
        ),
      ].join("  "),
    // Why the total is provisional, in words the officer acts on.
    ...(total.provisional ? ["  " + total.provisional[lang]] : []),
    "  " + t(lang, "counts", { errors: counts.error, warnings: counts.warning, infos: counts.info }),
  ];
  for (const f of result.findings) {
    lines.push(`  [${severityLabel(lang, f.severity)}] ${f.cell}  ${f.message[lang]}`);
  }
  return lines;
}

function countBySeverity(result: CheckResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return counts;
}

/** Figures as the domain shows them: 98.93%, 9.89, 3,378.30 (万元). */
export const formatRate = fmtRate;
const formatScore = fmtScore;
const formatAmount = fmtAmountGrouped;

/**
 * What a batch keeps of a file once it has been printed: counts for the closing line and the exit status. A batch
 * of ten thousand files holds these four numbers, not ten thousand reports (the 汇总表, when asked for, keeps its rows).
 */
export class BatchTally {
  files = 0;
  /** Files that could not be read or checked. */
  failed = 0;
  /** Files checked with at least one error-level finding. */
  withErrors = 0;
  /** Files whose copy could not be written. */
  unwritten = 0;

  add(report: FileReport): this {
    this.files++;
    if (!report.result) this.failed++;
    else if (report.result.findings.some((f) => f.severity === "error")) this.withErrors++;
    if (report.writeError) this.unwritten++;
    return this;
  }

  /** 0: no error-level finding; 1: some; 2: a file could not be read, checked or written. */
  get status(): number {
    if (this.failed > 0 || this.unwritten > 0) return 2;
    return this.withErrors > 0 ? 1 : 0;
  }

  static of(reports: readonly FileReport[]): BatchTally {
    return reports.reduce((tally, r) => tally.add(r), new BatchTally());
  }
}

export function formatSummary(reports: readonly FileReport[] | BatchTally, lang: Lang): string {
  const { files: total, failed, withErrors } = reports instanceof BatchTally ? reports : BatchTally.of(reports);
  return t(lang, "summary", { total, checked: total - failed, withErrors, failed }) + "\n";
}

/**
 * The `--json` document. Its shape is a contract with scripts: add nothing here without a version bump.
 * `reading` (the table as read, reading.ts) is there only under --explain, null for a file with no table.
 */
export interface JsonReport {
  files: Array<{
    file: string;
    ok: boolean;
    error: string | null;
    sheet: string | null;
    layout: string | null;
    profile: string | null;
    budget: { planned: number | null; executed: number | null; rate: number | null; score: number | null };
    total: { computed: number | null; reported: number | null; grade: string | null; provisional: string | null };
    findings: Array<{ rule: string; severity: Severity; sheet: string; cell: string; message: string }>;
    reading?: TableReading | null;
  }>;
}

export function toJsonReport(reports: readonly FileReport[], lang: Lang, options: FormatOptions = {}): JsonReport {
  return { files: reports.map((r) => toJsonFile(r, lang, options)) };
}

type JsonFile = JsonReport["files"][number];

/**
 * The --json document written file by file as the reports come: the same bytes as
 * `JSON.stringify(toJsonReport(reports), null, 2)`, without holding every report until the end.
 */
export class JsonReportStream {
  private count = 0;

  constructor(
    private readonly out: { write(s: string): unknown },
    private readonly lang: Lang,
    private readonly options: FormatOptions = {},
  ) {}

  add(report: FileReport): void {
    const entry = JSON.stringify(toJsonFile(report, this.lang, this.options), null, 2).replace(/^/gm, "    ");
    this.out.write((this.count++ === 0 ? '{\n  "files": [\n' : ",\n") + entry);
  }

  end(): void {
    this.out.write(this.count === 0 ? '{\n  "files": []\n}\n' : "\n  ]\n}\n");
  }
}

function toJsonFile(r: FileReport, lang: Lang, options: FormatOptions): JsonFile {
  const result = r.result;
  const error = r.readError ?? r.writeError;
  return {
    file: r.file,
    ok: error === undefined,
    error: error ? error[lang] : null,
    sheet: result?.sheet ?? null,
    layout: result?.layout ?? null,
    profile: result?.profile ?? null,
    budget: {
      planned: round6(result?.budget.planned),
      executed: round6(result?.budget.executed),
      rate: round6(result?.budget.rate),
      score: round6(result?.budget.score),
    },
    total: {
      computed: round6(result?.total.computed),
      reported: round6(result?.total.reported),
      grade: result?.total.grade ?? null,
      provisional: result?.total.provisional ? result.total.provisional[lang] : null,
    },
    findings: (result?.findings ?? []).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message[lang],
    })),
    ...(options.explain ? { reading: result?.reading ?? null } : {}),
  };
}

/** Numbers in the JSON carry 6 decimals at most (rate 0.989276), without binary noise. */
function round6(n: number | null | undefined): number | null {
  return n === null || n === undefined ? null : round(n, 6);
}

/** The reports as the 汇总表 takes them: messages in the chosen language, a failed copy as a remark. */
export function toSummaryEntries(reports: readonly FileReport[], lang: Lang): SummaryEntry[] {
  return reports.map((r) => toSummaryEntry(r, lang));
}

export function toSummaryEntry(r: FileReport, lang: Lang): SummaryEntry {
  return {
    file: r.file,
    unit: r.unit,
    project: r.project,
    result: r.result,
    readError: r.readError?.[lang],
    note: r.writeError ? t(lang, "writeFailed", { message: r.writeError[lang] }) : r.rebuilt?.[lang],
  };
}
