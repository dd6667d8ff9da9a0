/**
 * weight-invalid: A 分值 cell that is empty, zero or negative (text is value-not-number).
 */
import { q, type Rule } from "./rule";

export const weightInvalid: Rule = {
  id: "weight-invalid",
  severity: "error",
  title: { "zh-CN": "分值无效", "en-US": "Invalid weight" },
  message: (p) => ({
    "zh-CN": `指标“${q(p.name)}”的分值${p.received ? `“${p.received}”` : ""}无效：分值须为正数`,
    "en-US": `The weight${p.received ? ` "${p.received}"` : ""} of "${q(p.name)}" is invalid: it must be a positive number`,
  }),
  figure: true,
  check({ facts, flag }) {
    const t = facts.budget.total;
    const w = facts.budget.weightRead;
    if (t?.weight && w.kind !== "text" && !(w.kind === "number" && w.value > 0))
      flag(t.weight, { name: "预算执行率", received: t.weight.text });
    for (const f of facts.indicators)
      if (!f.notApplicable && f.row.weight && f.weight === null && f.weightRead.kind !== "text")
        flag(f.row.weight, { name: f.name, received: f.row.weight.text });
  },
};
