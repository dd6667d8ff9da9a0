/** @jest-environment jsdom */
/**
 * 识别结果 and the officer's correction against a fake gateway: collapsed when everything was read with
 * certainty and open when not; each column's role, header, rows and certainty with 定位; a missing 分值 column
 * corrected by selecting its header and picking the role (saved, then checked again with it); the indicator
 * rows from a selection; 导出版式 and 清除更正; refusals of a selection that cannot be used; English.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { LayoutOverride, RoleReading, TableReading } from "../../src/domain";
import type { Finding, Lang } from "../../src/domain/types";
import { App } from "../../src/taskpane/App";
import type { CorrectedResult, PaneGateway, SelectedRange } from "../../src/taskpane/gateway";

beforeAll(() => {
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const SHEET = "附件1 自评表";

function role(
  block: RoleReading["block"],
  name: string,
  column: string,
  header: string,
  headerRow: number,
  rows: [number, number],
  confidence: RoleReading["confidence"] = "sure",
): RoleReading {
  return {
    block,
    role: name,
    col: column.charCodeAt(0) - 64,
    column,
    header,
    headerCell: `${column}${headerRow}`,
    rows,
    confidence,
    source: "header",
    evidence: { "zh-CN": "表头名称", "en-US": "header label" },
  };
}

/** A central table as read: budget header in row 6, goals in row 11, indicator header in row 13, rows 14–21. */
function reading(overrides: Partial<TableReading> = {}): TableReading {
  return {
    budgetHeaderRows: [6, 6],
    goalHeaderRows: [11, 11],
    indicatorHeaderRows: [13, 13],
    roles: [
      role("budget", "initial", "D", "年初预算数", 6, [7, 7]),
      role("budget", "planned", "E", "全年预算数", 6, [7, 7]),
      role("budget", "executed", "F", "全年执行数", 6, [7, 7]),
      role("budget", "weight", "G", "分值", 6, [7, 7]),
      role("budget", "rate", "H", "执行率", 6, [7, 7]),
      role("budget", "score", "I", "得分", 6, [7, 7]),
      role("goal", "expected", "C", "预期目标", 11, [12, 12]),
      role("goal", "actual", "G", "实际完成情况", 11, [12, 12]),
      role("indicator", "level1", "C", "一级指标", 13, [14, 21]),
      role("indicator", "level2", "D", "二级指标", 13, [14, 21]),
      role("indicator", "name", "E", "三级指标", 13, [14, 21]),
      role("indicator", "target", "F", "年度指标值", 13, [14, 21]),
      role("indicator", "actual", "G", "实际完成值", 13, [14, 21]),
      role("indicator", "weight", "H", "分值", 13, [14, 21]),
      role("indicator", "score", "I", "得分", 13, [14, 21]),
      role("indicator", "reason", "J", "偏差原因分析及改进措施", 13, [14, 21]),
    ],
    indicatorRows: [14, 21],
    blocks: [
      { level1: "产出指标", rows: [14, 17], weight: 50 },
      { level1: "效益指标", rows: [18, 20], weight: 30 },
      { level1: "满意度指标", rows: [21, 21], weight: null },
    ],
    total: { cell: "I22", source: "row" },
    weights: "column",
    assumptions: [],
    corrected: false,
    ...overrides,
  };
}

const MISSING_WEIGHT: Finding = {
  rule: "layout-unrecognized",
  severity: "error",
  sheet: SHEET,
  cell: "A13",
  message: {
    "zh-CN": "未能识别绩效自评表：缺少“分值”",
    "en-US": 'Self-evaluation table not recognised: the label "分值" was expected',
  },
};

function result(over: Partial<CorrectedResult> = {}): CorrectedResult {
  return {
    sheet: SHEET,
    layout: "central",
    profile: "central-2020",
    budget: { planned: 100, executed: 90, rate: 0.9, score: 9 },
    total: { computed: 95, reported: 95, grade: "优", provisional: null },
    findings: [],
    figures: [],
    plan: { values: [], marks: [], findingsSheet: { name: "校验结果", header: [], rows: [] } },
    reading: reading(),
    ...over,
  };
}

