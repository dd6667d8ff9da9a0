/**
 * duplicate-exec-indicator: An indicator that scores budget execution again while execution has its own score.
 */
import { isExecutionIndicator } from "../labels";
import { q, type Rule } from "./rule";

export const duplicateExecIndicator: Rule = {
  id: "duplicate-exec-indicator",
  severity: "warning",
  title: { "zh-CN": "重复考核预算执行", "en-US": "Budget execution scored twice" },
  message: (p) => ({
    "zh-CN": `指标“${q(p.name)}”与预算执行率重复考核（预算执行已单独计分）`,
    "en-US": `The indicator "${q(p.name)}" scores budget execution again (it already has its own score)`,
  }),
  check({ facts, flag }) {
    if (facts.budget.execWeight <= 0) return;
    for (const f of facts.indicators)
      if (!f.notApplicable && isExecutionIndicator(f.row.name.text)) flag(f.row.name, { name: f.name });
  },
};
