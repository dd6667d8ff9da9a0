/**
 * exec-over-budget: A row's 全年执行数 above its 全年预算数 by more than the amount tolerance (overspending earns no points).
 */
import { readAmount } from "../facts";
import { amountAbove, fmtAmount } from "../precision";
import { q, type Rule } from "./rule";

export const execOverBudget: Rule = {
  id: "exec-over-budget",
  severity: "error",
  title: { "zh-CN": "执行数超过预算数", "en-US": "Spending exceeds the budget" },
  message: (p) => ({
    "zh-CN": `${p.label ? `${p.label}：` : ""}执行数 ${q(p.received)} 超过全年预算数 ${q(p.expected)}，请核实数据（超支不加分）`,
    "en-US": `${p.label ? `${p.label}: ` : ""}spending ${q(p.received)} exceeds the budget ${q(p.expected)}; check the figures (overspending earns no points)`,
  }),
  figure: true,
  check({ facts, profile, flag }) {
    if (!facts.budget.total) return;
    for (const row of facts.budget.rows) {
      const planned = readAmount(row.planned);
      const executed = readAmount(row.executed);
      if (planned.kind !== "number" || executed.kind !== "number") continue;
      if (amountAbove(executed.value, planned.value, profile))
        flag(row.executed!, {
          label: row.kind === "sub" ? row.label : undefined,
          received: fmtAmount(executed.value),
          expected: fmtAmount(planned.value),
        });
    }
  },
};
