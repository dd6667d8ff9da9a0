/**
 * template-text-left: A cell still holds the template's placeholder or filling instruction (指标1, 请填写…).
 */
import { isTemplateText } from "../parse";
import type { Slot } from "../table";
import { q, type Rule } from "./rule";

export const templateTextLeft: Rule = {
  id: "template-text-left",
  severity: "warning",
  title: { "zh-CN": "保留了模板文字", "en-US": "Template text left in" },
  message: (p) => ({
    "zh-CN": `单元格仍是模板占位或填写说明“${q(p.received)}”，请替换为实际内容`,
    "en-US": `The cell still holds template text "${q(p.received)}"; replace it with the real content`,
  }),
  check({ facts, table, flag }) {
    const left = (slot: Slot | undefined) => {
      if (slot && slot.text && isTemplateText(slot.text)) flag(slot, { received: slot.text });
    };
    left(facts.budget.total?.reason);
    for (const g of table.goals) {
      left(g.expected);
      left(g.actual);
    }
    for (const f of facts.indicators) for (const s of [f.row.name, f.row.target, f.row.actual, f.row.reason]) left(s);
    for (const s of table.placeholders) flag(s, { received: s.text });
  },
};
