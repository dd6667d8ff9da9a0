/** @jest-environment jsdom */
/**
 * The pane's 自评报告 buttons against a fake gateway that serves the 南沙区 sample's sheets: 生成报告 writes a plan
 * of the one text sheet and says what is left 【待填写】, offers 创建报告素材表, warns when the table has errors;
 * 下载 Word renders the .docx in the page and hands it to the gateway under its <year><unit>自评报告 name.
 */
import path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import JSZip from "jszip";
import type { MapGrid } from "../../src/domain/grid";
import type { Lang } from "../../src/domain/types";
import type { WriteRequest } from "../../src/gateways/office/types";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { App } from "../../src/taskpane/App";
import type { PaneGateway, SavedFile } from "../../src/taskpane/gateway";
import { DOCX_TYPE, docxFileName } from "../../src/taskpane/report";

beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  // jsdom lacks TextEncoder, which the .docx packer uses (every browser has it).
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  g.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const TABLE = "部门整体支出绩效自评表";
const BUDGET_SENTENCE = "全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。";
const FILE_NAME = "2023广州市南沙区人民政府办公室自评报告.docx";

let sample: MapGrid[];
beforeAll(async () => {
  sample = (await readWorkbookFile(SAMPLE)).sheets;
});

/** A gateway over the sample: the named sheets it is asked for, and the writes and files it is given. */
function fakeGateway(
  options: { material?: MapGrid; saved?: Partial<SavedFile>; workbook?: MapGrid[]; table?: string } = {},
): jest.Mocked<PaneGateway> {
  const base = options.workbook ?? sample;
  const tableName = options.table ?? TABLE;
  const sheets = options.material ? [...base, options.material] : base;
  return {
    check: jest.fn(async () => Promise.reject(new Error("not used"))),
    readReportSources: jest.fn(async (wanted: (name: string) => boolean) => {
      const table = sheets.find((s) => s.name === tableName)!;
      return {
        sheets: [table, ...sheets.filter((s) => s !== table && wanted(s.name))],
        tableSheet: tableName,
        sheetNames: sheets.map((s) => s.name),
      };
    }),
    preview: jest.fn(),
    write: jest.fn(async (plan: WriteRequest) => ({
      values: 0,
      marks: 0,
      notes: 0,
      findingsSheet: null,
      textSheets: (plan.sheets ?? []).map((s) => ({ name: s.name, replaced: false, rows: s.rows.length })),
    })),
    undo: jest.fn(),
    clearMarks: jest.fn(),
    locate: jest.fn(),
    insertTemplate: jest.fn(),
    insertReportMaterial: jest.fn(async (template: { name: string }) => template.name),
    saveFile: jest.fn(async (_file: Blob, name: string) => ({
      via: "download" as const,
      href: "blob:http://localhost/1",
      name,
      ...options.saved,
    })),
    getSavedProfile: jest.fn(async () => null),
    saveProfile: jest.fn(async () => undefined),
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

/** Clicks, then waits until the pane is idle again (the report errands load their code first). */
async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull(), { timeout: 20_000 });
}

/** jsdom's Blob has no arrayBuffer(); FileReader it has. */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const noticeText = () => document.querySelector("main .fui-MessageBarBody")?.textContent ?? "";

