/**
 * The header and row labels of the 自评表 family and their synonyms (DOMAIN.md §2), matched after
 * normalizeLabel (spaces, line breaks, full-width forms and "（A）"-style suffixes removed).
 */
import { normalizeLabel } from "./parse";

type Matcher = { exact: string[]; pattern?: RegExp };

function matcher(exact: string[], pattern?: RegExp): Matcher {
  return { exact, pattern };
}

export const BUDGET_COLUMNS = {
  initial: matcher(["年初预算数", "年初预算", "年初预算数额", "年初批复预算数"], /^年初.*预算/),
  planned: matcher(
    [
      "全年预算数",
      "调整后预算数",
      "调整后预算",
      "预算数",
      "全年(调整)预算数",
      "全年调整预算数",
      "全年预算",
      "年度预算数",
    ],
    /^(全年|调整后|年度).*预算数?$/,
  ),
  executed: matcher(
    ["全年执行数", "预算执行数", "执行数", "全年实际执行数", "实际执行数", "实际支出数"],
    /执行数$|支出数$/,
  ),
  weight: matcher(["分值", "权重", "执行率权重", "分值(权重)", "权重占比", "权重分"], /^(分值|权重)/),
  rate: matcher(["执行率", "预算执行率", "全年执行率", "资金执行率", "预算执行进度", "执行进度"], /执行率$|执行进度$/),
  score: matcher(["得分", "执行率得分", "预算执行率得分"], /^得分|得分$/),
  reason: matcher(["原因", "原因说明", "偏差原因", "情况说明", "说明"], /原因/),
} as const;
export type BudgetColumn = keyof typeof BUDGET_COLUMNS;

export const INDICATOR_COLUMNS = {
  level1: matcher(["一级指标", "一级"]),
  level2: matcher(["二级指标", "二级"]),
  name: matcher(
    ["三级指标", "三级", "三级指标名称", "指标名称", "绩效指标名称", "具体指标", "指标内容"],
    /^三级指标|具体指标$|指标内容$/,
  ),
  nature: matcher(["指标性质"]),
  unit: matcher(["度量单位", "计量单位", "单位"]),
  // Before target: "实际完成指标值" ends like a target label but is the actual.
  actual: matcher(["实际完成值", "完成值", "全年完成值", "全年实际完成值", "实际完成情况", "实际值"], /实际|完成值$/),
  target: matcher(
    [
      "年度指标值",
      "指标值",
      "年初目标值",
      "年初指标值",
      "预期指标值",
      "年度目标值",
      "目标值",
      "预期目标值",
      "全年指标值",
    ],
    /(指标|目标)值$/,
  ),
  weight: matcher(
    ["分值", "权重", "指标权重", "权重分", "标准分", "标准分值", "权重占比", "指标分值", "指标权重分"],
    /分值$|权重|^标准分/,
  ),
  criteria: matcher(
    ["评分标准", "指标解释", "评分要点", "评价标准", "评分办法", "指标说明", "考核标准", "评分细则"],
    /评分标准|评价标准|考核标准|评分细则/,
  ),
  // A mark out of 100 whose share of the weight is the score ("单项指标得分" beside "单项指标折算得分").
  coefficient: matcher(["得分系数", "得分系数(%)", "单项指标得分", "单项得分"], /得分系数|^单项(指标)?得分$/),
  score: matcher(
    ["得分", "指标得分", "自评得分", "实际得分", "评分", "自评分", "自评分数", "单项指标折算得分", "折算得分"],
    /得分$|自评分$/,
  ),
  reason: matcher(
    [
      "偏差原因分析及改进措施",
      "未完成原因分析",
      "偏差大或目标未完成原因分析",
      "原因",
      "偏差原因分析",
      "未完成原因及改进措施",
    ],
    /原因|偏差|改进措施/,
  ),
} as const;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

