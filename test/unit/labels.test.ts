/**
 * Header and row labels of the 自评表 family (DOMAIN.md §2): which role a label names, the rows that total, score
 * or grade, the labels that open another block, and the 一级/二级 categories the scoring reads.
 */
import {
  BUDGET_COLUMNS,
  GOAL_COLUMNS,
  INDICATOR_COLUMNS,
  blockKind,
  budgetBreakdown,
  columnFor,
  isBlockLabel,
  isBudgetTotalLabel,
  isCostCategory,
  isExecutionIndicator,
  isGradeLabel,
  isTotalScoreLabel,
  labelOf,
  matches,
  roleMatches,
} from "../../src/domain/labels";

describe("columnFor: the role a header names", () => {
  it.each([
    ["年初预算数", "initial"],
    ["全年预算数", "planned"],
    ["调整后预算数", "planned"],
    ["全年执行数", "executed"],
    ["预算执行数", "executed"],
    ["分值", "weight"],
    ["权重", "weight"],
    ["执行率", "rate"],
    ["预算执行率", "rate"],
    ["得分", "score"],
    ["原因", "reason"],
  ])("budget header %s is %s (a synonym of DOMAIN §2.1)", (label, role) => {
    expect(columnFor(BUDGET_COLUMNS, label)).toBe(role);
  });

  it.each([
    ["年初批复预算", "initial"],
    ["全年调整后预算数", "planned"],
    ["本年执行数", "executed"],
    ["全年实际支出数", "executed"],
    ["权重(%)", "weight"],
    ["年度预算执行率", "rate"],
    ["预算执行得分", "score"],
    ["未执行原因", "reason"],
  ])("budget header %s fits the pattern of %s", (label, role) => {
    expect(columnFor(BUDGET_COLUMNS, label)).toBe(role);
  });

  it.each([
    ["一级指标", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "name"],
    ["指标性质", "nature"],
    ["度量单位", "unit"],
    ["年度指标值", "target"],
    ["实际完成值", "actual"],
    ["标准分", "weight"],
    ["得分系数", "coefficient"],
    ["评分标准", "criteria"],
    ["单项指标折算得分", "score"],
    ["偏差原因分析及改进措施", "reason"],
  ])("indicator header %s is %s", (label, role) => {
    expect(columnFor(INDICATOR_COLUMNS, label)).toBe(role);
  });

  it("实际完成指标值 is the actual, though it ends like a target", () => {
    expect(columnFor(INDICATOR_COLUMNS, "实际完成指标值")).toBe("actual");
  });

  it("goal headers, and a label no role knows", () => {
    expect(columnFor(GOAL_COLUMNS, "预期目标")).toBe("expected");
    expect(columnFor(GOAL_COLUMNS, "实际完成情况")).toBe("actual");
    expect(columnFor(GOAL_COLUMNS, "备注")).toBeNull();
    expect(columnFor(BUDGET_COLUMNS, "备注")).toBeNull();
    expect(columnFor(INDICATOR_COLUMNS, "")).toBeNull();
  });
});

describe("roleMatches: every role a header could name, and how plainly", () => {
  it("a known synonym weighs 1 and is the only role it names", () => {
    expect(roleMatches(BUDGET_COLUMNS, "执行率得分")).toEqual([["score", 1]]);
    expect(roleMatches(INDICATOR_COLUMNS, "年度指标值")).toEqual([["target", 1]]);
  });

  it("a label that only fits patterns weighs 0.7 for each role it fits", () => {
    expect(roleMatches(INDICATOR_COLUMNS, "实际完成指标值")).toEqual([
      ["actual", 0.7],
      ["target", 0.7],
    ]);
    expect(roleMatches(BUDGET_COLUMNS, "本年执行数")).toEqual([["executed", 0.7]]);
  });

  it("an empty or unknown label names no role", () => {
    expect(roleMatches(BUDGET_COLUMNS, "")).toEqual([]);
    expect(roleMatches(BUDGET_COLUMNS, "备注")).toEqual([]);
  });
});

