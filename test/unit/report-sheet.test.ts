/** The Word-ready 自评报告 sheet plan: one paragraph a row, each in the 公文 style of its level. */
import { checkWorkbook } from "../../src/domain";
import { gridFromRows } from "../../src/domain/grid";
import { estimateRowHeight } from "../../src/domain/print";
import { draftReport } from "../../src/report/model";
import { REPORT_COLUMN_WIDTH, REPORT_SHEET, reportSheetPlan, withReportSheet } from "../../src/report/sheet";
import { centralGrid } from "../helpers/tables";

const grid = centralGrid({ grade: "优", total: [100, 90] });
const detail = checkWorkbook([grid]);
const model = draftReport(detail, [grid]);
const plan = reportSheetPlan(model);
const byText = (prefix: string) => plan.rows.find((r) => r.text.replace(/^\u3000+/, "").startsWith(prefix))!;

describe("reportSheetPlan", () => {
  it("is one wide column named 自评报告", () => {
    expect(plan.name).toBe(REPORT_SHEET);
    expect(plan.columnWidth).toBe(REPORT_COLUMN_WIDTH);
  });

  it("sets the title in 方正小标宋简体 二号, centred, followed by one empty row", () => {
    expect(plan.rows[0]).toMatchObject({ font: "方正小标宋简体", size: 22, align: "center", indent: 0 });
    expect(plan.rows[0].text).toMatch(/^2023年度/);
    expect(plan.rows[2].text).toBe("");
  });

  it("gives each heading level its font, all 三号 with a two-character indent", () => {
    expect(byText("一、基本情况")).toMatchObject({
      font: "黑体",
      fallbackFont: "SimHei",
      size: 16,
      text: "\u3000\u3000一、基本情况",
    });
    expect(byText("（一）项目概况")).toMatchObject({ font: "楷体_GB2312", fallbackFont: "楷体", size: 16, indent: 2 });
    expect(byText("全年项目预算数")).toMatchObject({
      font: "仿宋_GB2312",
      fallbackFont: "仿宋",
      size: 16,
      indent: 2,
      highlight: false,
    });
    expect(byText("全年项目预算数").text.startsWith("\u3000\u3000全年")).toBe(true);
  });

  it("highlights rows holding a placeholder, and the error notice", () => {
    expect(byText("【待填写：项目概况】").highlight).toBe(true);
    const notice = byText("【提示】");
    expect(notice).toMatchObject({ highlight: true, bold: true });
    expect(plan.rows.indexOf(notice)).toBe(3);
  });

  it("is added to a write plan without dropping what it had", () => {
    const once = withReportSheet(detail.plan, model);
    expect(once.values).toBe(detail.plan.values);
    expect(once.sheets?.map((s) => s.name)).toEqual([REPORT_SHEET]);
    expect(withReportSheet(once, model).sheets).toHaveLength(2);
  });
});

describe("estimateRowHeight", () => {
  it("grows with the lines a paragraph wraps to", () => {
    const one = estimateRowHeight("一、基本情况", 16, REPORT_COLUMN_WIDTH);
    const three = estimateRowHeight("字".repeat(28 * 3 - 2), 16, REPORT_COLUMN_WIDTH);
    expect(one).toBeGreaterThanOrEqual(16);
    expect(three).toBeGreaterThan(2.5 * one);
    expect(estimateRowHeight("a".repeat(40), 16, REPORT_COLUMN_WIDTH)).toBe(one);
    expect(estimateRowHeight("字".repeat(10000), 16, REPORT_COLUMN_WIDTH)).toBe(409);
  });

  it("counts line breaks", () => {
    expect(estimateRowHeight("甲\n乙", 16, REPORT_COLUMN_WIDTH)).toBeGreaterThan(
      estimateRowHeight("甲乙", 16, REPORT_COLUMN_WIDTH),
    );
  });
});

it("a grid with no 自评表 still gives a plan", () => {
  const g = gridFromRows("Sheet1", [["x"]]);
  expect(reportSheetPlan(draftReport(checkWorkbook([g]), [g])).rows.length).toBeGreaterThan(10);
});