export const GOAL_COLUMNS = {
  expected: matcher(["预期目标", "年度目标", "年度绩效目标", "预期绩效目标", "绩效目标"]),
  actual: matcher(["实际完成情况", "全年实际完成情况", "完成情况", "目标完成情况", "实际完成"]),
} as const;

const TOTAL_ROW = matcher([
  "年度资金总额",
  "总额",
  "年度财政资金总额",
  "资金总额",
  "合计",
  "总计",
  "预算资金总额",
  "年度资金总额合计",
]);
const TOTAL_SCORE = matcher(["总分", "合计", "总计", "综合得分", "自评总分", "自评得分", "总得分"]);
const GRADE = matcher(["等级", "自评等级", "评价等级", "绩效等级", "自评结果等级", "评价结果"]);

export function matches(m: Matcher, label: string): boolean {
  return m.exact.includes(label) || (m.pattern !== undefined && m.pattern.test(label));
}

/** Exact synonyms of a group as one lookup table (header matching runs on every header-like cell). */
const exactIndex = new WeakMap<object, Map<string, string>>();

/**
 * Every role of a group a header label could name, with how plainly: 1 for a known synonym, 0.7 for a label that
 * only fits a role's pattern. The header reader weighs these against each other and against the data.
 */
export function roleMatches<K extends string>(group: Record<K, Matcher>, label: string): Array<[K, number]> {
  const out: Array<[K, number]> = [];
  if (!label) return out;
  for (const k of Object.keys(group) as K[]) {
    const m = group[k];
    if (m.exact.includes(label)) out.push([k, 1]);
    else if (m.pattern?.test(label)) out.push([k, 0.7]);
  }
  return out;
}

/** Which column of a group a header label names, exact synonyms first. */
export function columnFor<K extends string>(group: Record<K, Matcher>, label: string): K | null {
  let index = exactIndex.get(group);
  if (!index) {
    index = new Map();
    for (const k of Object.keys(group) as K[]) for (const e of group[k].exact) if (!index.has(e)) index.set(e, k);
    exactIndex.set(group, index);
  }
  const exact = index.get(label) as K | undefined;
  if (exact) return exact;
  for (const k of Object.keys(group) as K[]) if (group[k].pattern?.test(label)) return k;
  return null;
}

export const isBudgetTotalLabel = (label: string) => matches(TOTAL_ROW, label);
export const isTotalScoreLabel = (label: string) => matches(TOTAL_SCORE, label);
export const isGradeLabel = (label: string) => matches(GRADE, label);

/** Labels that open another block: a budget or indicator block ends when one of them appears. */
export function isBlockLabel(label: string): boolean {
  return /^(年度总体目标|年度主要任务|总体目标|绩效目标|绩效指标|一级指标|预期目标|实际完成情况|年度绩效目标|主要任务)/.test(
    label,
  );
}

export function labelOf(raw: string): string {
  return normalizeLabel(raw);
}

/** 一级 blocks by their meaning: names differ between 项目 and 部门整体 tables. */
export function blockKind(level1: string): "output" | "outcome" | "satisfaction" | "other" {
  if (/产出/.test(level1)) return "output";
  if (/效益|效果|履职效益/.test(level1)) return "outcome";
  if (/满意/.test(level1)) return "satisfaction";
  return "other";
}

/** 二级 categories whose bare targets read as ≤ (成本指标). */
export function isCostCategory(level2: string): boolean {
  return /成本/.test(level2);
}

/** Indicators that measure budget execution again (duplicate-exec-indicator). */
export function isExecutionIndicator(name: string): boolean {
  if (!/率|进度/.test(name)) return false;
  return /(预算|资金|支出)(执行|完成|支付)率|执行率|支出进度|预算完成率/.test(normalizeLabel(name));
}

/** Which breakdown of the budget total a sub-row belongs to: by kind of spending, or by source of funds. */
export function budgetBreakdown(label: string): "spending" | "funds" {
  return /基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|对个人和家庭/.test(label) ? "spending" : "funds";
}