describe("row labels", () => {
  it.each(["年度资金总额", "总额", "年度财政资金总额", "合计"])("%s is the budget total row", (label) => {
    expect(isBudgetTotalLabel(label)).toBe(true);
  });

  it.each(["当年财政拨款", "年度资金", "总额度"])("%s is not the budget total row", (label) => {
    expect(isBudgetTotalLabel(label)).toBe(false);
  });

  it("总分 and 自评得分 are the 总分 row; 得分 alone is not", () => {
    expect(isTotalScoreLabel("总分")).toBe(true);
    expect(isTotalScoreLabel("自评得分")).toBe(true);
    expect(isTotalScoreLabel("得分")).toBe(false);
  });

  it("等级 and 评价等级 are the grade row; 等级评定说明 is not", () => {
    expect(isGradeLabel("等级")).toBe(true);
    expect(isGradeLabel("评价等级")).toBe(true);
    expect(isGradeLabel("等级评定说明")).toBe(false);
  });

  it("matches a label exactly, or by the pattern when there is one", () => {
    expect(matches(BUDGET_COLUMNS.planned, "全年预算数")).toBe(true);
    expect(matches(BUDGET_COLUMNS.planned, "年度调整预算")).toBe(true);
    expect(matches(BUDGET_COLUMNS.planned, "执行数")).toBe(false);
    expect(matches(INDICATOR_COLUMNS.level1, "一级指标名称")).toBe(false);
  });

  it.each(["年度总体目标", "年度主要任务", "绩效指标", "一级指标", "预期目标", "实际完成情况", "主要任务1"])(
    "%s opens another block",
    (label) => {
      expect(isBlockLabel(label)).toBe(true);
    },
  );

  it.each(["产出指标", "当年财政拨款", "其中年度总体目标"])("%s does not open a block", (label) => {
    expect(isBlockLabel(label)).toBe(false);
  });

  it("labelOf normalises as headers are matched", () => {
    expect(labelOf("全年预算数\n（A）")).toBe("全年预算数");
    expect(labelOf("绩 效 指 标")).toBe("绩效指标");
  });
});

describe("categories the scoring reads", () => {
  it.each([
    ["产出指标", "output"],
    ["效益指标", "outcome"],
    ["效果指标", "outcome"],
    ["履职效益", "outcome"],
    ["满意度指标", "satisfaction"],
    ["预算编制", "other"],
    ["投入", "other"],
  ])("一级 %s is a block of kind %s", (level1, kind) => {
    expect(blockKind(level1)).toBe(kind);
  });

  it("成本指标 reads bare targets as ≤; other 二级 categories do not", () => {
    expect(isCostCategory("成本指标")).toBe(true);
    expect(isCostCategory("经济成本指标")).toBe(true);
    expect(isCostCategory("质量指标")).toBe(false);
  });

  it.each(["预算执行率", "资金支付率", "支出执行率", "项目执行率", "支出进度", "预算完成率", "资 金 执 行 率"])(
    "%s measures budget execution again",
    (name) => {
      expect(isExecutionIndicator(name)).toBe(true);
    },
  );

  it.each(["培训完成率", "执行情况", "预算执行", "工程进度", "满意度"])(
    "%s does not measure budget execution",
    (name) => {
      expect(isExecutionIndicator(name)).toBe(false);
    },
  );

  it.each([
    ["基本支出", "spending"],
    ["项目支出", "spending"],
    ["人员经费", "spending"],
    ["公用支出", "spending"],
    ["对个人和家庭的补助", "spending"],
    ["当年财政拨款", "funds"],
    ["上年结转资金", "funds"],
    ["其他资金", "funds"],
  ])("sub-row %s breaks the total down by %s", (label, breakdown) => {
    expect(budgetBreakdown(label)).toBe(breakdown);
  });
});
