/**
 * exec-low-no-reason: 执行率 below the profile's threshold (execReasonThreshold) with no explanation in the budget's
 * 偏差原因 cells.
 */
import { below, fmtRate } from "../precision";
import { q, reasonCell, type Rule } from "./rule";

export const execLowNoReason: Rule = {
  id: "exec-low-no-reason",
  severity: "warning",
  title: { "zh-CN": "执行率偏低未说明原因", "en-US": "Low execution without a reason" },
  // at: the budget's 原因 cell, where the reason goes; absent when the table has no place for one.
  message: (p) => ({
    "zh-CN": `执行率 ${q(p.received)} 低于 ${q(p.expected)}，需说明原因：${p.at ? `请在 ${p.at} 填写` : "表中没有填写原因的位置，请在自评报告中说明"}`,
    "en-US": `Execution rate ${q(p.received)} is below ${q(p.expected)}; a reason is required: ${p.at ? `write it in ${p.at}` : "the table has no place for one, so give it in the report"}`,
  }),
  check({ facts, profile, flag }) {
    const b = facts.budget;
    const threshold = profile.execReasonThreshold;
    if (threshold === null || b.rate === null || b.explained || !b.total) return;
    if (below(b.rate, threshold))
      flag(b.total.rate ?? b.total.executed!, {
        received: fmtRate(b.rate),
        expected: fmtRate(threshold),
        ...reasonCell(b.total.reason ?? b.reasonCells[0]),
      });
  },
};
