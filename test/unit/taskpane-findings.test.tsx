/** @jest-environment jsdom */
/**
 * The pane's findings and empty states against a fake gateway: findings grouped by severity and by the part of
 * the table they lie in, with counts, folding and a filter; what the pane says before a check and when no 自评表
 * is found; no 写回结果 with nothing to write; 确认写入 disabled after a refused write; the preview and the
 * result counting the same cells.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { TableReading } from "../../src/domain";
import type { CheckResult, Finding, Lang, Severity } from "../../src/domain/types";
import { App } from "../../src/taskpane/App";
import type { PaneGateway, WritePreview } from "../../src/taskpane/gateway";

beforeAll(() => {
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const SHEET = "附件1 自评表";

function finding(cell: string, severity: Severity, text: string, sheet = SHEET): Finding {
  return { rule: "score-mismatch", severity, sheet, cell, message: { "zh-CN": text, "en-US": `en ${text}` } };
}

/** Budget header at row 5, goals at 9, indicators at 12 (产出 13–18, 效益 19–21, 满意度 22–23), 总分 at 24. */
const READING: TableReading = {
  budgetHeaderRows: [5, 5],
  goalHeaderRows: [9, 9],
  indicatorHeaderRows: [12, 12],
  roles: [],
  indicatorRows: [13, 23],
  blocks: [
    { level1: "产出指标", rows: [13, 18], weight: 50 },
    { level1: "效益指标", rows: [19, 21], weight: 30 },
    { level1: "满意度指标", rows: [22, 23], weight: 10 },
  ],
  total: { cell: "H24", source: "row" },
  weights: "column",
  assumptions: [],
  corrected: false,
};

const FINDINGS: Finding[] = [
  finding("I20", "error", "效益甲的得分与规则不符"),
  finding("H7", "error", "执行率算错"),
  finding("I14", "error", "产出甲未写偏差原因"),
  finding("I15", "error", "产出乙的得分与规则不符"),
  finding("H24", "error", "总分与各项之和不符"),
  finding("C10", "warning", "年度目标照抄了上年"),
  finding("I22", "info", "满意度按百分比读取"),
  finding("A2", "info", "表头年份是上年"),
  finding("B3", "warning", "汇总行与自评表不符", "汇总"),
];

function result(over: Partial<CheckResult> = {}): CheckResult {
  return {
    sheet: SHEET,
    layout: "central",
    profile: "central-2020",
    budget: { planned: 100, executed: 90, rate: 0.9, score: 9 },
    total: { computed: 90, reported: 91, grade: "优", provisional: null },
    findings: FINDINGS,
    figures: [
      {
        key: "indicator.14.score",
        label: { "zh-CN": "得分", "en-US": "Score" },
        value: 8.6228,
        display: "8.62",
        profile: "central-2020",
        rule: { "zh-CN": "", "en-US": "" },
        arithmetic: "",
      },
    ],
    plan: {
      values: ["I14", "I16", "I17"].map((cell) => ({
        sheet: SHEET,
        cell,
        value: 8.6228,
        numFmt: "0.00",
        figure: "indicator.14.score",
      })),
      marks: [{ sheet: SHEET, cell: "I15", severity: "error", note: "n" }],
      findingsSheet: { name: "校验结果", header: [], rows: [] },
    },
    reading: READING,
    ...over,
  };
}

/** What the workbook holds today: I14 shows 9.00 (changes), I16 and I17 already show 8.62 (rewritten unchanged). */
const PREVIEW: WritePreview = {
  changes: [
    { sheet: SHEET, cell: "I14", before: "9.00", after: "8.6228", figure: "indicator.14.score" },
    { sheet: SHEET, cell: "I16", before: "8.62", after: "8.6228", figure: "indicator.14.score" },
    { sheet: SHEET, cell: "I17", before: "8.62", after: "8.6228", figure: "indicator.14.score" },
  ],
  marks: 1,
  findingsSheet: "校验结果",
  findingsRows: 9,
  notesSupported: true,
  protectedSheets: [],
};

