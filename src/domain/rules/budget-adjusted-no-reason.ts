/**
 * budget-adjusted-no-reason: 全年预算数 differs from 年初预算数 while the table's place for a reason is empty
 * (adjustmentNeedsReason).
 */
import { amountsAgree, fmtAmount } from "../precision";
import { q, reasonCell, type Rule } from "./rule";

export const budgetAdjustedNoReason: Rule = {
  id: "budget-adjusted-no-reason",
  severity: "warning",
  title: { "zh-CN": "预算调整未说明原因", "en-US": "Budget adjustment without a reason" },
  message: (p) => ({
    // at: the budget's 原因 cell (the rule is raised only where the table has one).
    "zh-CN": `全年预算数 ${q(p.received)} 与年初预算数 ${q(p.expected)} 不同，需说明调整原因：请在 ${q(p.at)} 填写`,
    "en-US": `The full-year budget ${q(p.received)} differs from the initial budget ${q(p.expected)}; explain the adjustment in ${q(p.at)}`,
  }),
  check({ facts, profile, flag }) {
    const b = facts.budget;
    if (!profile.adjustmentNeedsReason || b.rate === null || !b.total?.planned) return;
    if (b.reasonCells.length === 0 || b.explained || b.initial.kind !== "number" || b.plannedAmount === null) return;
    if (!amountsAgree(b.initial.value, b.plannedAmount, profile))
      flag(b.total.planned, {
        received: fmtAmount(b.plannedAmount),
        expected: fmtAmount(b.initial.value),
        ...reasonCell(b.total.reason ?? b.reasonCells[0]),
      });
  },
};
