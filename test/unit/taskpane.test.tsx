/** @jest-environment jsdom */
/**
 * The task pane against a fake gateway: check → summary and findings, 定位, the write preview before
 * writing, undo and clear, the saved profile, English, errors, and 200 long findings in a narrow pane.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { renderPane } from "../../src/taskpane/boot";
import type { PaneGateway, WritePreview } from "../../src/taskpane/gateway";
import type { CheckResult, Finding, Lang } from "../../src/domain/types";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
beforeAll(() => {
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const SHEET = "附件1 自评表";
const LONG =
  "南沙区政务服务中心窗口办理事项按时办结率（含跨境通办、湾区通办及一网通办事项，按季度统计并报送区政府办公室）";

function finding(i: number, severity: Finding["severity"] = "error"): Finding {
  return {
    rule: "score-mismatch",
    severity,
    sheet: SHEET,
    cell: `I${14 + i}`,
    expected: "8.62",
    received: "9",
    arithmetic: `10 × 43.2 ÷ 50.1 = 8.62（第${i + 1}项）`,
    message: {
      "zh-CN": `第${i + 1}项“${LONG}”的得分与规则不符`,
      "en-US": `Indicator ${i + 1}: the score does not follow the rule`,
    },
  };
}

function result(findings: Finding[] = [finding(0), finding(1, "warning")]): CheckResult {
  return {
    sheet: SHEET,
    layout: "central",
    profile: "central-2020",
    budget: { planned: 3378.3, executed: 3342.07, rate: 0.989276, score: 9.89 },
    total: { computed: 99, reported: 99, grade: "优", provisional: null },
    findings,
    figures: [
      {
        key: "budget.rate",
        label: { "zh-CN": "执行率", "en-US": "Execution rate" },
        value: 0.989276,
        display: "98.93%",
        profile: "central-2020",
        rule: { "zh-CN": "", "en-US": "" },
        arithmetic: "3342.07 ÷ 3378.30 = 98.93%",
      },
      {
        key: "total.score",
        label: { "zh-CN": "总分", "en-US": "Total" },
        value: 99,
        display: "99.00",
        profile: "central-2020",
        rule: { "zh-CN": "", "en-US": "" },
        arithmetic: "",
      },
      {
        key: "total.grade",
        label: { "zh-CN": "等级", "en-US": "Grade" },
        value: 99,
        display: "优",
        text: "优",
        profile: "central-2020",
        rule: { "zh-CN": "", "en-US": "" },
        arithmetic: "",
      },
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
      values: [{ sheet: SHEET, cell: "I14", value: 8.6228, numFmt: "0.00", figure: "indicator.14.score" }],
      marks: [{ sheet: SHEET, cell: "I15", severity: "warning", note: "n" }],
      findingsSheet: { name: "校验结果", header: [], rows: [] },
    },
  };
}

const PREVIEW: WritePreview = {
  changes: [{ sheet: SHEET, cell: "I14", before: "9.00", after: "8.6228", figure: "indicator.14.score" }],
  marks: 1,
  findingsSheet: "校验结果",
  findingsRows: 2,
  notesSupported: false,
  protectedSheets: [],
};

function fakeGateway(overrides: Partial<PaneGateway> = {}): jest.Mocked<PaneGateway> {
  return {
    check: jest.fn(async () => result()),
    preview: jest.fn(async () => PREVIEW),
    write: jest.fn(async () => ({ values: 1, marks: 1, notes: 0, findingsSheet: "校验结果", textSheets: [] })),
    undo: jest.fn(async () => ({ restored: 2, removedSheets: ["校验结果"] })),
    clearMarks: jest.fn(async () => 1),
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
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} lang={lang} />
    </FluentProvider>,
  );
  await waitFor(() => expect(gateway.getSavedProfile).toHaveBeenCalled());
  return view;
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("the task pane", () => {
  it("checks and shows the summary and the findings grouped by severity", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    expect(gateway.check).toHaveBeenCalledWith("auto");

    const summary = screen.getByRole("region", { name: "校验结果" });
    expect(within(summary).getByText("98.93%")).toBeTruthy();
    expect(within(summary).getByText("99.00")).toBeTruthy();
    expect(within(summary).getByText("优")).toBeTruthy();
    expect(summary.querySelector('[data-stat="errors"]')?.textContent).toContain("1");
    expect(summary.querySelector('[data-stat="warnings"]')?.textContent).toContain("1");

    const errors = screen.getByRole("region", { name: "错误" });
    expect(within(errors).getByText(/第1项“南沙区政务服务中心/)).toBeTruthy();
    expect(within(errors).getByText(/10 × 43.2 ÷ 50.1 = 8.62/)).toBeTruthy();
    expect(within(errors).getByText(/应为 8.62 · 实为 9/)).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "警告" })).getByText(/第2项“/)).toBeTruthy();
  });

  it("定位 selects the finding's cell", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    await click(`定位到 ${SHEET}!I15`);
    expect(gateway.locate).toHaveBeenCalledWith(SHEET, "I15");
  });

  it("写回结果 shows the planned cells first and writes only after confirming", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    expect(gateway.preview).toHaveBeenCalledWith(result().plan);
    expect(gateway.write).not.toHaveBeenCalled();

    const panel = screen.getByRole("region", { name: "写回结果" });
    // Old → new, the new value as the engine displays it.
    expect(within(panel).getByText("9.00 → 8.62")).toBeTruthy();
    expect(within(panel).getByText(/新建工作表“校验结果”/)).toBeTruthy();
    expect(within(panel).getByText(/不支持批注/)).toBeTruthy();

    await click("确认写入");
    expect(gateway.write).toHaveBeenCalledWith(result().plan);
    expect(screen.getByText(/已写入 1 个单元格/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "写回结果" })).toBeNull();
  });

  it("says so when the downloaded copy had to be rebuilt, not patched", async () => {
    const gateway = fakeGateway({
      write: jest.fn(async () => ({
        values: 1,
        marks: 1,
        notes: 0,
        findingsSheet: "校验结果",
        textSheets: [],
        rebuilt: true,
      })),
    });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    await click("确认写入");
    expect(screen.getByText(/已写入 1 个单元格.*副本经重新生成，原文件中的图表、图片等对象可能未保留/)).toBeTruthy();
  });

  it("the write preview lists only cells whose value changes and counts those that already hold the result", async () => {
    const unchanged = { sheet: SHEET, cell: "I16", before: "8.62", after: "8.6228", figure: "indicator.14.score" };
    const gateway = fakeGateway({
      preview: jest.fn(async () => ({
        ...PREVIEW,
        changes: [...PREVIEW.changes, unchanged, { ...unchanged, cell: "I17" }],
      })),
    });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    const panel = screen.getByRole("region", { name: "写回结果" });
    expect(
      within(panel)
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-cell")),
    ).toEqual([`${SHEET}!I14`]);
    expect(within(panel).getByText("将写入 3 个单元格（其中 1 个数值有变化）。")).toBeTruthy();
  });

  it("cancelling the preview writes nothing", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    await click("取消");
    expect(gateway.write).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "写回结果" })).toBeNull();
  });

  it("will not confirm a write to a protected sheet", async () => {
    const gateway = fakeGateway({ preview: jest.fn(async () => ({ ...PREVIEW, protectedSheets: [SHEET] })) });
    await renderApp(gateway);
    await click("一键校验并计分");
    await click("写回结果");
    expect(screen.getByText(/受保护，无法写入/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "确认写入" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("undoes, clears marks and inserts the template, saying what it did", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("撤销写入");
    expect(gateway.undo).toHaveBeenCalled();
    expect(screen.getByText("已恢复 2 个单元格，并删除工作表“校验结果”。")).toBeTruthy();
    await click("清除标记");
    expect(screen.getByText("已清除 1 个单元格的标记和批注。")).toBeTruthy();
    await click("插入空白模板");
    expect(screen.getByText("已插入空白自评表“绩效自评表”。")).toBeTruthy();
  });

  it("says when there is nothing to undo", async () => {
    const gateway = fakeGateway({ undo: jest.fn(async () => ({ restored: 0, removedSheets: [] })) });
    await renderApp(gateway);
    await click("撤销写入");
    expect(screen.getByText("没有可撤销的写入。")).toBeTruthy();
  });

  it("starts from the profile saved in the workbook and saves a new choice", async () => {
    const gateway = fakeGateway({ getSavedProfile: jest.fn(async () => "sichuan" as const) });
    await renderApp(gateway);
    const picker = screen.getByRole("combobox") as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe("sichuan"));
    await act(async () => {
      fireEvent.change(picker, { target: { value: "city-20-80" } });
    });
    expect(gateway.saveProfile).toHaveBeenCalledWith("city-20-80");
    await click("一键校验并计分");
    expect(gateway.check).toHaveBeenCalledWith("city-20-80");
  });

  it("shows a gateway refusal in the pane's language", async () => {
    const refusal = Object.assign(new Error("protected"), {
      localized: {
        "zh-CN": "工作表“附件1 自评表”受保护，未写入任何内容。",
        "en-US": 'The sheet "附件1 自评表" is protected.',
      },
    });
    const gateway = fakeGateway({ undo: jest.fn(async () => Promise.reject(refusal)) });
    await renderApp(gateway, "en-US");
    await click("Undo write");
    expect(screen.getByText('The sheet "附件1 自评表" is protected.')).toBeTruthy();
  });

  it("speaks English when Office does", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway, "en-US");
    await click("Check and score");
    expect(screen.getByRole("region", { name: "Result" })).toBeTruthy();
    expect(screen.getByText("Execution rate")).toBeTruthy();
    expect(screen.getByText("Indicator 1: the score does not follow the rule")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Go to / })).toHaveLength(2);
    expect(screen.queryByText(/一键校验/)).toBeNull();
  });

  it("lists 200 findings with long Chinese names, every one with its own 定位", async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      finding(i, i % 3 === 0 ? "error" : i % 3 === 1 ? "warning" : "info"),
    );
    const gateway = fakeGateway({ check: jest.fn(async () => result(many)) });
    const { container } = await renderApp(gateway);
    container.style.width = "320px";
    await click("一键校验并计分");
    expect(screen.getAllByRole("button", { name: /^定位到 / })).toHaveLength(200);
    expect(screen.getByRole("region", { name: "提示" })).toBeTruthy();
    const root = container.querySelector("main")!;
    // The layout that keeps a 320 px pane free of sideways scrolling: wrapping everywhere, nothing hidden.
    const style = getComputedStyle(root);
    expect(style.overflowWrap).toBe("anywhere");
    expect(style.overflowX).toBe("hidden");
  });
});

describe("boot", () => {
  it("outside Excel, says so in both languages", async () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    const makeGateway = jest.fn(() => fakeGateway());
    const root = await act(async () => renderPane(container, { inExcel: false, lang: "zh-CN" }, makeGateway));
    expect(container.textContent).toContain("请在 Excel 中打开此加载项");
    expect(container.textContent).toContain("Open this add-in in Excel");
    expect(makeGateway).not.toHaveBeenCalled();
    act(() => root.unmount());
  });

  it("inside Excel, renders the pane with its gateway", async () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    const root = await act(async () => renderPane(container, { inExcel: true, lang: "en-US" }, () => fakeGateway()));
    expect(container.textContent).toContain("Check and score");
    act(() => root.unmount());
  });
});
