/**
 * exec-over-budget (DOMAIN.md §3–4): 执行数 > 预算数, on the total and on each sub-row, beyond the amount
 * tolerance ±0.01 万元 (every profile). Overspending is reported, never scored above 100%.
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { check } from "../../../test/helpers/tables";
import { expectRaised, findingAt, withBudget } from "../../../test/helpers/rule-tables";

const spent = (executed: number) =>
  withBudget(
    ["年度资金总额", 100, 100, executed, 10, executed / 100, 10],
    [["其中：当年财政拨款", 100, 100, executed, null, null, null]],
  );

describe.each(PROFILE_IDS)("exec-over-budget under %s: 执行数 against 100 + 0.01", (profile) => {
  it.each([
    ["100.00: equal", 100, false, undefined],
    ["100.01: at the tolerance", 100.01, false, undefined],
    ["100.02: beyond it", 100.02, true, "100.02"],
    ["99.99: under", 99.99, false, undefined],
  ])("%s", (_, executed, raised, received) => {
    for (const cell of ["E4", "E5"])
      expectRaised(
        raised,
        spent(executed),
        "exec-over-budget",
        cell,
        { profile },
        {
          severity: "error",
          expected: "100.00",
          received,
        },
      );
  });
});

describe("exec-over-budget", () => {
  it("earns no extra points: 120 ÷ 100 scores 1 × 10 = 10", () => {
    expect(check(spent(120)).budget.score).toBe(10);
  });

  it("says both amounts in both languages (the total row names no label)", () => {
    const f = findingAt(spent(120), "exec-over-budget", "E4")!;
    expect(f.message["zh-CN"]).toBe("执行数 120.00 超过全年预算数 100.00，请核实数据（超支不加分）");
    expect(f.message["en-US"]).toBe(
      "spending 120.00 exceeds the budget 100.00; check the figures (overspending earns no points)",
    );
  });

  it("names the sub-row it is about", () => {
    const f = findingAt(spent(120), "exec-over-budget", "E5")!;
    expect(f.message["zh-CN"]).toMatch(/当年财政拨款：执行数 120\.00 超过全年预算数 100\.00/);
    expect(f.message["en-US"]).toMatch(/当年财政拨款: spending 120\.00 exceeds the budget 100\.00/);
  });
});
