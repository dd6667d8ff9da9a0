/**
 * The finding catalogue (DOMAIN.md §4): each rule's stable id, severity and its messages in zh-CN and en-US.
 * Checks carry no prose: they name a rule and fill in parameters; the wording lives only here.
 */
import type { Finding, Localized, RuleId, Severity } from "./types";

/** Parameters a message may use; every value is already formatted for display. */
export type MessageParams = Partial<
  Record<"label" | "expected" | "received" | "what" | "detail" | "name" | "tier" | "year" | "textZh" | "textEn", string>
>;

interface RuleInfo {
  severity: Severity;
  title: Localized;
  message: (p: MessageParams) => Localized;
}

const q = (s: string | undefined) => s ?? "";

export const CATALOGUE: Record<RuleId, RuleInfo> = {
  "layout-unrecognized": {
    severity: "error",
    title: { "zh-CN": "未识别的表格版式", "en-US": "Layout not recognised" },
    message: (p) => ({
      "zh-CN": `未能识别绩效自评表：缺少“${q(p.label)}”${p.detail ? `（${p.detail}）` : ""}`,
      "en-US": `Self-evaluation table not recognised: the label "${q(p.label)}" was expected${p.detail ? ` (${p.detail})` : ""}`,
    }),
  },
  "required-blank": {
    severity: "error",
    title: { "zh-CN": "必填项为空", "en-US": "Required value missing" },
    message: (p) => ({
      "zh-CN": `“${q(p.what)}”未填写${p.name ? `（${p.name}）` : ""}`,
      "en-US": `"${q(p.what)}" is empty${p.name ? ` (${p.name})` : ""}`,
    }),
  },
  "value-not-number": {
    severity: "error",
    title: { "zh-CN": "应为数值", "en-US": "Number expected" },
    message: (p) => ({
      "zh-CN":
        p.received === undefined
          ? `“${q(p.what)}”${q(p.detail)}`
          : `“${q(p.what)}”应填写数值，实际为“${q(p.received)}”${p.detail ? `：${p.detail}` : ""}`,
      "en-US":
        p.received === undefined
          ? `"${q(p.what)}" ${q(p.textEn ?? p.detail)}`
          : `"${q(p.what)}" needs a number but holds "${q(p.received)}"${p.detail ? `: ${p.detail}` : ""}`,
    }),
  },
  "template-text-left": {
    severity: "warning",
    title: { "zh-CN": "保留了模板文字", "en-US": "Template text left in" },
    message: (p) => ({
      "zh-CN": `单元格仍是模板占位或填写说明“${q(p.received)}”，请替换为实际内容`,
      "en-US": `The cell still holds template text "${q(p.received)}"; replace it with the real content`,
    }),
  },
  "budget-total-mismatch": {
    severity: "error",
    title: { "zh-CN": "资金总额与明细不符", "en-US": "Budget total does not match its rows" },
    message: (p) => ({
      "zh-CN": `${q(p.what)}：年度资金总额为 ${q(p.received)}，而明细合计为 ${q(p.expected)}`,
      "en-US": `${q(p.what)}: the total row says ${q(p.received)} but the rows below add up to ${q(p.expected)}`,
    }),
  },
  "exec-over-budget": {
    severity: "error",
    title: { "zh-CN": "执行数超过预算数", "en-US": "Spending exceeds the budget" },
    message: (p) => ({
      "zh-CN": `${p.label ? `${p.label}：` : ""}执行数 ${q(p.received)} 超过全年预算数 ${q(p.expected)}，请核实数据（超支不加分）`,
      "en-US": `${p.label ? `${p.label}: ` : ""}spending ${q(p.received)} exceeds the budget ${q(p.expected)}; check the figures (overspending earns no points)`,
    }),
  },
  "exec-rate-mismatch": {
    severity: "error",
    title: { "zh-CN": "执行率计算有误", "en-US": "Execution rate is wrong" },
    message: (p) => ({
      "zh-CN": `填报的执行率 ${q(p.received)} 与 全年执行数 ÷ 全年预算数 = ${q(p.expected)} 不符`,
      "en-US": `The execution rate ${q(p.received)} differs from spending ÷ budget = ${q(p.expected)}`,
    }),
  },
  "exec-score-mismatch": {
    severity: "error",
    title: { "zh-CN": "预算执行得分有误", "en-US": "Execution score is wrong" },
    message: (p) => ({
      "zh-CN": `预算执行率得分应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
      "en-US": `The execution score should be ${q(p.expected)}, the table says ${q(p.received)}`,
    }),
  },
  "exec-low-no-reason": {
    severity: "warning",
    title: { "zh-CN": "执行率偏低未说明原因", "en-US": "Low execution without a reason" },
    message: (p) => ({
      "zh-CN": `执行率 ${q(p.received)} 低于 ${q(p.expected)}，需说明原因`,
      "en-US": `Execution rate ${q(p.received)} is below ${q(p.expected)}; a reason is required`,
    }),
  },
  "budget-adjusted-no-reason": {
    severity: "warning",
    title: { "zh-CN": "预算调整未说明原因", "en-US": "Budget adjustment without a reason" },
    message: (p) => ({
      "zh-CN": `全年预算数 ${q(p.received)} 与年初预算数 ${q(p.expected)} 不同，需说明调整原因`,
      "en-US": `The full-year budget ${q(p.received)} differs from the initial budget ${q(p.expected)}; explain the adjustment`,
    }),
  },
  "weights-sum": {
    severity: "error",
    title: { "zh-CN": "分值合计不符", "en-US": "Weights do not add up" },
    message: (p) => ({
      "zh-CN": `${q(p.what)}：分值合计为 ${q(p.received)}，应为 ${q(p.expected)}`,
      "en-US": `${q(p.what)}: the weights add up to ${q(p.received)}, expected ${q(p.expected)}`,
    }),
  },
  "weight-invalid": {
    severity: "error",
    title: { "zh-CN": "分值无效", "en-US": "Invalid weight" },
    message: (p) => ({
      "zh-CN": `指标“${q(p.name)}”的分值${p.received ? `“${p.received}”` : ""}无效：分值须为正数`,
      "en-US": `The weight${p.received ? ` "${p.received}"` : ""} of "${q(p.name)}" is invalid: it must be a positive number`,
    }),
  },
  "score-exceeds-weight": {
    severity: "error",
    title: { "zh-CN": "得分超过分值", "en-US": "Score above the weight" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”得分 ${q(p.received)} 超过分值 ${q(p.expected)}`,
      "en-US": `"${q(p.name)}" scores ${q(p.received)}, more than its weight ${q(p.expected)}`,
    }),
  },
  "score-mismatch": {
    severity: "error",
    title: { "zh-CN": "指标得分与规则不符", "en-US": "Score differs from the rule" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”按规则得分应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
      "en-US": `"${q(p.name)}" should score ${q(p.expected)} by the rule, the table says ${q(p.received)}`,
    }),
  },
  "qualitative-out-of-tier": {
    severity: "error",
    title: { "zh-CN": "定性指标得分超出档次", "en-US": "Qualitative score outside its tier" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”完成情况为“${q(p.tier)}”，得分应在 ${q(p.expected)} 之间，填报为 ${q(p.received)}`,
      "en-US": `"${q(p.name)}" is rated "${q(p.tier)}", so its score must lie in ${q(p.expected)}; the table says ${q(p.received)}`,
    }),
  },
  "reason-missing": {
    severity: "error",
    title: { "zh-CN": "扣分未说明原因", "en-US": "Deduction without a reason" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”${p.received !== undefined ? `未得满分（${q(p.received)}/${q(p.expected)}）` : q(p.detail)}，须填写偏差原因分析及改进措施`,
      "en-US": `"${q(p.name)}" ${p.received !== undefined ? `lost points (${q(p.received)}/${q(p.expected)})` : "missed its target"}; the deviation reason and remedy must be filled in`,
    }),
  },
  "over-completion": {
    severity: "warning",
    title: { "zh-CN": "超额完成未说明", "en-US": "Over-completion not explained" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”实际完成值 ${q(p.received)} 达到目标 ${q(p.expected)} 的 ${q(p.detail)}，请说明原因（目标是否设置偏低）`,
      "en-US": `"${q(p.name)}" reached ${q(p.received)}, ${q(p.detail)} of the target ${q(p.expected)}; explain why (was the target set too low?)`,
    }),
  },
  "unit-mismatch": {
    severity: "warning",
    title: { "zh-CN": "计量单位不一致", "en-US": "Units differ" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”${q(p.detail)}`,
      "en-US": `"${q(p.name)}": ${q(p.detail)}`,
    }),
  },
  "total-mismatch": {
    severity: "error",
    title: { "zh-CN": "总分与合计不符", "en-US": "Total differs from the sum" },
    message: (p) => ({
      "zh-CN": `${q(p.what)}应为 ${q(p.expected)}，填报为 ${q(p.received)}`,
      "en-US": `${q(p.what)} should be ${q(p.expected)}, the table says ${q(p.received)}`,
    }),
  },
  "duplicate-exec-indicator": {
    severity: "warning",
    title: { "zh-CN": "重复考核预算执行", "en-US": "Budget execution scored twice" },
    message: (p) => ({
      "zh-CN": `指标“${q(p.name)}”与预算执行率重复考核（预算执行已单独计分）`,
      "en-US": `The indicator "${q(p.name)}" scores budget execution again (it already has its own score)`,
    }),
  },
  "text-copied": {
    severity: "warning",
    title: { "zh-CN": "完成情况照抄目标或年份不符", "en-US": "Copied text or wrong year" },
    message: (p) => ({
      "zh-CN": p.year
        ? `${p.label ? `“${p.label}”` : ""}实际完成情况提到 ${p.year} 年，与本表年度 ${q(p.expected)} 不符`
        : `${p.label ? `“${p.label}”` : ""}实际完成情况与预期目标完全相同，请如实填写完成情况`,
      "en-US": p.year
        ? `${p.label ? `"${p.label}": ` : ""}the account of results names ${p.year}, not the table's year ${q(p.expected)}`
        : `${p.label ? `"${p.label}": ` : ""}the account of results is a copy of the target; describe what was achieved`,
    }),
  },
  "score-ahead-of-execution": {
    severity: "warning",
    title: { "zh-CN": "指标得分明显高于执行进度", "en-US": "Scores ahead of execution" },
    message: (p) => ({
      "zh-CN": `指标得分率 ${q(p.received)} 比预算执行率 ${q(p.expected)} 高出 ${q(p.detail)} 个百分点以上，请核实`,
      "en-US": `The indicator score ratio ${q(p.received)} exceeds the execution rate ${q(p.expected)} by more than ${q(p.detail)} percentage points; check it`,
    }),
  },
  "qualitative-unrated": {
    severity: "info",
    title: { "zh-CN": "定性结果需人工判断", "en-US": "Qualitative result needs judgement" },
    message: (p) => ({
      "zh-CN": `“${q(p.name)}”的实际完成值“${q(p.received)}”无法对应评分档次，得分 ${q(p.expected)} 由评价人判断，未自动核定`,
      "en-US": `"${q(p.name)}": the result "${q(p.received)}" fits no scoring tier; the score ${q(p.expected)} is the evaluator's judgement and was not checked`,
    }),
  },
  "score-cap": {
    severity: "warning",
    title: { "zh-CN": "总分受执行率限制", "en-US": "Total capped by execution" },
    message: (p) => ({
      "zh-CN": `执行率为 ${q(p.detail)}，按所选规则总分最高为 ${q(p.expected)}，计算得分 ${q(p.received)} 已按上限计`,
      "en-US": `With execution at ${q(p.detail)} the chosen rules cap the total at ${q(p.expected)}; the computed ${q(p.received)} is capped`,
    }),
  },
  "layout-assumption": {
    severity: "info",
    title: { "zh-CN": "表格识别说明", "en-US": "How the table was read" },
    // The reader's choice, already worded in both languages (reading.ts LayoutAssumption).
    message: (p) => ({
      "zh-CN": `${q(p.textZh)}；如识别有误，请在“识别结果”中更正`,
      "en-US": `${q(p.textEn)}; if this is wrong, correct it under "How the table was read"`,
    }),
  },
  "merges-unknown": {
    severity: "info",
    title: { "zh-CN": "无法读取合并单元格", "en-US": "Merged cells unknown" },
    // detail: the cells left unwritten, joined with 、; textEn: the same joined with commas.
    message: (p) => ({
      "zh-CN": `此版本 Excel 无法读取合并单元格信息（需要 ExcelApi 1.13）：${q(p.detail)} 可能合并为一个单元格（上方已填写、下方空白），为免把计算结果写进合并区域，这些单元格未写入。请核对这些单元格，必要时手工填写，或在较新版本的 Excel 中重新校验`,
      "en-US": `This version of Excel cannot report merged cells (ExcelApi 1.13 is needed): ${q(p.textEn)} may be one merged cell (filled above, blank below), so no computed value was written to them, lest it land in a merged area. Check these cells and fill them by hand if needed, or check the table again in a newer Excel`,
    }),
  },
};