describe("生成报告", () => {
  it("writes a plan of the one 自评报告 sheet and says what is still 【待填写】", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("生成报告");

    expect(gateway.readReportSources).toHaveBeenCalledTimes(1);
    const wanted = gateway.readReportSources.mock.calls[0][0];
    expect([wanted("报告素材"), wanted(" 报告 素材 "), wanted(TABLE), wanted("自评报告")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(gateway.write).toHaveBeenCalledTimes(1);
    const plan = gateway.write.mock.calls[0][0];
    // Only the text sheet: not one cell of the table, no findings sheet.
    expect(plan.values).toEqual([]);
    expect(plan.marks).toEqual([]);
    expect(plan.findingsSheet).toBeUndefined();
    expect(plan.sheets?.map((s) => s.name)).toEqual(["自评报告"]);
    const rows = plan.sheets![0].rows;
    expect(rows.map((r) => r.text.replace(/^\u3000+/, ""))).toContain(BUDGET_SENTENCE);
    expect(rows[0]).toMatchObject({ font: "方正小标宋简体", size: 22, align: "center" });

    expect(noticeText()).toBe("已生成工作表“自评报告”。");
    const panel = screen.getByRole("region", { name: "自评报告" });
    expect(within(panel).getByText(/^报告中尚有 5 处【待填写】：部门主要职责、部门机构设置、/)).toBeTruthy();
    // A 部门整体 table's hint speaks of the department.
    expect(within(panel).getByText(/还没有“报告素材”工作表/).textContent).toContain("部门主要职责");
    // The check ran too: its summary shows as after 一键校验并计分.
    expect(within(screen.getByRole("region", { name: "校验结果" })).getByText("98.93%")).toBeTruthy();
  });

  it("a 项目 table: a missing 偏差原因 is sent to its cell of the 自评表, and the 报告素材 hint speaks of the project", async () => {
    const fixture = path.join(__dirname, "..", "fixtures", "workbooks", "reason-missing.xlsx");
    const workbook = (await readWorkbookFile(fixture)).sheets;
    const gateway = fakeGateway({ workbook, table: workbook[0].name });
    await renderApp(gateway);
    await click("生成报告");
    const panel = screen.getByRole("region", { name: "自评报告" });
    const inTable = panel.querySelector('[data-report="in-table"]')!.textContent!;
    expect(inTable).toMatch(/^报告中有 1 处【待填写】须在自评表中补填：“[^”]+”的偏差原因（[^）]*I\d+）。/);
    expect(panel.querySelector('[data-report="placeholders"]')!.textContent).not.toContain("偏差原因");
    const hint = within(panel).getByText(/还没有“报告素材”工作表/).textContent!;
    expect(hint).toContain("项目概况");
    expect(hint).not.toMatch(/部门|职责|机构/);
  });

  it("创建报告素材表 adds the department template, then stops offering it", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("生成报告");
    await click("创建报告素材表");
    expect(gateway.insertReportMaterial).toHaveBeenCalledTimes(1);
    const template = gateway.insertReportMaterial.mock.calls[0][0];
    expect(template.name).toBe("报告素材");
    expect(template.rows.map((r) => r[0])).toContain("部门主要职责");
    // A sheet plan, written as any plan is: the officer's sheet once added, never written over one of theirs.
    expect(template).toMatchObject({ owner: "officer", whenTaken: "skip", select: "B2" });
    expect(noticeText()).toBe("已创建工作表“报告素材”：在“内容”列填写后，再点“生成报告”。");
    expect(screen.queryByRole("button", { name: "创建报告素材表" })).toBeNull();
  });

  it("with a filled 报告素材 sheet, neither offers it nor leaves what it holds 【待填写】", async () => {
    const { MapGrid } = await import("../../src/domain/grid");
    const material = new MapGrid("报告素材");
    material.set(1, 1, { value: "部门主要职责" });
    material.set(1, 2, { value: "负责区政府日常政务工作。" });
    const gateway = fakeGateway({ material });
    await renderApp(gateway);
    await click("生成报告");
    const panel = screen.getByRole("region", { name: "自评报告" });
    expect(within(panel).getByText(/^报告中尚有 4 处【待填写】：部门机构设置、/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "创建报告素材表" })).toBeNull();
  });

  it("says the draft opens with a notice when the table has errors", async () => {
    const { MapGrid } = await import("../../src/domain/grid");
    const table = sample.find((s) => s.name === TABLE)!;
    const broken = new MapGrid(TABLE, table.merges);
    for (const { row, col, cell } of table.entries()) broken.set(row, col, { ...cell });
    // 全年执行数 beyond 全年预算数: an error the engine reports.
    const at = [...table.entries()].find((e) => e.cell.value === 3342.07)!;
    broken.set(at.row, at.col, { ...at.cell, value: 4000 });
    const gateway = fakeGateway();
    gateway.readReportSources.mockImplementation(async () => ({
      sheets: [broken],
      tableSheet: TABLE,
      sheetNames: [TABLE],
    }));
    await renderApp(gateway);
    await click("生成报告");
    const rows = gateway.write.mock.calls[0][0].sheets![0].rows;
    expect(rows.some((r) => r.text.includes("【提示】"))).toBe(true);
    const panel = screen.getByRole("region", { name: "自评报告" });
    expect(within(panel).getByText(/^自评表尚有 \d+ 处错误，报告开头已加提示。改正后请重新生成。$/)).toBeTruthy();
  });

  it("without a 自评表 in the workbook drafts nothing and says why", async () => {
    const { MapGrid } = await import("../../src/domain/grid");
    const cover = new MapGrid("封面");
    cover.set(1, 1, { value: "2023年度部门整体支出绩效自评材料" });
    const gateway = fakeGateway();
    gateway.readReportSources.mockResolvedValue({ sheets: [cover], tableSheet: "封面", sheetNames: ["封面"] });
    await renderApp(gateway);
    await click("生成报告");
    await click("下载 Word");
    expect(noticeText()).toMatch(/^未找到绩效自评表，无法起草报告。/);
    expect(gateway.write).not.toHaveBeenCalled();
    expect(gateway.saveFile).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "自评报告" })).toBeNull();
  });

  it("shows a gateway refusal and writes nothing", async () => {
    const gateway = fakeGateway();
    gateway.readReportSources.mockRejectedValue(
      Object.assign(new Error("gone"), { localized: { "zh-CN": "找不到工作表“X”。", "en-US": "No sheet X." } }),
    );
    await renderApp(gateway);
    await click("生成报告");
    expect(noticeText()).toBe("找不到工作表“X”。");
    expect(gateway.write).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "自评报告" })).toBeNull();
  });
});

