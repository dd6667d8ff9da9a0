/**
 * The task pane in a browser: the production bundle served from localhost, Debian's Chromium driven by
 * playwright-core, office.js answered by the in-page Excel simulation (./sim) over the fixtures. It clicks
 * through check → 定位 → 写回结果 → 撤销写入, and 生成报告 → 创建报告素材表 → 下载 Word, as an officer would
 * and asserts the cells at each step, the round trips, the files downloaded, the network, the layout at 320
 * and 450 px, and saves screenshots of the pane.
 *
 * Screenshots go to test-results/screenshots/; with UPDATE_SCREENSHOTS=1 also to docs/screenshots/.
 */
import fs from "node:fs";
import os from "node:os";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import path from "node:path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import type { SimCell, SimConfig, SimHandle, SimSheet, SimWorkbook } from "./sim/excel-sim";
import { simSheet } from "./sim/sheet";
import {
  ensureBuild,
  FIRST_LOAD_BUDGET,
  firstLoadScripts,
  gzipSize,
  launchChromium,
  openPane,
  ROOT,
  serveDir,
  type OpenPane,
  type StaticServer,
} from "./sim/harness";
import { defaultSimConfig, OFFICE_JS_URL } from "./sim/script";
import { manyFindingsWorkbook, simWorkbookFromFile } from "./sim/workbook";

declare global {
  interface Window {
    __excelSim: SimHandle;
  }
}

const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const TABLE = "部门整体支出绩效自评表";
const REPORT = "自评报告";
const BUDGET_SENTENCE = "全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。";
const DOCX_NAME = "2023广州市南沙区人民政府办公室自评报告.docx";
const SHOTS = [path.join(ROOT, "test-results", "screenshots")];
if (process.env.UPDATE_SCREENSHOTS === "1") SHOTS.push(path.join(ROOT, "docs", "screenshots"));

let buildDir: string;
let server: StaticServer;
let browser: Browser;
const open: OpenPane[] = [];

beforeAll(async () => {
  buildDir = (await ensureBuild()).dir;
  server = await serveDir(buildDir);
  browser = await launchChromium();
}, 150_000);

afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---- helpers ----------------------------------------------------------------------------------

/** The sample with a cover sheet in front, active: the table is found, and 定位 has to switch sheets. */
async function sampleWorkbook(): Promise<SimWorkbook> {
  const wb = await simWorkbookFromFile(SAMPLE);
  wb.sheets.unshift(simSheet("封面", { A1: { v: "2023年度部门整体支出绩效自评材料" } }));
  wb.active = "封面";
  return wb;
}

async function pane(sim: SimConfig | null, width = 450, height = 900): Promise<OpenPane> {
  const p = await openPane(browser, server.origin, { sim, width, height, scale: 2 });
  p.page.setDefaultTimeout(10_000);
  open.push(p);
  return p;
}

const simOf = (page: Page) => ({
  counters: () => page.evaluate(() => ({ ...window.__excelSim.counters })),
  reset: () => page.evaluate(() => window.__excelSim.resetCounters()),
  snapshot: () => page.evaluate(() => window.__excelSim.snapshot()),
  cell: (sheet: string, a1: string) =>
    page.evaluate(([s, c]) => window.__excelSim.cell(s, c), [sheet, a1] as const) as Promise<SimCell | null>,
  workbook: () => page.evaluate(() => JSON.parse(JSON.stringify(window.__excelSim.workbook)) as SimWorkbook),
  failures: () => page.evaluate(() => [...window.__excelSim.failures]),
  openedUrls: () => page.evaluate(() => [...window.__excelSim.openedUrls]),
  protect: (sheet: string, on: boolean) =>
    page.evaluate(
      ([s, p]) => {
        const found = window.__excelSim.workbook.sheets.find((x) => x.name === s);
        if (!found) throw new Error(`no sheet ${s}`);
        found.protected = p;
      },
      [sheet, on] as const,
    ),
});

/** The pane is up and its first errand (reading the saved profile) has gone to Excel. */
async function ready(page: Page): Promise<void> {
  await page.getByRole("button", { name: /一键校验并计分|Check and score/ }).waitFor();
  await page.waitForFunction(() => window.__excelSim.counters.syncs >= 1);
}

/** Clicks a button and waits until the pane is idle again (every button enabled, no spinner). */
async function clickAndSettle(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("button", { name, exact: typeof name === "string" }).click();
  await page
    .getByRole("button", { name: /一键校验并计分|Check and score/ })
    .and(page.locator(":enabled"))
    .waitFor();
}

async function check(page: Page): Promise<void> {
  await clickAndSettle(page, "一键校验并计分");
  await page.locator("[data-stat=rate]").waitFor();
}

async function stat(page: Page, id: string): Promise<string> {
  return page.locator(`[data-stat=${id}] > span`).nth(1).innerText();
}

async function notice(page: Page): Promise<string> {
  return page.locator("main .fui-MessageBarBody").first().innerText();
}

