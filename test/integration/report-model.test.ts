/**
 * The 自评报告 draft from real workbooks: the 南沙区 2023 sample gives the published report's key sentences, and
 * over every fixture each number the draft prints is one the table holds or the evaluation computed.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { checkWorkbook, type CheckDetail } from "../../src/domain";
import { gridFromRows, type Grid } from "../../src/domain/grid";
import { cellText, normalizeText } from "../../src/domain/parse";
import { round } from "../../src/domain/precision";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { renderDocx } from "../../src/report/docx";
import { reportSheetPlan } from "../../src/report/sheet";
import { mutateGrid, mutationArb } from "../helpers/mutate";
import { seed } from "../helpers/seed";
import {
  displayCell,
  draftReport,
  paragraphText,
  reportMaterialTemplate,
  reportParagraphs,
  reportText,
  type ReportModel,
} from "../../src/report/model";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");

async function load(file: string): Promise<{ sheets: Grid[]; detail: CheckDetail }> {
  const { sheets } = await readWorkbookFile(file);
  return { sheets, detail: checkWorkbook(sheets) };
}

describe("the 南沙区 2023 sample", () => {
  let model: ReportModel;
  let text: string;
  beforeAll(async () => {
    const { sheets, detail } = await load(SAMPLE);
    model = draftReport(detail, sheets);
    text = reportText(model);
  });

  it("is titled as the published report", () => {
    expect(model.title.map(paragraphText)).toEqual(["2023年度广州市南沙区人民政府办公室", "部门整体支出绩效自评报告"]);
    expect(model.kind).toBe("department");
  });

  it("states budget and execution as the report does", () => {
    expect(text).toContain("全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%。");
  });

  it("states the expected and actual 预算完成率, the score and the grade", () => {
    expect(text).toContain("年初部门年度整体预期预算完成率为95.19%，实际部门年度整体预算完成率为98.93%。");
    expect(text).toContain("部门整体支出绩效自评分数为99分");
    expect(text).toContain("自评等级为“优”");
  });

  it("follows the outline of DOMAIN §5 with its sub-headings", () => {
    const headings = reportParagraphs(model)
      .filter((p) => p.role.startsWith("heading"))
      .map(paragraphText);
    expect(headings).toEqual([
      "一、基本情况",
      "（一）部门概况",
      "1.部门主要职责",
      "2.部门机构设置",
      "（二）年度总体工作和重点工作任务",
      "（三）部门整体收支情况",
      "（四）部门整体绩效管理情况",
      "二、综合评价分析",
      "（一）自评结论综述",
      "（二）各项工作任务绩效目标完成情况分析",
      "1.做好政务保障工作",
      "2.做好督查督办和建议提案办理工作",
      "3.做好信息报送和会议纪要（备忘）撰写等工作",
      "4.绩效指标完成情况",
      "（三）主要工作成效",
      "三、存在的主要问题",
      "四、下一步改进措施",
      "五、附件",
    ]);
  });

  it("gives each task its 绩效目标 and 完成情况, and each indicator its completion", () => {
    expect(text).toContain("绩效目标：紧紧围绕全区中心工作，提高政治站位");
    expect(text).toContain("完成情况：保质保量落实国家、省、市、区需要管委会、区政府参加的各项会议活动");
    expect(text).toContain("全年共组织办理各类会议2023次");
    expect(text).toContain("组织办理各类会议：年度指标值≥2000次，实际完成2023次");
    expect(text).toContain(
      "人大代表、政协委员对建议提案办理工作的满意度：年度指标值为“满意”，完成情况为“达成年度指标”",
    );
  });

  it("lists the unmet indicator with its reason under 三 and its measure under 四", () => {
    const problems = model.parts.find((p) => p.key === "problems")!.paragraphs.map(paragraphText);
    expect(problems).toEqual([
      "“编印工作简报”未达到年度指标值：年度指标值≥56期，实际完成51期，得分9.11分（分值10分）。偏差原因：部分简报合并编印，全年编印51期，未达年度指标值。",
    ]);
    const measures = model.parts.find((p) => p.key === "measures")!.paragraphs.map(paragraphText);
    expect(measures).toEqual(["针对“编印工作简报”，加强信息统筹，按计划编印简报。"]);
  });

  it("attaches the table and has no notice (the sample has no errors)", () => {
    expect(model.notice).toBeNull();
    expect(model.parts[4].paragraphs.map(paragraphText)).toEqual(["部门整体支出绩效自评表。"]);
    expect(model.attachment?.sheet).toBe("部门整体支出绩效自评表");
    expect(model.attachment?.rows[4][4]).toBe("3,378.30");
    expect(model.attachment?.rows[4][7]).toBe("98.93%");
  });

  it("keeps the officer's facts as placeholders until the 报告素材 sheet is filled", () => {
    expect(model.placeholders).toEqual([
      "部门主要职责",
      "部门机构设置",
      "年度总体工作和重点工作任务",
      "部门整体绩效管理情况",
      "主要工作成效",
    ]);
    expect(text).toContain("【待填写：部门主要职责】");
    const placeholderRuns = reportParagraphs(model)
      .flatMap((p) => p.runs)
      .filter((r) => r.kind === "placeholder");
    expect(placeholderRuns.every((r) => /^【待填写：.+】$/.test(r.text))).toBe(true);
  });

  it("fills every placeholder from a complete 报告素材 sheet, and prints its text", async () => {
    const { sheets, detail } = await load(SAMPLE);
    const t = reportMaterialTemplate("department");
    const material = gridFromRows(t.name, [
      t.header,
      ...t.rows.map((r) => [
        r.item,
        r.item === "部门机构设置"
          ? "本级内设处室6个，分别是秘书处、综合处、会务处、联络处、督查室、信息处。"
          : `${r.item}的内容。`,
        r.hint,
      ]),
    ]);
    const filled = draftReport(detail, [...sheets, material]);
    const filledText = reportText(filled);
    expect(filled.placeholders).toEqual([]);
    expect(filledText).not.toContain("【待填写");
    expect(filledText).toContain("本级内设处室6个，分别是秘书处");
    expect(filledText).toContain("主要工作成效的内容。");
    // 存在的主要问题 from the officer comes after those the table shows.
    const problems = filled.parts.find((p) => p.key === "problems")!.paragraphs.map(paragraphText);
    expect(problems[0]).toMatch(/^“编印工作简报”/);
    expect(problems[problems.length - 1]).toBe("存在的主要问题的内容。");
  });
});

describe("the error notice", () => {
  it("opens the draft when the table has errors, saying how many", async () => {
    const { sheets, detail } = await load(path.join(FIXTURES, "total-mismatch.xlsx"));
    const errors = detail.findings.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    const model = draftReport(detail, sheets);
    expect(model.errorCount).toBe(errors);
    expect(reportParagraphs(model)[model.title.length]).toBe(model.notice);
    expect(paragraphText(model.notice!)).toContain(`自评表尚有${errors}处错误未更正`);
  });
});

// ── Property: every number in the draft comes from the table or its evaluation ──────────────────────
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

function canonical(x: number): string {
  return String(round(x, 6));
}

function numbersIn(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => canonical(Number(m[0].replace(/,/g, ""))));
}

/** Every number a sheet shows, as typed and as displayed, and every number the evaluation computed. */
function allowedNumbers(sheets: readonly Grid[], detail: CheckDetail): Set<string> {
  const allowed = new Set<string>();
  for (const g of sheets)
    for (let r = 1; r <= g.rowCount; r++)
      for (let c = 1; c <= g.colCount; c++) {
        const cell = g.cell(r, c);
        if (!cell) continue;
        for (const n of [...numbersIn(normalizeText(cellText(cell.value))), ...numbersIn(displayCell(cell))])
          allowed.add(n);
      }
  for (const f of detail.figures) {
    if (f.value !== null)
      for (const v of [f.value, round(f.value, 2), round(f.value * 100, 2)]) allowed.add(canonical(v));
    for (const n of numbersIn(f.display)) allowed.add(n);
  }
  for (const v of [detail.budget.planned, detail.budget.executed]) if (v !== null) allowed.add(canonical(round(v, 2)));
  return allowed;
}