/** What the check returns when the 分值 column's header is one the reader does not know. */
function unreadable(): CorrectedResult {
  return result({
    layout: undefined,
    budget: { planned: null, executed: null, rate: null, score: null },
    total: { computed: null, reported: null, grade: null, provisional: null },
    findings: [MISSING_WEIGHT],
    reading: undefined,
  });
}

function fakeGateway(overrides: Partial<PaneGateway> = {}): jest.Mocked<PaneGateway> {
  return {
    check: jest.fn(async () => result()),
    getSelection: jest.fn(async (): Promise<SelectedRange> => ({ sheet: SHEET, address: "H13", text: "分数值" })),
    getSavedLayout: jest.fn(async () => null),
    saveLayout: jest.fn(async () => undefined),
    preview: jest.fn(),
    write: jest.fn(),
    undo: jest.fn(),
    clearMarks: jest.fn(),
    locate: jest.fn(async () => undefined),
    insertTemplate: jest.fn(),
    readReportSources: jest.fn(),
    insertReportMaterial: jest.fn(),
    saveFile: jest.fn(async (_file: Blob, name: string) => ({ via: "download" as const, href: "blob:x", name })),
    getSavedProfile: jest.fn(async () => null),
    saveProfile: jest.fn(async () => undefined),
    ...overrides,
  } as unknown as jest.Mocked<PaneGateway>;
}

async function renderApp(gateway: PaneGateway, lang: Lang = "zh-CN") {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} lang={lang} />
    </FluentProvider>,
  );
  await waitFor(() => expect(gateway.getSavedProfile).toHaveBeenCalled());
  return view;
}

async function click(name: string | RegExp, within_: HTMLElement = document.body) {
  await act(async () => {
    fireEvent.click(within(within_).getByRole("button", { name }));
  });
}

const panel = () => screen.getByRole("region", { name: "识别结果" });
const toggle = () => within(panel()).getByRole("button", { name: /^▸?▾?\s*识别结果/ });
const roleItem = (key: string) => panel().querySelector(`[data-role="${key}"]`) as HTMLElement;

