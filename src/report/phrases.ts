/**
 * The fixed wording of the 自评报告 draft in zh-CN (the report's language, modelled on the 南沙区 2023 report)
 * and en-US. Phrases are templates over runs, so that each language orders the figures its own way while the
 * figures themselves stay runs with their source. No phrase contains a digit: every number comes from the table.
 */
import type { Lang } from "../domain/types";
import type { ReportKind } from "./material";
import type { ReportRun } from "./model";

export type Piece = ReportRun | string | null | undefined | readonly Piece[];

/** Flattens pieces into runs, merging adjacent plain text. */
export function runs(...pieces: Piece[]): ReportRun[] {
  const out: ReportRun[] = [];
  const add = (p: Piece): void => {
    if (p === null || p === undefined || p === "") return;
    if (typeof p === "string") {
      const last = out[out.length - 1];
      if (last && last.kind === "text" && last.source === undefined)
        out[out.length - 1] = { kind: "text", text: last.text + p };
      else out.push({ kind: "text", text: p });
      return;
    }
    if (Array.isArray(p)) {
      for (const q of p) add(q);
      return;
    }
    out.push(p as ReportRun);
  };
  for (const p of pieces) add(p);
  return out;
}

/** Tagged template: `r\`预算数${fig}万元\`` → runs. */
export function r(strings: TemplateStringsArray, ...values: Piece[]): ReportRun[] {
  const pieces: Piece[] = [];
  strings.forEach((s, i) => {
    pieces.push(s);
    if (i < values.length) pieces.push(values[i]);
  });
  return runs(...pieces);
}

type R = ReportRun[];
type P = Piece;

export interface Phrases {
  titleLine1(year: P, unit: P): R;
  titleLine2(kind: ReportKind, project: P): R;
  placeholder(what: string): string;
  notice(count: P): R;
  parts: { basic: string; analysis: string; problems: string; measures: string; attachment: string };
  sections: {
    department: { profile: string; work: string; finance: string; management: string };
    project: { profile: string; goals: string; finance: string; implementation: string };
    conclusion: string;
    goalsAnalysis(kind: ReportKind): string;
    results: string;
  };
  duties: string;
  organisation: string;
  budget(kind: ReportKind, planned: P, executed: P, rate: P): R;
  budgetSubRows(rows: Array<{ label: string; planned: P; executed: P }>): R;
  budgetReason(reason: P): R;
  expectedRate(kind: ReportKind, expected: P, actual: P): R;
  score(kind: ReportKind, score: P, execScore: P, grade: P): R;
  goalHeading(label: string): string;
  unlabelledGoal: string;
  goalExpected(text: P): R;
  goalActual(text: P): R;
  indicatorsHeading: string;
  blockLead(level1: string): string;
  indicatorQuantitative(name: P, target: P, actual: P, unmet: boolean): R;
  indicatorQualitative(name: P, target: P, actual: P): R;
  /** A scorecard row (评分标准, no target or actual): its score and weight. */
  indicatorScored(name: P, score: P, weight: P): R;
  problemScored(name: P, score: P, weight: P): R;
  indicatorSeparator: string;
  sentenceEnd: string;
  /** Between two sentences of one paragraph ("" in Chinese). */
  sentenceGap: string;
  /** Outline numbering, 0-based: 一、 / （一） / 1. / （1）. */
  marker(level: 1 | 2 | 3 | 4, index: number): string;
  ordinal(i: number): string;
  problemUnmet(name: P, target: P, actual: P, score: P, weight: P, qualitative: boolean): R;
  problemOver(name: P, target: P, actual: P): R;
  /** A missed target in a table whose weights are only in the block headings (no score of its own to quote). */
  problemMissed(name: P, target: P, actual: P): R;
  problemBudget(rate: P): R;
  reason(text: P): R;
  allMet: string;
  measureFor(name: P, measure: P): R;
  measureBudget(measure: P): R;
  attachment(tableTitle: string): string;
  defaultTableTitle(kind: ReportKind): string;
  materialLabel(label: string): string;
  missingGoalText(label: string, expected: boolean): string;
  missingActual(name: string): string;
  missingReason(name: string): string;
}

const CN_NUMERALS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (ordinals up to 99 are plenty for a report). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_NUMERALS[n];
  if (n < 20) return `十${n % 10 ? CN_NUMERALS[n % 10] : ""}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMERALS[n % 10] : ""}`;
  return String(n);
}

