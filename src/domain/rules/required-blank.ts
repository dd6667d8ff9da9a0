/**
 * required-blank: A cell the table needs is empty: the budget's 全年预算数 / 全年执行数 (unless its rows stand in), the
 * execution 得分, each indicator's 年度指标值, 实际完成值 and 得分, a goal's 实际完成情况, the 总分.
 */
import type { Slot } from "../table";
import { q, type MessageParams, type Rule } from "./rule";

export const requiredBlank: Rule = {
  id: "required-blank",
  severity: "error",
  title: { "zh-CN": "必填项为空", "en-US": "Required value missing" },
  message: (p) => ({
    "zh-CN": `“${q(p.what)}”未填写${p.name ? `（${p.name}）` : ""}`,
    "en-US": `"${q(p.what)}" is empty${p.name ? ` (${p.name})` : ""}`,
  }),
  check({ facts, table, flag: raise }) {
    // A formula the file holds no result for is no blank the officer left: formula-uncalculated says what it is.
    const flag = (at: Slot, params: MessageParams) => {
      if (!(at.cell?.formula !== undefined && at.cell.value === null)) raise(at, params);
    };
    const b = facts.budget;
    const t = b.total;
    if (t) {
      if (t.planned && !b.fromBreakdown.planned && b.planned.kind === "blank") flag(t.planned, { what: "全年预算数" });
      if (t.executed && !b.fromBreakdown.executed && b.executed.kind === "blank")
        flag(t.executed, { what: "全年执行数" });
      if (b.score !== null && t.score && b.typedScore.kind === "blank") flag(t.score, { what: "预算执行率得分" });
    }
    for (const f of facts.indicators) {
      if (f.notApplicable) continue;
      const { row, name } = f;
      if (row.target && f.target.kind === "blank") flag(row.target, { what: "年度指标值", name });
      if (row.actual && f.actual.kind === "blank") flag(row.actual, { what: "实际完成值", name });
      // Without a 分值 column every 得分 is still needed; with one, only where the weight is usable.
      if (f.typed.kind === "blank" && (f.weight !== null || !row.weight)) flag(row.score, { what: "得分", name });
    }
    for (const g of table.goals)
      if (g.expected.text && !g.actual.text) flag(g.actual, { what: "实际完成情况", name: g.label || undefined });
    if (facts.total.computed !== null && table.total?.score && facts.total.typedTotal.kind === "blank")
      flag(table.total.score, { what: "总分" });
  },
};