/** Elements that stick out of the viewport to the right, and whether the page scrolls sideways. */
async function overflow(page: Page): Promise<{ scrolls: boolean; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll("main *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? "").slice(0, 40)}`);
    return { scrolls: document.documentElement.scrollWidth > width, outside };
  });
}

/**
 * English words in the zh-CN pane, outside what is data (cell addresses such as D19, numbers, a file's
 * extension) or a name that stays English in Chinese text (Excel, Word).
 */
async function englishIn(page: Page): Promise<string[]> {
  const text = (await page.locator("main").innerText()).replace(/\b[A-Z]{1,3}\d+\b|\.(docx|json)\b/g, "");
  return (text.match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((w) => !/^(Excel|ExcelApi|Word)$/.test(w));
}

/** Column A of a simulated sheet, row by row, without the full-width indent of the paragraphs. */
function columnA(sheet: SimSheet): string[] {
  const rows = Object.keys(sheet.cells)
    .filter((a) => /^A\d+$/.test(a))
    .map((a) => Number(a.slice(1)));
  const last = Math.max(0, ...rows);
  return Array.from({ length: last }, (_, i) => String(sheet.cells[`A${i + 1}`]?.v ?? "").replace(/^\u3000+/, ""));
}

/** The text of a .docx's document.xml, tags removed (a figure may be a run of its own). */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<[^>]+>/g, "");
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const png = await page.screenshot({ fullPage, animations: "disabled", caret: "hide" });
  for (const dir of SHOTS) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
}

function expectOnlyOfficeJs(p: OpenPane): void {
  const foreign = p.requests.filter((u) => !u.startsWith(`${server.origin}/`) && u !== OFFICE_JS_URL);
  expect(foreign).toEqual([]);
  expect(p.blocked).toEqual([]);
  expect(p.requests).toContain(OFFICE_JS_URL);
}

// ---- the officer's path -----------------------------------------------------------------------