const workbooks = [
  SAMPLE,
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(FIXTURES, f)),
];

describe("every number in the draft occurs in the table or among the computed figures", () => {
  it.each(workbooks.map((f) => [path.basename(f), f]))("%s", async (_name, file) => {
    const { sheets, detail } = await load(file);
    const allowed = allowedNumbers(sheets, detail);
    for (const lang of ["zh-CN", "en-US"] as const) {
      const model = draftReport(detail, sheets, lang);
      // The notice is about the check, not part of the report (its count is checked above).
      const text = reportParagraphs(model)
        .filter((p) => p.role !== "notice")
        .flatMap((p) => p.runs.map((r) => r.text))
        .join("\n");
      const numbers = numbersIn(text);
      if (detail.table) expect(numbers.length).toBeGreaterThan(3);
      expect(numbers.filter((n) => !allowed.has(n))).toEqual([]);
    }
  });

  it("and every figure run names where it came from", async () => {
    const { sheets, detail } = await load(SAMPLE);
    const keys = new Set(detail.figures.map((f) => f.key));
    const figureRuns = reportParagraphs(draftReport(detail, sheets)).flatMap((p) =>
      p.runs.filter((r) => r.kind === "figure"),
    );
    expect(figureRuns.length).toBeGreaterThan(5);
    for (const run of figureRuns)
      expect(keys.has(run.source) || run.source === "table.year" || /^.+![A-Z]+\d+$/.test(run.source)).toBe(true);
  });
});

