/**
 * over-completion: An actual at or above overCompletionRatio × target on a ≥ or = indicator with no explanation
 * (never a deduction unless a profile's deviationPenalty says so).
 */
import { fmtPlain, fmtRate } from "../precision";
import { q, reasonCell, type Rule } from "./rule";

export const overCompletion: Rule = {
  id: "over-completion",
  severity: "warning",
  title: { "zh-CN": "超额完成未说明", "en-US": "Over-completion not explained" },
  message: (p) => ({
    // at: the indicator's 偏差原因 cell; absent when the table has no 偏差原因 column.
    "zh-CN": `“${q(p.name)}”实际完成值 ${q(p.received)} 达到目标 ${q(p.expected)} 的 ${q(p.detail)}，请${p.at ? `在 ${p.at} ` : ""}说明原因（目标是否设置偏低）`,
    "en-US": `"${q(p.name)}" reached ${q(p.received)}, ${q(p.detail)} of the target ${q(p.expected)}; explain why${p.at ? ` in ${p.at}` : ""} (was the target set too low?)`,
  }),
  check({ facts, flag }) {
    for (const f of facts.indicators) {
      const fq = f.quantitative;
      if (!fq?.overCompleted || f.explained || !f.row.actual) continue;
      flag(f.row.actual, {
        name: f.name,
        received: fmtPlain(fq.actual),
        expected: fmtPlain(fq.target),
        detail: fmtRate(fq.actual / fq.target),
        ...reasonCell(f.row.reason),
      });
    }
  },
};