const zh: Phrases = {
  titleLine1: (year, unit) => r`${year}年度${unit}`,
  titleLine2: (kind, project) =>
    kind === "department" ? r`部门整体支出绩效自评报告` : r`${project}项目支出绩效自评报告`,
  placeholder: (what) => `【待填写：${what}】`,
  notice: (count) =>
    r`【提示】自评表尚有${count}处错误未更正（见“校验结果”），本草稿的数字按当前表格生成，可能随更正而改变。请更正后重新生成报告，并在报送前删除本段。`,
  parts: {
    basic: "基本情况",
    analysis: "综合评价分析",
    problems: "存在的主要问题",
    measures: "下一步改进措施",
    attachment: "附件",
  },
  sections: {
    department: {
      profile: "部门概况",
      work: "年度总体工作和重点工作任务",
      finance: "部门整体收支情况",
      management: "部门整体绩效管理情况",
    },
    project: {
      profile: "项目概况",
      goals: "项目绩效目标",
      finance: "项目资金收支情况",
      implementation: "项目组织实施情况",
    },
    conclusion: "自评结论综述",
    goalsAnalysis: (kind) => (kind === "department" ? "各项工作任务绩效目标完成情况分析" : "绩效目标完成情况分析"),
    results: "主要工作成效",
  },
  duties: "部门主要职责",
  organisation: "部门机构设置",
  budget: (kind, planned, executed, rate) =>
    kind === "department"
      ? r`全年部门预算数${planned}万元，执行数${executed}万元，完成预算的${rate}。`
      : r`全年项目预算数${planned}万元，执行数${executed}万元，完成预算的${rate}。`,
  budgetSubRows: (rows) =>
    runs(
      "其中，",
      rows.map((row, i) => r`${i > 0 ? "；" : ""}${row.label}预算数${row.planned}万元，执行数${row.executed}万元`),
      "。",
    ),
  budgetReason: (reason) => r`预算执行情况说明：${reason}`,
  expectedRate: (kind, expected, actual) =>
    kind === "department"
      ? r`年初部门年度整体预期预算完成率为${expected}，实际部门年度整体预算完成率为${actual}。`
      : r`年初项目预期预算完成率为${expected}，实际项目预算完成率为${actual}。`,
  score: (kind, score, execScore, grade) =>
    r`经自评，${kind === "department" ? "部门整体支出" : "项目支出"}绩效自评分数为${score}分${execScore ? r`（其中预算执行率得分${execScore}分）` : ""}，自评等级为“${grade}”。`,
  goalHeading: (label) => label,
  unlabelledGoal: "年度总体目标",
  goalExpected: (text) => r`绩效目标：${text}`,
  goalActual: (text) => r`完成情况：${text}`,
  indicatorsHeading: "绩效指标完成情况",
  blockLead: (level1) => `${level1}。`,
  indicatorQuantitative: (name, target, actual, unmet) =>
    r`${name}：年度指标值${target}，实际完成${actual}${unmet ? "，未达到年度指标值" : ""}`,
  indicatorQualitative: (name, target, actual) => r`${name}：年度指标值为“${target}”，完成情况为“${actual}”`,
  indicatorScored: (name, score, weight) => r`${name}：自评得分${score}分（分值${weight}分）`,
  problemScored: (name, score, weight) => r`“${name}”未得满分：自评得分${score}分（分值${weight}分）。`,
  indicatorSeparator: "；",
  sentenceEnd: "。",
  sentenceGap: "",
  marker: (level, i) =>
    [`${chineseNumber(i + 1)}、`, `（${chineseNumber(i + 1)}）`, `${i + 1}.`, `（${i + 1}）`][level - 1],
  ordinal: (i) => `${chineseNumber(i)}是`,
  problemUnmet: (name, target, actual, score, weight, qualitative) =>
    qualitative
      ? r`“${name}”未得满分：年度指标值为“${target}”，完成情况为“${actual}”，得分${score}分（分值${weight}分）。`
      : r`“${name}”未达到年度指标值：年度指标值${target}，实际完成${actual}，得分${score}分（分值${weight}分）。`,
  problemOver: (name, target, actual) =>
    r`“${name}”实际完成值大幅超出年度指标值：年度指标值${target}，实际完成${actual}。`,
  problemMissed: (name, target, actual) => r`“${name}”未达到年度指标值：年度指标值${target}，实际完成${actual}。`,
  problemBudget: (rate) => r`预算未全部执行，预算执行率为${rate}。`,
  reason: (text) => r`偏差原因：${text}`,
  allMet: "对照年度绩效目标，各项绩效指标均已达到年度指标值。",
  measureFor: (name, measure) => r`针对“${name}”，${measure}`,
  measureBudget: (measure) => r`针对预算执行偏差，${measure}`,
  attachment: (title) => `${title}。`,
  defaultTableTitle: (kind) => (kind === "department" ? "部门整体支出绩效自评表" : "项目支出绩效自评表"),
  materialLabel: (label) => label,
  missingGoalText: (label, expected) => `${label ? `“${label}”的` : ""}${expected ? "绩效目标" : "完成情况"}`,
  missingActual: (name) => `“${name}”的实际完成值`,
  missingReason: (name) => `“${name}”的偏差原因`,
};

const ROMAN_NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

const ENGLISH_NUMBERS = [
  "",
  "First",
  "Second",
  "Third",
  "Fourth",
  "Fifth",
  "Sixth",
  "Seventh",
  "Eighth",
  "Ninth",
  "Tenth",
];

