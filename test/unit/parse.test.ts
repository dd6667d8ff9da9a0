import type { CellValue } from "../../src/domain/grid";
import {
  canonicalUnit,
  cellText,
  isBlankMark,
  isEmptyExplanation,
  isTemplateText,
  labelWeight,
  moneyScale,
  normalizeLabel,
  normalizeText,
  parseActual,
  parseAmount,
  parseNumber,
  parseTarget,
  qualitativeTier,
  unitKind,
  unitsCompatible,
  type Actual,
  type Operator,
  type Target,
} from "../../src/domain/parse";

const err = (error: string): CellValue => ({ error });

describe("normalizeText", () => {
  it.each([
    ["３３７８．３０", "3378.30"],
    ["９８．５％", "98.5%"],
    ["＞＝90%", ">=90%"],
    ["（Ａ）：，", "(A):,"],
    ["全年预算数\n（A）", "全年预算数(A)"],
    ["绩 效 指 标", "绩效指标"],
    ["\u3000\t年度 \r\n指标值\u00a0", "年度指标值"],
    ["\u22125", "-5"],
    ["≥５０个", "≥50个"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("normalizeLabel", () => {
  it.each([
    ["全年预算数\n（A）", "全年预算数"],
    ["全年预算数(A)", "全年预算数"],
    ["全年执行数（B）", "全年执行数"],
    ["执行率（B/A）", "执行率"],
    ["年初预算数（万元）", "年初预算数"],
    ["年初预算数(万元)", "年初预算数"],
    ["产出指标（50分）", "产出指标"],
    ["得分系数(%)", "得分系数"],
    ["【绩效指标】", ""],
    ["年度指标值【必填】", "年度指标值"],
    ["绩 效 指 标", "绩效指标"],
    ["其中：当年财政拨款", "当年财政拨款"],
    ["其中:上年结转资金", "上年结转资金"],
    ["得分(20分*执行率)", "得分"],
    ["全年预算数（调整后（A））", "全年预算数"],
    ["全年预算数（A", "全年预算数"],
    ["预期目标：", "预期目标"],
    ["全年（调整）预算数", "全年预算数"],
    ["其中", "其中"],
    ["偏差原因分析及改进措施", "偏差原因分析及改进措施"],
    // an unclosed group of several characters goes whole, not only its first one
    ["年初预算数（万元", "年初预算数"],
    // a leading 其中 with a space instead of the colon (the space is dropped first)
    ["其中 当年财政拨款", "当年财政拨款"],
    // 其中 is dropped only at the start: here it is the end of 尤其 and the start of 中小企业
    ["尤其中小企业补助资金（万元）", "尤其中小企业补助资金"],
    // only a trailing colon is dropped: one inside the label stays
    ["单位：万元", "单位:万元"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe("labelWeight", () => {
  it.each<[string, number | null]>([
    ["产出指标(50分)", 50],
    ["产出指标（50分）", 50],
    ["产出指标（５０分）", 50],
    ["效益指标30分", 30],
    ["满意度指标（10 分）", 10],
    ["预算执行率(10.5分)", 10.5],
    ["质量指标（2.25分）", 2.25],
    ["满意度指标", null],
    ["分值", null],
    ["指标值≥95百分比", null],
    ["响应时间30分钟", null],
  ])("%j -> %p", (input, expected) => {
    expect(labelWeight(input)).toBe(expected);
  });
});

describe("cellText", () => {
  it.each<[CellValue | undefined, string]>([
    [null, ""],
    [undefined, ""],
    ["完成", "完成"],
    [3378.3, "3378.3"],
    [0, "0"],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2023, 11, 31)), "2023-12-31"],
    [new Date(Date.UTC(2024, 0, 5)), "2024-01-05"],
    [new Date(Number.NaN), ""],
    [err("#DIV/0!"), "#DIV/0!"],
  ])("%p -> %j", (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });
});

describe("isBlankMark", () => {
  it.each([
    ["", true],
    ["  ", true],
    ["—", true],
    ["——", true],
    ["-", true],
    ["－", true],
    ["/", true],
    ["／", true],
    ["\\", true],
    ["0", false],
    ["无", false],
    ["-5", false],
  ])("%j -> %p", (input, expected) => {
    expect(isBlankMark(input)).toBe(expected);
  });
});

describe("parseNumber", () => {
  it.each<[CellValue | undefined, string | undefined, number, string | null]>([
    // number cells
    [43.2, undefined, 43.2, null],
    [0, undefined, 0, null],
    [-12.5, "General", -12.5, null],
    [3378.3, "#,##0.00", 3378.3, null],
    [0.95, "0%", 95, "%"],
    [0.9893, "0.00%", 98.93, "%"],
    [0.07, "0%", 7, "%"],
    [1.2, "0.0%", 120, "%"],
    [0.5, '0.00"%"', 0.5, null], // a quoted % is a literal sign: no scaling
    [0.5, "0.00\\%", 0.5, null],
    [0.5, "[Red]0.0%", 50, "%"],
    [0.5, '0.0" %"', 0.5, null], // a quoted text of several characters holding the %: still literal
    // an escaped quote \", a space, then a quoted "%": the % is quoted, so literal
    [0.5, '0\\" "%"', 0.5, null],
    [0.5, "[$%-409]0.00", 0.5, null], // a % inside [..] (here the currency symbol of [$…-409]) does not scale
    // \"0.0%\": escaped quotes open no quoted text, so the % between them scales (Excel shows "50.0%" in quotes)
    [0.5, '\\"0.0%\\"', 50, "%"],
    // strings
    ["3,378.30", undefined, 3378.3, null],
    ["1,234,567.8", undefined, 1234567.8, null],
    ["３３７８．３０", undefined, 3378.3, null],
    ["3378.30万元", undefined, 3378.3, "万元"],
    ["3,378.30 万元", undefined, 3378.3, "万元"],
    ["52个", undefined, 52, "个"],
    ["98.93%", undefined, 98.93, "%"],
    ["98．5％", undefined, 98.5, "%"],
    ["12个月", undefined, 12, "个月"],
    ["100百分比", undefined, 100, "百分比"],
    ["2000人次", undefined, 2000, "人次"],
    ["500元/人", undefined, 500, "元/人"],
    ["  42  ", undefined, 42, null],
    ["\u300042\u3000", undefined, 42, null],
    ["-5", undefined, -5, null],
    ["－5万元", undefined, -5, "万元"],
    ["\u22125", undefined, -5, null],
    ["+7", undefined, 7, null],
    [".5", undefined, 0.5, null],
    ["5.", undefined, 5, null],
    ["-0", undefined, 0, null],
    ["0", undefined, 0, null],
    ["￥500", undefined, 500, "元"],
    ["98.93%", "0%", 98.93, "%"], // the format of a text cell does not scale it
  ])("%p (numFmt %p) -> %p %p", (input, numFmt, value, unit) => {
    expect(parseNumber(input, numFmt)).toEqual({ value, unit });
  });

  it.each<[CellValue | undefined]>([
    [null],
    [undefined],
    [""],
    ["   "],
    ["完成"],
    ["—"],
    ["/"],
    ["无"],
    ["约50"],
    ["50-60"],
    ["50~60"],
    ["98%以上"],
    ["50左右"],
    ["2023年12月31日前"],
    ["12,34"],
    ["1.2.3"],
    ["1,2345"],
    ["NaN"],
    ["Infinity"],
    ["1e3"],
    ["50余个"],
    ["%50"],
    ["50/"],
    // a unit neither starts nor ends with the slash of "元/人": "50/人" says per what but not of what, "50元/" is cut
    ["50/人"],
    ["50元/"],
    [true],
    [false],
    [new Date(Date.UTC(2023, 0, 1))],
    [err("#DIV/0!")],
    [err("#REF!")],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])("%p -> null", (input) => {
    expect(parseNumber(input)).toBeNull();
  });

  it("never returns NaN for odd strings", () => {
    const odd = ["-", "+", ".", ",", "1,", ",1", "-.", "+.5", "0x10", "١٢", "1_000", "∞", "--5", "..5"];
    for (const s of odd) {
      const n = parseNumber(s);
      if (n) expect(Number.isFinite(n.value)).toBe(true);
    }
    expect(parseNumber("+.5")).toEqual({ value: 0.5, unit: null });
  });

  it("returns null, not Infinity, for digits beyond a double's range", () => {
    // 400 nines is about 10^400: no finite double; a number cell that is not finite gives null too
    expect(parseNumber("9".repeat(400))).toBeNull();
  });
});

describe("parseTarget", () => {
  const q = (op: Operator | null, value: number, unit: string | null, raw: string): Target => ({
    kind: "quantitative",
    op,
    value,
    unit,
    raw,
  });

  it.each<[CellValue | undefined, string | undefined, Operator | null, number, string | null]>([
    // DOMAIN §2.4 examples
    ["≥50个", undefined, "≥", 50, "个"],
    ["≥100百分比", undefined, "≥", 100, "百分比"],
    ["≤90万元", undefined, "≤", 90, "万元"],
    ["=100%", undefined, "=", 100, "%"],
    ["100%", undefined, null, 100, "%"],
    ["98%以上", undefined, "≥", 98, "%"],
    ["≥95.19%", undefined, "≥", 95.19, "%"],
    ["12个月", undefined, null, 12, "个月"],
    ["≤3年", undefined, "≤", 3, "年"],
    ["≥2,000次", undefined, "≥", 2000, "次"],
    ["43.2", undefined, null, 43.2, null],
    // full-width and ASCII operators
    ["≥５０个", undefined, "≥", 50, "个"],
    ["＞＝90%", undefined, "≥", 90, "%"],
    [">=90%", undefined, "≥", 90, "%"],
    ["≧90%", undefined, "≥", 90, "%"],
    ["⩾90%", undefined, "≥", 90, "%"],
    ["≥=90%", undefined, "≥", 90, "%"],
    ["＞90%", undefined, ">", 90, "%"],
    [">90%", undefined, ">", 90, "%"],
    ["≤30万元", undefined, "≤", 30, "万元"],
    ["＜＝30万元", undefined, "≤", 30, "万元"],
    ["<=30", undefined, "≤", 30, null],
    ["≦30", undefined, "≤", 30, null],
    ["＜5%", undefined, "<", 5, "%"],
    ["<5%", undefined, "<", 5, "%"],
    ["＝100%", undefined, "=", 100, "%"],
    ["= 100 %", undefined, "=", 100, "%"],
    // word operators
    ["不低于95%", undefined, "≥", 95, "%"],
    ["不少于2000次", undefined, "≥", 2000, "次"],
    ["不小于10个", undefined, "≥", 10, "个"],
    ["大于等于90%", undefined, "≥", 90, "%"],
    ["大于或等于90%", undefined, "≥", 90, "%"],
    ["至少3次", undefined, "≥", 3, "次"],
    ["达到100%", undefined, "≥", 100, "%"],
    ["大于80%", undefined, ">", 80, "%"],
    ["高于80%", undefined, ">", 80, "%"],
    ["超过80%", undefined, ">", 80, "%"],
    ["不超过30万元", undefined, "≤", 30, "万元"],
    ["不高于5%", undefined, "≤", 5, "%"],
    ["不大于5%", undefined, "≤", 5, "%"],
    ["小于等于5%", undefined, "≤", 5, "%"],
    ["小于5%", undefined, "<", 5, "%"],
    ["低于5%", undefined, "<", 5, "%"],
    ["等于100%", undefined, "=", 100, "%"],
    ["控制在30万元以内", undefined, "≤", 30, "万元"],
    ["控制在30万元以下", undefined, "≤", 30, "万元"],
    ["控制在30万元", undefined, "≤", 30, "万元"],
    // suffixes
    ["30万元以内", undefined, "≤", 30, "万元"],
    ["30万元以下", undefined, "≤", 30, "万元"],
    ["90%及以上", undefined, "≥", 90, "%"],
    ["12个月内", undefined, "≤", 12, "个月"],
    ["30个工作日内", undefined, "≤", 30, "个工作日"],
    ["不低于95%以上", undefined, "≥", 95, "%"],
    ["超过90%以上", undefined, ">", 90, "%"],
    // a label before the operator
    ["满意度≥95%", undefined, "≥", 95, "%"],
    ["培训人数不少于50人", undefined, "≥", 50, "人"],
    ["成本控制在30万元以内", undefined, "≤", 30, "万元"],
    ["满意度90%以上", undefined, "≥", 90, "%"],
    ["覆盖率达95%", undefined, "≥", 95, "%"],
    // a 不 inside the label is part of it: only 不/未/没 right before the operator negates the operator
    ["不满意率≤5%", undefined, "≤", 5, "%"],
    // an operator inside the label compares words (评分≥良好); only one right before the operator doubles it (≥≯50)
    ["评分≥良好的占比≥90%", undefined, "≥", 90, "%"],
    // prefix and suffix agree (both "at most"): the prefix is the more precise, and 低于 is strict
    ["低于5%以下", undefined, "<", 5, "%"],
    // numbers
    ["≥1,234,567.8元", undefined, "≥", 1234567.8, "元"],
    ["≥.5", undefined, "≥", 0.5, null],
    ["98．5％", undefined, null, 98.5, "%"],
    ["≥-5%", undefined, "≥", -5, "%"],
    ["-5%", undefined, null, -5, "%"],
    ["约50", undefined, null, 50, null],
    ["约50个", undefined, null, 50, "个"],
    ["大约50个", undefined, null, 50, "个"],
    ["50个左右", undefined, null, 50, "个"],
    [" ≥50个 ", undefined, "≥", 50, "个"],
    ["≥ 50\n个", undefined, "≥", 50, "个"],
    // number cells
    [0.95, "0%", null, 95, "%"],
    [43.2, undefined, null, 43.2, null],
    [1, "0.00%", null, 100, "%"],
    [2000, "#,##0", null, 2000, null],
  ])("%p (numFmt %p) -> %p %p %p", (input, numFmt, op, value, unit) => {
    const t = parseTarget(input, numFmt);
    expect(t).toMatchObject({ kind: "quantitative", op, value, unit });
  });

  it("keeps the cell as typed in raw", () => {
    expect(parseTarget(" ≥2,000次 ")).toEqual(q("≥", 2000, "次", "≥2,000次"));
    expect(parseTarget(0.95, "0%")).toEqual(q(null, 95, "%", "95%"));
    expect(parseTarget(43.2)).toEqual(q(null, 43.2, null, "43.2"));
  });

  it.each<[CellValue | undefined]>([[null], [undefined], [""], ["  "], ["—"], ["——"], ["-"], ["/"], ["／"]])(
    "%p -> blank",
    (input) => {
      expect(parseTarget(input)).toEqual({ kind: "blank" });
    },
  );

  it.each([
    "在项目计划完成时间内完成",
    "效果明显",
    "严格执行相关制度规定",
    "逐步提升",
    "有所提高",
    "2023年12月31日前完成",
    "2023年12月31日前",
    "2023年",
    "2023年度",
    "2023年内",
    "12月",
    "6月底前",
    "12月以内",
    "不超过2023年",
    "50-60",
    "50~60",
    "50—60个",
    "50至60个",
    "95%～100%",
    "≥95%且≤100%",
    "不低于上年的95%",
    "较上年提高5%",
    "同比增长10%",
    "≥50以下",
    "=100%以上",
    "=30万元以内", // "=" and 以内 (≤) disagree: do not pick one
    "未达95%",
    "未超过5%",
    "约",
    "≥",
    "≥优良",
    "无",
    "是",
    "……",
    "指标1",
    "50余个",
    "1.2.3",
    "PM2.5≤35",
  ])("%j -> qualitative", (input) => {
    expect(parseTarget(input)).toEqual({ kind: "qualitative", text: input.trim() });
  });

  it("keeps qualitative text as typed, trimmed", () => {
    expect(parseTarget("  效果明显\n")).toEqual({ kind: "qualitative", text: "效果明显" });
  });

  it.each<[CellValue, string]>([
    [err("#REF!"), "#REF!"],
    [true, "TRUE"],
    [new Date(Date.UTC(2023, 11, 31)), "2023-12-31"],
    [Number.NaN, "#NUM!"],
  ])("non-text cell %p -> qualitative %j", (input, text) => {
    expect(parseTarget(input)).toEqual({ kind: "qualitative", text });
  });
});

describe("qualitativeTier", () => {
  it.each([
    // top
    ["达成年度指标", "top"],
    ["达成预期指标", "top"],
    ["完成", "top"],
    ["已完成", "top"],
    ["全部完成", "top"],
    ["已全部完成", "top"],
    ["按时完成", "top"],
    ["是", "top"],
    ["达到", "top"],
    ["已达到", "top"],
    ["达到预期", "top"],
    ["效果明显", "top"],
    ["达标", "top"],
    ["完成年度目标", "top"],
    ["已完成。", "top"],
    ["已完成，效果明显", "top"],
    [" 完 成 ", "top"],
    // middle
    ["部分达成年度指标并具有一定效果", "middle"],
    ["部分达成", "middle"],
    ["部分完成", "middle"],
    ["基本完成", "middle"],
    ["基本达成", "middle"],
    ["部分未完成", "middle"],
    // bottom
    ["未达成年度指标且效果较差", "bottom"],
    ["未达成", "bottom"],
    ["未完成", "bottom"],
    ["未达到", "bottom"],
    ["否", "bottom"],
    ["效果较差", "bottom"],
    ["没有完成", "bottom"],
    ["不达标", "bottom"],
    ["已完成，但未达到预期", "bottom"],
    // punctuation typed twice around a bare word is dropped as a whole run
    ["，，否", "bottom"],
    ["否。。", "bottom"],
  ])("%j -> %s", (input, tier) => {
    expect(qualitativeTier(input)).toBe(tier);
  });

  it.each([
    "",
    "良好",
    "优秀",
    "完成率85%",
    "完成60%",
    "100%",
    "正在推进",
    "不适用",
    "在项目计划完成时间内完成",
    "完成，良好",
    "未全部完成",
    "未按时完成",
  ])("%j -> null (never guess)", (input) => {
    expect(qualitativeTier(input)).toBeNull();
  });
});

describe("parseActual", () => {
  it.each<[CellValue | undefined, string | undefined, Actual]>([
    [null, undefined, { kind: "blank" }],
    [undefined, undefined, { kind: "blank" }],
    ["", undefined, { kind: "blank" }],
    ["—", undefined, { kind: "blank" }],
    ["/", undefined, { kind: "blank" }],
    [52, undefined, { kind: "number", value: 52, unit: null }],
    [0.9893, "0.00%", { kind: "number", value: 98.93, unit: "%" }],
    [0, undefined, { kind: "number", value: 0, unit: null }],
    ["52个", undefined, { kind: "number", value: 52, unit: "个" }],
    ["98.93%", undefined, { kind: "number", value: 98.93, unit: "%" }],
    ["３，３４２．０７万元", undefined, { kind: "number", value: 3342.07, unit: "万元" }],
    ["2,023次", undefined, { kind: "number", value: 2023, unit: "次" }],
    ["约50个", undefined, { kind: "number", value: 50, unit: "个" }],
    ["-3", undefined, { kind: "number", value: -3, unit: null }],
    ["完成", undefined, { kind: "qualitative", text: "完成", tier: "top" }],
    ["达成年度指标", undefined, { kind: "qualitative", text: "达成年度指标", tier: "top" }],
    ["是", undefined, { kind: "qualitative", text: "是", tier: "top" }],
    [
      "部分达成年度指标并具有一定效果",
      undefined,
      { kind: "qualitative", text: "部分达成年度指标并具有一定效果", tier: "middle" },
    ],
    ["未完成", undefined, { kind: "qualitative", text: "未完成", tier: "bottom" }],
    ["良好", undefined, { kind: "qualitative", text: "良好", tier: null }],
    ["100%以上", undefined, { kind: "qualitative", text: "100%以上", tier: null }],
    ["50-60", undefined, { kind: "qualitative", text: "50-60", tier: null }],
    ["2023年", undefined, { kind: "qualitative", text: "2023年", tier: null }],
    ["11月", undefined, { kind: "qualitative", text: "11月", tier: null }],
    ["11个月", undefined, { kind: "number", value: 11, unit: "个月" }],
    ["3年", undefined, { kind: "number", value: 3, unit: "年" }],
    // months are 1 to 12 (月 or 月份); anything else with 月 is a number of months, as "月" is "个月"
    ["1月", undefined, { kind: "qualitative", text: "1月", tier: null }],
    ["12月份", undefined, { kind: "qualitative", text: "12月份", tier: null }],
    ["0月", undefined, { kind: "number", value: 0, unit: "月" }],
    ["13月", undefined, { kind: "number", value: 13, unit: "月" }],
    ["6.5月", undefined, { kind: "number", value: 6.5, unit: "月" }],
    // calendar years are read from 1900 to 2100 (the years a 自评表's deadlines fall in); 3000 years is a quantity
    ["1900年", undefined, { kind: "qualitative", text: "1900年", tier: null }],
    ["2100年", undefined, { kind: "qualitative", text: "2100年", tier: null }],
    ["3000年", undefined, { kind: "number", value: 3000, unit: "年" }],
    // 约 is dropped only in front and 左右 only at the end: inside a word (制约, 左右岸) they stay, and a unit
    // holding 约 or 左 is no unit, so the text is qualitative
    ["5个制约因素", undefined, { kind: "qualitative", text: "5个制约因素", tier: null }],
    ["2处左右岸护坡", undefined, { kind: "qualitative", text: "2处左右岸护坡", tier: null }],
    [" 已完成 ", undefined, { kind: "qualitative", text: "已完成", tier: "top" }],
    [true, undefined, { kind: "qualitative", text: "TRUE", tier: null }],
    [new Date(Date.UTC(2023, 11, 20)), undefined, { kind: "qualitative", text: "2023-12-20", tier: null }],
    [err("#DIV/0!"), undefined, { kind: "error", error: "#DIV/0!" }],
    [err("#REF!"), undefined, { kind: "error", error: "#REF!" }],
    [Number.NaN, undefined, { kind: "error", error: "#NUM!" }],
  ])("%p (numFmt %p) -> %p", (input, numFmt, expected) => {
    expect(parseActual(input, numFmt)).toEqual(expected);
  });
});

describe("units", () => {
  it.each<[string | null, string]>([
    ["%", "percent"],
    ["％", "percent"],
    ["百分比", "percent"],
    ["百分点", "percent"],
    ["个百分点", "percent"],
    ["元", "money"],
    ["万元", "money"],
    ["亿元", "money"],
    ["千元", "money"],
    ...[
      "个",
      "次",
      "份",
      "项",
      "件",
      "篇",
      "条",
      "期",
      "人",
      "人次",
      "家",
      "户",
      "场",
      "所",
      "台",
      "套",
      "本",
      "册",
    ].map((u): [string, string] => [u, "count"]),
    ...["天", "日", "月", "个月", "年", "小时", "工作日", "个工作日"].map((u): [string, string] => [u, "time"]),
    ["元/人", "other"],
    ["平方米", "other"],
    ["km", "other"],
    [null, "none"],
    ["", "none"],
  ])("unitKind(%p) = %s", (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });

  it.each<[string | null, number | null]>([
    ["元", 0.0001],
    ["千元", 0.1],
    ["万元", 1],
    ["亿元", 10000],
    ["个", null],
    ["%", null],
    ["元/人", null],
    [null, null],
  ])("moneyScale(%p) = %p", (unit, scale) => {
    expect(moneyScale(unit)).toBe(scale);
  });

  it.each<[string | null, string | null]>([
    ["百分比", "%"],
    ["％", "%"],
    ["天", "日"],
    ["月", "个月"],
    ["个", "个"],
    [" 万元 ", "万元"],
    ["", null],
    [null, null],
    // the names every object inherits are units no table lists, kept as typed
    ["toString", "toString"],
    ["valueOf", "valueOf"],
  ])("canonicalUnit(%p) = %p", (unit, canonical) => {
    expect(canonicalUnit(unit)).toBe(canonical);
  });

  it("reads a unit named like an inherited method as a unit of its own, never as money", () => {
    // "5valueOf": up to 8 letters after a number are a unit; this one is listed nowhere
    expect(parseNumber("5valueOf")).toEqual({ value: 5, unit: "valueOf" });
    for (const u of ["toString", "valueOf", "constructor"]) {
      expect(unitKind(u)).toBe("other");
      expect(moneyScale(u)).toBeNull();
      expect(parseAmount(`5${u}`)).toBeNull();
    }
  });

  it.each<[string | null, string | null, boolean]>([
    ["%", "%", true],
    ["%", "百分比", true],
    ["百分比", "%", true],
    ["%", null, true],
    [null, "个", true],
    [null, null, true],
    ["万元", "元", true],
    ["亿元", "万元", true],
    ["天", "日", true],
    ["个月", "月", true],
    ["个", "个", true],
    ["个", "次", false],
    ["%", "个", false],
    ["%", "百分点", false],
    ["万元", "个", false],
    ["元/人", "元", false],
    ["个月", "年", false],
  ])("unitsCompatible(%p, %p) = %p", (target, actual, ok) => {
    expect(unitsCompatible(target, actual)).toBe(ok);
  });
});

describe("isTemplateText", () => {
  it.each([
    "指标1",
    "指标2：",
    "指标3:",
    "指标１",
    "三级指标1",
    "……",
    "…",
    "...",
    "。。。",
    "xxx",
    "XX",
    "××",
    "完成XX项",
    "(100字以内)",
    "（500字以内）",
    "对照年度目标，说明年度目标完成情况（100字以内）",
    "对照年度目标，说明…",
    "请填写",
    "请填写实际完成值",
    "填写说明：本表由项目单位填写",
    "示例",
    "不超过500字",
  ])("%j is template text", (input) => {
    expect(isTemplateText(input)).toBe(true);
  });

  it.each([
    "",
    "数量指标",
    "产出指标",
    "完成指标1项",
    "指标值",
    "会议保障次数",
    "完成调研报告3000字",
    "XXL号服装采购",
    "1.",
    "已完成，效果明显",
    "对照检查",
  ])("%j is not template text", (input) => {
    expect(isTemplateText(input)).toBe(false);
  });
});

describe("isEmptyExplanation", () => {
  it.each(["", "  ", "无", "无。", "无。。", "暂无..", "/", "／", "0", "-", "—", "——", "无偏差", "暂无", " 无 "])(
    "%j is empty",
    (input) => {
      expect(isEmptyExplanation(input)).toBe(true);
    },
  );

  // "无。偏差": only a trailing "。" is ignored; one inside starts a second sentence, so this is not "无偏差"
  it.each(["不适用", "受疫情影响，部分活动延期", "无法按期完成，已申请调整", "10", "0.5", "无。偏差"])(
    "%j is an explanation",
    (input) => {
      expect(isEmptyExplanation(input)).toBe(false);
    },
  );
});

describe("text where numbers are (DOMAIN §2.1a): amounts with units, operators in every Unicode form", () => {
  describe("parseAmount", () => {
    it.each<[CellValue | undefined, number]>([
      // number cells as they are, whatever their format
      [3378.3, 3378.3],
      [0, 0],
      [-5, -5],
      [120, 120],
      // text without a unit is in the block's unit
      ["3,378.30", 3378.3],
      ["３，３７８．３０", 3378.3],
      ["  120  ", 120],
      ["-5", -5],
      // 万 and 万元 are the block's unit: nothing to convert
      ["150万", 150],
      ["150万元", 150],
      ["150 万元", 150],
      ["１５０万元", 150],
      ["3,342.07万元", 3342.07],
    ])("%p -> %p (万元, as typed)", (input, value) => {
      expect(parseAmount(input)).toEqual({ value });
    });

    it.each<[string, number]>([
      // 1,234.5 元 = 1234.5 ÷ 10,000 万元
      ["1,234.5元", 0.12345],
      ["￥1,234.5", 0.12345],
      ["¥1,234.5", 0.12345],
      ["１２３４．５元", 0.12345],
      // 1.5 亿元 = 1.5 × 10,000 万元
      ["1.5亿元", 15000],
      ["1.5亿", 15000],
      // 30 千元 = 30 ÷ 10 万元
      ["30千元", 3],
      // 0.07元 = 0.000007 万元: a product or quotient must not leave binary noise
      ["0.07元", 0.000007],
      ["33,783,000元", 3378.3],
    ])("%j -> %p 万元, saying it was converted", (input, value) => {
      expect(parseAmount(input)).toEqual({ value, from: input });
    });

    // 16 significant digits typed, one more than a double holds: the 15th digit kept shows that the conversion
    // shifted the decimal point (× or ÷ 10ⁿ, exact) rather than multiplying by an inexact 0.0001 or 10⁻⁸.
    it("multiplies by 10ⁿ, then keeps 15 significant digits", () => {
      // 9.876543210987654 亿元 × 10⁴ = 98,765.43210987654 万元 -> 98765.4321098765 (the 16th digit, 4, rounds down)
      expect(parseAmount("9.876543210987654亿元")).toEqual({ value: 98765.4321098765, from: "9.876543210987654亿元" });
    });

    it("divides by 10ⁿ, then keeps 15 significant digits", () => {
      // 9,876,543,210,987.654 元 ÷ 10⁸ = 98,765.43210987654 亿元 -> 98765.4321098765
      expect(parseAmount("9876543210987.654元", undefined, "亿元")).toEqual({
        value: 98765.4321098765,
        from: "9876543210987.654元",
      });
    });

    it("keeps the text as typed, trimmed, in from", () => {
      expect(parseAmount(" 1,234.5 元 ")).toEqual({ value: 0.12345, from: "1,234.5 元" });
    });

    it.each<[string, "万元" | "元" | "千元" | "亿元", number, boolean]>([
      // a 元 block: 150万 = 1,500,000 元
      ["150万", "元", 1500000, true],
      ["1,234.5元", "元", 1234.5, false],
      ["1,234.5", "元", 1234.5, false],
      // a 亿元 block: 5,000 万元 = 0.5 亿元
      ["5,000万元", "亿元", 0.5, true],
      // a 千元 block: 2 万元 = 20 千元
      ["2万元", "千元", 20, true],
    ])("%j in a %s block -> %p", (input, unit, value, converted) => {
      expect(parseAmount(input, undefined, unit)).toEqual(converted ? { value, from: input } : { value });
    });

    it.each<[CellValue | undefined]>([
      [null],
      [undefined],
      [""],
      ["完成"],
      ["约50"],
      ["50-60"],
      ["—"],
      ["/"],
      ["50个"],
      ["98%"],
      ["150万元整"],
      ["￥500元"],
      ["2023年"],
      [true],
      [new Date(Date.UTC(2023, 0, 1))],
      [err("#VALUE!")],
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
    ])("%p is not an amount", (input) => {
      expect(parseAmount(input)).toBeNull();
    });
  });

  describe("units written short", () => {
    it("keeps 万 as typed in parseNumber, and knows it as 万元", () => {
      expect(parseNumber("150万")).toEqual({ value: 150, unit: "万" });
      expect(moneyScale("万")).toBe(1);
      expect(moneyScale("亿")).toBe(10000);
      expect(unitKind("万")).toBe("money");
      expect(unitsCompatible("万元", "万")).toBe(true);
      expect(unitsCompatible("万", "元")).toBe(true);
      expect(unitsCompatible("万", "个")).toBe(false);
    });
  });

  describe("parseTarget operators", () => {
    it.each<[string, Operator, number, string | null]>([
      // equals: ASCII, full-width U+FF1D, small form U+FE66
      ["=100%", "=", 100, "%"],
      ["＝100%", "=", 100, "%"],
      ["\uFE66100%", "=", 100, "%"],
      // at least: ≥ U+2265, ≧ U+2267, ⩾ U+2A7E, ≮ U+226E (not less than)
      ["≥90%", "≥", 90, "%"],
      ["≧90%", "≥", 90, "%"],
      ["⩾90%", "≥", 90, "%"],
      ["\u226E90%", "≥", 90, "%"],
      // at most: ≤ U+2264, ≦ U+2266, ⩽ U+2A7D, ≯ U+226F (not greater than)
      ["≤5%", "≤", 5, "%"],
      ["≦5%", "≤", 5, "%"],
      ["⩽5%", "≤", 5, "%"],
      ["\u226F5%", "≤", 5, "%"],
      // strict: ASCII, full-width U+FF1E / U+FF1C, small forms U+FE65 / U+FE64
      [">80%", ">", 80, "%"],
      ["＞80%", ">", 80, "%"],
      ["\uFE6580%", ">", 80, "%"],
      ["<5%", "<", 5, "%"],
      ["＜5%", "<", 5, "%"],
      ["\uFE645%", "<", 5, "%"],
      // two characters for one operator
      ["＞＝90%", "≥", 90, "%"],
      ["\uFE65\uFE6690%", "≥", 90, "%"],
      ["＞=90%", "≥", 90, "%"],
      ["≥=90%", "≥", 90, "%"],
      ["≥＝90%", "≥", 90, "%"],
      ["≧=90%", "≥", 90, "%"],
      ["⩾＝90%", "≥", 90, "%"],
      ["=>90%", "≥", 90, "%"],
      ["＜＝30万元", "≤", 30, "万元"],
      ["\uFE64\uFE6630万元", "≤", 30, "万元"],
      ["≤=30万元", "≤", 30, "万元"],
      ["≦＝30万元", "≤", 30, "万元"],
      ["⩽=30万元", "≤", 30, "万元"],
      ["=<30万元", "≤", 30, "万元"],
      ["＝＝100%", "=", 100, "%"],
      // words
      ["大于等于90%", "≥", 90, "%"],
      ["大于或等于90%", "≥", 90, "%"],
      ["大于或者等于90%", "≥", 90, "%"],
      ["大于、等于90%", "≥", 90, "%"],
      ["小于等于30万元", "≤", 30, "万元"],
      ["小于或者等于30万元", "≤", 30, "万元"],
      // spaces and full-width digits around any of them
      ["≧ ９０ ％", "≥", 90, "%"],
      ["\uFE65\uFE66 90 %", "≥", 90, "%"],
      ["满意度\u226E90%", "≥", 90, "%"],
      ["成本\u226F30万", "≤", 30, "万"],
    ])("%j -> %s %p %p", (input, op, value, unit) => {
      expect(parseTarget(input)).toMatchObject({ kind: "quantitative", op, value, unit, raw: input.trim() });
    });

    it("reads the small forms as text elsewhere too", () => {
      expect(normalizeText("\uFE62\uFE63\uFE64\uFE65\uFE66")).toBe("+-<>=");
      expect(parseNumber("\uFE635")).toEqual({ value: -5, unit: null });
    });

    it.each(["≥\u226F50", "<>5", "未\u226E95%", "\u226E50以下"])(
      "%j stays qualitative (contradictory or negated)",
      (input) => {
        expect(parseTarget(input)).toEqual({ kind: "qualitative", text: input });
      },
    );
  });
});