describe("the task pane in Chromium over the simulated Excel", () => {
  it("checks the 南沙区 2023 sample in two syncs, shows 98.93% / 99.00 / 优, and 定位 goes to the cell", async () => {
    const p = await pane(defaultSimConfig(await sampleWorkbook()));
    const { page } = p;
    const sim = simOf(page);
    await ready(page);
    await sim.reset();

    await check(page);
    expect(await stat(page, "rate")).toBe("98.93%");
    expect(await stat(page, "total")).toBe("99.00");
    expect(await stat(page, "grade")).toBe("优");
    expect(await stat(page, "errors")).toBe("0");
    expect(await stat(page, "warnings")).toBe("1");
    // Finding the sheet (active, first, last sampled together) and reading its table: one sync each.
    expect(await sim.counters()).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });
    await expect(page.locator("main").innerText()).resolves.toContain(`工作表：${TABLE}`);

    const finding = page.locator("li", { hasText: "部门预算完成率" });
    await expect(finding.innerText()).resolves.toMatch(/^D19\s+定位$/m); // the summary names the sheet once
    // Read with certainty: 识别结果 is one collapsed line above the scores, which stay on the first screen.
    const reading = page.getByRole("region", { name: "识别结果" });
    await expect(reading.getByRole("button").first().getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(reading.innerText()).resolves.toMatch(/^▸\s*识别结果\s*各列均已确定$/);
    const scores = (await page.getByRole("region", { name: "校验结果" }).boundingBox())!;
    expect(scores.y + scores.height).toBeLessThanOrEqual(900);
    await screenshot(page, "pane-450-check");

    await sim.reset();
    await finding.getByRole("button", { name: `定位到 ${TABLE}!D19` }).click();
    await page.waitForFunction(() => window.__excelSim.workbook.selection !== null);
    const wb = await sim.workbook();
    expect(wb.active).toBe(TABLE);
    expect(wb.selection).toEqual({ sheet: TABLE, address: "D19" });
    expect((await sim.counters()).syncs).toBe(1);

    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    expect(p.errors).toEqual([]);
    expectOnlyOfficeJs(p);
  });

  it("writes back after listing old → new, and 撤销写入 restores every cell after the pane is reopened", async () => {
    const wb = await sampleWorkbook();
    const table = wb.sheets.find((s) => s.name === TABLE)!;
    // An officer's slips, for the write to correct, and things undo must bring back exactly:
    table.cells.H22 = { v: 10, fmt: "0.00" }; // full marks claimed for 51 of 56 briefings
    table.cells.H24 = { v: 0, f: "=SUM(H13:H23)+I5", fmt: "0.00" }; // a formula: the engine leaves it, Excel recalculates it
    table.cells.G25 = { v: "良" };
    table.cells.D19 = { ...table.cells.D19, fill: "#00B050" }; // a fill under a highlight
    table.notes.H22 = "财政局：请核实得分"; // someone else's note stays theirs
    const p = await pane(defaultSimConfig(wb));
    const { page } = p;
    const sim = simOf(page);
    await ready(page);
    const original = await sim.snapshot();
    expect(await sim.cell(TABLE, "H24")).toMatchObject({ v: 99.89 }); // recalculated like Excel

    await check(page);
    // The slips are errors still in the table: the total and grade are provisional until they are corrected.
    expect(await stat(page, "total")).toBe("99.00（暂定）");
    expect(await stat(page, "grade")).toBe("优（暂定）");

    await sim.reset();
    await clickAndSettle(page, "写回结果");
    const preview = page.getByRole("region", { name: "写回结果" });
    // Only the cells whose shown value changes are listed; the engine leaves the total's formula alone.
    await expect(preview.locator("li").allInnerTexts()).resolves.toEqual(["H22\n10.00 → 9.11", "G25\n良 → 优"]);
    await expect(
      preview.locator("li").evaluateAll((li) => li.map((e) => e.getAttribute("data-cell"))),
    ).resolves.toEqual([`${TABLE}!H22`, `${TABLE}!G25`]);
    // The cells the write sets, unchanged ones included, in the terms its result uses below.
    await expect(preview.innerText()).resolves.toContain("将写入 12 个单元格（其中 2 个数值有变化）。");
    // The line counts the findings (3 errors, 1 warning); the computations go to their own sheet.
    await expect(preview.innerText()).resolves.toContain(
      "新建工作表“校验结果”，列出 4 条问题（链接到单元格）；各项计算过程列在工作表“计算结果”。",
    );
    expect((await sim.counters()).syncs).toBe(1);
    expect(await sim.snapshot()).toEqual(original); // a preview writes nothing
    await screenshot(page, "pane-450-preview", true);

    await sim.reset();
    await clickAndSettle(page, "确认写入");
    await expect(notice(page)).resolves.toMatch(/已写入 12 个单元格（其中 2 个数值有变化）.*“校验结果”/);
    expect(await sim.counters()).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });
    expect(await sim.cell(TABLE, "H22")).toEqual({ v: 9.11, fmt: "0.00", fill: "#FFC7CE" }); // corrected, marked
    // Not rewritten (a formula), but recalculated from the corrected H22; marked, as the check found 99.89.
    expect(await sim.cell(TABLE, "H24")).toEqual({ v: 99, f: "=SUM(H13:H23)+I5", fmt: "0.00", fill: "#FFC7CE" });
    expect(await sim.cell(TABLE, "I5")).toEqual({ v: 9.89, fmt: "0.00" });
    expect((await sim.cell(TABLE, "G25"))?.v).toBe("优");
    expect((await sim.cell(TABLE, "D19"))?.fill).toBe("#FFEB9C");
    const written = await sim.workbook();
    const names = written.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["封面", TABLE, "校验结果", "ZipingUndo"]));
    expect(written.sheets.find((s) => s.name === "ZipingUndo")!.visibility).toBe("VeryHidden");
    const findings = written.sheets.find((s) => s.name === "校验结果")!;
    expect(Object.values(findings.cells).some((c) => c.link === `'${TABLE}'!D19`)).toBe(true);
    const notes = written.sheets.find((s) => s.name === TABLE)!.notes;
    expect(notes.H22).toBe("财政局：请核实得分");
    expect(notes.D19).toMatch(/重复考核/);
    expect(await sim.failures()).toEqual([]);

    // Close the pane and open it again: the before-image lives in the workbook, not in the page.
    await page.reload();
    await ready(page);
    expect((await sim.workbook()).sheets.map((s) => s.name)).toContain("校验结果");
    await sim.reset();
    await clickAndSettle(page, "撤销写入");
    await expect(notice(page)).resolves.toMatch(/已恢复 \d+ 个单元格，并删除工作表“校验结果”、“计算结果”。/);
    expect((await sim.counters()).syncs).toBe(3);
    expect(await sim.snapshot()).toEqual(original);

    await clickAndSettle(page, "撤销写入");
    await expect(notice(page)).resolves.toBe("没有可撤销的写入。");
    expect(await sim.snapshot()).toEqual(original);
    expect(p.errors).toEqual([]);
    expectOnlyOfficeJs(p);
  });

  it("writes nothing to a protected sheet and says so, also when protection comes after the preview", async () => {
    const wb = await sampleWorkbook();
    wb.sheets.find((s) => s.name === TABLE)!.protected = true;
    const p = await pane(defaultSimConfig(wb), 320);
    const { page } = p;
    const sim = simOf(page);
    await ready(page);
    const original = await sim.snapshot();

    await check(page);
    expect(await stat(page, "rate")).toBe("98.93%"); // reading a protected sheet is fine
    await clickAndSettle(page, "写回结果");
    const preview = page.getByRole("region", { name: "写回结果" });
    await expect(preview.innerText()).resolves.toContain(`工作表“${TABLE}”受保护，无法写入。请先取消保护。`);
    await expect(preview.getByRole("button", { name: "确认写入" }).isDisabled()).resolves.toBe(true);
    await clickAndSettle(page, "取消");

    // Unprotected for the preview, protected again before the click: the gateway checks at write time.
    await sim.protect(TABLE, false);
    await clickAndSettle(page, "写回结果");
    await sim.protect(TABLE, true);
    await clickAndSettle(page, "确认写入");
    await expect(notice(page)).resolves.toContain(`工作表“${TABLE}”受保护，未写入任何内容。`);
    // After the refusal neither 确认写入 nor 写回结果 can be pressed again until the next check.
    const confirm = page.getByRole("button", { name: "确认写入" });
    if ((await confirm.count()) > 0) await expect(confirm.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "写回结果" }).isDisabled()).resolves.toBe(true);
    const after = (await sim.snapshot()) as { sheets: Array<{ protected: boolean }> };
    after.sheets.forEach((s, i) => (s.protected = (original as typeof after).sheets[i].protected));
    expect(after).toEqual(original);
    expect(await sim.failures()).toEqual([]); // refused before Excel was asked to write anything
    await screenshot(page, "pane-320-protected");
  });

  it("without notes (ExcelApi below 1.18) says so and writes the findings sheet alone", async () => {
    const p = await pane({ ...defaultSimConfig(await sampleWorkbook()), apiVersion: "1.12" });
    const { page } = p;
    const sim = simOf(page);
    await check(page);
    // Nor merged areas (ExcelApi 1.13): the 等级 the reader finds beside 自评等级 may lie under its merge (A25:F25).
    await expect(page.locator("main").innerText()).resolves.toContain("此版本 Excel 无法读取合并单元格信息");
    await clickAndSettle(page, "写回结果");
    await expect(page.locator("main").innerText()).resolves.toContain("此版本的 Excel 不支持批注");
    await clickAndSettle(page, "确认写入");
    await expect(notice(page)).resolves.toMatch(/已写入 12 个单元格/);
    const wb = await sim.workbook();
    expect(wb.sheets.find((s) => s.name === TABLE)!.cells.B25?.v ?? "").toBe("");
    expect(wb.sheets.every((s) => Object.keys(s.notes).length === 0)).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toContain("校验结果");
    expect(await sim.failures()).toEqual([]);
  });

  it("keeps 200 findings with long Chinese names readable at 320 px and at 450 px", async () => {
    // 30 characters: near Excel's 31-character limit, and no space to break at in a cell reference.
    const wb = manyFindingsWorkbook(240, "广州市南沙区人民政府办公室2023年度部门整体支出绩效自评表");
    const p = await pane(defaultSimConfig(wb), 320, 900);
    const { page } = p;
    await check(page);
    const items = page.locator("section[data-severity] li");
    expect(await items.count()).toBeGreaterThanOrEqual(200);
    expect(await page.getByRole("button", { name: /^定位到 / }).count()).toBe(await items.count());
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    // Grouped by severity, then by the table's parts, and narrowed by the filter, at this size too.
    const parts = await page.getByRole("region", { name: "错误" }).locator("button[aria-expanded]").allInnerTexts();
    expect(parts.length).toBeGreaterThan(1);
    const all = await items.count();
    await page.getByRole("searchbox", { name: "筛选问题" }).fill("I14");
    await page.waitForFunction((n) => document.querySelectorAll("section[data-severity] li").length < n, all);
    const shown = await items.count();
    expect(shown).toBeGreaterThan(0);
    await expect(page.locator("[data-filter-count]").innerText()).resolves.toBe(`显示 ${shown} 条，共 ${all} 条`);
    await page.getByRole("searchbox", { name: "筛选问题" }).fill("");
    await page.waitForFunction((n) => document.querySelectorAll("section[data-severity] li").length === n, all);
    await screenshot(page, "pane-320-many-findings");
    await page.locator("section[data-severity] li").nth(120).scrollIntoViewIfNeeded();
    await screenshot(page, "pane-320-many-findings-scrolled");

    // 撤销写入 sits under the list: what it reports must come into view, not appear off-screen at the top.
    await page.getByRole("button", { name: "撤销写入" }).scrollIntoViewIfNeeded();
    await clickAndSettle(page, "撤销写入");
    // (The other bar says why the total is provisional.)
    const bar = page.locator("main .fui-MessageBar:not([data-provisional]) .fui-MessageBarBody");
    await expect(bar.innerText()).resolves.toBe("没有可撤销的写入。");
    const box = (await bar.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);

    await page.setViewportSize({ width: 450, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-450-many-findings");
    expect(p.errors).toEqual([]);
  });

  it("says what to do first; without a 自评表 says so, lists no A1 problems and offers no 写回结果", async () => {
    const sheet = simSheet("Sheet1", { A1: { v: "会议记录" }, B3: { v: 12 } });
    const p = await pane(defaultSimConfig({ sheets: [sheet], active: "Sheet1", selection: null, settings: {} }), 320);
    const { page } = p;
    await ready(page);
    await expect(page.locator("[data-empty=intro]").innerText()).resolves.toContain("一键校验并计分");
    await clickAndSettle(page, "一键校验并计分");
    const empty = page.getByRole("region", { name: "未找到绩效自评表。" });
    await expect(empty.innerText()).resolves.toContain("选中存有自评表的工作表");
    expect(await page.getByRole("button", { name: "写回结果" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^定位到 / }).count()).toBe(0);
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-no-table");
    expect(p.errors).toEqual([]);
  });

  it("a missing 偏差原因 says where to write it, without 应为/实为; blanks and errors make the total 暂定", async () => {
    const wb = await sampleWorkbook();
    const cells = wb.sheets.find((sh) => sh.name === TABLE)!.cells;
    delete cells.I22; // 编印工作简报: 9.11 of 10 points, and now no reason given
    const p = await pane(defaultSimConfig(wb), 320, 900);
    const { page } = p;
    await check(page);
    const item = page.locator("section[data-severity] li", { hasText: "I22" }).first();
    const text = await item.innerText();
    expect(text).toContain("偏差原因");
    expect(text).not.toMatch(/应为|实为/);
    // The figures stand, but the table has an error: 99.00 and 优, each marked 暂定, with the reason.
    expect(await stat(page, "total")).toBe("99.00（暂定）");
    expect(await stat(page, "grade")).toBe("优（暂定）");
    await expect(page.locator("[data-provisional]").innerText()).resolves.toContain("暂定");
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-reason-missing", true);
    expect(p.errors).toEqual([]);
  });

  it("an 实际完成值 left blank gives a provisional total, said above the findings", async () => {
    const wb = await sampleWorkbook();
    delete wb.sheets.find((sh) => sh.name === TABLE)!.cells.F20; // 办结人大建议、政协提案
    const p = await pane(defaultSimConfig(wb), 320, 900);
    const { page } = p;
    await check(page);
    expect(await stat(page, "total")).toMatch(/（暂定）$/);
    expect(await stat(page, "grade")).toMatch(/（暂定）$/);
    await expect(page.locator("[data-provisional]").isVisible()).resolves.toBe(true);
    await screenshot(page, "pane-provisional");
    expect(p.errors).toEqual([]);
  });

  it("weights adding up to 120 give a total that is shown but never graded", async () => {
    const wb = await sampleWorkbook();
    // 组织办理各类会议 weighted 30 instead of 10: the weights add up to 120. 2023 ≥ 2000 earns the full 30, so
    // the total is 9.89 + 89.11 + 20 = 119.00.
    wb.sheets.find((sh) => sh.name === TABLE)!.cells.G13 = { v: 30 };
    const p = await pane(defaultSimConfig(wb), 320, 900);
    const { page } = p;
    await check(page);
    expect(await stat(page, "total")).toBe("119.00（暂定）");
    expect(await stat(page, "grade")).toBe("不评定");
    await expect(page.locator("[data-provisional]").innerText()).resolves.toMatch(/分值/);
    // A Guangzhou district table, scored by the central rules because nothing local was chosen: said so.
    await expect(page.locator("main").innerText()).resolves.toContain("口径：按中央口径（财预〔2020〕10号）");
    await screenshot(page, "pane-weights-over-100");
    expect(p.errors).toEqual([]);
  });

  it("groups the findings by the table's parts and narrows them with the filter", async () => {
    const p = await pane(defaultSimConfig(manyFindingsWorkbook(30)), 320, 900);
    const { page } = p;
    await check(page);
    const errors = page.getByRole("region", { name: "错误" });
    const parts = await errors.locator("button[aria-expanded]").allInnerTexts();
    expect(parts.length).toBeGreaterThan(0);
    const all = await page.locator("section[data-severity] li").count();
    await page.getByRole("searchbox", { name: "筛选问题" }).fill("I14");
    await page.waitForFunction(() => document.querySelectorAll("section[data-severity] li").length < 5);
    const shown = await page.locator("section[data-severity] li").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    await expect(page.locator("[data-filter-count]").innerText()).resolves.toBe(`显示 ${shown} 条，共 ${all} 条`);
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-filter");
    expect(p.errors).toEqual([]);
  });

  it("speaks English when Office's display language is English", async () => {
    const p = await pane({ ...defaultSimConfig(await sampleWorkbook()), displayLanguage: "en-US" }, 320);
    const { page } = p;
    await clickAndSettle(page, "Check and score");
    await page.locator("[data-stat=rate]").waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("Execution rate");
    expect(text).toContain("Go to");
    expect(text).toContain("Sheet: 部门整体支出绩效自评表"); // an English colon, not Chinese punctuation
    expect(text).not.toMatch(/[：，。]/);
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-320-en");
  });

  it("a 分值 column under a header the reader does not know: corrected from the selection, saved in the workbook, used after a reload, exported", async () => {
    const wb = await sampleWorkbook();
    const table = wb.sheets.find((s) => s.name === TABLE)!;
    table.cells.G12 = { ...table.cells.G12, v: "分数值" };
    const p = await pane(defaultSimConfig(wb));
    const { page } = p;
    const sim = simOf(page);
    await ready(page);

    await check(page);
    const reading = page.getByRole("region", { name: "识别结果" });
    const toggle = reading.getByRole("button", { name: /识别结果/ }).first();
    // Something is missing: 识别结果 is open by itself and says what.
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(reading.innerText()).resolves.toContain("未能识别绩效自评表：缺少“分值”");
    expect(await stat(page, "total")).toBe("—");

    // The officer clicks the header cell in Excel, then 更正所选列: the selection is read in one sync.
    await page.evaluate((sheet) => {
      window.__excelSim.workbook.active = sheet;
      window.__excelSim.workbook.selection = { sheet, address: "G12" };
    }, TABLE);
    await sim.reset();
    await clickAndSettle(page, "更正所选列");
    expect((await sim.counters()).syncs).toBe(1);
    const picker = reading.getByRole("group", { name: "更正所选列" });
    await expect(picker.innerText()).resolves.toContain("所选单元格：G12“分数值” · G 列");
    await expect(picker.getByRole("combobox", { name: "所属部分" }).inputValue()).resolves.toBe("indicator");
    await picker.getByRole("combobox", { name: "该列的角色" }).selectOption({ label: "分值" });
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    await screenshot(page, "pane-450-reading-correct", true);

    // 设为“分值”列: saved (one sync), then checked again with it (two), and the table is scored.
    await sim.reset();
    await clickAndSettle(page, "设为“分值”列");
    await expect(notice(page)).resolves.toBe("已将 G 列设为“分值”列，并重新校验。");
    expect(await sim.counters()).toEqual({ syncs: 3, runs: 2, unsyncedSteps: 0 });
    const saved = { ziping: "layout", version: 1, sheet: TABLE, indicator: { columns: { weight: "G" } } };
    expect(JSON.parse((await sim.workbook()).settings["ziping.layout"] as string)).toEqual(saved);
    expect(await stat(page, "rate")).toBe("98.93%");
    expect(await stat(page, "total")).toBe("99.00");
    expect(await stat(page, "grade")).toBe("优");
    // Everything is certain now: 识别结果 is one line again, the scores on the first screen.
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(toggle.innerText()).resolves.toContain("各列均已确定 · 已更正");
    const scores = (await page.getByRole("region", { name: "校验结果" }).boundingBox())!;
    expect(scores.y + scores.height).toBeLessThanOrEqual(900);
    await toggle.click();
    const weight = reading.locator('[data-role="indicator.weight"]');
    await expect(weight.innerText()).resolves.toMatch(/分值\s*·\s*G 列[\s\S]*“分数值”/);
    await expect(reading.locator("[data-correction]").getAttribute("data-correction")).resolves.toBe("applied");
    // Nothing of it is in a cell.
    expect((await sim.cell(TABLE, "G12"))?.v).toBe("分数值");
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    await screenshot(page, "pane-450-reading", true);

    // Close and reopen the pane over the same workbook: the correction is used without asking.
    await page.reload();
    await ready(page);
    await sim.reset();
    await check(page);
    expect(await sim.counters()).toEqual({ syncs: 2, runs: 1, unsyncedSteps: 0 });
    expect(await stat(page, "total")).toBe("99.00");
    await expect(toggle.innerText()).resolves.toContain("已更正");
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(reading.locator("[data-correction]").innerText()).resolves.toContain("绩效指标 G 列 → 分值");

    await page.setViewportSize({ width: 320, height: 900 });
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    await screenshot(page, "pane-320-reading", true);

    // 导出版式: a 版式.json for ziping check --layout, the 分值 column as corrected.
    const [download] = await Promise.all([page.waitForEvent("download"), clickAndSettle(page, "导出版式")]);
    expect(download.suggestedFilename()).toBe("版式.json");
    const file = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    expect(file).toMatchObject({ ziping: "layout", version: 1, sheet: TABLE });
    expect(file.indicator.columns.weight).toBe("G");
    await expect(notice(page)).resolves.toMatch(/^已导出“版式.json”/);

    // The reviewer applies the exported 版式.json to another workbook of the same template from the command line.
    const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ziping-layout-")), "另一单位.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    book.getWorksheet(TABLE)!.getCell("G12").value = "分数值";
    await book.xlsx.writeFile(other);
    const cli = async (...argv: string[]) => {
      let out = "";
      const io: CliIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true, isTTY: false } };
      const status = await main(argv, io);
      return { status, json: JSON.parse(out).files[0] };
    };
    const unread = await cli("check", other, "--json");
    expect(unread.json.findings.map((f: { rule: string }) => f.rule)).toContain("layout-unrecognized");
    const read = await cli("check", other, "--json", "--layout", await download.path());
    expect(read.json.findings.map((f: { rule: string }) => f.rule)).not.toContain("layout-unrecognized");
    // As in the pane: 99.00 (优), the sample's total (README).
    expect(read.json.total.computed).toBeCloseTo(99, 2);
    expect(read.json.total.grade).toBe("优");

    // 清除更正: the setting is gone and the header is unknown again.
    await clickAndSettle(page, "清除更正");
    await expect(notice(page)).resolves.toBe("已清除更正，并按表头重新识别。");
    expect("ziping.layout" in (await sim.workbook()).settings).toBe(false);
    await expect(reading.innerText()).resolves.toContain("未能识别绩效自评表：缺少“分值”");
    expect(await sim.failures()).toEqual([]);
    expect(p.errors).toEqual([]);
    expectOnlyOfficeJs(p);
  });

  it("loads under 250 KB of JavaScript after gzip; the report code is not part of it", () => {
    const scripts = firstLoadScripts(buildDir);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipSize(scripts).gzip).toBeLessThan(FIRST_LOAD_BUDGET);
    const chunks = fs.readdirSync(buildDir).filter((f) => /^(report|docx)\.[0-9a-f]+\.js$/.test(f));
    expect(chunks.map((f) => f.split(".")[0]).sort()).toEqual(["docx", "report"]);
    for (const chunk of chunks) expect(scripts.map((f) => path.basename(f))).not.toContain(chunk);
  });

  it("生成报告 writes the 自评报告 sheet, 创建报告素材表 adds the material sheet, 下载 Word downloads the .docx", async () => {
    const p = await pane(defaultSimConfig(await sampleWorkbook()));
    const { page } = p;
    const sim = simOf(page);
    await ready(page);
    const original = await sim.snapshot();
    const firstLoad = p.requests.length;

    await sim.reset();
    await clickAndSettle(page, "生成报告");
    await expect(notice(page)).resolves.toBe(`已生成工作表“${REPORT}”。`);
    // Reading: find the table, read it (and 报告素材 when there is one) in one; writing: names, then the sheet.
    expect(await sim.counters()).toEqual({ syncs: 4, runs: 2, unsyncedSteps: 0 });
    expect(await sim.failures()).toEqual([]);
    // The report code came from the pane's own server, after the first load; the .docx code not yet.
    const chunks = () => p.requests.slice(firstLoad).filter((u) => u.startsWith(server.origin) && u.endsWith(".js"));
    expect(chunks()).toEqual([expect.stringMatching(/\/report\.[0-9a-f]+\.js$/)]);

    let wb = await sim.workbook();
    expect(wb.active).toBe(REPORT);
    const report = wb.sheets.find((sh) => sh.name === REPORT)!;
    const rows = columnA(report);
    expect(rows).toContain(BUDGET_SENTENCE);
    expect(rows.slice(0, 2)).toEqual(["2023年度广州市南沙区人民政府办公室", "部门整体支出绩效自评报告"]);
    expect(report.cells.A1).toEqual({ v: "2023年度广州市南沙区人民政府办公室", fmt: "@" });
    expect(report.layout?.A1).toEqual({
      fontName: "方正小标宋简体",
      fontSize: 22,
      horizontalAlignment: "Center",
      verticalAlignment: "Top",
      wrapText: true,
    });
    const at = (text: string) => `A${rows.indexOf(text) + 1}`;
    expect(report.layout?.[at(BUDGET_SENTENCE)]).toMatchObject({ fontName: "仿宋_GB2312", fontSize: 16 });
    expect(report.layout?.[at("一、基本情况")]).toMatchObject({ fontName: "黑体", fontSize: 16 });
    expect(report.cells[at("【待填写：部门主要职责】")].fill).toBe("#FFFF00");
    expect(report.rowHeights?.["1"]).toBeGreaterThan(30); // 二号, one line
    expect(report.showGridlines).toBe(false);
    expect(report.columnWidths.A).toBeGreaterThan(400); // some 590 px: the text width of an A4 公文 page

    const panel = page.getByRole("region", { name: "自评报告" });
    await expect(panel.innerText()).resolves.toMatch(/报告中尚有 5 处【待填写】：部门主要职责、/);
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    await screenshot(page, "pane-450-report");

    await sim.reset();
    await clickAndSettle(page, "创建报告素材表");
    await expect(notice(page)).resolves.toBe("已创建工作表“报告素材”：在“内容”列填写后，再点“生成报告”。");
    expect((await sim.counters()).syncs).toBe(2);
    wb = await sim.workbook();
    const material = wb.sheets.find((sh) => sh.name === "报告素材")!;
    expect(material.cells.A2.v).toBe("年度");
    expect(wb.active).toBe("报告素材");
    await expect(panel.getByRole("button", { name: "创建报告素材表" }).count()).resolves.toBe(0);

    // Filled in, and drafted again: the draft replaces the add-in's sheet and takes the officer's text.
    await page.evaluate(() => {
      const m = window.__excelSim.workbook.sheets.find((sh) => sh.name === "报告素材")!;
      const row = Object.entries(m.cells)
        .find(([, c]) => c.v === "部门主要职责")![0]
        .slice(1);
      m.cells[`B${row}`] = { v: "负责区政府日常政务运转。" };
    });
    await clickAndSettle(page, "生成报告");
    await expect(notice(page)).resolves.toBe(`已重新生成工作表“${REPORT}”（替换了上次生成的报告）。`);
    wb = await sim.workbook();
    expect(wb.sheets.filter((sh) => sh.name.startsWith(REPORT))).toHaveLength(1);
    expect(columnA(wb.sheets.find((sh) => sh.name === REPORT)!)).toContain("负责区政府日常政务运转。");

    // 下载 Word: the .docx is made in the page and downloaded under its name.
    await page.setViewportSize({ width: 320, height: 900 });
    const [download] = await Promise.all([page.waitForEvent("download"), clickAndSettle(page, "下载 Word")]);
    expect(download.suggestedFilename()).toBe(DOCX_NAME);
    // Now the renderer and the docx package, once each; the report chunk was not fetched again.
    expect(chunks()).toHaveLength(3);
    expect(chunks().filter((u) => /\/docx\.[0-9a-f]+\.js$/.test(u))).toHaveLength(1);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const text = await docxText(bytes);
    expect(text).toContain(BUDGET_SENTENCE);
    expect(text).toContain("负责区政府日常政务运转。");
    await expect(notice(page)).resolves.toBe(`已生成 Word 文件“${DOCX_NAME}”，请在下载文件夹中查看。`);
    await expect(page.getByRole("link", { name: `没有开始下载？点此保存“${DOCX_NAME}”` }).count()).resolves.toBe(1);
    expect(await overflow(page)).toEqual({ scrolls: false, outside: [] });
    expect(await englishIn(page)).toEqual([]);
    await screenshot(page, "pane-320-report-download");

    // 撤销写入 removes the report; the 报告素材 sheet holds the officer's text and stays.
    await clickAndSettle(page, "撤销写入");
    await expect(notice(page)).resolves.toBe(`已删除工作表“${REPORT}”。`);
    const after = (await sim.snapshot()) as { sheets: Array<{ name: string }>; settings: unknown[] };
    expect(after.sheets.map((sh) => sh.name)).toEqual([
      ...(original as typeof after).sheets.map((sh) => sh.name),
      "报告素材",
    ]);
    expect({ ...after, sheets: after.sheets.filter((sh) => sh.name !== "报告素材") }).toEqual(original);
    expect(p.errors).toEqual([]);
    expectOnlyOfficeJs(p);
  });

  it("on Excel for Mac, 下载 Word opens the save page in the browser, which downloads the file", async () => {
    const p = await pane(
      { ...defaultSimConfig(await sampleWorkbook()), platform: "Mac", openBrowserWindow: true },
      320,
    );
    const { page } = p;
    const sim = simOf(page);
    await ready(page);
    await clickAndSettle(page, "下载 Word");
    await expect(notice(page)).resolves.toMatch(/已在默认浏览器中打开保存页面，请在浏览器中保存“2023广州市/);
    await expect(page.getByRole("link").count()).resolves.toBe(0);
    await screenshot(page, "pane-320-report-mac");
    const opened = await sim.openedUrls();
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith(`${server.origin}/save.html#`)).toBe(true);

    // The default browser, here a second page: the file comes out of the address, not from the server.
    const browserPage = await p.context.newPage();
    const [download] = await Promise.all([browserPage.waitForEvent("download"), browserPage.goto(opened[0])]);
    expect(download.suggestedFilename()).toBe(DOCX_NAME);
    expect(await docxText(fs.readFileSync(await download.path()))).toContain(BUDGET_SENTENCE);
    expect(browserPage.url()).toBe(`${server.origin}/save.html`); // the file is gone from the address and history
    await expect(browserPage.getByRole("link", { name: "保存 / Save" }).getAttribute("download")).resolves.toBe(
      DOCX_NAME,
    );
    await expect(browserPage.locator("body").innerText()).resolves.toContain(DOCX_NAME);
    await screenshot(browserPage, "save-page");
    expect(p.errors).toEqual([]);
    expectOnlyOfficeJs(p);
  });

  it("outside Excel says so plainly, whether office.js loads (host null) or not at all", async () => {
    for (const sim of [{ ...defaultSimConfig(await sampleWorkbook()), host: null }, null]) {
      const p = await pane(sim, 320, 400);
      const status = p.page.getByRole("status");
      await status.waitFor();
      await expect(status.innerText()).resolves.toMatch(/请在 Excel 中打开此加载项。\s*Open this add-in in Excel\./);
      expect(await p.page.getByRole("button").count()).toBe(0);
      if (sim) await screenshot(p.page, "pane-320-outside-excel");
    }
  });
});
