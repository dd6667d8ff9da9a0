/**
 * The write plan built from findings, figures and computed cells: one mark per cell with every finding's note, values
 * only for computed cells with the arithmetic as their note, and the 校验结果 sheet ordered by severity.
 */
import { CATALOGUE } from "../../src/domain/catalogue";
import type { ComputedCell } from "../../src/domain/evaluate";
import { FINDINGS_SHEET, buildPlan } from "../../src/domain/plan";
import type { Figure, Finding } from "../../src/domain/types";

function finding(
  rule: Finding["rule"],
  severity: Finding["severity"],
  cell: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule,
    severity,
    sheet: "自评表",
    cell,
    message: { "zh-CN": `${rule} 说明`, "en-US": `${rule} text` },
    ...extra,
  };
}

const rateFigure: Figure = {
  key: "budget.rate",
  label: { "zh-CN": "执行率", "en-US": "Execution rate" },
  value: 0.989276,
  display: "98.93%",
  profile: "central-2020",
  rule: { "zh-CN": "执行率 = 全年执行数 ÷ 全年预算数", "en-US": "rate = spent ÷ budget" },
  arithmetic: "3342.07 ÷ 3378.30 = 98.93%",
  sheet: "自评表",
  cell: "G6",
};

const gradeFigure: Figure = {
  key: "total.grade",
  label: { "zh-CN": "等级", "en-US": "Grade" },
  value: null,
  display: "优",
  profile: "central-2020",
  rule: { "zh-CN": "等级：优 ≥ 90", "en-US": "grade" },
  arithmetic: "99 ≥ 90 → 优",
};

