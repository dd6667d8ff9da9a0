/**
 * The 自评报告 .docx printed through LibreOffice Writer (`soffice --headless --convert-to pdf`) and read back with
 * poppler: GB/T 9704's 28 characters a line and 22 lines a page on A4, and no heading left at the foot of a page.
 * The sample's report with a filled 报告素材 sheet (scripts/report-preview.ts --material), so the pages hold the
 * published report's paragraphs. `npm test` installs Writer and poppler where apt can
 * (scripts/ensure-test-tools.js); without them this suite says so and is skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { renderDocx } from "../../src/report/docx";
import { draftReport } from "../../src/report/model";
import { convertToPdf, has } from "../helpers/libreoffice";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
/** Writer's own library: LibreOffice Calc alone opens no .docx (and still exits 0). */
const WRITER = ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"].some((f) =>
  fs.existsSync(f),
);
const TOOLS = has("soffice") && has("pdftotext") && has("pdfinfo") && WRITER;
if (!TOOLS) console.warn("docx-render: LibreOffice Writer or poppler-utils missing, the printed report is not checked");

/** 报告素材 for the sample, in the published report's words (as report-preview --material). */
const MATERIAL = gridFromRows("报告素材", [
  ["项目", "内容"],
  [
    "部门主要职责",
    "广州南沙经济技术开发区管理委员会办公室、广州市南沙区人民政府办公室（以下简称办公室）主要职责：负责管委会、区政府和管委会办公室、区政府办公室的文电处理、印鉴管理工作；负责管委会、区政府大型会议和重大活动的组织安排。",
  ],
  ["部门机构设置", "广州市南沙区人民政府办公室本级内设处室6个，分别是秘书处、综合处、会务处、联络处、督查室、信息处。"],
  [
    "年度总体工作和重点工作任务",
    "在开发区党工委、管委会和区委、区政府的坚强领导下，办公室紧紧围绕管委会、区政府中心工作，充分发挥承上启下、牵头抓总、协调左右、督促落实的作用。",
  ],
]);

/** A heading's first characters: 一、 （一） 1. */
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.(?!\d))/;
/** A full stop or comma that LibreOffice lets hang past the line's 28th character, as Chinese typesetting allows. */
const HANGING = /[。，、；：？！”’）]$/;
/** A line of full-width characters only (CJK and full-width punctuation), after pdftotext's spaces are dropped. */
const FULL_WIDTH = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/;
const PAGE_NUMBER = /^—\d+—$/;

(TOOLS ? describe : describe.skip)("the 自评报告 .docx printed through LibreOffice Writer", () => {
  let dir: string;
  /** Each portrait page's lines as printed, spaces removed, empty lines left out (the attached 自评表 is landscape). */
  let pages: string[][];
  let size: string;

  beforeAll(async () => {
    dir = tempDir("ziping-docx-render-");
    const { sheets } = await readWorkbookFile(SAMPLE);
    const docx = path.join(dir, "report.docx");
    fs.writeFileSync(docx, await renderDocx(draftReport(checkWorkbook(sheets), [...sheets, MATERIAL])));
    const lo = convertToPdf(dir, dir, [docx]);
    expect(lo.status).toBe(0);
    const pdf = path.join(dir, "report.pdf");
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    size = /Page size:\s+(.*)/.exec(info)![1];
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const sizes = spawnSync("pdfinfo", ["-f", "1", "-l", String(count), pdf], { encoding: "utf8" }).stdout;
    const portrait = [...sizes.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)]
      .filter((m) => Number(m[2]) < Number(m[3]))
      .map((m) => Number(m[1]));
    expect(portrait.length).toBeLessThan(count); // the attachment is there, on landscape pages
    pages = [];
    for (const n of portrait) {
      const text = spawnSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], {
        encoding: "utf8",
      });
      pages.push(
        text.stdout
          .split("\n")
          .map((l) => l.replace(/\s+/g, ""))
          .filter((l) => l !== ""),
      );
    }
  }, 300_000);

  afterAll(() => removeDir(dir));

  it("prints on A4", () => {
    expect(size).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pages.length).toBeGreaterThan(3);
  });

  it("holds 28 characters on a full line and never more (14 when LibreOffice gave each character two cells)", () => {
    const lines = pages.flat().filter((l) => FULL_WIDTH.test(l) && !PAGE_NUMBER.test(l));
    const lengths = lines.map((l) => [...l.replace(HANGING, "")].length);
    expect(Math.max(...lengths)).toBe(28);
    // Most paragraphs run over several lines: many lines are full.
    expect(lengths.filter((n) => n === 28).length).toBeGreaterThan(5);
  });

  it("prints at most 22 lines of text a page (the page number apart)", () => {
    for (const page of pages.slice(1)) expect(page.filter((l) => !PAGE_NUMBER.test(l)).length).toBeLessThanOrEqual(22);
  });

  it("leaves no heading as the last line of a page", () => {
    for (const page of pages) {
      const body = page.filter((l) => !PAGE_NUMBER.test(l));
      expect(body.length).toBeGreaterThan(0);
      expect(body[body.length - 1]).not.toMatch(HEADING);
    }
  });
});
