/**
 * The .docx of the 自评报告: a valid package whose XML carries the 公文 format — fonts and sizes per level, A4 with
 * the standard margins, fixed line spacing, first-line indents, page numbers "— 1 —", declared font fallbacks,
 * and the 自评表 on a landscape page after 五、附件.
 */
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { attachmentColumnWidths, GRID, mmToTwips, renderDocx } from "../../src/report/docx";
import { draftReport, reportParagraphs, type ReportModel } from "../../src/report/model";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");

interface Package {
  model: ReportModel;
  files: string[];
  document: string;
  footers: string[];
  fontTable: string;
  styles: string;
  settings: string;
  /** Each section's footers by type (default = odd pages, even), as the XML of the footer part. */
  sectionFooters: Array<Record<string, string>>;
}

async function render(file: string): Promise<Package> {
  const { sheets } = await readWorkbookFile(file);
  const model = draftReport(checkWorkbook(sheets), sheets);
  const bytes = await renderDocx(model);
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)!.async("string");
  const document = await read("word/document.xml");
  const rels = await read("word/_rels/document.xml.rels");
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const sectionFooters: Array<Record<string, string>> = [];
  for (const [sectPr] of document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)) {
    const byType: Record<string, string> = {};
    for (const [, type, id] of sectPr.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g))
      byType[type] = await read(`word/${target(id)}`);
    sectionFooters.push(byType);
  }
  return {
    model,
    files,
    document,
    footers: await Promise.all(files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(read)),
    fontTable: await read("word/fontTable.xml"),
    styles: await read("word/styles.xml"),
    settings: await read("word/settings.xml"),
    sectionFooters,
  };
}

/** The body's paragraphs (outside tables) in order, each with its properties and its text. */
function paragraphs(xml: string): Array<{ pPr: string; text: string }> {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => ({
    pPr: /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(inner)?.[0] ?? "",
    text: [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  }));
}

/** The title lines: the paragraphs set in the title's 二号 before the first blank line. */
function titleText(xml: string): string[] {
  const all = paragraphs(xml);
  return all
    .slice(
      0,
      all.findIndex((p) => p.text === ""),
    )
    .map((p) => p.text);
}

/** The run properties of the first run whose text is exactly `text`. */
function runProps(xml: string, text: string): string {
  const i = xml.indexOf(`>${text}</w:t>`);
  expect(i).toBeGreaterThan(0);
  const start = xml.lastIndexOf("<w:r>", i);
  return xml.slice(start, i);
}

/** The paragraph properties of the paragraph holding `text`. */
function paragraphProps(xml: string, text: string): string {
  const i = xml.indexOf(`>${text}`);
  expect(i).toBeGreaterThan(0);
  const start = xml.lastIndexOf("<w:p>", i);
  return xml.slice(start, xml.indexOf("</w:pPr>", start));
}