function computed(figure: string, a1: string, value: number | string, numFmt?: string): ComputedCell {
  const cell: ComputedCell = { slot: { row: 1, col: 1, a1, cell: undefined, text: "" }, figure, value };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

describe("buildPlan: marks", () => {
  it("a finding marks its cell with its severity and a note headed Ziping 校验, naming severity and arithmetic", () => {
    const plan = buildPlan(
      [finding("score-mismatch", "error", "I14", { arithmetic: "10 × 37.24 ÷ 43.2 = 8.62" })],
      [],
      [],
    );
    expect(plan.marks).toEqual([
      {
        sheet: "自评表",
        cell: "I14",
        severity: "error",
        note: "Ziping 校验：\n【错误】score-mismatch 说明\n计算：10 × 37.24 ÷ 43.2 = 8.62",
      },
    ]);
  });

  it("a finding without arithmetic has no 计算 line", () => {
    const plan = buildPlan([finding("template-text-left", "warning", "D9")], [], []);
    expect(plan.marks[0].note).toBe("Ziping 校验：\n【警告】template-text-left 说明");
  });

  it("findings on one cell share one mark: notes in order, the most severe severity kept", () => {
    const plan = buildPlan(
      [
        finding("layout-assumption", "info", "I14"),
        finding("reason-missing", "error", "I14"),
        finding("over-completion", "warning", "I14"),
      ],
      [],
      [],
    );
    expect(plan.marks).toHaveLength(1);
    expect(plan.marks[0].severity).toBe("error");
    expect(plan.marks[0].note).toBe(
      "Ziping 校验：\n【提示】layout-assumption 说明\n【错误】reason-missing 说明\n【警告】over-completion 说明",
    );
  });

  it("a warning after an info raises the mark to warning; an info after a warning leaves it", () => {
    const up = buildPlan(
      [finding("layout-assumption", "info", "A1"), finding("over-completion", "warning", "A1")],
      [],
      [],
    );
    expect(up.marks[0].severity).toBe("warning");
    const kept = buildPlan(
      [finding("over-completion", "warning", "A1"), finding("layout-assumption", "info", "A1")],
      [],
      [],
    );
    expect(kept.marks[0].severity).toBe("warning");
  });

  it("the same address on two sheets is two marks", () => {
    const other = { ...finding("reason-missing", "error", "I14"), sheet: "附表" };
    const plan = buildPlan([finding("reason-missing", "error", "I14"), other], [], []);
    expect(plan.marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["自评表!I14", "附表!I14"]);
  });
});

describe("buildPlan: values", () => {
  it("a computed cell gets its value, format, its figure's sheet and a note with the profile and arithmetic", () => {
    const plan = buildPlan([], [rateFigure], [computed("budget.rate", "G6", 0.989276, "0.00%")]);
    expect(plan.values).toEqual([
      {
        sheet: "自评表",
        cell: "G6",
        value: 0.989276,
        numFmt: "0.00%",
        figure: "budget.rate",
        note: "Ziping 计算（central-2020）：3342.07 ÷ 3378.30 = 98.93%",
      },
    ]);
  });

  it("a computed cell without a format or a known figure carries neither a format nor a note", () => {
    const plan = buildPlan([], [], [computed("total.score", "I30", 99)]);
    expect(plan.values).toEqual([{ sheet: "", cell: "I30", value: 99, figure: "total.score" }]);
    // No numFmt key at all, so a gateway leaves the cell's own format alone.
    expect(Object.keys(plan.values[0]).sort()).toEqual(["cell", "figure", "sheet", "value"]);
  });
});

describe("buildPlan: the 校验结果 sheet", () => {
  it("is named 校验结果 and has the nine columns a reviewer reads", () => {
    const sheet = buildPlan([], [], []).findingsSheet;
    expect(sheet.name).toBe("校验结果");
    expect(FINDINGS_SHEET).toBe("校验结果");
    expect(sheet.header).toEqual(["序号", "严重程度", "规则", "工作表", "单元格", "说明", "应为", "实为", "计算过程"]);
  });

  it("without findings says 未发现问题, then a blank row and the figures' header", () => {
    expect(buildPlan([], [], []).findingsSheet.rows).toEqual([
      { cells: ["", "", "", "", "", "未发现问题", "", "", ""] },
      { cells: [] },
      { cells: ["", "计算结果", "项目", "工作表", "单元格", "结果", "规则", "口径", "计算过程"] },
    ]);
  });

  it("lists errors first, then warnings, then infos, numbered from 1, each linked to its cell", () => {
    const rows = buildPlan(
      [
        finding("layout-assumption", "info", "A1"),
        finding("over-completion", "warning", "F14", { expected: "说明", received: "" }),
        finding("score-mismatch", "error", "I14", { expected: "8.62", received: "9", arithmetic: "10 × 37.24 ÷ 43.2" }),
        finding("reason-missing", "error", "J14"),
      ],
      [],
      [],
    ).findingsSheet.rows;
    expect(rows.slice(0, 4).map((r) => [r.cells[0], r.cells[1], r.cells[4], r.severity])).toEqual([
      [1, "错误", "I14", "error"],
      [2, "错误", "J14", "error"],
      [3, "警告", "F14", "warning"],
      [4, "提示", "A1", "info"],
    ]);
    expect(rows[0]).toEqual({
      cells: [
        1,
        "错误",
        CATALOGUE["score-mismatch"].title["zh-CN"],
        "自评表",
        "I14",
        "score-mismatch 说明",
        "8.62",
        "9",
        "10 × 37.24 ÷ 43.2",
      ],
      link: { sheet: "自评表", cell: "I14" },
      severity: "error",
    });
    // Absent expected, received and arithmetic are blank cells.
    expect(rows[1].cells.slice(6)).toEqual(["", "", ""]);
    expect(rows[4]).toEqual({ cells: [] });
  });

  it("after the findings lists every figure; a figure with a cell links to it, one without does not", () => {
    const rows = buildPlan([finding("reason-missing", "error", "J14")], [rateFigure, gradeFigure], []).findingsSheet
      .rows;
    expect(rows).toHaveLength(5);
    expect(rows[2].cells[1]).toBe("计算结果");
    expect(rows[3]).toEqual({
      cells: [
        "",
        "",
        "执行率",
        "自评表",
        "G6",
        "98.93%",
        "执行率 = 全年执行数 ÷ 全年预算数",
        "central-2020",
        "3342.07 ÷ 3378.30 = 98.93%",
      ],
      link: { sheet: "自评表", cell: "G6" },
    });
    expect(rows[4]).toEqual({
      cells: ["", "", "等级", "", "", "优", "等级：优 ≥ 90", "central-2020", "99 ≥ 90 → 优"],
      link: undefined,
    });
  });

  it("a figure with a sheet but no cell is not linked", () => {
    const rows = buildPlan([], [{ ...rateFigure, cell: undefined }], []).findingsSheet.rows;
    expect(rows[3].link).toBeUndefined();
    expect(rows[3].cells[4]).toBe("");
  });
});
