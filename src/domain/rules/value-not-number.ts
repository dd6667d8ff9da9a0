/**
 * value-not-number: A cell that must hold a number holds text (or a budget of 0 leaves nothing to divide by).
 */
import { fmtAmount } from "../precision";
import { q, type Rule } from "./rule";

export const valueNotNumber: Rule = {
  id: "value-not-number",
  severity: "error",
  title: { "zh-CN": "应为数值", "en-US": "Number expected" },
  message: (p) => ({
    "zh-CN":
      p.received === undefined
        ? `“${q(p.what)}”${q(p.detail)}`
        : `“${q(p.what)}”应填写数值，实际为“${q(p.received)}”${p.detail ? `：${p.detail}` : ""}`,
    "en-US":
      p.received === undefined
        ? `"${q(p.what)}" ${q(p.textEn ?? p.detail)}`
        : `"${q(p.what)}" needs a number but holds "${q(p.received)}"${p.detail ? `: ${p.detail}` : ""}`,
  }),
  figure: true,
  check({ facts, table, flag }) {
    const b = facts.budget;
    const t = b.total;
    if (t) {
      if (t.planned && !b.fromBreakdown.planned && b.planned.kind === "text")
        flag(t.planned, { what: "全年预算数", received: b.planned.text });
      if (t.executed && !b.fromBreakdown.executed && b.executed.kind === "text")
        flag(t.executed, { what: "全年执行数", received: b.executed.text });
      if (t.weight && b.weightRead.kind === "text") flag(t.weight, { what: "分值", received: b.weightRead.text });
      // Not a wrong kind of value: a budget of 0 (or one that shows as 0.00) leaves nothing to divide by.
      if (b.noRate && t.planned)
        flag(t.planned, {
          what: "全年预算数",
          detail: `为 ${fmtAmount(b.plannedAmount ?? 0)}，执行率无法计算，请核实`,
          textEn: `is ${fmtAmount(b.plannedAmount ?? 0)}, so the execution rate cannot be computed; check it`,
        });
      if (b.rate !== null && t.rate && b.typedRate.kind === "text")
        flag(t.rate, { what: "执行率", received: b.typedRate.text });
      if (b.score !== null && t.score && b.typedScore.kind === "text")
        flag(t.score, { what: "得分", received: b.typedScore.text });
    }
    for (const f of facts.indicators) {
      if (f.notApplicable) continue;
      const { row } = f;
      if (row.weight && f.weightRead.kind === "text") flag(row.weight, { what: "分值", received: f.weightRead.text });
      if (row.actual && f.actual.kind === "error") flag(row.actual, { what: "实际完成值", received: f.actual.error });
      if (f.typed.kind === "text") flag(row.score, { what: "得分", received: f.typed.text });
      if (
        row.target &&
        row.actual &&
        f.target.kind === "quantitative" &&
        f.weight !== null &&
        f.actual.kind === "qualitative"
      )
        flag(row.actual, {
          what: "实际完成值",
          received: f.actual.text,
          detail: `年度指标值为“${row.target.text}”，实际完成值须为数值`,
        });
    }
    if (facts.total.computed !== null && table.total?.score && facts.total.typedTotal.kind === "text")
      flag(table.total.score, { what: "总分", received: facts.total.typedTotal.text });
  },
};
