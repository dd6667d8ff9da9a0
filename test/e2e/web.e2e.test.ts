/**
 * The offline web page (dist/web/index.html, src/web) in a real Chromium, opened straight from the folder over
 * file:// as an officer with only WPS and a browser would: choose the 南沙区 sample, 一键校验并计分, see 98.93% /
 * 99.00 / 优 and the finding, 定位 in the sheet view, 写回结果 → 确认写入 downloads the scored copy, which is read
 * back with exceljs and compared with the command line's copy of the same file (the same parts); 下载 Word gives the
 * .docx; two files give the 汇总; a column the reader missed is corrected from the sheet view; a large workbook is
 * read in the worker with its progress; the page over http too; it makes no network request.
 * Screenshots at 1280 and 375 px go to test-results/screenshots/ (and docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import crypto from "node:crypto";
import { unzipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { writeScoredCopy } from "../../src/gateways/xlsx/write";
import { ensureBuild, launchChromium, ROOT, serveDir } from "./sim/harness";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";
import { writeLargeTable } from "../helpers/mutate-workbooks";

const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const TABLE = "部门整体支出绩效自评表";
const SHOTS = [path.join(ROOT, "test-results", "screenshots")];
if (process.env.UPDATE_SCREENSHOTS === "1") SHOTS.push(path.join(ROOT, "docs", "screenshots"));

let page: string;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  page = pathToFileURL(path.join((await ensureBuild()).dir, "web", "index.html")).href;
  browser = await launchChromium();
  dir = tempDir("ziping-web-");
}, 600_000);

afterAll(async () => {
  await browser?.close();
  removeDir(dir);
});

async function openPage(width: number): Promise<{ p: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const p = await context.newPage();
  const requests: string[] = [];
  p.on("request", (r) => requests.push(r.url()));
  await p.goto(page);
  await p.getByTestId("file-input").waitFor();
  return { p, requests };
}

async function checkSample(p: Page): Promise<void> {
  await p.getByTestId("file-input").setInputFiles(SAMPLE);
  await p.getByRole("button", { name: "一键校验并计分", exact: true }).click();
  await p.locator("[data-stat=rate]").waitFor();
}

const stat = (p: Page, id: string) => p.locator(`[data-stat=${id}] > span`).nth(1).innerText();

async function shoot(p: Page, name: string): Promise<void> {
  for (const d of SHOTS) {
    fs.mkdirSync(d, { recursive: true });
    await p.screenshot({ path: path.join(d, name), fullPage: true });
  }
}

describe("the offline web page over file://", () => {
  it("checks the sample on the officer's machine: 98.93% / 99.00 / 优, the finding at D19, 定位 in the sheet view", async () => {
    const { p, requests } = await openPage(1280);
    await checkSample(p);
    // The sample's figures by hand (examples/nansha-2023.expected.json): 3342.07 ÷ 3378.30 = 98.93%, 总分 99.00, 优.
    expect(await stat(p, "rate")).toBe("98.93%");
    expect(await stat(p, "total")).toBe("99.00");
    expect(await stat(p, "grade")).toBe("优");
    // Read in the reader worker, started from a blob: URL (a file:// worker would be refused).
    expect(await p.locator("[data-read-in]").getAttribute("data-read-in")).toBe("worker");
    await p.getByRole("button", { name: `定位到 ${TABLE}!D19` }).click();
    const located = p.locator('[data-testid=sheet-view] td[data-cell="D19"]');
    await located.waitFor();
    expect(await located.innerText()).toContain("部门预算完成率");
    await shoot(p, "web-1280.png");
    // Only the page's own files, all from the folder.
    expect(
      requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")),
    ).toEqual([]);
    await p.context().close();
  }, 120_000);

  it("downloads the scored copy: the command line's values, notes and fills in the computed cells, inputs untouched", async () => {
    const { p, requests } = await openPage(1280);
    await checkSample(p);
    await p.getByRole("button", { name: "下载带标注的副本", exact: true }).click();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "确认写入", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("nansha-2023.checked.xlsx");
    const fromPage = path.join(dir, "page.xlsx");
    await download.saveAs(fromPage);

    const fromCli = path.join(dir, "cli.xlsx");
    const plan = checkWorkbook((await readWorkbookFile(SAMPLE)).sheets).plan;
    await writeScoredCopy(SAMPLE, plan, fromCli);
    const [web, cli, source] = await Promise.all(
      [fromPage, fromCli, SAMPLE].map(async (f) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        return wb;
      }),
    );
    // The same plan patched into the same file by the same code: the same parts, byte for byte (the command line
    // deflates with zlib, the page with fflate, so only the compressed bytes may differ).
    const parts = (f: string) =>
      Object.entries(unzipSync(fs.readFileSync(f))).map(([name, data]) => [
        name,
        crypto.createHash("sha256").update(data).digest("hex"),
      ]);
    expect(parts(fromPage)).toEqual(parts(fromCli));
    expect(web.worksheets.map((w) => w.name)).toEqual(cli.worksheets.map((w) => w.name));
    const cell = (wb: ExcelJS.Workbook, sheet: string, a1: string) => wb.getWorksheet(sheet)!.getCell(a1);
    const written = [...plan.values.map((v) => [v.sheet, v.cell]), ...plan.marks.map((m) => [m.sheet, m.cell])];
    expect(written.length).toBeGreaterThan(0);
    for (const [sheet, a1] of written) {
      const [a, b] = [cell(web, sheet, a1), cell(cli, sheet, a1)];
      expect({ at: a1, value: a.value, note: a.note, fill: a.fill }).toEqual({
        at: a1,
        value: b.value,
        note: b.note,
        fill: b.fill,
      });
    }
    // Every other cell of the 自评表 is the officer's, as submitted.
    const touched = new Set(written.filter(([s]) => s === TABLE).map(([, a]) => a));
    source.getWorksheet(TABLE)!.eachRow((row) =>
      row.eachCell((c) => {
        if (!touched.has(c.address))
          expect({ at: c.address, v: cell(web, TABLE, c.address).value }).toEqual({ at: c.address, v: c.value });
      }),
    );
    expect(
      requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")),
    ).toEqual([]);
    await p.context().close();
  }, 180_000);

  it("下载 Word drafts the 自评报告 on the page: the .docx with the sample's budget sentence", async () => {
    const { p, requests } = await openPage(1280);
    await checkSample(p);
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "下载 Word", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("2023广州市南沙区人民政府办公室自评报告.docx");
    const bytes = fs.readFileSync(await download.path());
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    // By hand from the sample: 3,378.30 budgeted, 3,342.07 spent, 98.93%.
    expect(xml.replace(/<[^>]+>/g, "")).toContain("全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。");
    expect(
      requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")),
    ).toEqual([]);
    await p.context().close();
  }, 120_000);

  it("checks several files and downloads the 汇总 of them as ziping check --summary lists them", async () => {
    const { p } = await openPage(1280);
    const clean = path.join(ROOT, "test", "fixtures", "workbooks", "central-clean.xlsx");
    await p.getByTestId("file-input").setInputFiles([SAMPLE, clean]);
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "下载汇总表", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
    const saved = path.join(dir, "汇总.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet("汇总")!;
    const text = [] as string[];
    sheet.eachRow((row) => text.push((row.values as unknown[]).map((v) => String(v ?? "")).join("|")));
    // The sample's 总分 99.00 (优) and central-clean's 94.12 (its .expected.json, by hand), one row each.
    expect(text.filter((t) => t.includes("nansha-2023.xlsx") && t.includes("99"))).toHaveLength(1);
    expect(text.filter((t) => t.includes("central-clean.xlsx") && t.includes("94.12"))).toHaveLength(1);
    await p.context().close();
  }, 120_000);

  it("reads a table after a 100,000-row data sheet in its worker, showing progress, the page responsive", async () => {
    const big = path.join(dir, "明细 100000 行.xlsx");
    // A ledger headed 项目名称 / 预算数 / 执行数 could start a table, so the worker reads it to its end for its merged
    // areas: the long read (a ledger that names no role is left after its first rows, and is over at once).
    const ledger = ["序号", "项目名称", "摘要", "预算数", "执行数", "经济分类", "支付方式", "日期", "经办人", "备注"];
    await writeLargeTable(big, 9, "自评表", 100_000, ledger);
    const { p } = await openPage(1280);
    // The page's longest task from here on (Long Tasks API: tasks of 50 ms and more).
    await p.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: "longtask" });
    });
    await p.getByTestId("file-input").setInputFiles(big);
    await p.getByRole("button", { name: "一键校验并计分", exact: true }).click();
    const progress = p.getByTestId("read-progress");
    await progress.waitFor();
    expect(await progress.innerText()).toMatch(/正在读取工作簿……\d+%/);
    await p.locator("[data-stat=rate]").waitFor({ timeout: 60_000 });
    expect(await progress.count()).toBe(0);
    // writeLargeTable's table: 95 of 100 spent, 95.00%.
    expect(await stat(p, "rate")).toBe("95.00%");
    const longest = await p.evaluate(() => (window as unknown as { longest: number }).longest);
    // In the page, this read was one task of about a second; in the worker the page keeps answering.
    expect(longest).toBeLessThan(400);
    expect(await p.locator("[data-read-in]").getAttribute("data-read-in")).toBe("worker");
    await p.context().close();
  }, 180_000);

  it("a 分值 column under a header the reader does not know: corrected from a cell clicked in the sheet view, exported as 版式.json", async () => {
    const file = path.join(dir, "分数值.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    book.getWorksheet(TABLE)!.getCell("G12").value = "分数值";
    await book.xlsx.writeFile(file);
    const { p, requests } = await openPage(1280);
    await p.getByTestId("file-input").setInputFiles(file);
    await p.getByRole("button", { name: "一键校验并计分", exact: true }).click();
    const reading = p.getByRole("region", { name: "识别结果" });
    await expect(reading.innerText()).resolves.toContain("未能识别绩效自评表：缺少“分值”");
    expect(await stat(p, "total")).toBe("—");

    // The officer clicks the header cell in the page's sheet view, then 更正所选列.
    await p.locator('[data-testid=sheet-view] td[data-cell="G12"]').click();
    await p.getByRole("button", { name: "更正所选列", exact: true }).click();
    const picker = reading.getByRole("group", { name: "更正所选列" });
    await expect(picker.innerText()).resolves.toContain("所选单元格：G12“分数值” · G 列");
    await picker.getByRole("combobox", { name: "该列的角色" }).selectOption({ label: "分值" });
    await p.getByRole("button", { name: "设为“分值”列", exact: true }).click();
    // Scored with the correction: the sample's own figures (by hand: 98.93%, 99.00, 优).
    await p.getByText("已将 G 列设为“分值”列，并重新校验。").waitFor();
    expect(await stat(p, "rate")).toBe("98.93%");
    expect(await stat(p, "total")).toBe("99.00");
    expect(await stat(p, "grade")).toBe("优");

    // Certain now, 识别结果 is one line again: opened to reach 导出版式.
    const toggle = reading.getByRole("button", { name: /识别结果/ }).first();
    await expect(toggle.innerText()).resolves.toContain("已更正");
    await toggle.click();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "导出版式", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("版式.json");
    const layout = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    expect(layout).toMatchObject({
      ziping: "layout",
      version: 1,
      sheet: TABLE,
      indicator: { columns: { weight: "G" } },
    });
    expect(
      requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:")),
    ).toEqual([]);
    await p.context().close();
  }, 120_000);

  it("fits a 375 px phone screen without sideways scrolling of the page", async () => {
    const { p } = await openPage(375);
    await checkSample(p);
    expect(await stat(p, "total")).toBe("99.00");
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await shoot(p, "web-375.png");
    await p.context().close();
  }, 120_000);
});

describe("the offline web page over http (an intranet server)", () => {
  it("checks the sample, reading it in the worker, and fetches nothing but its own files", async () => {
    const server = await serveDir(path.join((await ensureBuild()).dir, "web"));
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      const requests: string[] = [];
      p.on("request", (r) => requests.push(r.url()));
      await p.goto(`${server.origin}/index.html`);
      await checkSample(p);
      expect(await stat(p, "total")).toBe("99.00");
      expect(await p.locator("[data-read-in]").getAttribute("data-read-in")).toBe("worker");
      expect(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:"))).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
