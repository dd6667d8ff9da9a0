/**
 * Reading what officers type into a 自评表: header labels, embedded weights, numbers with units, the
 * 年度指标值 (target) and 实际完成值 (actual) strings of DOMAIN §2.4, and the placeholders templates leave behind.
 * Pure functions over cell values: no host, no I/O. Anything that cannot be read for sure is returned as text,
 * never guessed into a number.
 */
import { isCellError, type CellValue } from "./grid";
import { toDigits } from "./precision";

// ---------------------------------------------------------------------------------------------------------
// Text and labels

/**
 * Full-width digits/letters/punctuation (０-９, ．，％＞＜＝（）：) to ASCII, U+3000 and all whitespace incl. line
 * breaks removed. The typographic minus U+2212 also becomes "-" (Word and WPS substitute it for "-"), and the
 * small forms ﹢﹣﹤﹥﹦ (U+FE62–FE66, offered by Chinese input methods next to ＜＞＝) become + - < > =.
 */
const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\u2212\uFE62-\uFE66\s\u200B-\u200D\uFEFF]/;
const SMALL_FORMS = "+-<>=";

/**
 * Texts already normalised: one cell's text is asked for by several readers (its number, blank mark, template
 * text, explanation), and labels repeat down a sheet. Only short texts, and emptied when full: a hostile sheet
 * cannot grow it past a few megabytes.
 */
const normalized = new Map<string, string>();
const NORMALIZED_KEPT = 10_000;
const NORMALIZED_LONGEST = 200;

export function normalizeText(s: string): string {
  // Most cells need nothing: one scan instead of three replacements (the engine reads every cell).
  if (!NEEDS_NORMALIZING.test(s)) return s;
  let t = normalized.get(s);
  if (t === undefined) {
    t = s
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u2212/g, "-")
      .replace(/[\uFE62-\uFE66]/g, (c) => SMALL_FORMS[c.charCodeAt(0) - 0xfe62])
      .replace(/[\s\u200B-\u200D\uFEFF]/g, "");
    if (s.length <= NORMALIZED_LONGEST) {
      if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
      normalized.set(s, t);
    }
  }
  return t;
}

