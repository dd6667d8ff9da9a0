/**
 * reason-missing: An indicator that lost points (or, without weights, missed its target) with no 偏差原因分析及改进措施.
 */
import { fmtPlain, fmtScore } from "../precision";
import { q, type Rule } from "./rule";

export const reasonMissing: Rule = {
  id: "reason-missing",
  severity: "error",
  title: { "zh-CN": "扣分未说明原因", "en-US": "Deduction without a reason" },
  message: (p) => ({
    "zh-CN": `“${q(p.name)}”${p.received !== undefined ? `未得满分（${q(p.received)}/${q(p.expected)}）` : q(p.detail)}，须填写偏差原因分析及改进措施`,
    "en-US": `"${q(p.name)}" ${p.received !== undefined ? `lost points (${q(p.received)}/${q(p.expected)})` : "missed its target"}; the deviation reason and remedy must be filled in`,
  }),
  check({ facts, flag }) {
    for (const f of facts.indicators) {
      if (f.status !== "unmet" || f.explained) continue;
      const at = f.row.reason ?? f.row.score;
      if (f.weight === null) flag(at, { name: f.name, detail: "未达到年度指标值" });
      else flag(at, { name: f.name, received: fmtScore(f.effective!), expected: fmtPlain(f.weight) });
    }
  },
};
