/**
 * unit-mismatch: A target written in 百分比, or a target and an actual in units that cannot be compared.
 */
import { q, type Rule } from "./rule";

export const unitMismatch: Rule = {
  id: "unit-mismatch",
  severity: "warning",
  title: { "zh-CN": "计量单位不一致", "en-US": "Units differ" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”${q(p.detail)}`,
    "en-US": `"${q(p.name)}": ${q(p.detail)}`,
  }),
  check({ facts, flag }) {
    for (const f of facts.indicators) {
      const fq = f.quantitative;
      if (!fq?.unitProblem || !f.row.actual) continue;
      flag(f.row.actual, {
        name: f.name,
        detail:
          fq.unitProblem === "percent-word"
            ? `年度指标值的单位“百分比”不规范，应写作“%”`
            : `年度指标值单位为“${fq.targetUnit}”，实际完成值单位为“${fq.actualUnit}”`,
      });
    }
  },
};
