/**
 * The sheets Ziping writes, printed through LibreOffice (`soffice --headless --convert-to pdf`) and read back with
 * poppler (pdfinfo, pdftotext): every page of them is A4 (landscape for the wide ones), every page of a long sheet
 * repeats its header row, every message and every computation is on the page whole (nothing cut at a column's or
 * the page's edge), no text runs past the page. `npm test` installs LibreOffice and poppler where apt can
 * (scripts/ensure-test-tools.js); on a machine without them this suite says so and is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { main, type CliIo } from "../../src/cli/main";
import { checkWorkbook } from "../../src/domain";
import type { Figure } from "../../src/domain/types";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import type { JsonReport } from "../../src/cli/format";
import { writeSimWorkbook } from "../e2e/sim/export-xlsx";
import { manyFindingsWorkbook } from "../e2e/sim/workbook";
import { convertToPdf, has } from "../helpers/libreoffice";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const TOOLS = has("soffice") && has("pdftotext") && has("pdfinfo");
if (!TOOLS) console.warn("print-render: soffice or poppler-utils missing, the printed pages are not checked");

async function run(argv: string[]): Promise<{ status: number; out: string }> {
  let out = "";
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined, isTTY: false } };
  return { status: await main(argv, io), out };
}

interface Word {
  x: number;
  y: number;
  text: string;
}

interface Page {
  width: number;
  height: number;
  /** Every word with its top-left corner (pdftotext -bbox), in points. */
  words: Word[];
  /** pdftotext -raw: each cell's lines together, in drawing order. */
  text: string;
  /** The right edge of the rightmost word on the page, in points. */
  right: number;
}

function pages(pdf: string): Page[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" }).stdout;
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  const bbox = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 }).stdout;
  const bboxPages = bbox.split("<page ").slice(1);
  const rights = bboxPages.map((p) => Math.max(0, ...[...p.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]))));
  const words = bboxPages.map((p) =>
    [...p.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      text: m[3],
    })),
  );
  return sizes.map(([width, height], i) => ({
    width,
    height,
    words: words[i] ?? [],
    right: rights[i] ?? 0,
    text: spawnSync("pdftotext", ["-raw", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    }).stdout,
  }));
}

const squeeze = (s: string) => s.replace(/\s+/g, "");
const isA4 = (p: Page, orientation: "portrait" | "landscape") => {
  const [w, h] = orientation === "portrait" ? [595.3, 841.9] : [841.9, 595.3];
  return Math.abs(p.width - w) < 1 && Math.abs(p.height - h) < 1;
};