/** What normalizeLabel can drop: a bracket, a colon, or a leading 其中 (most labels hold none). */
const LABEL_DECORATION = /[(【[〔:]|^其中/;

/** One bracketed group without brackets of its own kind inside: applied repeatedly, it peels nested groups. */
const BRACKETED = /\([^()]*\)|【[^【】]*】|\[[^[\]]*\]|〔[^〔〕]*〕/g;

/**
 * Header/row label normalisation for matching: normalizeText, then drop bracketed suffixes such as （A） (B)
 * （B/A） （万元） (万元) （50分） (%) 【】, and a leading "其中：" / "其中:"; keep the Chinese core.
 * "全年预算数\n（A）" -> "全年预算数"; "绩 效 指 标" -> "绩效指标"; "其中：当年财政拨款" -> "当年财政拨款".
 * Also drops an unclosed trailing "(" group (a header cut by a line break) and a trailing ":" ("预期目标：").
 */
export function normalizeLabel(s: string): string {
  let t = normalizeText(s);
  if (!LABEL_DECORATION.test(t)) return t;
  for (let before = ""; before !== t;) {
    before = t;
    t = t.replace(BRACKETED, "");
  }
  return t
    .replace(/\([^)]*$/, "")
    .replace(/^其中:?(?=.)/, "")
    .replace(/:$/, "");
}

/**
 * A weight embedded in a label: "产出指标(50分)" -> 50, "产出指标（50分）" -> 50, "效益指标30分" -> 30,
 * "满意度指标" -> null. "30分钟" is a duration, not a weight.
 */
export function labelWeight(s: string): number | null {
  const m = /(\d+(?:\.\d+)?)分(?!钟|之)/.exec(normalizeText(s));
  return m ? Number(m[1]) : null;
}

/**
 * The cell's text as the user sees it (numbers via String, rich text already flattened by gateways,
 * Date -> yyyy-mm-dd, error -> "#DIV/0!"). null/undefined -> "". Booleans as Excel shows them: TRUE / FALSE.
 */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return formatDate(v);
  return v.error;
}

/** UTC components: gateways hand over Excel serial dates as UTC midnights, so local time would shift the day. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Cells officers fill with a dash or slash to say "nothing here": "—", "——", "-", "/", "／", "\". */
export function isBlankMark(text: string): boolean {
  return /^[-—–―─/\\]*$/.test(normalizeText(text));
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

export interface ParsedNumber {
  value: number;
  unit: string | null;
}

/** A "%" that scales the value; a quoted "%" or an escaped \% is a literal sign, and [..] holds colours/conditions. */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  // One pass from the left, as Excel reads a format: an escaped \" opens no quoted text (\"0.0%\" scales).
  return numFmt.replace(/\\.|"[^"]*"|\[[^\]]*\]/g, "").includes("%");
}

/** value × 100 without the binary noise (0.07 × 100 = 7.000000000000001); 15 digits is all a double holds. */
function percentOf(fraction: number): number {
  return toDigits(fraction * 100);
}

/** Sign, then either strict 千分位 groups ("1,234,567.8") or plain digits ("3378.30", "5.", ".5"), then the rest. */
const NUMBER_THEN_REST = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(.*)$/;
const UNIT_CHARS = /^[\u4e00-\u9fffA-Za-z%‰°℃²³/]{1,8}$/;
/**
 * Characters that never occur in a unit but do in qualifiers written after a number ("50左右", "30日前",
 * "98%以上", "50余个", "2项完成"): a trailing text containing one is not a unit, so the cell is not a plain number.
 */
const NOT_IN_UNIT = /[以上下内外左右前后约近完成达到不超过低高于少多至及或和等的为是未否无共余]/;

function isUnitLike(s: string): boolean {
  return UNIT_CHARS.test(s) && !NOT_IN_UNIT.test(s) && !s.startsWith("/") && !s.endsWith("/");
}

/** The string half of parseNumber, on text already normalised. */
function parseNumberText(t: string): ParsedNumber | null {
  // "￥500" / "¥500": the currency sign is the unit.
  const currency = /^[¥￥]/.test(t);
  const m = NUMBER_THEN_REST.exec(currency ? t.slice(1) : t);
  if (!m) return null;
  const [, sign, digits, rest] = m;
  const magnitude = Number(digits.replace(/,/g, ""));
  if (!Number.isFinite(magnitude)) return null;
  // No "-0": it would print as "0" yet compare unequal in tests and Object.is.
  const value = sign === "-" && magnitude !== 0 ? -magnitude : magnitude;
  if (rest === "") return { value, unit: currency ? "元" : null };
  if (currency || !isUnitLike(rest)) return null;
  return { value, unit: rest };
}

/**
 * A number from a cell: JS numbers as they are (if numFmt contains "%", the value is a fraction and is
 * returned ×100 with unit "%"); strings with 千分位 commas "3,378.30", full-width digits "３３７８．３０", a
 * trailing unit ("3378.30万元" -> unit "万元", "52个" -> "个", "98.93%" -> 98.93 unit "%", "12个月" -> 12 "个月"),
 * a leading sign, surrounding spaces. Returns null for blanks, error values, booleans, dates and text that is
 * not a number ("完成", "—", "/", "无", "约50", "50-60"). Never NaN. The numFmt of a text cell is ignored, as in Excel.
 */
export function parseNumber(v: CellValue | undefined, numFmt?: string): ParsedNumber | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    return isPercentFormat(numFmt) ? { value: percentOf(v), unit: "%" } : { value: v, unit: null };
  }
  if (typeof v !== "string") return null;
  return parseNumberText(normalizeText(v));
}

/**
 * "2023年" is a calendar year and "12月" a month (a duration is written "12个月"): deadlines, not quantities.
 * Such text stays qualitative, because "11月" against a "12月" deadline is early, not 92% done.
 */
function isCalendarReference(n: ParsedNumber): boolean {
  if (!Number.isInteger(n.value)) return false;
  if (n.unit === "年" || n.unit === "年度") return n.value >= 1900 && n.value <= 2100;
  if (n.unit === "月" || n.unit === "月份") return n.value >= 1 && n.value <= 12;
  return false;
}

/** "约50" / "50左右" carry no operator: the number is read as given (an approximation is not a range). */
function stripApproximation(t: string): string {
  return t.replace(/^(?:大约|约)/, "").replace(/左右$/, "");
}

// ---------------------------------------------------------------------------------------------------------
// Targets (年度指标值)

export type Operator = "≥" | ">" | "≤" | "<" | "=";

export type Target =
  | { kind: "blank" }
  /** op null = no operator given (the evaluator decides the direction, DOMAIN §2.4). raw = the cell as typed. */
  | { kind: "quantitative"; op: Operator | null; value: number; unit: string | null; raw: string }
  | { kind: "qualitative"; text: string };