/** Rules about the value of the cell they point at: their findings carry what was expected and what is there. */
const FIGURE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "value-not-number",
  "budget-total-mismatch",
  "exec-over-budget",
  "exec-rate-mismatch",
  "exec-score-mismatch",
  "weights-sum",
  "weight-invalid",
  "score-exceeds-weight",
  "score-mismatch",
  "qualitative-out-of-tier",
  "total-mismatch",
  "score-cap",
]);

export function makeFinding(
  rule: RuleId,
  sheet: string,
  cell: string,
  params: MessageParams = {},
  arithmetic?: string,
): Finding {
  const info = CATALOGUE[rule];
  const f: Finding = { rule, severity: info.severity, sheet, cell, message: info.message(params) };
  // Expected / received only where the finding is about the cell's own figure: on a missing reason, "应为 10 ·
  // 实为 8.62" would read as "raise the score to 10", the very inflation the rules forbid.
  if (FIGURE_RULES.has(rule)) {
    if (params.expected !== undefined) f.expected = params.expected;
    if (params.received !== undefined) f.received = params.received;
  }
  if (arithmetic) f.arithmetic = arithmetic;
  return f;
}

export const SEVERITY_LABEL: Record<Severity, Localized> = {
  error: { "zh-CN": "错误", "en-US": "Error" },
  warning: { "zh-CN": "警告", "en-US": "Warning" },
  info: { "zh-CN": "提示", "en-US": "Info" },
};