(TOOLS ? describe : describe.skip)("printed through LibreOffice", () => {
  let dir: string;
  let scored: Page[];
  let summary: Page[];
  let report: Page[];
  let json: JsonReport;
  let figures: Figure[];

  beforeAll(async () => {
    dir = tempDir("ziping-render-");
    const many = path.join(dir, "in", "many.xlsx");
    // A central table of 60 indicators, each with a finding: 85 findings, several pages of 校验结果.
    await writeSimWorkbook(manyFindingsWorkbook(60), many);
    const checked = await run(["check", many, "--write", path.join(dir, "scored"), "--json"]);
    json = JSON.parse(checked.out) as JsonReport;
    figures = checkWorkbook((await readWorkbookFile(many)).sheets).figures;
    await run(["check", path.join(dir, "in"), "--summary", path.join(dir, "summary.xlsx")]);
    await run(["report", SAMPLE, "--sheet", path.join(dir, "report.xlsx")]);
    const inputs = [
      path.join(dir, "scored", fs.readdirSync(path.join(dir, "scored"))[0]),
      path.join(dir, "summary.xlsx"),
      path.join(dir, "report.xlsx"),
    ];
    const lo = convertToPdf(dir, path.join(dir, "pdf"), inputs);
    expect(lo.status).toBe(0);
    const pdf = (file: string) => path.join(dir, "pdf", path.basename(file).replace(/\.xlsx$/, ".pdf"));
    [scored, summary, report] = inputs.map((f) => pages(pdf(f)));
  }, 300_000);

  afterAll(() => removeDir(dir));

  it("校验结果: A4 landscape, the header on every page of it, every finding whole", () => {
    const findings = json.files[0].findings;
    expect(findings.length).toBeGreaterThan(60);
    const own = scored.filter((p) => p.text.includes("序号 严重程度 规则 工作表 单元格 说明 应为 实为 计算过程"));
    expect(own.length).toBeGreaterThan(1);
    for (const p of own) expect(isA4(p, "landscape")).toBe(true);
    // The pages that hold findings (their 序号 rows) are exactly the pages with the header.
    const text = squeeze(own.map((p) => p.text).join("\n"));
    for (const f of findings) expect(text).toContain(squeeze(f.message));
    const holding = scored.filter((p) => findings.some((f) => squeeze(p.text).includes(squeeze(f.message))));
    expect(holding).toEqual(own);
  });

  it("校验结果: each row is as tall as its lines of text and no taller (no page wasted on blank space)", () => {
    const page = scored.find((p) => p.text.includes("序号 严重程度 规则"))!;
    const at = (text: string) => page.words.find((w) => w.text === text)!;
    const [seqX, from, to] = [at("序号").x, at("说明").x, at("应为").x];
    // Each finding's row starts at its 序号; the 说明 column's lines inside it are the row's text.
    const seq = page.words.filter((w) => /^\d+$/.test(w.text) && Math.abs(w.x - seqX) < 30).sort((a, b) => a.y - b.y);
    const lines = [
      ...new Set(page.words.filter((w) => w.x >= from - 1 && w.x < to - 1 && w.y > at("说明").y + 1).map((w) => w.y)),
    ].sort((a, b) => a - b);
    const pitch = Math.min(
      ...lines
        .slice(1)
        .map((y, i) => y - lines[i])
        .filter((d) => d > 1),
    );
    expect(seq.length).toBeGreaterThan(3);
    for (let i = 0; i + 1 < seq.length; i++) {
      const count = lines.filter((y) => y >= seq[i].y - pitch / 2 && y < seq[i + 1].y - pitch / 2).length;
      const height = seq[i + 1].y - seq[i].y;
      // By hand from the first page printed: a 4-line 说明 sits in a 64.6 pt row at a 15.7 pt pitch (62.8 pt of text).
      expect({ row: seq[i].text, lines: count, fits: height >= count * pitch - 1 }).toEqual({
        row: seq[i].text,
        lines: count,
        fits: true,
      });
      expect({ row: seq[i].text, height, slack: height - count * pitch <= pitch * 0.75 }).toMatchObject({
        slack: true,
      });
    }
  });

  it("计算结果: A4 with its own header on every page, every computation whole", () => {
    const own = scored.filter((p) => p.text.includes("项目 工作表 单元格 结果 计算方法 口径 计算过程"));
    expect(own.length).toBeGreaterThan(0);
    for (const p of own) expect(isA4(p, "landscape") || isA4(p, "portrait")).toBe(true);
    const text = squeeze(own.map((p) => p.text).join("\n"));
    // Every figure's arithmetic as the engine states it (what is checked here is that the page shows it whole).
    expect(figures.length).toBeGreaterThan(60);
    for (const f of figures) expect(text).toContain(squeeze(f.arithmetic));
    // The 执行率 of the sample's budget lines, 3342.07 ÷ 3378.30, as the published report gives it: 98.93%.
    expect(text).toContain(squeeze("3342.07 ÷ 3378.30 = 98.93%"));
    // No heading of the findings on these pages: no heading means two things.
    for (const p of own) expect(p.text).not.toContain("严重程度");
  });

  it("no text of Ziping's pages runs past the page's edge (the officer's own 自评表 pages print as they came)", () => {
    // The officer's sheets come first in each copy; Ziping's follow from its first page on.
    const from = (all: Page[], marker: string) => all.slice(all.findIndex((p) => squeeze(p.text).includes(marker)));
    const ours = [...from(scored, "序号严重程度"), ...summary, ...from(report, "一、基本情况")];
    expect(ours.length).toBeGreaterThan(5);
    for (const p of ours) expect(p.right).toBeLessThanOrEqual(p.width);
  });

  it("汇总 and 问题明细: A4 landscape, header on every page, each finding's message whole", () => {
    expect(summary.length).toBeGreaterThan(1);
    for (const p of summary) expect(isA4(p, "landscape")).toBe(true);
    const detail = summary.filter((p) => p.text.includes("文件 工作表 单元格 严重程度 规则 说明"));
    expect(detail.length).toBeGreaterThan(1);
    const text = squeeze(detail.map((p) => p.text).join("\n"));
    for (const f of json.files[0].findings) expect(text).toContain(squeeze(f.message));
    expect(summary.filter((p) => p.text.includes("可否受理")).length).toBeGreaterThan(0);
  });

  it("自评报告: A4 portrait pages, the draft's title and budget sentence on them", () => {
    const own = report.filter((p) => squeeze(p.text).includes("一、基本情况"));
    expect(own.length).toBeGreaterThan(0);
    for (const p of own) expect(isA4(p, "portrait")).toBe(true);
    expect(squeeze(report.map((p) => p.text).join(""))).toContain(squeeze("完成预算的98.93%"));
  });
});