/**
 * Written before the number, on normalised text (so ＞＝ is already ">=" and ﹥﹦ too). The longest match wins.
 * Every Unicode form officers type: ≥ (U+2265) ≧ (U+2267) ⩾ (U+2A7E) and ≮ (U+226E, "not less than"); ≤ (U+2264)
 * ≦ (U+2266) ⩽ (U+2A7D) and ≯ (U+226F, "not greater than"); any of them doubled with "=" ("≥=", "≧＝").
 */
// prettier-ignore
const PREFIX_OPERATORS = operatorTable({
  "≥": ["≥", "≧", "⩾", "≮", ">=", "=>", "≥=", "≧=", "⩾=", "≮=", "不低于", "不少于", "不小于",
        "大于等于", "大于或等于", "大于或者等于", "大于、等于", "至少", "达到", "达"],
  ">": [">", "大于", "高于", "超过", "多于"],
  "≤": ["≤", "≦", "⩽", "≯", "<=", "=<", "≤=", "≦=", "⩽=", "≯=",
        "不超过", "不高于", "不大于", "不多于", "小于等于", "小于或等于", "小于或者等于", "小于、等于",
        "至多", "最多", "控制在"],
  "<": ["<", "小于", "低于", "少于"],
  "=": ["=", "==", "等于"],
});

/** Written after the number: "98%以上", "30万元以内", "12个月内". 以上/以下 are inclusive in official usage. */
const SUFFIX_OPERATORS = operatorTable({
  "≥": ["及以上", "或以上", "以上"],
  "≤": ["及以下", "或以下", "以下", "以内", "之内", "内"],
});

type OperatorWord = readonly [word: string, op: Operator];

/** Longest words first, so "不超过" is tried before "超过" and "大于等于" before "等于". */
function operatorTable(words: Partial<Record<Operator, string[]>>): OperatorWord[] {
  const table = Object.entries(words).flatMap(([op, list]) => list.map((w): OperatorWord => [w, op as Operator]));
  return table.sort((a, b) => b[0].length - a[0].length);
}

function operatorEnding(text: string, table: readonly OperatorWord[]): OperatorWord | null {
  return table.find(([word]) => text.endsWith(word)) ?? null;
}

function direction(op: Operator): "up" | "down" | "equal" {
  return op === "≥" || op === ">" ? "up" : op === "≤" || op === "<" ? "down" : "equal";
}

/** Where the number starts: a digit, or a sign or "." right before one. */
const NUMBER_START = /[+-]?\.?\d/;

/**
 * The quantitative reading of a normalised target, or null when it is not one. Shape:
 * [label][prefix operator]number[unit][suffix operator], e.g. "≥50个", "98%以上", "满意度≥95%", "控制在30万元以内".
 * A label ("满意度", "成本") is accepted only when an operator says how it relates to the number, and the operator
 * must sit right before the number: "不低于上年的95%" is relative to something else and stays qualitative.
 */
function readQuantitative(t: string): { op: Operator | null; number: ParsedNumber } | null {
  let body = stripApproximation(t);
  const suffix = operatorEnding(body, SUFFIX_OPERATORS);
  if (suffix) body = body.slice(0, -suffix[0].length);

  const start = body.search(NUMBER_START);
  if (start < 0) return null;
  const before = body.slice(0, start);
  const prefix = before ? operatorEnding(before, PREFIX_OPERATORS) : null;
  if (before && !prefix && !suffix) return null; // text before the number and nothing tying it to the number
  if (prefix) {
    const label = before.slice(0, -prefix[0].length);
    // "未达95%", "不达到…": a negated operator we do not understand.
    if (/[未不没]$/.test(label)) return null;
    // "≥≯50", "<>5": two operators that make no one operator we know; do not pick one.
    if (/[<>=≥≤≧≦⩾⩽≮≯]$/.test(label)) return null;
  }

  if (prefix && suffix && direction(prefix[1]) !== direction(suffix[1])) return null; // "≥50以下": do not guess
  // "超过90%以上": of two agreeing operators the prefix is the more precise (超过 is strict).
  const op = prefix?.[1] ?? suffix?.[1] ?? null;

  const number = parseNumberText(body.slice(start));
  if (!number || isCalendarReference(number)) return null;
  return { op, number };
}

