/**
 * The write plan built from findings, figures and computed cells: one mark per cell with every finding's note, values
 * only for computed cells with the arithmetic as their note, and the 校验结果 sheet ordered by severity.
 */
import { CATALOGUE } from "../../src/domain/catalogue";
import type { ComputedCell } from "../../src/domain/evaluate";
import { FIGURES_SHEET, FINDINGS_SHEET, buildPlan } from "../../src/domain/plan";
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

describe("buildPlan: a provisional total", () => {
  const why = { "zh-CN": "暂定：表内仍有错误", "en-US": "Provisional: errors remain" };
  const totalFigure: Figure = { ...gradeFigure, key: "total.score", display: "99.00", arithmetic: "Σ = 99" };

  it("says why in the notes of the 总分 and 等级 cells, after their arithmetic, and nowhere else", () => {
    const plan = buildPlan(
      [],
      [rateFigure, totalFigure, gradeFigure],
      [
        computed("budget.rate", "G6", 0.989276),
        computed("total.score", "H30", 99),
        computed("total.grade", "H31", "优"),
      ],
      why,
    );
    expect(plan.values.map((v) => [v.figure, v.note])).toEqual([
      ["budget.rate", "Ziping 计算（central-2020）：3342.07 ÷ 3378.30 = 98.93%"],
      ["total.score", "Ziping 计算（central-2020）：Σ = 99\n暂定：表内仍有错误"],
      ["total.grade", "Ziping 计算（central-2020）：99 ≥ 90 → 优\n暂定：表内仍有错误"],
    ]);
  });

  it("says it in the note even when the figure has no arithmetic of its own", () => {
    const plan = buildPlan([], [], [computed("total.score", "H30", 99)], why);
    expect(plan.values[0].note).toBe("暂定：表内仍有错误");
  });

  it("adds nothing when the total is not provisional", () => {
    const plan = buildPlan([], [totalFigure], [computed("total.score", "H30", 99)], null);
    expect(plan.values[0].note).toBe("Ziping 计算（central-2020）：Σ = 99");
  });

  it("names the profile by its title when the figure carries one", () => {
    const titled: Figure = { ...rateFigure, profileTitle: { "zh-CN": "中央（财预〔2020〕10号）", "en-US": "Central" } };
    const plan = buildPlan([], [titled], [computed("budget.rate", "G6", 0.989276)]);
    expect(plan.values[0].note).toBe("Ziping 计算（中央（财预〔2020〕10号））：3342.07 ÷ 3378.30 = 98.93%");
  });
});

describe("buildPlan: the 校验结果 sheet", () => {
  it("is named 校验结果 and has the nine columns a reviewer reads", () => {
    const sheet = buildPlan([], [], []).findingsSheet;
    expect(sheet.name).toBe("校验结果");
    expect(FINDINGS_SHEET).toBe("校验结果");
    expect(sheet.header).toEqual(["序号", "严重程度", "规则", "工作表", "单元格", "说明", "应为", "实为", "计算过程"]);
  });

  it("without findings says 未发现问题 and nothing else; no figures, no 计算结果 sheet", () => {
    const plan = buildPlan([], [], []);
    expect(plan.findingsSheet.rows).toEqual([{ cells: ["", "", "", "", "", "未发现问题", "", "", ""] }]);
    expect(plan.cellSheets).toBeUndefined();
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
    // Absent expected, received and arithmetic are blank cells; the findings are all the sheet holds.
    expect(rows[1].cells.slice(6)).toEqual(["", "", ""]);
    expect(rows).toHaveLength(4);
  });

  it("lists the figures on their own 计算结果 sheet, with its own header; a figure with a cell links to it", () => {
    const plan = buildPlan([finding("reason-missing", "error", "J14")], [rateFigure, gradeFigure], []);
    // The 校验结果 sheet holds the one finding only.
    expect(plan.findingsSheet.rows).toHaveLength(1);
    const sheet = plan.cellSheets![0];
    expect(FIGURES_SHEET).toBe("计算结果");
    expect(sheet).toMatchObject({ name: "计算结果", owner: "ziping", whenTaken: "number", freezeRows: 1 });
    expect(sheet.rows).toEqual([
      ["项目", "工作表", "单元格", "结果", "计算方法", "口径", "计算过程"],
      [
        "执行率",
        "自评表",
        { formula: `HYPERLINK("#'自评表'!G6","G6")` },
        "98.93%",
        "执行率 = 全年执行数 ÷ 全年预算数",
        "central-2020",
        "3342.07 ÷ 3378.30 = 98.93%",
      ],
      ["等级", "", "", "优", "等级：优 ≥ 90", "central-2020", "99 ≥ 90 → 优"],
    ]);
    // Widths: the widest text plus two, 8 to 24 (计算方法 and 计算过程 to 40). 项目: "执行率" 6 → 8; 工作表 6 → 8;
    // 单元格 6 → 8; 结果 "98.93%" 6 → 8; 计算方法 "执行率 = 全年执行数 ÷ 全年预算数" 2·13 + 6 = 32 → 34;
    // 口径 "central-2020" 12 → 14; 计算过程 "3342.07 ÷ 3378.30 = 98.93%" 26 → 28.
    expect(sheet.columnWidths).toEqual([8, 8, 8, 8, 34, 14, 28]);
    expect(sheet.formats).toEqual([
      { range: "A1:G3", wrap: true, vertical: "top", borders: true },
      { range: "A1:G1", bold: true, horizontal: "center", vertical: "center" },
    ]);
  });

  it("a figure with a sheet but no cell is not linked; a quote in the sheet's name is doubled in the link", () => {
    const none = buildPlan([], [{ ...rateFigure, cell: undefined }], []).cellSheets![0];
    expect(none.rows[1][2]).toBe("");
    const quoted = buildPlan([], [{ ...rateFigure, sheet: 'O\'Neil "表"' }], []).cellSheets![0];
    expect(quoted.rows[1][2]).toEqual({ formula: `HYPERLINK("#'O''Neil ""表""'!G6","G6")` });
  });
});