describe("下载 Word", () => {
  it("renders the .docx in the page and hands it over as <year><unit>自评报告.docx, with a link to save again", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway);
    await click("下载 Word");
    expect(gateway.write).not.toHaveBeenCalled();
    expect(gateway.saveFile).toHaveBeenCalledTimes(1);
    const [file, name] = gateway.saveFile.mock.calls[0];
    expect(name).toBe(FILE_NAME);
    expect(file.type).toBe(DOCX_TYPE);
    const zip = await JSZip.loadAsync(await bytesOf(file));
    const xml = await zip.file("word/document.xml")!.async("string");
    // Each figure may be a run of its own: look for the sentence in the text, not in the markup.
    expect(xml.replace(/<[^>]+>/g, "").includes(BUDGET_SENTENCE)).toBe(true);

    expect(noticeText()).toBe(`已生成 Word 文件“${FILE_NAME}”，请在下载文件夹中查看。`);
    const link = screen.getByRole("link", { name: `没有开始下载？点此保存“${FILE_NAME}”` });
    expect(link.getAttribute("href")).toBe("blob:http://localhost/1");
    expect(link.getAttribute("download")).toBe(FILE_NAME);
  });

  it("on Excel for Mac says the browser opened the save page; where nothing works, what to do instead", async () => {
    const browser = fakeGateway({ saved: { via: "browser", href: null } });
    const first = await renderApp(browser);
    await click("下载 Word");
    expect(noticeText()).toMatch(/已在默认浏览器中打开保存页面，请在浏览器中保存“2023广州市/);
    expect(screen.queryByRole("link")).toBeNull();
    first.unmount();

    const none = fakeGateway({ saved: { via: "none", href: null } });
    await renderApp(none);
    await click("下载 Word");
    expect(noticeText()).toMatch(/无法从加载项下载文件/);
  });

  it("names the file without characters Windows refuses", () => {
    const model = { year: 2023, unit: '某单位/办公室:"一"' } as Parameters<typeof docxFileName>[0];
    expect(docxFileName(model)).toBe("2023某单位办公室一自评报告.docx");
    expect(docxFileName({ ...model, year: null, unit: "" })).toBe("自评报告.docx");
  });
});

describe("the report in English", () => {
  it("labels the buttons and the messages in English", async () => {
    const gateway = fakeGateway();
    await renderApp(gateway, "en-US");
    await click("Draft report");
    expect(noticeText()).toBe('Drafted the sheet "自评报告".');
    const panel = screen.getByRole("region", { name: "Self-evaluation report" });
    expect(within(panel).getByText(/^5 passage\(s\) are still marked 【待填写】/)).toBeTruthy();
    expect(within(panel).getByRole("button", { name: "Create the 报告素材 sheet" })).toBeTruthy();
    await click("Download Word");
    expect(noticeText()).toBe(`Made the Word file "${FILE_NAME}"; look for it in your downloads.`);
  });
});