describe("the sample's .docx", () => {
  let pkg: Package;
  beforeAll(async () => {
    pkg = await render(SAMPLE);
  });

  it("is a Word package", () => {
    expect(pkg.files).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/fontTable.xml"]),
    );
    expect(pkg.document).toContain("全年部门预算数");
  });

  it("sets the title in 方正小标宋简体 二号 (w:sz 44), centred", () => {
    const rPr = runProps(pkg.document, "部门整体支出绩效自评报告");
    expect(rPr).toContain('w:eastAsia="方正小标宋简体"');
    expect(rPr).toContain('<w:sz w:val="44"/>');
    expect(paragraphProps(pkg.document, "部门整体支出绩效自评报告")).toContain('<w:jc w:val="center"/>');
  });

  it("sets headings in 黑体 and 楷体_GB2312 and the body in 仿宋_GB2312, all 三号 (w:sz 32)", () => {
    const h1 = runProps(pkg.document, "基本情况");
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:sz w:val="32"/>');
    const h2 = runProps(pkg.document, "部门概况");
    expect(h2).toContain('w:eastAsia="楷体_GB2312"');
    expect(h2).toContain('<w:sz w:val="32"/>');
    const body = runProps(pkg.document, "3,378.30");
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('w:ascii="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  it("uses a fixed 28.95 pt line and a first-line indent of two characters (630 twips)", () => {
    const pPr = paragraphProps(pkg.document, "全年部门预算数");
    expect(pPr).toContain('w:line="579"');
    expect(pPr).toContain('w:lineRule="exact"');
    // 2 × (16 pt − 5/20 pt) = 31.5 pt = 630 twips, so the line after it holds 26 characters.
    expect(pPr).toContain('w:firstLine="630"');
  });

  it("sets the GB/T 9704 grid: 22 lines a page, and 三号 runs narrowed to 28 characters a line", () => {
    const [portrait] = [...pkg.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(portrait).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(GRID).toEqual({ linePitch: 579, characterSpacing: -5 });
    // By hand: the text is 11906 − 1587 − 1474 = 8845 twips = 442.25 pt wide and 16838 − 2098 − 1984 = 12756 twips
    // high. Plain 16 pt: 442.25 / 16 = 27.6, 27 characters. Each 三号 character 16 − 5/20 = 15.75 pt: 28.08, 28.
    expect(Math.floor(442.25 / 16)).toBe(27);
    expect(Math.floor(442.25 / (16 + GRID.characterSpacing / 20))).toBe(28);
    expect(Math.floor(442.25 / (16 + (GRID.characterSpacing + 1) / 20))).toBe(27); // −4 would leave 27
    expect(Math.floor(12756 / GRID.linePitch)).toBe(22);
    // Body and heading runs (三号) carry the spacing; the 二号 title does not.
    expect(runProps(pkg.document, "3,378.30")).toContain('<w:spacing w:val="-5"/>');
    const end = pkg.document.indexOf("部门整体支出绩效自评报告</w:t>");
    expect(end).toBeGreaterThan(0);
    const title = pkg.document.slice(0, end);
    expect(title).not.toContain("<w:spacing w:val=");
    // The base character is 三号 both in the document defaults (Word) and in the Normal style (LibreOffice).
    expect(pkg.styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:sz w:val="32"\/>/);
    expect(pkg.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?<w:sz w:val="32"\/>/);
  });

  it("keeps every heading and title line with the paragraph after it (w:keepNext), and only those", () => {
    const headings = new Set(
      reportParagraphs(pkg.model)
        .filter((p) => /^heading/.test(p.role))
        .map((p) => (p.marker ?? "") + p.runs.map((r) => r.text).join("")),
    );
    expect(headings.size).toBeGreaterThan(8);
    const portrait = pkg.document.slice(0, pkg.document.indexOf("<w:sectPr>"));
    const all = paragraphs(portrait);
    const found = all.filter((p) => headings.has(p.text));
    expect(found).toHaveLength(headings.size);
    for (const p of found) expect(p.pPr).toContain("<w:keepNext/>");
    for (const line of titleText(pkg.document))
      expect(all.find((p) => p.text === line)!.pPr).toContain("<w:keepNext/>");
    const kept = all.filter((p) => p.pPr.includes("<w:keepNext/>"));
    expect(kept).toHaveLength(headings.size + titleText(pkg.document).length);
    expect(portrait).not.toContain('<w:keepNext w:val="false"/>');
  });

  it("breaks the title at a word boundary: the unit, then the report's name", () => {
    expect(titleText(pkg.document)).toEqual(["2023年度广州市南沙区人民政府办公室", "部门整体支出绩效自评报告"]);
  });

  it("highlights placeholders", () => {
    expect(runProps(pkg.document, "【待填写：部门主要职责】")).toContain('<w:highlight w:val="yellow"/>');
  });

  it("lays out A4 portrait with margins 37/35/28/26 mm, then a landscape A4 section for the table", () => {
    expect(mmToTwips(37)).toBe(2098);
    const sections = [...pkg.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sections[0]).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(sections[0]).toContain('w:linePitch="579"');
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // The break comes after 五、附件.
    expect(pkg.document.indexOf("附件</w:t>")).toBeLessThan(pkg.document.indexOf("<w:sectPr>"));
  });

  it("attaches the 自评表 as a table in 仿宋 五号 (w:sz 21), with merged cells", () => {
    const table = pkg.document.slice(pkg.document.indexOf("<w:tbl>"), pkg.document.lastIndexOf("</w:tbl>"));
    expect(pkg.document.indexOf("<w:tbl>")).toBeGreaterThan(pkg.document.indexOf("<w:sectPr>"));
    expect(table).toContain("组织办理各类会议");
    expect(table).toContain(">3,378.30<");
    expect(table).toContain(">98.93%<");
    expect(runProps(table, "组织办理各类会议")).toContain('<w:sz w:val="21"/>');
    expect(table).toMatch(/<w:gridSpan w:val="\d+"\/>/);
    expect(table).toContain('<w:vMerge w:val="restart"/>');
    expect(table).toContain('<w:vMerge w:val="continue"/>');
    // The table's title sits above it, not in a cell.
    expect(table).not.toContain(">部门整体支出绩效自评表<");
  });

  it("numbers pages “— 1 —” in 宋体 四号 (w:sz 28), outside: odd pages right, even pages left, one character in", () => {
    expect(pkg.footers.length).toBeGreaterThan(0);
    for (const footer of pkg.footers) {
      expect(footer).toContain("PAGE</w:instrText>");
      expect(footer).toContain(">— </w:t>");
      expect(footer).toContain("> —</w:t>");
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).not.toContain('<w:jc w:val="center"/>');
    }
    expect(pkg.settings).toContain("<w:evenAndOddHeaders/>");
    expect(pkg.sectionFooters).toHaveLength(2);
    for (const footers of pkg.sectionFooters) {
      expect(Object.keys(footers).sort()).toEqual(["default", "even"]);
      expect(footers.default).toContain('<w:jc w:val="right"/>');
      expect(footers.default).toContain('<w:ind w:right="280"/>');
      expect(footers.even).toContain('<w:jc w:val="left"/>');
      expect(footers.even).toContain('<w:ind w:left="280"/>');
    }
  });

  it("repeats the indicators' header row (w:tblHeader) on each page the table runs onto", () => {
    const attachment = pkg.document.slice(pkg.document.indexOf("<w:sectPr>"));
    const tables = [...attachment.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    // The header block, then the indicators with their header first: Word repeats only a table's first rows.
    expect(tables).toHaveLength(2);
    expect(tables[0]).not.toContain("<w:tblHeader/>");
    const rows = [...tables[1].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain("<w:tblHeader/>");
    for (const label of ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"])
      expect(rows[0]).toContain(`>${label}</w:t>`);
    expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
    // Between the two, a paragraph 1 pt high and a single rule.
    expect(tables[0]).toContain('<w:bottom w:val="none"');
    expect(tables[1]).toContain('<w:bottom w:val="single"');
  });

  it("sizes the table's columns from their texts: 全年预算数 and ≥25000份 stay on one line", () => {
    const t = pkg.model.attachment!;
    const tables = [...pkg.document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1])),
    );
    expect(tables).toHaveLength(2);
    expect(tables[1]).toEqual(tables[0]);
    const widths = tables[0];
    const landscapeText = mmToTwips(297) - mmToTwips(28) - mmToTwips(26);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(landscapeText);
    const rows = Array.from(t.rows.keys()).slice(2, -2);
    expect(attachmentColumnWidths(t, rows, landscapeText)).toEqual(widths);
    // 五号 is 10.5 pt = 210 twips a full-width character, half that for digits; the cell margins take 120 twips.
    const column = (text: string) => t.rows.find((r) => r.includes(text))!.indexOf(text);
    expect(widths[column("全年预算数")]).toBeGreaterThanOrEqual(5 * 210 + 120);
    expect(widths[column("≥25000份")]).toBeGreaterThanOrEqual((2 + 5 / 2) * 210 + 120);
    expect(widths[column("实际完成值")]).toBeGreaterThanOrEqual(5 * 210 + 120);
  });

  it("declares each font with its fallback in the font table", () => {
    for (const [font, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["黑体", "SimHei"],
      ["宋体", "SimSun"],
      ["方正小标宋简体", "宋体"],
    ])
      expect(pkg.fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
  });
});

describe("other drafts", () => {
  it("a table with errors: the notice is in red at the top", async () => {
    const pkg = await render(path.join(FIXTURES, "total-mismatch.xlsx"));
    const rPr = runProps(pkg.document, pkg.document.match(/>(【提示】[^<]*)</)![1]);
    expect(rPr).toContain('<w:color w:val="C00000"/>');
    expect(pkg.document.indexOf("【提示】")).toBeLessThan(pkg.document.indexOf("基本情况"));
  });

  it("a project named with its year: the title says the year once, and leaves no word alone on its last line", async () => {
    const pkg = await render(path.join(FIXTURES, "central-clean.xlsx"));
    const title = titleText(pkg.document);
    expect(title).toEqual(["2023年度示例区交通运输局", "农村公路日常养护项目支出绩效自评报告"]);
    expect(title.join("").match(/2023/g)).toHaveLength(1);
    expect(title[title.length - 1]).not.toBe("报告");
    expect(title[title.length - 1].length).toBeGreaterThanOrEqual(4);
  });

  it("no 自评表: one portrait section, no table", async () => {
    const grid = gridFromRows("Sheet1", [["hello"]]);
    const bytes = await renderDocx(draftReport(checkWorkbook([grid]), [grid]));
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(xml).not.toContain("<w:tbl>");
  });
});
