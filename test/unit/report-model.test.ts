/** The report draft's pure parts: the 报告素材 sheet, reason splitting, score printing, drafts from small grids. */
import { checkWorkbook } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import {
  draftReport,
  fmtReportScore,
  paragraphText,
  reportMaterialTemplate,
  reportParagraphs,
  reportText,
  splitReason,
  displayCell,
  readReportMaterial,
} from "../../src/report/model";
import { centralGrid } from "../helpers/tables";

describe("fmtReportScore", () => {
  it.each([
    [98.99989956909857, "99"],
    [99, "99"],
    [98.4, "98.40"],
    [9.107143, "9.11"],
    [94.125, "94.13"],
  ])("%s → %s", (x, s) => expect(fmtReportScore(x)).toBe(s));
});

describe("displayCell", () => {
  it.each([
    [{ value: 3378.3, numFmt: "#,##0.00" }, "3,378.30"],
    [{ value: 0.9892756711955717, numFmt: "0.00%" }, "98.93%"],
    [{ value: 0.862, numFmt: "0%" }, "86%"],
    [{ value: 9.89, numFmt: "0.00" }, "9.89"],
    [{ value: 26.5 }, "26.5"],
    [{ value: " 达成年度指标 " }, "达成年度指标"],
  ])("%j → %s", (cell, s) => expect(displayCell(cell)).toBe(s));
});

describe("splitReason", () => {
  it("splits the reason from the measure at 下一步", () => {
    expect(splitReason("部分简报合并编印，全年编印51期，未达年度指标值；下一步加强信息统筹，按计划编印简报。")).toEqual(
      {
        reason: "部分简报合并编印，全年编印51期，未达年度指标值",
        measure: "加强信息统筹，按计划编印简报。",
      },
    );
  });
  it("reads labelled parts", () => {
    expect(splitReason("原因：台风影响。改进措施：推广抗灾品种。")).toEqual({
      reason: "台风影响",
      measure: "推广抗灾品种。",
    });
  });
  it("keeps a text without a measure whole", () => {
    expect(splitReason("受汛期影响，工期顺延。")).toEqual({ reason: "受汛期影响，工期顺延。", measure: "" });
  });
});

describe("the 报告素材 sheet", () => {
  it("lists the department items, required first-level facts included", () => {
    const t = reportMaterialTemplate("department");
    expect(t.name).toBe("报告素材");
    expect(t.header.slice(0, 2)).toEqual(["项目", "内容"]);
    const items = t.rows.map((r) => r.item);
    expect(items).toEqual(
      expect.arrayContaining(["部门主要职责", "部门机构设置", "年度总体工作和重点工作任务", "主要工作成效"]),
    );
    expect(items).not.toContain("项目概况");
    expect(reportMaterialTemplate("project").rows.map((r) => r.item)).toContain("项目概况");
  });

  it("reads a blank template as nothing written", () => {
    const t = reportMaterialTemplate("department");
    const grid = gridFromRows(t.name, [t.header, ...t.rows.map((r) => [r.item, "", r.hint])]);
    expect(readReportMaterial([grid]).size).toBe(0);
  });

  it("reads items by name or alias, splits lines into paragraphs and follows continuation rows", () => {
    const grid = gridFromRows(" 报告素材 ", [
      ["项目", "内容"],
      ["1.主要职责", "（1）负责文电处理。\n（2）负责会务。"],
      [null, "（3）负责督查。"],
      ["机构设置", "　　内设处室6个。"],
      ["不认识的项目", "忽略"],
      [null, "也忽略"],
    ]);
    const m = readReportMaterial([grid]);
    expect(m.get("duties")).toEqual({
      paragraphs: ["（1）负责文电处理。", "（2）负责会务。", "（3）负责督查。"],
      source: " 报告素材 !B2",
    });
    expect(m.get("organisation")?.paragraphs).toEqual(["内设处室6个。"]);
    expect(m.size).toBe(2);
  });
});

describe("drafts from small grids", () => {
  it("a clean project table: title, budget sentence, score, no notice", () => {
    const grid = centralGrid({ grade: "优" });
    const detail = checkWorkbook([grid]);
    const model = draftReport(detail, [grid]);
    const text = reportText(model);
    expect(model.kind).toBe("project");
    expect(model.notice).toBeNull();
    expect(model.parts.map((p) => p.key)).toEqual(["basic", "analysis", "problems", "measures", "attachment"]);
    expect(model.parts.map((p) => paragraphText(p.heading))).toEqual([
      "一、基本情况",
      "二、综合评价分析",
      "三、存在的主要问题",
      "四、下一步改进措施",
      "五、附件",
    ]);
    expect(text).toContain("全年项目预算数100.00万元，执行数95.00万元，完成预算的95.00%。");
    expect(text).toContain("自评分数为99.50分");
    expect(model.title.map(paragraphText).join("")).toMatch(/项目支出绩效自评报告$/);
  });

  it("a sheet that is no 自评表 still drafts, with placeholders where the figures would be and the notice", () => {
    const grid = gridFromRows("Sheet1", [["hello"]]);
    const model = draftReport(checkWorkbook([grid]), [grid]);
    expect(model.notice).not.toBeNull();
    expect(model.placeholders).toEqual(expect.arrayContaining(["全年预算数", "全年执行数", "预算执行率", "自评分数"]));
    expect(reportText(model)).toContain("全年项目预算数【待填写：全年预算数】万元");
    expect(model.attachment).toBeNull();
  });

  it("never prints a digit from its own phrases: markers hold the numbering", () => {
    const grid = gridFromRows("Sheet1", [["hello"]]);
    for (const lang of ["zh-CN", "en-US"] as const) {
      const model = draftReport(checkWorkbook([grid]), [grid], lang);
      const digits = reportParagraphs(model)
        .filter((p) => p.role !== "notice")
        .flatMap((p) => p.runs)
        .filter((r) => /\d/.test(r.text));
      expect(digits).toEqual([]);
    }
  });
});

describe("a scorecard table (评分标准, no target or actual)", () => {
  it("reports each score against its weight and the deduction with its reason", () => {
    const grid = gridFromRows("自评表", [
      ["部门整体支出绩效自评表（2023年度）"],
      ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
      ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因"],
      ["投入", "预算编制", "预算编制科学性", "预算编制合理得满分", 45, 45, ""],
      ["过程", "预算管理", "资金使用合规性", "发现一处扣5分", 45, 40, "一处支出凭证不规范"],
      ["总分", "", "", "", 100, 94.5, ""],
    ]);
    const text = reportText(draftReport(checkWorkbook([grid]), [grid]));
    expect(text).toContain("预算编制科学性：自评得分45分（分值45分）");
    expect(text).toContain("“资金使用合规性”未得满分：自评得分40分（分值45分）。");
    expect(text).toContain("一处支出凭证不规范");
  });
});
