/** Role names as reviewers say them, in both languages: the one table --explain, 识别结果 and 版式.json share. */
import { BUDGET_ROLES, GOAL_ROLES, INDICATOR_ROLES, roleLabel, roleNames } from "../../src/domain/reading";

describe("role names", () => {
  it("a role is named in Chinese unless English is asked for", () => {
    expect(roleLabel("budget", "planned")).toBe("全年预算数");
    expect(roleLabel("budget", "planned", "en-US")).toBe("Full-year budget");
    expect(roleLabel("indicator", "target", "zh-CN")).toBe("年度指标值");
    expect(roleLabel("goal", "expected", "en-US")).toBe("Expected goals");
  });

  it("a role the table does not know shows as its id", () => {
    expect(roleLabel("indicator", "total")).toBe("total");
    expect(roleLabel("goal", "planned", "en-US")).toBe("planned");
  });

  it("roleNames gives one language's names for every role of every block", () => {
    const zh = roleNames("zh-CN");
    const en = roleNames("en-US");
    expect(Object.keys(zh.budget)).toEqual([...BUDGET_ROLES]);
    expect(Object.keys(en.indicator)).toEqual([...INDICATOR_ROLES]);
    expect(Object.keys(zh.goal)).toEqual([...GOAL_ROLES]);
    expect(zh.budget.executed).toBe("全年执行数");
    expect(en.budget.executed).toBe("Full-year spending");
    expect(zh.indicator.reason).toBe("偏差原因");
    expect(en.goal).toEqual({ expected: "Expected goals", actual: "Actual outcome" });
  });
});