const en: Phrases = {
  titleLine1: (year, unit) => r`${unit}, ${year}`,
  titleLine2: (kind, project) =>
    kind === "department"
      ? r`Self-evaluation report on overall departmental spending`
      : r`Self-evaluation report on project spending: ${project}`,
  placeholder: (what) => `【待填写：${what}】`,
  notice: (count) =>
    r`[Notice] The self-evaluation table still has ${count} error(s) (see the findings sheet); the figures in this draft follow the table as it is and may change once it is corrected. Generate the report again after correcting it, and delete this paragraph before submission.`,
  parts: {
    basic: "Basic information",
    analysis: "Overall evaluation",
    problems: "Main problems",
    measures: "Next steps",
    attachment: "Attachment",
  },
  sections: {
    department: {
      profile: "The department",
      work: "Work and key tasks of the year",
      finance: "Budget and spending",
      management: "Performance management",
    },
    project: {
      profile: "The project",
      goals: "Performance goals",
      finance: "Project funds",
      implementation: "Implementation",
    },
    conclusion: "Conclusion",
    goalsAnalysis: (kind) =>
      kind === "department" ? "Goals of each task and their completion" : "Goals and their completion",
    results: "Main results",
  },
  duties: "Main duties",
  organisation: "Organisation",
  budget: (kind, planned, executed, rate) =>
    r`The ${kind === "department" ? "department's" : "project's"} budget for the year was ${planned} wan yuan, of which ${executed} wan yuan was spent: ${rate} of the budget.`,
  budgetSubRows: (rows) =>
    runs(
      "Of which: ",
      rows.map((row, i) => r`${i > 0 ? "; " : ""}${row.label}, budget ${row.planned}, spent ${row.executed}`),
      ".",
    ),
  budgetReason: (reason) => r`On budget execution: ${reason}`,
  expectedRate: (_kind, expected, actual) =>
    r`The budget completion rate expected at the start of the year was ${expected}; the actual rate was ${actual}.`,
  score: (_kind, score, execScore, grade) =>
    r`The self-evaluation score is ${score}${execScore ? r` (budget execution: ${execScore})` : ""}, grade “${grade}”.`,
  goalHeading: (label) => label,
  unlabelledGoal: "Overall goal of the year",
  goalExpected: (text) => r`Goal: ${text}`,
  goalActual: (text) => r`Completion: ${text}`,
  indicatorsHeading: "Indicators",
  blockLead: (level1) => `${level1}. `,
  indicatorQuantitative: (name, target, actual, unmet) =>
    r`${name}: target ${target}, actual ${actual}${unmet ? ", target not met" : ""}`,
  indicatorQualitative: (name, target, actual) => r`${name}: target “${target}”, result “${actual}”`,
  indicatorScored: (name, score, weight) => r`${name}: scored ${score} of ${weight}`,
  problemScored: (name, score, weight) => r`“${name}” did not score full marks: ${score} of ${weight}.`,
  indicatorSeparator: "; ",
  sentenceEnd: ".",
  sentenceGap: " ",
  marker: (level, i) =>
    [`${ROMAN_NUMERALS[i] ?? i + 1}. `, `(${String.fromCharCode(97 + i)}) `, `${i + 1}. `, `(${i + 1}) `][level - 1],
  ordinal: (i) => `${ENGLISH_NUMBERS[i] ?? "Next"}, `,
  problemUnmet: (name, target, actual, score, weight, qualitative) =>
    qualitative
      ? r`“${name}” did not score full marks: target “${target}”, result “${actual}”, score ${score} of ${weight}.`
      : r`“${name}” fell short of its target: target ${target}, actual ${actual}, score ${score} of ${weight}.`,
  problemOver: (name, target, actual) => r`“${name}” far exceeded its target: target ${target}, actual ${actual}.`,
  problemMissed: (name, target, actual) => r`“${name}” fell short of its target: target ${target}, actual ${actual}.`,
  problemBudget: (rate) => r`The budget was not fully spent: execution rate ${rate}.`,
  reason: (text) => r`Reason: ${text}`,
  allMet: "Every indicator met its target for the year.",
  measureFor: (name, measure) => r`On “${name}”: ${measure}`,
  measureBudget: (measure) => r`On budget execution: ${measure}`,
  attachment: (title) => `${title}.`,
  defaultTableTitle: (kind) => (kind === "department" ? "部门整体支出绩效自评表" : "项目支出绩效自评表"),
  materialLabel: (label) => label,
  missingGoalText: (label, expected) => `${label ? `“${label}”的` : ""}${expected ? "绩效目标" : "完成情况"}`,
  missingActual: (name) => `“${name}”的实际完成值`,
  missingReason: (name) => `“${name}”的偏差原因`,
};

export const PHRASES: Record<Lang, Phrases> = { "zh-CN": zh, "en-US": en };
