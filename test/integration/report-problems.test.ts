/**
 * The report's 存在的主要问题 names exactly the indicators the engine finds unmet or over-completed, under the
 * profile and settings in force: the report never re-derives whether a target was met.
 */
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckDetail, type Grid } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { draftReport, paragraphText, type ReportModel } from "../../src/report/model";
import { centralRows } from "../helpers/tables";

const FIXTURES = ["workbooks", "variants"].map((d) => path.join(__dirname, "..", "fixtures", d));
const files = FIXTURES.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => [f, path.join(dir, f)] as const),
);

/** The 三级指标 name cells the problems part copies names from. */
function problemNameCells(model: ReportModel, detail: CheckDetail): string[] {
  const nameCells = new Set((detail.table?.indicators ?? []).map((i) => `${detail.table!.sheet}!${i.name.a1}`));
  const problems = model.parts.find((p) => p.key === "problems")!;
  const cited = problems.paragraphs.flatMap((p) =>
    p.runs
      .filter((r) => r.kind === "text" && r.source && nameCells.has(r.source))
      .map((r) => (r as { source: string }).source),
  );
  return [...new Set(cited)].sort();
}

function engineProblems(detail: CheckDetail): string[] {
  return (detail.facts?.indicators ?? [])
    .filter((f) => (f.status === "unmet" || f.status === "over-completed") && f.row.name.text)
    .map((f) => `${detail.table!.sheet}!${f.row.name.a1}`)
    .sort();
}

describe("the report's problems are the engine's", () => {
  const settingsCases: Array<[string, Record<string, string>]> = [
    ["default settings", {}],
    ["overCompletionRatio=1.5", { overCompletionRatio: "1.5" }],
    ["overCompletionRatio=1.05", { overCompletionRatio: "1.05" }],
  ];
  let loaded: Array<[string, Grid[]]>;
  beforeAll(async () => {
    loaded = await Promise.all(
      files.map(async ([name, file]) => [name, (await readWorkbookFile(file)).sheets] as [string, Grid[]]),
    );
  });

  it("on every fixture, under each setting", () => {
    expect(files.length).toBeGreaterThan(50);
    let compared = 0;
    for (const [label, settings] of settingsCases)
      for (const [name, sheets] of loaded) {
        const detail = checkWorkbook(sheets, { settings });
        if (!detail.table) continue;
        const model = draftReport(detail, sheets);
        expect({ name, label, cited: problemNameCells(model, detail) }).toEqual({
          name,
          label,
          cited: engineProblems(detail),
        });
        compared++;
      }
    expect(compared).toBeGreaterThan(150);
  });
});

describe("over-completion in the report follows --set overCompletionRatio", () => {
  // 培训人次 ≥500, actual 650: 650 ÷ 500 = 1.3. At the default 1.2 it is over-completed (1.3 ≥ 1.2); at 1.5 it
  // is not (1.3 < 1.5). Full marks either way, so it is never "unmet".
  const rows = centralRows({
    indicators: [
      ["产出指标", "数量指标", "培训人次", "≥500人次", "650人次", 25, 25, ""],
      ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
      ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
    ],
  });
  const sheets = [gridFromRows("自评表", rows)];
  const problemsText = (settings: Record<string, string>) => {
    const detail = checkWorkbook(sheets, { settings });
    const part = draftReport(detail, sheets).parts.find((p) => p.key === "problems")!;
    return part.paragraphs.map(paragraphText).join("\n");
  };

  it("names the indicator at the default 1.2", () => {
    expect(problemsText({})).toContain("“培训人次”实际完成值大幅超出年度指标值");
  });

  it("leaves it out at 1.5", () => {
    expect(problemsText({ overCompletionRatio: "1.5" })).not.toContain("培训人次");
  });
});

describe("an indicator short of its target", () => {
  // 培训人次 ≥500 with 450 done: 450 ÷ 500 × 25 = 22.50 of 25, explained in its 偏差原因.
  it("is a problem with its score, weight and reason", () => {
    const rows = centralRows({
      indicators: [
        ["产出指标", "数量指标", "培训人次", "≥500人次", "450人次", 25, 22.5, "受疫情影响，部分培训延期。"],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 25, 25, ""],
        ["效益指标", "社会效益指标", "服务覆盖面", "逐步提升", "达成年度指标", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""],
      ],
    });
    const sheets = [gridFromRows("自评表", rows)];
    const detail = checkWorkbook(sheets);
    const unmet = detail.facts!.indicators.filter((f) => f.status === "unmet").map((f) => f.name);
    expect(unmet).toEqual(["培训人次"]);
    const text = draftReport(detail, sheets)
      .parts.find((p) => p.key === "problems")!
      .paragraphs.map(paragraphText)
      .join("\n");
    expect(text).toContain(
      "“培训人次”未达到年度指标值：年度指标值≥500人次，实际完成450人次，得分22.50分（分值25分）。",
    );
    expect(text).toContain("受疫情影响，部分培训延期");
  });
});
