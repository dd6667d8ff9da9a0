/**
 * exec-rate-mismatch (DOMAIN.md §4): the typed 执行率 differs from 全年执行数 ÷ 全年预算数. It agrees within
 * ±0.01 percentage points (every profile), or when equal at the precision its cell displays (§3 Precision).
 */
import { describe, expect, it } from "@jest/globals";
import { PROFILE_IDS } from "../../domain";
import { expectRaised, findingAt, withBudget } from "../../../test/helpers/rule-tables";

/** 95 ÷ 100 = 95.00%, the rate every typed value below is compared with. */
const rated = (rate: unknown, executed = 95) =>
  withBudget(["年度资金总额", 100, 100, executed, 10, rate as number, executed / 10]);

describe.each(PROFILE_IDS)("exec-rate-mismatch under %s: ±0.01 percentage points", (profile) => {
  it.each([
    // |typed − 95%| × 100 against 0.01
    ["exactly 95%", 0.95, false, undefined],
    ["95.01%: +0.01 points, at the tolerance", 0.9501, false, undefined],
    ["95.02%: +0.02 points, beyond it", 0.9502, true, "95.02%"],
    ["94.99%: −0.01 points, at the tolerance", 0.9499, false, undefined],
    ["94.98%: −0.02 points, beyond it", 0.9498, true, "94.98%"],
    ["95.01 typed as points (÷ 100 = 95.01%)", 95.01, false, undefined],
    ["95.02 typed as points", 95.02, true, "95.02%"],
    ['"95.01%" as text', "95.01%", false, undefined],
    ['"95.02%" as text', "95.02%", true, "95.02%"],
  ])("%s", (_, typed, raised, received) => {
    expectRaised(
      raised,
      rated(typed),
      "exec-rate-mismatch",
      "G4",
      { profile },
      {
        severity: "error",
        expected: "95.00%",
        received,
      },
    );
  });
});

describe("exec-rate-mismatch at the precision the cell displays", () => {
  it.each([
    // 95.4 ÷ 100 = 95.40%; a "0%" cell shows round(95.4) = 95 and round(95 typed) = 95: they agree
    ["0.95 in a 0% cell, rate 95.40%", 0.95, "0%", 95.4, false],
    // 95.6 ÷ 100 = 95.60% shows 96, the typed 95 shows 95
    ["0.95 in a 0% cell, rate 95.60%", 0.95, "0%", 95.6, true],
    // "0.0%": 95.44% shows 95.4 like the typed 95.4; 95.46% shows 95.5
    ["0.954 in a 0.0% cell, rate 95.44%", 0.954, "0.0%", 95.44, false],
    ["0.954 in a 0.0% cell, rate 95.46%", 0.954, "0.0%", 95.46, true],
  ])("%s", (_, value, numFmt, executed, raised) => {
    expectRaised(raised, rated({ value, numFmt }, executed), "exec-rate-mismatch", "G4", {}, { severity: "error" });
  });
});

describe("exec-rate-mismatch message", () => {
  it("says the typed and the computed rate in both languages", () => {
    // 95 ÷ 100 = 95.00%, typed 0.9 = 90.00%
    const f = findingAt(rated(0.9), "exec-rate-mismatch", "G4")!;
    expect(f.message["zh-CN"]).toBe("填报的执行率 90.00% 与 全年执行数 ÷ 全年预算数 = 95.00% 不符");
    expect(f.message["en-US"]).toBe("The execution rate 90.00% differs from spending ÷ budget = 95.00%");
    expect(f.arithmetic).toBe("95.00 ÷ 100.00 = 95.00%");
  });
});
