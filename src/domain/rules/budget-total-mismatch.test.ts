/**
 * budget-total-mismatch (DOMAIN.md §4): 年度资金总额 ≠ Σ sub-rows, per column, beyond ±0.01 万元 (every profile).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, withBudget } from "../../../test/helpers/rule-tables";

/** Total 100 / 100 / 95 over 当年财政拨款 60 / 60 / 57 and 上年结转资金 40 / `carried` / `carriedSpent`. */
const broken = (carried: number, carriedSpent = 38) =>
  withBudget(
    ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
    [
      ["其中：当年财政拨款", 60, 60, 57, null, null, null],
      ["上年结转资金", 40, carried, carriedSpent, null, null, null],
      ["其他资金", 0, 0, 0, null, null, null],
    ],
  );

describe.each(PROFILE_IDS)("budget-total-mismatch under %s: 100.00 against 60 + x", (profile) => {
  it.each([
    ["60 + 40 = 100.00", 40, false, undefined],
    ["60 + 40.01 = 100.01: at the tolerance", 40.01, false, undefined],
    ["60 + 40.02 = 100.02: beyond it", 40.02, true, "100.02"],
    ["60 + 39.99 = 99.99: at the tolerance", 39.99, false, undefined],
    ["60 + 39.98 = 99.98: beyond it", 39.98, true, "99.98"],
  ])("全年预算数 %s", (_, carried, raised, expected) => {
    expectRaised(
      raised,
      broken(carried),
      "budget-total-mismatch",
      "D4",
      { profile },
      {
        severity: "error",
        expected,
        received: raised ? "100.00" : undefined,
      },
    );
  });

  it.each([
    // 57 + 38.01 = 95.01 against 95; 57 + 38.02 = 95.02
    ["57 + 38.01 = 95.01", 38.01, false, undefined],
    ["57 + 38.02 = 95.02", 38.02, true, "95.02"],
  ])("全年执行数 %s", (_, spent, raised, expected) => {
    expectRaised(
      raised,
      broken(40, spent),
      "budget-total-mismatch",
      "E4",
      { profile },
      {
        severity: "error",
        expected,
        received: raised ? "95.00" : undefined,
      },
    );
  });
});

describe("budget-total-mismatch", () => {
  it("a total row of 0 / 0 / 0 over 90 / 89.974 / 89.974 is flagged with the rows' sum", () => {
    const g = withBudget(
      ["年度资金总额", 0, 0, 0, 10, null, null],
      [["其中：当年财政拨款", 90, 89.974, 89.974, null, null, null]],
    );
    // 89.974 shown with 2 decimals: 89.97
    expectRaised(
      true,
      g,
      "budget-total-mismatch",
      "D4",
      {},
      { severity: "error", expected: "89.97", received: "0.00" },
    );
  });

  it("says the column and both amounts in both languages", () => {
    const f = findingAt(broken(40.02), "budget-total-mismatch", "D4")!;
    expect(f.message["zh-CN"]).toBe("全年预算数：年度资金总额为 100.00，而明细合计为 100.02");
    expect(f.message["en-US"]).toBe("全年预算数: the total row says 100.00 but the rows below add up to 100.02");
    expect(f.arithmetic).toBe("60.00 + 40.02 + 0.00 = 100.02");
  });
});
