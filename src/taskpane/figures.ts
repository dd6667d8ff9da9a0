/** The summary numbers the pane shows, taken from the engine's figures (their display follows its precision rules). */
import { fmtRate, fmtScore } from "../domain/precision";
import type { CheckResult, Figure, Severity } from "../domain/types";

export interface SummaryView {
  executionRate: string;
  totalScore: string;
  grade: string;
  counts: Record<Severity, number>;
}

const DASH = "—";

export function figureMap(result: CheckResult): Map<string, Figure> {
  return new Map(result.figures.map((f) => [f.key, f]));
}

export function summarize(result: CheckResult): SummaryView {
  const figures = figureMap(result);
  const rate =
    figures.get("budget.rate")?.display ?? (result.budget.rate === null ? DASH : fmtRate(result.budget.rate));
  const total =
    figures.get("total.score")?.display ?? (result.total.computed === null ? DASH : fmtScore(result.total.computed));
  const grade = figures.get("total.grade")?.text ?? figures.get("total.grade")?.display ?? result.total.grade ?? DASH;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return { executionRate: rate, totalScore: total, grade, counts };
}