describe("damaged tables", () => {
  let books: Grid[][] = [];
  beforeAll(async () => {
    books = await Promise.all(workbooks.map(async (f) => (await readWorkbookFile(f)).sheets));
  });

  // Regression: a 度量单位 cell typed over with "0" made the target "12" read "≤120".
  it("still draft, print only numbers the table holds, and render", async () => {
    const rendered: ReportModel[] = [];
    fc.assert(
      fc.property(fc.nat(1000), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (i, mutations) => {
        const book = books[i % books.length];
        const sheets = book.map((s, k) => (k === 0 ? mutateGrid(s, mutations) : s));
        const detail = checkWorkbook(sheets);
        const model = draftReport(detail, sheets);
        expect(reportSheetPlan(model).rows.length).toBeGreaterThan(10);
        if (rendered.length < 20) rendered.push(model);
        const allowed = allowedNumbers(sheets, detail);
        const text = reportParagraphs(model)
          .filter((p) => p.role !== "notice")
          .flatMap((p) => p.runs.map((r) => r.text))
          .join("\n");
        expect(numbersIn(text).filter((n) => !allowed.has(n))).toEqual([]);
      }),
      {
        numRuns: 600,
        seed,
        examples: [
          // Regression: a score typed as the text "8.662" (no computed score, the table broken) printed as "8.66".
          [
            456,
            [
              { kind: "blank", pick: 87456 },
              { kind: "merge", down: 0, right: 3, pick: 43857 },
              { kind: "misspell", how: 1, at: 14, pick: 1864 },
              { kind: "setAt", row: 1, col: 1, text: "" },
            ],
          ],
          // Regression: a title misspelt "（22023年度）" gave the report the year 2023, which the table does not hold.
          [
            7,
            [
              { kind: "misspell", how: 1, at: 1, pick: 1 },
              { kind: "merge", down: 0, right: 0, pick: 0 },
            ],
          ],
        ],
      },
    );
    for (const model of rendered) expect((await renderDocx(model)).length).toBeGreaterThan(1000);
  });
});
