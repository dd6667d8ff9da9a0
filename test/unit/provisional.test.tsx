/** @jest-environment jsdom */
/**
 * A total computed from a table with errors or blanks is 暂定 (provisional) on every surface, with its reason, and an
 * impossible total (weights over 100) is never graded nor written: the domain, the plan's notes, the command
 * line, the 汇总 row and the pane's summary.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { formatHumanReport, toJsonReport } from "../../src/cli/format";
import { buildSummaryWorkbook, SUMMARY_SHEET, summaryRows } from "../../src/gateways/xlsx/summary";
import { STRINGS } from "../../src/taskpane/strings";
import { Summary } from "../../src/taskpane/Summary";
import { centralGrid, centralRowsOf, check, DEFAULT_INDICATORS } from "../helpers/tables";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

// The default table: 95 ÷ 100 = 95.00% × 10 = 9.50; indicators 25 + 25 + 30 + 10 = 90; total 99.50 → 优.
const clean = () => check(centralGrid());

// 培训人次's 实际完成值 left blank, its 得分 25 still typed: one required-blank error; the typed 25 still counts
// (capped at its weight), so the total stays 99.50 but is provisional.
const actualBlank = () =>
  check(
    centralGrid({
      indicators: [["产出指标", "数量指标", "培训人次", "≥500人次", "", 25, 25, ""], ...DEFAULT_INDICATORS.slice(1)],
    }),
  );

// 实际完成值 and 得分 both blank: two required-blank errors and one score that cannot be established; the total
// counts it as 0: 9.50 + 25 + 30 + 10 = 74.50 → 中 (60 ≤ 74.50 < 80); the typed total 74.5 agrees.
const scoreUnknown = () =>
  check(
    centralGrid({
      indicators: [["产出指标", "数量指标", "培训人次", "≥500人次", "", 25, "", ""], ...DEFAULT_INDICATORS.slice(1)],
      total: [100, 74.5],
    }),
  );

// 学员满意度 weighted 30 instead of 10: 10 + 25 + 25 + 30 + 30 = 120 points; 9.50 + 25 + 25 + 30 + 30 = 119.50.
const overWeighted = () =>
  check(
    centralGrid({
      indicators: [
        ...DEFAULT_INDICATORS.slice(0, 3),
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 30, 30, ""],
      ],
      total: [100, 119.5],
    }),
  );

describe("the domain", () => {
  it("a clean table's total stands", () => {
    const r = clean();
    expect(r.total).toMatchObject({ computed: 99.5, grade: "优", provisional: null });
  });

  it("an error left in the table makes the total provisional, with the count", () => {
    const r = actualBlank();
    expect(r.total.computed).toBeCloseTo(99.5, 6);
    expect(r.total.grade).toBe("优");
    expect(r.total.provisional).toEqual({
      "zh-CN": "暂定：表中尚有 1 处错误；更正后重新校验",
      "en-US": "Provisional: 1 error remains in the table. Correct the table and check again",
    });
  });

  it("a score that cannot be established is named beside the errors", () => {
    const r = scoreUnknown();
    expect(r.total.computed).toBeCloseTo(74.5, 6);
    expect(r.total.grade).toBe("中");
    expect(r.total.provisional?.["zh-CN"]).toBe("暂定：表中尚有 2 处错误，1 项得分无法核定；更正后重新校验");
  });

  it("weights over 100 give a total that is shown, never graded", () => {
    const r = overWeighted();
    expect(r.total.computed).toBeCloseTo(119.5, 6);
    expect(r.total.grade).toBeNull();
    expect(r.total.provisional?.["zh-CN"]).toBe(
      "暂定：分值合计 120 超过 100，总分不评定等级，表中尚有 1 处错误；更正后重新校验",
    );
    expect(r.findings.map((f) => `${f.rule}@${f.cell}`)).toContain(`weights-sum@G${centralRowsOf().total}`);
  });

  it("weights of exactly 100 are graded", () => {
    expect(clean().total.grade).toBe("优");
  });
});

describe("the scored copy", () => {
  const total = `H${centralRowsOf().total}`;

  it("an impossible total is neither written nor graded", () => {
    const figures = overWeighted().plan.values.map((v) => v.figure);
    expect(figures).not.toContain("total.score");
    expect(figures).not.toContain("total.grade");
  });

  it("a provisional total's note says why", () => {
    const v = actualBlank().plan.values.find((x) => x.figure === "total.score");
    expect(v?.cell).toBe(total);
    expect(v?.note).toContain("暂定：表中尚有 1 处错误；更正后重新校验");
  });

  it("a standing total's note does not", () => {
    const v = clean().plan.values.find((x) => x.figure === "total.score");
    expect(v?.note).not.toContain("暂定");
  });
});

describe("the command line", () => {
  it("marks the total and grade and says why", () => {
    const text = formatHumanReport({ file: "a.xlsx", result: actualBlank() }, "zh-CN");
    expect(text).toContain("总分：99.50（暂定）");
    expect(text).toContain("等级：优（暂定）");
    expect(text).toContain("暂定：表中尚有 1 处错误；更正后重新校验");
  });

  it("an impossible total is not graded", () => {
    const text = formatHumanReport({ file: "a.xlsx", result: overWeighted() }, "en-US");
    expect(text).toMatch(/not graded/);
    expect(text).not.toMatch(/Grade: 优/);
  });

  it("a clean total has no mark", () => {
    expect(formatHumanReport({ file: "a.xlsx", result: clean() }, "zh-CN")).not.toContain("暂定");
  });

  it("--json carries the reason", () => {
    const json = toJsonReport([{ file: "a.xlsx", result: actualBlank() }], "zh-CN");
    expect(JSON.stringify(json)).toContain('"provisional":"暂定：表中尚有 1 处错误；更正后重新校验"');
  });
});

describe("the 汇总 row", () => {
  it("says 暂定 beside the grade and why in the remark", () => {
    const [row] = summaryRows([{ file: "a.xlsx", result: actualBlank() }]);
    expect(row.grade).toBe("优（暂定）");
    expect(row.remark).toContain("暂定：表中尚有 1 处错误");
  });

  it("gives no grade to an impossible total", () => {
    const [row] = summaryRows([{ file: "a.xlsx", result: overWeighted() }]);
    expect(row.grade).toBe("不评定");
  });

  it("leaves a standing grade alone", () => {
    const [row] = summaryRows([{ file: "a.xlsx", result: clean() }]);
    expect(row.grade).toBe("优");
    expect(row.remark).toBe("");
  });

  // The 计算总分 cell is read on its own (sorted, filtered, printed): it says 暂定 itself, and stays a number.
  it("shows 99.50（暂定） in the 计算总分 cell, a number still, in a column wide enough for it", () => {
    const ws = buildSummaryWorkbook(
      [
        { file: "a.xlsx", result: actualBlank() },
        { file: "b.xlsx", result: clean() },
      ],
      "zh-CN",
    ).getWorksheet(SUMMARY_SHEET)!;
    const byFile = new Map([2, 3].map((r) => [ws.getCell(r, 1).value, ws.getRow(r)]));
    const provisional = byFile.get("a.xlsx")!.getCell(5);
    expect(provisional.value).toBe(99.5);
    expect(provisional.numFmt).toBe('0.00"（暂定）"');
    expect(byFile.get("b.xlsx")!.getCell(5).numFmt).toBe("0.00");
    // "99.50（暂定）": 5 narrow and 4 wide characters (display width 13) and 2 of padding.
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(15);
  });
});

describe("the pane's summary", () => {
  const show = (result: ReturnType<typeof clean>, lang: "zh-CN" | "en-US" = "zh-CN") =>
    render(
      <FluentProvider theme={webLightTheme}>
        <Summary result={result} t={STRINGS[lang]} />
      </FluentProvider>,
    );

  it("marks a provisional total and shows why", () => {
    const { container } = show(actualBlank());
    expect(container.querySelector('[data-stat="total"]')?.textContent).toContain("99.50（暂定）");
    expect(container.querySelector('[data-stat="grade"]')?.textContent).toContain("优（暂定）");
    expect(screen.getByText("暂定：表中尚有 1 处错误；更正后重新校验")).toBeTruthy();
  });

  it("shows 不评定 for an impossible total", () => {
    const { container } = show(overWeighted());
    expect(container.querySelector('[data-stat="grade"]')?.textContent).toContain("不评定");
  });

  it("speaks English in English", () => {
    show(actualBlank(), "en-US");
    expect(
      screen.getByText("Provisional: 1 error remains in the table. Correct the table and check again"),
    ).toBeTruthy();
  });

  it("shows a standing total plainly", () => {
    const { container } = show(clean());
    expect(container.querySelector('[data-stat="total"]')?.textContent).not.toContain("暂定");
    expect(container.querySelector("[data-provisional]")).toBeNull();
  });
});
