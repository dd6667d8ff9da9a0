/**
 * Evaluation, a thin orchestrator: the scoring pass (./facts.ts) computes every figure with its arithmetic and
 * the facts the rules reason with; the rule registry (./rules) turns the facts into findings. Where a rule needs
 * a person's judgement (qualitative scores) it checks the judgement, never replaces it.
 */
import { scoreTable, type ComputedCell, type Facts } from "./facts";
import type { Profile } from "./profile";
import { runRules } from "./rules";
import type { TableModel } from "./table";
import { fmtPlain } from "./precision";
import type { BudgetSummary, Figure, Finding, Localized, TotalSummary } from "./types";

export type { ComputedCell } from "./facts";
export { inputCells } from "./facts";

export interface Evaluation {
  table: TableModel;
  profile: Profile;
  facts: Facts;
  findings: Finding[];
  figures: Figure[];
  computed: ComputedCell[];
  budget: BudgetSummary;
  total: TotalSummary;
}

export function evaluate(table: TableModel, profile: Profile): Evaluation {
  const facts = scoreTable(table, profile);
  const findings = runRules(facts);
  return {
    table,
    profile,
    facts,
    findings,
    figures: facts.figures,
    computed: facts.computed,
    budget: facts.budgetSummary,
    total: { ...facts.totalSummary, provisional: provisional(facts, findings) },
  };
}

/** A total that was computed but may not be graded (weights over the profile's total): shown as 不评定. */
export function notGraded(total: TotalSummary): boolean {
  return total.grade === null && total.computed !== null && total.provisional !== null;
}

/**
 * Why a total is only provisional (暂定), in words an officer acts on; null when it stands. A total computed from a
 * table with errors or blanks may change once they are put right, and one out of more than 100 points is impossible.
 */
export function provisional(facts: Facts, findings: readonly Finding[]): Localized | null {
  if (facts.total.computed === null) return null;
  const zh: string[] = [];
  const en: string[] = [];
  if (facts.total.impossible) {
    const all = fmtPlain(facts.total.allWeights + facts.total.excluded);
    const full = fmtPlain(facts.profile.totalWeight);
    zh.push(`分值合计 ${all} 超过 ${full}，总分不评定等级`);
    en.push(`the weights add up to ${all}, more than ${full}, so no grade is given`);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors > 0) {
    zh.push(`表中尚有 ${errors} 处错误`);
    en.push(`${errors} error${errors > 1 ? "s remain" : " remains"} in the table`);
  }
  const unknown = facts.total.unknown;
  if (unknown > 0) {
    zh.push(`${unknown} 项得分无法核定`);
    en.push(`${unknown} score${unknown > 1 ? "s" : ""} could not be established`);
  }
  if (!zh.length) return null;
  return {
    "zh-CN": `暂定：${zh.join("，")}；更正后重新校验`,
    "en-US": `Provisional: ${en.join("; ")}. Correct the table and check again`,
  };
}