/**
 * Parses a 年度指标值 (DOMAIN §2.4). Operators: ≥ ≧ ⩾ ≮ >= ＞＝ ﹥﹦ 不低于 不少于 不小于 大于等于 至少 达到 → "≥" (">"
 * only for a strict > ＞ ﹥ 大于 高于 超过); ≤ ≦ ⩽ ≯ <= 不超过 不高于 不大于 小于等于 控制在 → "≤" ("<" for < ＜ ﹤
 * 小于 低于); = ＝ ﹦ 等于 → "=". Suffixes: 以上 → ≥; 以下/以内/之内/内 → ≤. Numbers as in parseNumber.
 * A number cell is a target with no operator (with % format: ×100, unit "%").
 * Qualitative: text without a readable number, ranges ("50-60", "95%～100%"), relative targets
 * ("不低于上年的95%"), and dates ("2023年12月31日前完成", "2023年", "12月"): a date is not a target value.
 * Blank / "—" / "/" → blank. An error value (#REF!) or a boolean is qualitative with its displayed text.
 */
export function parseTarget(v: CellValue | undefined, numFmt?: string): Target {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") {
    const n = parseNumber(v, numFmt);
    if (!n) return { kind: "qualitative", text: "#NUM!" };
    return {
      kind: "quantitative",
      op: null,
      value: n.value,
      unit: n.unit,
      raw: n.unit === "%" ? `${n.value}%` : String(v),
    };
  }
  if (typeof v !== "string") return { kind: "qualitative", text: cellText(v) };
  if (isBlankMark(v)) return { kind: "blank" };
  const read = readQuantitative(normalizeText(v));
  if (!read) return { kind: "qualitative", text: v.trim() };
  return { kind: "quantitative", op: read.op, value: read.number.value, unit: read.number.unit, raw: v.trim() };
}

// ---------------------------------------------------------------------------------------------------------
// Actual values (实际完成值) and qualitative tiers

export type Tier = "top" | "middle" | "bottom";

/** Partial results: checked first, so "部分未完成" (a part not done) is partial rather than failed. */
const MIDDLE_TIER = /部分未?(达成|完成|达到|实现)|基本(达成|完成|达到|实现)/;
/**
 * Failed results, anywhere in the text: a negation outweighs any 完成 beside it. Only a negation right before the
 * verb: "未全部完成" (not all done) and "未按时完成" (done late) could be either tier, so they stay unrated.
 */
const BOTTOM_TIER = /未(达成|完成|达到|达标|实现)|没有?(达成|完成|达到|实现)|不达标|效果较差/;
/**
 * A clause that on its own says "done": the official tier names and the short forms officers type, with
 * adverbs such as 已 / 全部 / 按时 in front. Exact clauses only: "完成率85%" contains 完成 and is not a top result.
 */
const TOP_CLAUSE =
  /^(?:已经?|全部|均已?|按时|按期|如期|全面|顺利)*(?:达成(?:年度|预期)?(?:指标|目标)?|完成(?:年度|预期)?(?:指标|目标|任务)?|达到(?:年度|预期)?(?:指标|目标|要求|预期)?|达标|效果明显|是)$/;
/** Failed results typed as a bare word. */
const BOTTOM_WORDS = new Set(["否", "不是"]);

/**
 * DOMAIN §2.4: 达成年度指标, 达成预期指标, 完成, 已完成, 全部完成, 是, 达到, 已达到, 效果明显, 达标 → top;
 * 部分达成… / 基本完成 / 基本达成 / 部分完成 → middle; 未达成…, 未完成, 否, 未达到, 效果较差 → bottom;
 * anything else → null (never guess). A text of several clauses ("已完成，效果明显") is top only when every clause is.
 */
export function qualitativeTier(text: string): Tier | null {
  const t = normalizeText(text).replace(/^[。.,，;；!！、]+|[。.,，;；!！、]+$/g, "");
  if (!t) return null;
  if (MIDDLE_TIER.test(t)) return "middle";
  if (BOTTOM_TIER.test(t) || BOTTOM_WORDS.has(t)) return "bottom";
  const clauses = t.split(/[。.,，;；!！、]+/).filter((c) => c !== "");
  return clauses.every((c) => TOP_CLAUSE.test(c)) ? "top" : null;
}

export type Actual =
  | { kind: "blank" }
  | { kind: "number"; value: number; unit: string | null }
  | { kind: "qualitative"; text: string; tier: Tier | null }
  /** #DIV/0!, #REF! etc.; also a non-finite number (#NUM!). */
  | { kind: "error"; error: string };

