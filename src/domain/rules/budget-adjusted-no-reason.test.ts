/**
 * budget-adjusted-no-reason (DOMAIN.md §4): 全年预算数 ≠ 年初预算数 (beyond ±0.01 万元) with no explanation,
 * where the table has a place for one (a 原因 column in the budget block).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, withBudget, withBudgetReasons } from "../../../test/helpers/rule-tables";

/** 年初预算数 100, 全年预算数 `planned`, all spent (rate 100%, score 10). */
const adjusted = (planned: number, reason = "") =>
  withBudgetReasons([
    ["年度资金总额", 100, planned, planned, 10, 1, 10, reason],
    ["其中：当年财政拨款", 100, planned, planned, null, null, null, ""],
  ]);

describe.each(PROFILE_IDS)("budget-adjusted-no-reason under %s", (profile) => {
  it.each([
    ["100.00: not adjusted", 100, "", false],
    ["100.01: within the tolerance", 100.01, "", false],
    ["100.02: adjusted", 100.02, "", true],
    ["99.99: within the tolerance", 99.99, "", false],
    ["99.98: adjusted", 99.98, "", true],
    ["120 with a reason", 120, "年中追加培训经费", false],
    ["120 with “无”", 120, "无", true],
  ])("全年预算数 %s", (_, planned, reason, raised) => {
    expectRaised(
      raised,
      adjusted(planned, reason),
      "budget-adjusted-no-reason",
      "D4",
      { profile },
      {
        severity: "warning",
        expected: undefined,
        received: undefined,
      },
    );
  });

  it("adjustmentNeedsReason=off asks for no reason", () => {
    const g = adjusted(120);
    expectRaised(true, g, "budget-adjusted-no-reason", "D4", { profile });
    expectRaised(false, g, "budget-adjusted-no-reason", "D4", { profile, settings: { adjustmentNeedsReason: "off" } });
  });

  it("a 全年预算数 of 0 gives no rate: value-not-number at D4, not an adjustment", () => {
    const g = adjusted(0);
    expectRaised(false, g, "budget-adjusted-no-reason", "D4", { profile });
    expectRaised(true, g, "value-not-number", "D4", { profile });
  });

  it("a blank 年初预算数 is compared with nothing", () => {
    const g = withBudgetReasons([
      ["年度资金总额", null, 120, 120, 10, 1, 10, ""],
      ["其中：当年财政拨款", null, 120, 120, null, null, null, ""],
    ]);
    expectRaised(false, g, "budget-adjusted-no-reason", "D4", { profile });
  });

  it("a 年初预算数 typed as text is compared with nothing", () => {
    const g = withBudgetReasons([
      ["年度资金总额", "一百", 120, 120, 10, 1, 10, ""],
      ["其中：当年财政拨款", "一百", 120, 120, null, null, null, ""],
    ]);
    expectRaised(false, g, "budget-adjusted-no-reason", "D4", { profile });
  });

  it("a table with no 原因 column in its budget block is not asked for one", () => {
    const g = withBudget(["年度资金总额", 100, 120, 120, 10, 1, 10]);
    expectRaised(false, g, "budget-adjusted-no-reason", "D4", { profile });
  });
});

describe("budget-adjusted-no-reason message", () => {
  it("says both budgets in both languages", () => {
    const f = findingAt(adjusted(100.02), "budget-adjusted-no-reason", "D4")!;
    expect(f.message["zh-CN"]).toBe("全年预算数 100.02 与年初预算数 100.00 不同，需说明调整原因：请在 I4 填写");
    expect(f.message["en-US"]).toBe(
      "The full-year budget 100.02 differs from the initial budget 100.00; explain the adjustment in I4",
    );
  });
});