function fakeGateway(overrides: Partial<PaneGateway> = {}): jest.Mocked<PaneGateway> {
  return {
    check: jest.fn(async () => result()),
    getSelection: jest.fn(async () => ({ sheet: SHEET, address: "A1", text: "" })),
    getSavedLayout: jest.fn(async () => null),
    saveLayout: jest.fn(async () => undefined),
    preview: jest.fn(async () => PREVIEW),
    // The office gateway counts every cell it sets, unchanged values too.
    write: jest.fn(async () => ({ values: 3, marks: 1, notes: 1, findingsSheet: "校验结果", textSheets: [] })),
    undo: jest.fn(async () => ({ restored: 0, removedSheets: [] })),
    clearMarks: jest.fn(async () => 0),
    locate: jest.fn(async () => undefined),
    insertTemplate: jest.fn(async () => "绩效自评表"),
    readReportSources: jest.fn(async () => Promise.reject(new Error("not in this test"))),
    insertReportMaterial: jest.fn(async () => "报告素材"),
    saveFile: jest.fn(async (_file: Blob, name: string) => ({ via: "download" as const, href: "blob:x", name })),
    getSavedProfile: jest.fn(async () => null),
    saveProfile: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<PaneGateway>;
}

async function renderApp(gateway: PaneGateway, lang: Lang = "zh-CN") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} lang={lang} />
    </FluentProvider>,
  );
  await waitFor(() => expect(gateway.getSavedProfile).toHaveBeenCalled());
}

async function click(name: string | RegExp, index = 0) {
  await act(async () => {
    fireEvent.click(screen.getAllByRole("button", { name })[index]);
  });
}

/** The part titles under a severity, in order ("预算执行（1）" …), without the open/closed arrow. */
function partTitles(severity: string): string[] {
  const region = screen.getByRole("region", { name: severity });
  return [...region.querySelectorAll("button[aria-expanded]")].map((b) => b.textContent!.replace(/^[▾▸]/, ""));
}

const shownCells = () =>
  screen.queryAllByRole("button", { name: /^定位到 / }).map((b) => b.getAttribute("aria-label")!.slice(4));

describe("the pane's findings", () => {
  it("groups each severity by the part of the table, in the table's order, with counts", async () => {
    await renderApp(fakeGateway());
    await click("一键校验并计分");
    expect(partTitles("错误")).toEqual(["预算执行（1）", "产出指标（2）", "效益指标（1）", "总分（1）"]);
    expect(partTitles("警告")).toEqual(["年度总体目标（1）", "其他（1）"]);
    expect(partTitles("提示")).toEqual(["满意度指标（1）", "其他（1）"]);
    const outputs = screen.getByRole("list", { name: "产出指标" });
    expect(
      within(outputs)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("产出甲未写偏差原因"), expect.stringContaining("产出乙的得分与规则不符")]);
    expect(screen.getByText("共 9 条问题")).toBeTruthy();
  });

  it("a table without a reading puts every finding under 其他", async () => {
    await renderApp(fakeGateway({ check: jest.fn(async () => result({ reading: undefined })) }));
    await click("一键校验并计分");
    expect(partTitles("错误")).toEqual(["其他（5）"]);
  });

  it("folds a part away and back with its title button, which says whether it is open", async () => {
    await renderApp(fakeGateway());
    await click("一键校验并计分");
    const toggle = screen.getByRole("button", { name: "产出指标（2）" });
    expect(toggle.getAttribute("aria-controls")).toBe(screen.getByRole("list", { name: "产出指标" }).id);
    await click("产出指标（2）");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("list", { name: "产出指标" })).toBeNull();
    expect(shownCells()).not.toContain(`${SHEET}!I14`);
    await click("产出指标（2）");
    expect(shownCells()).toContain(`${SHEET}!I14`);
  });

  it("the filter narrows the list by words or cell, and says how many it shows", async () => {
    await renderApp(fakeGateway());
    await click("一键校验并计分");
    const box = screen.getByRole("searchbox", { name: "筛选问题" });
    await act(async () => {
      fireEvent.change(box, { target: { value: "i14" } });
    });
    expect(shownCells()).toEqual([`${SHEET}!I14`]);
    expect(screen.getByText("显示 1 条，共 9 条")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "警告" })).toBeNull();

    await act(async () => {
      fireEvent.change(box, { target: { value: "得分 规则" } });
    });
    expect(shownCells()).toEqual([`${SHEET}!I15`, `${SHEET}!I20`]);

    // A part's name finds its findings too.
    await act(async () => {
      fireEvent.change(box, { target: { value: "预算执行" } });
    });
    expect(shownCells()).toEqual([`${SHEET}!H7`]);

    await act(async () => {
      fireEvent.change(box, { target: { value: "没有这条" } });
    });
    expect(shownCells()).toEqual([]);
    expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();
  });

  it("severity toggles hide and show a severity, and say whether they are on", async () => {
    await renderApp(fakeGateway());
    await click("一键校验并计分");
    const group = screen.getByRole("group", { name: "按级别显示" });
    const warnings = within(group).getByRole("button", { name: "警告 2" });
    expect(warnings.getAttribute("aria-pressed")).toBe("true");
    await act(async () => {
      fireEvent.click(warnings);
    });
    expect(warnings.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByRole("region", { name: "警告" })).toBeNull();
    expect(screen.getByRole("region", { name: "错误" })).toBeTruthy();
    expect(screen.getByText("显示 7 条，共 9 条")).toBeTruthy();
    await act(async () => {
      fireEvent.click(warnings);
    });
    expect(screen.getByRole("region", { name: "警告" })).toBeTruthy();
  });
});