/**
 * Parses a 实际完成值 like a target, but stricter: a plain number (with unit/percent, "约" ignored), otherwise a
 * qualitative result with its tier. Operators and labels are not read here ("100%以上", "完成率98%" stay text):
 * an actual is what happened, not a bound. Blank / "—" / "/" → blank; a calendar year or month ("2023年", "12月") stays text.
 */
export function parseActual(v: CellValue | undefined, numFmt?: string): Actual {
  if (v === null || v === undefined) return { kind: "blank" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (typeof v === "number") {
    const n = parseNumber(v, numFmt);
    return n ? { kind: "number", value: n.value, unit: n.unit } : { kind: "error", error: "#NUM!" };
  }
  if (typeof v !== "string") {
    const text = cellText(v);
    return { kind: "qualitative", text, tier: qualitativeTier(text) };
  }
  if (isBlankMark(v)) return { kind: "blank" };
  const n = parseNumberText(stripApproximation(normalizeText(v)));
  if (n && !isCalendarReference(n)) return { kind: "number", value: n.value, unit: n.unit };
  return { kind: "qualitative", text: v.trim(), tier: qualitativeTier(v) };
}

// ---------------------------------------------------------------------------------------------------------
// Units

export type UnitKind = "percent" | "money" | "count" | "time" | "other" | "none";

/** Spellings of one unit folded together: "百分比" (sic, seen in real tables) is "%", 天 is 日, 月 is 个月. */
const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  百分比: "%",
  个百分点: "百分点",
  天: "日",
  月: "个月",
  个工作日: "工作日",
  个季度: "季度",
  个小时: "小时",
};

/**
 * Whether a table of units lists `key` itself: "toString" or "valueOf" typed after a number ("5valueOf") is a unit
 * no table lists, not the method every object inherits.
 */
function lists(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The canonical spelling of a unit ("百分比" → "%", "天" → "日"); null for no unit. */
export function canonicalUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = normalizeText(unit);
  if (!u) return null;
  return lists(UNIT_SYNONYMS, u) ? UNIT_SYNONYMS[u] : u;
}

const PERCENT_UNITS = new Set(["%", "百分点"]);
/**
 * Money units as powers of ten of 元; "150万" and "1.5亿" are how officers shorten 万元 and 亿元. Conversions go
 * through the exponent (×10ⁿ or ÷10ⁿ), never through 0.0001, whose binary value is not exact.
 */
const MONEY_DIGITS: Readonly<Record<string, number>> = { 元: 0, 千元: 3, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };
/** Multiplier to 万元: 1 ÷ 10⁴ rounds to the same double as the literal 0.0001. */
const MONEY_SCALE: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(MONEY_DIGITS).map(([u, d]) => [u, d >= 4 ? 10 ** (d - 4) : 1 / 10 ** (4 - d)]),
);
const COUNT_UNITS = new Set([
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
  "名",
  "位",
  "批",
  "场次",
  "万人次",
  "万人",
]);
const TIME_UNITS = new Set(["日", "个月", "年", "小时", "工作日", "周", "分钟", "季度"]);

/**
 * "%", "百分比", "百分点" → percent; 元 万元 亿元 (and 千元, 万, 亿) → money; 个 次 份 项 件 篇 条 期 人 人次 家 户 场 所 台 套 本 册
 * (and 名 位 批 场次 万人次 万人) → count; 天 日 月 个月 年 小时 工作日 (and 周 分钟 季度) → time; null → none.
 */
export function unitKind(unit: string | null): UnitKind {
  const u = canonicalUnit(unit);
  if (u === null) return "none";
  if (PERCENT_UNITS.has(u)) return "percent";
  if (lists(MONEY_SCALE, u)) return "money";
  if (COUNT_UNITS.has(u)) return "count";
  if (TIME_UNITS.has(u)) return "time";
  return "other";
}

/** Multiplier to 万元 for money units (元 → 0.0001, 千元 → 0.1, 万元 and 万 → 1, 亿元 and 亿 → 10000), else null. */
export function moneyScale(unit: string | null): number | null {
  const u = canonicalUnit(unit);
  return u !== null && lists(MONEY_SCALE, u) ? MONEY_SCALE[u] : null;
}

/** The units a budget block states its amounts in (项目资金（万元）; some provinces use 元). */
export type AmountUnit = "万元" | "元" | "千元" | "亿元";

