/**
 * The registry (rules/index.ts): findings come in reading order, by row, then column, then the rules' order in
 * RULES, whatever order the rules raise them in. A table without a 分值 column (so layout-assumption, the second
 * rule, speaks at the indicator header, D7 under one budget row and one goal) whose 执行率 is typed 80% for 75 of 100 spent (exec-rate-mismatch, the
 * eighth, at G4) under sichuan, where 75% < 90% also needs a reason (exec-low-no-reason, the tenth, at G4 too).
 */
import { describe, expect, it } from "@jest/globals";
import { parseA1 } from "../grid";
import { RULES } from ".";
import { check } from "../../../test/helpers/tables";
import { headingsOnlyGrid } from "../../../test/helpers/rule-tables";

const grid = headingsOnlyGrid(
  [
    ["产出指标(50分)", "数量指标", "培训人次", "≥500人次", "520人次", 50, ""],
    ["效益指标(30分)", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, ""],
    ["满意度指标(10分)", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, ""],
  ],
  97.5,
  { budget: [["年度资金总额", 100, 100, 75, 10, 0.8, 7.5]] },
);

describe("the registry's order of findings", () => {
  const findings = check(grid, { profile: "sichuan" }).findings;
  const order = (id: string) => RULES.findIndex((r) => r.id === id);

  it("raises the three findings the table holds, the registry raising them in another order", () => {
    const seen = findings.map((f) => `${f.rule}@${f.cell}`);
    for (const f of ["layout-assumption@D7", "exec-rate-mismatch@G4", "exec-low-no-reason@G4"])
      expect(seen).toContain(f);
    // In registry order the header's assumption would come first.
    expect(order("layout-assumption")).toBeLessThan(order("exec-rate-mismatch"));
    expect(order("exec-rate-mismatch")).toBeLessThan(order("exec-low-no-reason"));
  });

  it("lists them by row, then column, then registry order", () => {
    const listed = findings.filter((f) =>
      ["layout-assumption", "exec-rate-mismatch", "exec-low-no-reason"].includes(f.rule),
    );
    expect(listed.map((f) => `${f.rule}@${f.cell}`)).toEqual([
      "exec-rate-mismatch@G4",
      "exec-low-no-reason@G4",
      "layout-assumption@D7",
    ]);
    const positions = findings.map((f) => parseA1(f.cell));
    for (let i = 1; i < positions.length; i++) {
      const [a, b] = [positions[i - 1], positions[i]];
      expect(a.row < b.row || (a.row === b.row && a.col <= b.col)).toBe(true);
    }
  });
});