describe("the pane's empty states", () => {
  it("before any check says what to do", async () => {
    await renderApp(fakeGateway());
    expect(screen.getByText("打开存有绩效自评表的工作簿，需要时选好评分口径，再点“一键校验并计分”。")).toBeTruthy();
    await click("一键校验并计分");
    expect(screen.queryByText(/打开存有绩效自评表的工作簿/)).toBeNull();
  });

  it("without a 自评表 says so and what to do, lists no A1 problems and offers no 写回结果", async () => {
    const layout = (text: string) => ({ ...finding("A1", "error", text), rule: "layout-unrecognized" as const });
    // As the office gateway reports a sheet that holds no 自评表: the sheet it looked at, no reading.
    const noTable = result({
      sheet: "Sheet1",
      reading: undefined,
      findings: [layout("未找到预算执行表头"), layout("未找到绩效指标表头")],
      plan: {
        values: [],
        marks: [{ sheet: "Sheet1", cell: "A1", severity: "error", note: "n" }],
        findingsSheet: { name: "校验结果", header: [], rows: [] },
      },
    });
    const gateway = fakeGateway({ check: jest.fn(async () => noTable) });
    await renderApp(gateway);
    await click("一键校验并计分");
    const empty = screen.getByRole("region", { name: "未找到绩效自评表。" });
    expect(within(empty).getByText(/请在 Excel 中选中存有自评表的工作表，再点“一键校验并计分”/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "写回结果" })).toBeNull();
    expect(screen.queryByRole("region", { name: "错误" })).toBeNull();
    expect(screen.queryAllByRole("button", { name: /^定位到 / })).toHaveLength(0);
    await act(async () => {
      fireEvent.click(within(empty).getByRole("button", { name: "插入空白模板" }));
    });
    expect(gateway.insertTemplate).toHaveBeenCalled();
  });
});

describe("writing back", () => {
  it("offers no 写回结果 when the plan has nothing to write", async () => {
    const empty = { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } };
    await renderApp(fakeGateway({ check: jest.fn(async () => result({ findings: [], plan: empty })) }));
    await click("一键校验并计分");
    expect(screen.getByRole("region", { name: "校验结果" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "写回结果" })).toBeNull();
    expect(screen.getByText("没有需要写回的内容。")).toBeTruthy();
  });

  it("the preview and the result count the same cells, in the same terms", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    const panel = screen.getByRole("region", { name: "写回结果" });
    expect(within(panel).getByText("将写入 3 个单元格（其中 1 个数值有变化）。")).toBeTruthy();
    expect(within(panel).getByText("9.00 → 8.62")).toBeTruthy();
    await click("确认写入");
    expect(
      screen.getByText("已写入 3 个单元格（其中 1 个数值有变化），标出 1 处，问题清单见“校验结果”。"),
    ).toBeTruthy();
  });

  it("after Excel refuses the write, 确认写入 stays disabled until the next check", async () => {
    const refusal = Object.assign(new Error("protected"), {
      localized: { "zh-CN": "工作表“附件1 自评表”受保护，未写入任何内容。", "en-US": "protected" },
    });
    const gateway = fakeGateway({ write: jest.fn(async () => Promise.reject(refusal)) });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    await click("确认写入");
    expect(screen.getByText("工作表“附件1 自评表”受保护，未写入任何内容。")).toBeTruthy();
    const confirm = screen.getByRole("button", { name: "确认写入" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByText(/未能写入。请处理上面提示的问题后重新校验/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(confirm);
    });
    expect(gateway.write).toHaveBeenCalledTimes(1);

    await click("一键校验并计分");
    await click("写回结果");
    expect((screen.getByRole("button", { name: "确认写入" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
