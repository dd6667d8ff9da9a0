/**
 * The rule registry: every finding the engine raises is one rule here, in ./<id>.ts with its test beside it in
 * ./<id>.test.ts. `runRules` runs every rule's check over the scoring pass's facts and returns their findings in
 * the order a reviewer reads the table: by row, then column, then this list's order.
 */
import type { Facts } from "../facts";
import { parseA1 } from "../grid";
import type { Slot } from "../table";
import type { Finding, RuleId } from "../types";
import { layoutUnrecognized } from "./layout-unrecognized";
import { layoutAssumption } from "./layout-assumption";
import { requiredBlank } from "./required-blank";
import { valueNotNumber } from "./value-not-number";
import { templateTextLeft } from "./template-text-left";
import { budgetTotalMismatch } from "./budget-total-mismatch";
import { execOverBudget } from "./exec-over-budget";
import { execRateMismatch } from "./exec-rate-mismatch";
import { execScoreMismatch } from "./exec-score-mismatch";
import { execLowNoReason } from "./exec-low-no-reason";
import { budgetAdjustedNoReason } from "./budget-adjusted-no-reason";
import { weightsSum } from "./weights-sum";
import { weightInvalid } from "./weight-invalid";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { scoreMismatch } from "./score-mismatch";
import { qualitativeOutOfTier } from "./qualitative-out-of-tier";
import { qualitativeUnrated } from "./qualitative-unrated";
import { reasonMissing } from "./reason-missing";
import { overCompletion } from "./over-completion";
import { unitMismatch } from "./unit-mismatch";
import { totalMismatch } from "./total-mismatch";
import { duplicateExecIndicator } from "./duplicate-exec-indicator";
import { textCopied } from "./text-copied";
import { scoreAheadOfExecution } from "./score-ahead-of-execution";
import { scoreCap } from "./score-cap";
import { mergesUnknown } from "./merges-unknown";
import { hiddenSheet } from "./hidden-sheet";
import { formulaUncalculated } from "./formula-uncalculated";
import { formulaCalculated } from "./formula-calculated";
import { findingOf, type Rule } from "./rule";

export type { Rule, RuleContext, MessageParams } from "./rule";

export const RULES: readonly Rule[] = [
  layoutUnrecognized,
  layoutAssumption,
  requiredBlank,
  valueNotNumber,
  templateTextLeft,
  budgetTotalMismatch,
  execOverBudget,
  execRateMismatch,
  execScoreMismatch,
  execLowNoReason,
  budgetAdjustedNoReason,
  weightsSum,
  weightInvalid,
  scoreExceedsWeight,
  scoreMismatch,
  qualitativeOutOfTier,
  qualitativeUnrated,
  reasonMissing,
  overCompletion,
  unitMismatch,
  totalMismatch,
  duplicateExecIndicator,
  textCopied,
  scoreAheadOfExecution,
  scoreCap,
  mergesUnknown,
  hiddenSheet,
  formulaUncalculated,
  formulaCalculated,
];

export const RULE_BY_ID = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;

/** Every rule's findings over one table's facts, in reading order. */
export function runRules(facts: Facts): Finding[] {
  const raised: Array<{ finding: Finding; row: number; col: number }> = [];
  for (const rule of RULES) {
    if (!rule.check) continue;
    rule.check({
      table: facts.table,
      profile: facts.profile,
      facts,
      flag(at: Slot | string, params, arithmetic) {
        const pos = typeof at === "string" ? parseA1(at) : at;
        const cell = typeof at === "string" ? at : at.a1;
        raised.push({
          finding: findingOf(rule, facts.table.sheet, cell, params, arithmetic),
          row: pos.row,
          col: pos.col,
        });
      },
    });
  }
  // Sorting is stable: findings at one cell keep the registry's order, the order they were raised in.
  raised.sort((a, b) => a.row - b.row || a.col - b.col);
  return raised.map((r) => r.finding);
}