export interface ParsedAmount {
  /** In the block's unit. */
  value: number;
  /** The text as typed, when its unit was converted ("1,234.5元" in a 万元 block), so the caller can say so. */
  from?: string;
}

/**
 * A budget amount (年初预算数, 全年预算数, 全年执行数) in the block's unit, default 万元. A number cell is taken as it
 * is, whatever its format (the block's header states the unit, not the cell's format). Text: 千分位 commas,
 * full-width digits, spaces, a leading ￥/¥ (元), and a money unit that is converted ("150万" / "150万元" / "150 万元"
 * → 150; "1,234.5元" and "￥1,234.5" → 0.12345 with `from`; "1.5亿元" → 15000). Anything else is not an amount and
 * gives null: blanks, "—", "完成", "约50", "50-60", other units ("50个"), dates, booleans, errors.
 */
export function parseAmount(
  value: CellValue | undefined,
  // Accepted beside the value as every cell reader here is; a number's format never changes its unit.
  _numFmt?: string,
  unit: AmountUnit = "万元",
): ParsedAmount | null {
  if (typeof value === "number") return Number.isFinite(value) ? { value } : null;
  if (typeof value !== "string") return null;
  const n = parseNumberText(normalizeText(value));
  if (!n) return null;
  if (n.unit === null) return { value: n.value };
  const canonical = canonicalUnit(n.unit) ?? "";
  if (!lists(MONEY_DIGITS, canonical)) return null;
  const typed = MONEY_DIGITS[canonical];
  const shift = typed - MONEY_DIGITS[unit];
  if (shift === 0) return { value: n.value };
  // 1234.5 ÷ 10⁴ and 1.5 × 10⁴ are exact to 15 digits; toDigits drops the noise a product may carry.
  const scaled = shift > 0 ? n.value * 10 ** shift : n.value / 10 ** -shift;
  return { value: toDigits(scaled), from: value.trim() };
}

/**
 * True when an actual unit can be compared with a target unit: equal after normalising ("%" == "百分比",
 * "天" == "日"), or either is null, or both money (the caller scales with moneyScale). "%" and "百分点" differ.
 */
export function unitsCompatible(target: string | null, actual: string | null): boolean {
  const a = canonicalUnit(target);
  const b = canonicalUnit(actual);
  if (a === null || b === null || a === b) return true;
  return moneyScale(a) !== null && moneyScale(b) !== null;
}

// ---------------------------------------------------------------------------------------------------------
// Template leftovers and empty explanations

const TEMPLATE_HINT = /指标|[….。·xX×字请填示对]/;
const TEMPLATE_PATTERNS: readonly RegExp[] = [
  /^(?:[一二三]级)?指标[0-9一二三四五六七八九十]+:?$/, // "指标1", "指标2：", "三级指标3"
  /^[.。·…]*…[.。·…]*$|^[.。·]{2,}$/, // "……", "…", "...", "。。。"
  /(?<![A-Za-z])[xX×]{2,}(?![A-Za-z])/, // "xxx", "XX", "完成××项" (but not a word such as "XXL")
  /\d+字(?:以内|以下|左右|内)|(?:不超过|限)\d+字/, // "(100字以内)", "不超过500字"
  /请填写|请说明|请输入|请根据|填写说明|填报说明|示例/,
  /^对照.*(?:说明|填写|分析)/, // "对照年度目标，说明…"
];

/**
 * True for template placeholders and instructions left in answer cells: "指标1", "指标2：", "……", "...",
 * "xxx", "XX", "(100字以内)", "（500字以内）", "对照年度目标，说明…", "请填写", "填写说明", "示例".
 * Not for real text that merely contains 指标 ("完成指标1项", "数量指标").
 */
export function isTemplateText(text: string): boolean {
  const t = normalizeText(text);
  // One cheap scan first: every pattern needs one of these characters.
  return t !== "" && TEMPLATE_HINT.test(t) && TEMPLATE_PATTERNS.some((p) => p.test(t));
}

const EMPTY_EXPLANATIONS = new Set(["无", "暂无", "无偏差", "没有", "没有偏差", "0"]);

/**
 * True when an explanation is effectively empty: "", "无", "/", "／", "0", "-", "—", "——", "无偏差", "暂无"
 * (a trailing "。" ignored). "不适用" is an answer (the indicator does not apply), not an empty one.
 */
export function isEmptyExplanation(text: string): boolean {
  const t = normalizeText(text).replace(/[。.]+$/, "");
  return isBlankMark(t) || EMPTY_EXPLANATIONS.has(t);
}
