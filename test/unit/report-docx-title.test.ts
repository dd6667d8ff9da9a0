/**
 * The .docx title's layout (GB/T 9704 7.3.3: 回行时要做到词意完整): the year once, each line within the 二号 line
 * of 20 characters, broken at a word boundary, the last line never one short word such as 报告.
 */
import { titleLines } from "../../src/report/docx";
import type { ReportModel, ReportRun } from "../../src/report/model";

function title(...lines: Array<string | ReportRun[]>): ReportModel {
  return {
    title: lines.map((l) => ({ role: "title", runs: typeof l === "string" ? [{ kind: "text", text: l }] : l })),
  } as unknown as ReportModel;
}

const text = (model: ReportModel) => titleLines(model).map((p) => p.runs.map((r) => r.text).join(""));

describe("titleLines", () => {
  it.each([
    [
      ["2023年度示例区交通运输局", "2023年农村公路日常养护项目支出绩效自评报告"],
      ["2023年度示例区交通运输局", "农村公路日常养护项目支出绩效自评报告"],
    ],
    [
      ["2023年度示例县水利局", "2023年度农村饮水安全巩固提升及水源地保护工程项目支出绩效自评报告"],
      ["2023年度示例县水利局", "农村饮水安全巩固提升及水源地保护工程", "项目支出绩效自评报告"],
    ],
    [
      ["2023年度广州南沙经济技术开发区管理委员会办公室", "部门整体支出绩效自评报告"],
      ["2023年度广州南沙经济技术开发区", "管理委员会办公室", "部门整体支出绩效自评报告"],
    ],
    // Another year in the project's name is part of the name.
    [
      ["2024年度示例县水利局", "2023年结转项目支出绩效自评报告"],
      ["2024年度示例县水利局", "2023年结转项目支出绩效自评报告"],
    ],
  ])("%j → %j", (lines, expected) => {
    expect(text(title(...lines))).toEqual(expected);
  });

  it("never leaves a short last line, even without a word boundary", () => {
    const lines = text(title("2023年度示例区交通运输局", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥报告"));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(lines[lines.length - 1].length).toBeGreaterThanOrEqual(4);
    expect(lines.join("")).toBe("2023年度示例区交通运输局甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥报告");
  });

  it("keeps a placeholder whole and highlighted", () => {
    const placeholder: ReportRun = { kind: "placeholder", text: "【待填写：单位名称】" } as ReportRun;
    const lines = titleLines(
      title(
        [
          { kind: "placeholder", text: "【待填写：年度】" } as ReportRun,
          { kind: "text", text: "年度" } as ReportRun,
          placeholder,
        ],
        "项目支出绩效自评报告",
      ),
    );
    const runs = lines.flatMap((p) => p.runs);
    expect(runs.filter((r) => r.kind === "placeholder").map((r) => r.text)).toEqual([
      "【待填写：年度】",
      "【待填写：单位名称】",
    ]);
    expect(lines[lines.length - 1].runs.map((r) => r.text).join("")).toBe("项目支出绩效自评报告");
  });
});

describe("titleLines, where it breaks", () => {
  it("prefers an office to a place: 市场 stays whole", () => {
    expect(text(title("2023年度广东省广州市南沙区市场监督管理局综合执法支队", "部门整体支出绩效自评报告"))).toEqual([
      "2023年度广东省广州市南沙区",
      "市场监督管理局综合执法支队",
      "部门整体支出绩效自评报告",
    ]);
  });
});
