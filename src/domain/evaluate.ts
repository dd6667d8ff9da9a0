/**
 * Evaluation, a thin orchestrator: the scoring pass (./facts.ts) computes every figure with its arithmetic and
 * the facts the rules reason with; the rule registry (./rules) turns the facts into findings. Where a rule needs
 * a person's judgement (qualitative scores) it checks the judgement, never replaces it.
 */
import { scoreTable, type ComputedCell, type Facts } from "./facts";
import type { Profile } from "./profile";
import { runRules } from "./rules";
import type { TableModel } from "./table";
import type { BudgetSummary, Figure, Finding, TotalSummary } from "./types";

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
  return {
    table,
    profile,
    facts,
    findings: runRules(facts),
    figures: facts.figures,
    computed: facts.computed,
    budget: facts.budgetSummary,
    total: facts.totalSummary,
  };
}
