/**
 * Expected / received belong to findings about a figure's value only (issue 10): a missing reason shown as
 * “应为 10 · 实为 8.62” reads as “raise the score to 10”. Figures by hand; the helper also checks severity.
 */
import { centralGrid, centralRowsOf, expectFinding } from "../helpers/tables";

const ind = (i: number) => centralRowsOf().firstIndicator + i;

describe("findings carry expected / received only about the cell's own figure", () => {
  it("score-mismatch: 37.24 ÷ 43.2 × 25 = 21.55 expected, 25 received", () => {
    const g = centralGrid({
      indicators: [
        ["产出指标", "数量指标", "养护里程", "≥43.2公里", "37.24公里", 25, 25, "汛期延误"],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
        ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
      ],
    });
    expectFinding(g, "score-mismatch", `H${ind(0)}`, { severity: "error", expected: "21.55", received: "25" });
  });

  it("reason-missing says what is missing, with no expected / received", () => {
    const g = centralGrid({
      indicators: [
        ["产出指标", "数量指标", "养护里程", "≥43.2公里", "37.24公里", 25, 21.55, ""],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
        ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
      ],
      total: [100, 96.05],
    });
    expectFinding(g, "reason-missing", `I${ind(0)}`, { severity: "error", expected: undefined, received: undefined });
  });

  it("exec-rate-mismatch: 95 ÷ 100 = 95.00% expected, 90.00% received; exec-low-no-reason has neither", () => {
    const g = centralGrid({ budget: [["年度资金总额", 100, 100, 95, 10, 0.9, 9.5]] });
    expectFinding(g, "exec-rate-mismatch", "G4", { severity: "error", expected: "95.00%", received: "90.00%" });
    const low = centralGrid({ budget: [["年度资金总额", 100, 100, 75, 10, 0.75, 7.5]] });
    expectFinding(low, "exec-low-no-reason", "G4", {
      settings: { execReasonThreshold: "90%" },
      severity: "warning",
      expected: undefined,
      received: undefined,
    });
  });

  it("the helper fails on a wrong severity", () => {
    const g = centralGrid({ budget: [["年度资金总额", 100, 100, 95, 10, 0.9, 9.5]] });
    expect(() => expectFinding(g, "exec-rate-mismatch", "G4", { severity: "warning" })).toThrow(/severity/);
  });
});
