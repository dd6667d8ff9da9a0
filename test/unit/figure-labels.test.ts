/**
 * What each figure is called and how it is computed, as the 计算结果 sheet, the notes and the report show them:
 * the label, the rule in words and the arithmetic with the table's own numbers, in both languages. The central
 * table of test/helpers/tables.ts under the central profile: 年度资金总额 100 / 95 with 分值 10; 产出指标 25 + 25,
 * 效益指标 30, 满意度指标 10; the arithmetic is checked where it is the table's own numbers added.
 */
import type { Figure } from "../../src/domain/types";
import { centralGrid, check } from "../helpers/tables";

const figures = check(centralGrid()).figures;
const byKey = (key: string): Figure => {
  const f = figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}: ${figures.map((x) => x.key).join(", ")}`);
  return f;
};

describe("figure labels and rules", () => {
  it("names the execution rate and its rule", () => {
    const f = byKey("budget.rate");
    expect(f.label).toEqual({ "zh-CN": "预算执行率", "en-US": "Execution rate" });
    expect(f.rule).toEqual({
      "zh-CN": "执行率 = 全年执行数 ÷ 全年预算数",
      "en-US": "rate = spending ÷ full-year budget",
    });
    expect(f.display).toBe("95.00%");
  });

  it("names the execution score and its rule", () => {
    const f = byKey("budget.score");
    expect(f.label).toEqual({ "zh-CN": "预算执行率得分", "en-US": "Execution score" });
    expect(f.rule).toEqual({ "zh-CN": "得分 = min(执行率, 100%) × 分值", "en-US": "score = min(rate, 100%) × weight" });
    // 95% × 10 = 9.5
    expect(f.display).toBe("9.50");
  });

  it("names each block's subtotal after its 一级 label, with the scores added", () => {
    // A block heading row with its 得分 left blank: the subtotal is computed there.
    const withHeading = check(
      centralGrid({
        indicators: [
          ["产出指标", "", "", "", "", 50, "", ""],
          ["", "数量指标", "甲", "≥1项", "1项", 25, 25, ""],
          ["", "质量指标", "乙", "≥1项", "1项", 25, 25, ""],
          ["效益指标", "社会效益指标", "丙", "≥1项", "1项", 40, 40, ""],
        ],
      }),
    ).figures;
    const f = withHeading.find((x) => x.label["zh-CN"] === "产出指标小计")!;
    expect(f).toBeDefined();
    expect(f.label["en-US"]).toBe("产出指标 subtotal");
    expect(f.rule).toEqual({ "zh-CN": "小计 = 本级指标得分之和", "en-US": "subtotal = sum of the block's scores" });
    expect(f.arithmetic).toBe("25 + 25 = 50.00");
  });

  it("names the total and the grade with their rules", () => {
    const total = byKey("total.score");
    expect(total.label).toEqual({ "zh-CN": "总分", "en-US": "Total score" });
    expect(total.rule).toEqual({
      "zh-CN": "总分 = 预算执行率得分 + 各项指标得分",
      "en-US": "total = execution score + indicator scores",
    });
    const grade = byKey("total.grade");
    expect(grade.label).toEqual({ "zh-CN": "自评等级", "en-US": "Grade" });
    expect(grade.rule).toEqual({
      "zh-CN": "等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60",
      "en-US": "grade: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60",
    });
  });
});