function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("识别结果", () => {
  it("stays one collapsed line above the scores when everything was read with certainty", async () => {
    await renderApp(fakeGateway());
    await click("一键校验并计分");
    expect(toggle().getAttribute("aria-expanded")).toBe("false");
    expect(toggle().textContent).toContain("各列均已确定");
    expect(panel().querySelector("[data-role]")).toBeNull();
    // Above the summary, in document order.
    const summary = screen.getByRole("region", { name: "校验结果" });
    expect(panel().compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("opened, shows each block's columns with header, rows and certainty, and 定位 goes to the header", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(/识别结果/, panel());
    expect(toggle().getAttribute("aria-expanded")).toBe("true");

    const budget = panel().querySelector('[data-block="budget"]') as HTMLElement;
    expect(budget.textContent).toContain("预算执行 · 表头：第 6 行");
    const weight = roleItem("indicator.weight");
    expect(weight.textContent).toContain("分值\u00a0· H 列");
    expect(weight.textContent).toContain("“分值”\u00a0· 第 14–21 行\u00a0· 依据：表头名称");
    expect(within(weight).getByText("确定")).toBeTruthy();
    expect(roleItem("goal.actual").textContent).toContain("实际完成情况\u00a0· G 列");
    expect(panel().querySelector('[data-block="indicator"]')?.textContent).toContain("绩效指标 · 表头：第 13 行");

    const rows = panel().querySelector('[data-reading="rows"]') as HTMLElement;
    expect(rows.textContent).toContain("指标行：第 14–21 行 · 共 8 行");
    expect(rows.querySelector('[data-level1="产出指标"]')?.textContent).toBe(
      "产出指标\u00a0· 第 14–17 行\u00a0· 分值 50",
    );
    expect(rows.querySelector('[data-level1="满意度指标"]')?.textContent).toBe(
      "满意度指标\u00a0· 第 21 行\u00a0· 未标明分值",
    );
    expect(rows.querySelector('[data-reading="weights"]')?.textContent).toBe("分值来源：分值列");
    expect(rows.querySelector('[data-reading="total"]')?.textContent).toContain("表中的总分：I22（总分行）");

    await click(`定位到 ${SHEET}!H13`, weight);
    expect(gateway.locate).toHaveBeenCalledWith(SHEET, "H13");
    await click(`定位到 ${SHEET}!I22`, rows);
    expect(gateway.locate).toHaveBeenLastCalledWith(SHEET, "I22");
  });

  it("opens by itself and marks the column when the reader was unsure", async () => {
    const unsure = reading();
    unsure.roles = unsure.roles.map((r) =>
      r.block === "indicator" && r.role === "score" ? { ...r, header: "自评得分", confidence: "unsure" } : r,
    );
    unsure.roles[0] = { ...unsure.roles[0], confidence: "likely" };
    const assumption: Finding = {
      rule: "layout-assumption",
      severity: "info",
      sheet: SHEET,
      cell: "I13",
      message: { "zh-CN": "“自评得分”按得分列读取；如识别有误，请在“识别结果”中更正", "en-US": "x" },
    };
    await renderApp(fakeGateway({ check: jest.fn(async () => result({ reading: unsure, findings: [assumption] })) }));
    await click("一键校验并计分");
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(toggle().textContent).toContain("1 列不确定、1 列较确定");
    const score = roleItem("indicator.score");
    expect(score.getAttribute("data-confidence")).toBe("unsure");
    expect(within(score).getByText("不确定")).toBeTruthy();
    expect(within(roleItem("budget.initial")).getByText("较确定")).toBeTruthy();
    expect(panel().querySelector('[data-reading-note="layout-assumption"]')?.textContent).toBe(
      "“自评得分”按得分列读取；如识别有误，请在“识别结果”中更正",
    );
  });
});

describe("the officer's correction", () => {
  it("a missing 分值: select its header, pick 分值, and the check runs again with the saved correction", async () => {
    const corrected: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      indicator: { columns: { weight: "H" } },
    };
    const check = jest
      .fn()
      .mockResolvedValueOnce(unreadable())
      .mockResolvedValueOnce(
        result({ reading: reading({ corrected: true }), correction: corrected }),
      ) as jest.Mocked<PaneGateway>["check"];
    const gateway = fakeGateway({ check });
    await renderApp(gateway);
    await click("一键校验并计分");

    // Open by itself, saying what is missing.
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(toggle().textContent).toContain("1 项未能识别");
    expect(panel().querySelector('[data-reading-note="layout-unrecognized"]')?.textContent).toBe(
      "未能识别绩效自评表：缺少“分值”",
    );

    await click("更正所选列", panel());
    expect(gateway.getSelection).toHaveBeenCalledTimes(1);
    const picker = within(panel()).getByRole("group", { name: "更正所选列" });
    expect(picker.textContent).toContain("所选单元格：H13“分数值” · H 列");
    // Without a reading the block cannot be placed by its row: 绩效指标, which the officer may change.
    expect((within(picker).getByRole("combobox", { name: "所属部分" }) as HTMLSelectElement).value).toBe("indicator");
    const roles = within(picker).getByRole("combobox", { name: "该列的角色" }) as HTMLSelectElement;
    expect(roles.value).toBe("");
    expect((within(picker).getByRole("button", { name: "设为“…”列" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.change(roles, { target: { value: "weight" } });
    });
    await click("设为“分值”列", picker);

    expect(gateway.saveLayout).toHaveBeenCalledWith(corrected);
    expect(check).toHaveBeenLastCalledWith("auto", corrected);
    expect(gateway.saveLayout.mock.invocationCallOrder[0]).toBeLessThan(check.mock.invocationCallOrder[1]);
    expect(screen.getByText("已将 H 列设为“分值”列，并重新校验。")).toBeTruthy();
    // Everything certain now: collapsed, so the scores come first; the line says it was corrected.
    expect(toggle().getAttribute("aria-expanded")).toBe("false");
    expect(toggle().textContent).toContain("各列均已确定 · 已更正");
    await click(/识别结果/, panel());
    const note = panel().querySelector("[data-correction]") as HTMLElement;
    expect(note.getAttribute("data-correction")).toBe("applied");
    expect(note.textContent).toContain("已按您的更正识别");
    expect(within(note).getByText("绩效指标 H 列 → 分值")).toBeTruthy();
    expect(within(panel()).queryByRole("group", { name: "更正所选列" })).toBeNull();
  });

  it("places the selected header in its block by row, and starts from the role the column has", async () => {
    const gateway = fakeGateway({
      getSelection: jest.fn(async () => ({ sheet: SHEET, address: "F6", text: "全年执行数" })),
    });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(/识别结果/, panel());
    await click("更正所选列", panel());
    const picker = within(panel()).getByRole("group", { name: "更正所选列" });
    expect((within(picker).getByRole("combobox", { name: "所属部分" }) as HTMLSelectElement).value).toBe("budget");
    const roles = within(picker).getByRole("combobox", { name: "该列的角色" }) as HTMLSelectElement;
    expect(roles.value).toBe("executed");
    expect([...roles.options].map((o) => o.textContent)).toEqual([
      "请选择…",
      "资金项目",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
      "偏差原因",
    ]);
    // The other block: its roles, starting from F's role there (年度指标值).
    await act(async () => {
      fireEvent.change(within(picker).getByRole("combobox", { name: "所属部分" }), { target: { value: "indicator" } });
    });
    expect(roles.value).toBe("target");
    await click("取消", picker);
    expect(within(panel()).queryByRole("group", { name: "更正所选列" })).toBeNull();
    expect(gateway.saveLayout).not.toHaveBeenCalled();
  });

  it("设为指标行 takes the selection's first and last row, on top of the correction already saved", async () => {
    const saved: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      indicator: { columns: { weight: "H" } },
    };
    const gateway = fakeGateway({
      check: jest.fn(async () => result({ correction: saved, reading: reading({ corrected: true }) })),
      getSelection: jest.fn(async () => ({ sheet: SHEET, address: "B14:J20", text: "" })),
    });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(/识别结果/, panel());
    await click("设为指标行", panel());
    const next: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      indicator: { columns: { weight: "H" }, firstRow: 14, lastRow: 20 },
    };
    expect(gateway.saveLayout).toHaveBeenCalledWith(next);
    expect(gateway.check).toHaveBeenLastCalledWith("auto", next);
    expect(screen.getByText("已将第 14–20 行设为指标行，并重新校验。")).toBeTruthy();
  });

  it.each([
    [
      "on another sheet",
      { sheet: "封面", address: "A1", text: "封面" },
      "更正所选列",
      `所选单元格在工作表“封面”上，不在自评表“${SHEET}”中。请在自评表中选择。`,
    ],
    [
      "over two columns",
      { sheet: SHEET, address: "G13:H13", text: "实际完成值" },
      "更正所选列",
      "所选区域 G13:H13 跨越多列，请只选一列的表头单元格。",
    ],
    [
      "of whole columns",
      { sheet: SHEET, address: "H:H", text: "" },
      "设为指标行",
      "请选中指标所在的行（选中整列时无法确定起止行）。",
    ],
  ])("refuses a selection %s and says why", async (_what, selection, button, message) => {
    const gateway = fakeGateway({ getSelection: jest.fn(async () => selection) });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(/识别结果/, panel());
    await click(button, panel());
    expect(screen.getByText(message)).toBeTruthy();
    expect(within(panel()).queryByRole("group", { name: "更正所选列" })).toBeNull();
    expect(gateway.saveLayout).not.toHaveBeenCalled();
  });

  it("导出版式 hands over 版式.json: the reading pinned, the officer's settings on top", async () => {
    const saved: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      indicator: { columns: { weight: "H" }, firstRow: 14, lastRow: 20 },
    };
    const gateway = fakeGateway({ check: jest.fn(async () => result({ correction: saved })) });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(/识别结果/, panel());
    await click("导出版式", panel());
    expect(gateway.saveFile).toHaveBeenCalledTimes(1);
    const [file, name] = gateway.saveFile.mock.calls[0];
    expect(name).toBe("版式.json");
    expect(file.type).toBe("application/json");
    const text = await textOf(file);
    expect(text.endsWith("}\n")).toBe(true);
    // Every role read from a header, the header rows, and the officer's rows (20, not the 21 read).
    expect(JSON.parse(text)).toEqual({
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      budget: {
        columns: { initial: "D", planned: "E", executed: "F", weight: "G", rate: "H", score: "I" },
        headerRow: 6,
      },
      indicator: {
        columns: {
          level1: "C",
          level2: "D",
          name: "E",
          target: "F",
          actual: "G",
          weight: "H",
          score: "I",
          reason: "J",
        },
        headerRow: 13,
        firstRow: 14,
        lastRow: 20,
      },
    });
    expect(screen.getByText(/^已导出“版式.json”/)).toBeTruthy();
  });

  it("导出版式 without a reading exports the correction alone, for the table's sheet", async () => {
    const saved: LayoutOverride = { ziping: "layout", version: 1, indicator: { columns: { weight: "H" } } };
    const gateway = fakeGateway({ check: jest.fn(async () => ({ ...unreadable(), correction: saved })) });
    await renderApp(gateway);
    await click("一键校验并计分");
    const note = panel().querySelector("[data-correction]") as HTMLElement;
    expect(note.getAttribute("data-correction")).toBe("saved");
    expect(note.textContent).toContain("此工作簿保存了以下更正，但本次仍未能识别表格");
    await click("导出版式", panel());
    const text = await textOf(gateway.saveFile.mock.calls[0][0]);
    expect(JSON.parse(text)).toEqual({ ...saved, sheet: SHEET });
  });

  it("清除更正 removes the saved correction and reads the table from its headers again", async () => {
    const saved: LayoutOverride = {
      ziping: "layout",
      version: 1,
      sheet: SHEET,
      indicator: { columns: { weight: "H" } },
    };
    const check = jest
      .fn()
      .mockResolvedValueOnce(result({ correction: saved, reading: reading({ corrected: true }) }))
      .mockResolvedValueOnce(result()) as jest.Mocked<PaneGateway>["check"];
    const gateway = fakeGateway({ check });
    await renderApp(gateway);
    await click("一键校验并计分");
    expect(toggle().textContent).toContain("已更正");
    await click(/识别结果/, panel());
    await click("清除更正", panel());
    expect(gateway.saveLayout).toHaveBeenCalledWith(null);
    expect(check).toHaveBeenLastCalledWith("auto", null);
    expect(screen.getByText("已清除更正，并按表头重新识别。")).toBeTruthy();
    expect(within(panel()).queryByRole("button", { name: "清除更正" })).toBeNull();
    expect(panel().querySelector("[data-correction]")).toBeNull();
  });

  it("uses a correction it could not save for this check, and says it was not saved", async () => {
    const gateway = fakeGateway({
      check: jest.fn(async () => unreadable()),
      saveLayout: jest.fn(async () => Promise.reject(new Error("settings are read-only"))),
    });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("更正所选列", panel());
    const picker = within(panel()).getByRole("group", { name: "更正所选列" });
    await act(async () => {
      fireEvent.change(within(picker).getByRole("combobox", { name: "该列的角色" }), { target: { value: "weight" } });
    });
    await click("设为“分值”列", picker);
    expect(gateway.check).toHaveBeenCalledTimes(2);
    expect(screen.getByText("更正已用于本次校验，但未能保存到工作簿：settings are read-only")).toBeTruthy();
  });

  it("speaks English when Office does", async () => {
    const gateway = fakeGateway({ check: jest.fn(async () => unreadable()) });
    await renderApp(gateway, "en-US");
    await click("Check and score");
    const region = screen.getByRole("region", { name: "How the table was read" });
    expect(within(region).getByRole("button", { name: /How the table was read\s*1 not recognised/ })).toBeTruthy();
    await click("Correct the selected column", region);
    const picker = within(region).getByRole("group", { name: "Correct the selected column" });
    expect(picker.textContent).toContain('Selected cell: H13 "分数值" · column H');
    await act(async () => {
      fireEvent.change(within(picker).getByRole("combobox", { name: "Role of this column" }), {
        target: { value: "weight" },
      });
    });
    expect(within(picker).getByRole("button", { name: 'Set as the "Weight" column' })).toBeTruthy();
    expect(region.textContent).not.toMatch(/[：，。]|识别|更正/);
  });
});
