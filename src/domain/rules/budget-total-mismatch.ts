/**
 * budget-total-mismatch: The 年度资金总额 row disagrees with the sum of one breakdown of its sub-rows (by source of funds,
 * or by kind of spending).
 */
import { BUDGET_KEY_LABEL } from "../facts";
import { fmtAmount } from "../precision";
import { q, type Rule } from "./rule";

export const budgetTotalMismatch: Rule = {
  id: "budget-total-mismatch",
  severity: "error",
  title: { "zh-CN": "资金总额与明细不符", "en-US": "Budget total does not match its rows" },
  message: (p) => ({
    "zh-CN": `${q(p.what)}：年度资金总额为 ${q(p.received)}，而明细合计为 ${q(p.expected)}`,
    "en-US": `${q(p.what)}: the total row says ${q(p.received)} but the rows below add up to ${q(p.expected)}`,
  }),
  figure: true,
  check({ facts, flag }) {
    for (const m of facts.budget.breakdownMismatches)
      flag(
        m.slot,
        { what: BUDGET_KEY_LABEL[m.key], received: fmtAmount(m.typed), expected: fmtAmount(m.sum) },
        m.arithmetic,
      );
  },
};
