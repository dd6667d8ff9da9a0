/**
 * Rule profiles: the points where published scoring rules disagree (DOMAIN.md §3), as typed configuration.
 * Nothing in the engine hard-codes a weight, tier or threshold; it reads them from the profile in force.
 */
import type { LayoutId, Localized, ProfileId } from "./types";

export type Direction = "≥" | "≤" | "=";

export interface TierRange {
  /** Share of the indicator's weight, inclusive lower bound. */
  min: number;
  /** Upper bound; inclusive only for the top tier. */
  max: number;
}

export interface Profile {
  id: ProfileId;
  name: Localized;
  /** 预算执行率 分值 (10 in the central rules, 20 in the city variant). */
  execWeight: number;
  /** 一级 block weights "in principle"; checked only when `enforceBlockWeights` is on. */
  blockWeights: Record<string, number>;
  enforceBlockWeights: boolean;
  /** 总分 the weights must add up to. */
  totalWeight: number;
  /** Direction assumed for a target written without an operator; 成本指标 default to ≤. */
  bareTargetDirection: { default: Direction; cost: Direction };
  /** ≤ indicators missed: "ratio" = w × A/B (central); "linear" = w × (1 − (B−A)/A), 0 at B ≥ 2A (a vendor system). */
  lessIsBetterRule: "ratio" | "linear";
  /** = indicators missed: "ratio" = w × min(A,B)/max(A,B); "all-or-nothing" = 0. */
  equalRule: "ratio" | "all-or-nothing";
  /** Relative tolerance under which an = indicator counts as met. */
  equalTolerance: number;
  /** Qualitative tiers as shares of the weight (central 80/60; a city variant 80/50). */
  tiers: { top: TierRange; middle: TierRange; bottom: TierRange };
  /** B ≥ ratio × A on a 正向/等于 indicator needs an explanation (never an automatic deduction). */
  overCompletionRatio: number;
  /** Optional deviation penalty of one provincial manual: B ≥ ratio × A costs `points`. Off by default. */
  deviationPenalty: { ratio: number; points: number } | null;
  /** 执行率 below this needs an explanation (Sichuan: 0.9); null = no threshold. */
  execReasonThreshold: number | null;
  /** 全年预算数 ≠ 年初预算数 needs an explanation where the table has a place for one. */
  adjustmentNeedsReason: boolean;
  /** Optional cap of the total by execution rate (one provincial manual). Off by default. */
  scoreCapByExecution: Array<{ below: number; cap: number }> | null;
  /** Optional vendor-system warning: indicator score ratio ahead of execution ratio by more than this. */
  scoreAheadOfExecution: number | null;
  /** Accept typed scores that are the computed ones rounded to whole points (one Hebei table). */
  integerScores: boolean;
  /** An indicator marked 不适用 is left out and the rest rescaled to the total. */
  rescaleNotApplicable: boolean;
  tolerance: { amount: number; ratePoints: number; score: number };
  grades: Array<{ min: number; grade: string }>;
  /** Settings applied on top of the named profile ("integerScores=on"), shown with every figure. */
  modifiers?: string[];
}

/** How figures name the rules they were computed under: "central-2020" or "central-2020（integerScores=on）". */
export function profileLabel(p: Profile): string {
  return p.modifiers?.length ? `${p.id}（${p.modifiers.join("，")}）` : p.id;
}

/**
 * How a reviewer reads the rules in force: "中央（财预〔2020〕10号）", with any settings after it in words
 * ("（另设 得分取整：开启，定性指标档次：80/50）"), never as the ids typed on the command line.
 */
export function profileTitle(p: Profile): Localized {
  const extra = (lang: keyof Localized) =>
    (p.modifiers ?? []).map((m) => settingWords(m, lang)).join(lang === "zh-CN" ? "，" : ", ");
  const zh = extra("zh-CN");
  const en = extra("en-US");
  return {
    "zh-CN": zh ? `${p.name["zh-CN"]}（另设 ${zh}）` : p.name["zh-CN"],
    "en-US": en ? `${p.name["en-US"]} (with ${en})` : p.name["en-US"],
  };
}

const VALUE_WORDS: Record<string, Localized> = {
  on: { "zh-CN": "开启", "en-US": "on" },
  off: { "zh-CN": "关闭", "en-US": "off" },
  ratio: { "zh-CN": "按比例", "en-US": "ratio" },
  linear: { "zh-CN": "线性", "en-US": "linear" },
  "all-or-nothing": { "zh-CN": "未达即不得分", "en-US": "all or nothing" },
};

/** "integerScores=on" → "得分取整：是" / "whole-point scores: on"; a setting unknown here stays as typed. */
function settingWords(modifier: string, lang: keyof Localized): string {
  const at = modifier.indexOf("=");
  const name = modifier.slice(0, at);
  const value = modifier.slice(at + 1);
  const setting = SETTINGS[name];
  if (at < 0 || !setting) return modifier;
  const yesNo = onOff(value);
  const word = yesNo === null ? VALUE_WORDS[value.toLowerCase()] : VALUE_WORDS[yesNo ? "on" : "off"];
  return `${setting.label[lang]}${lang === "zh-CN" ? "：" : ": "}${word ? word[lang] : value}`;
}

const CENTRAL: Profile = {
  id: "central-2020",
  name: { "zh-CN": "中央（财预〔2020〕10号）", "en-US": "Central (Cai Yu [2020] No. 10)" },
  execWeight: 10,
  blockWeights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  enforceBlockWeights: false,
  totalWeight: 100,
  bareTargetDirection: { default: "≥", cost: "≤" },
  lessIsBetterRule: "ratio",
  equalRule: "ratio",
  equalTolerance: 1e-6,
  tiers: { top: { min: 0.8, max: 1 }, middle: { min: 0.6, max: 0.8 }, bottom: { min: 0, max: 0.6 } },
  overCompletionRatio: 1.2,
  deviationPenalty: null,
  execReasonThreshold: null,
  adjustmentNeedsReason: true,
  scoreCapByExecution: null,
  scoreAheadOfExecution: null,
  integerScores: false,
  rescaleNotApplicable: false,
  tolerance: { amount: 0.01, ratePoints: 0.01, score: 0.1 },
  grades: [
    { min: 90, grade: "优" },
    { min: 80, grade: "良" },
    { min: 60, grade: "中" },
    { min: -Infinity, grade: "差" },
  ],
};

export const PROFILES: Record<ProfileId, Profile> = {
  "central-2020": CENTRAL,
  sichuan: {
    ...CENTRAL,
    id: "sichuan",
    name: { "zh-CN": "四川", "en-US": "Sichuan" },
    execReasonThreshold: 0.9,
  },
  "city-20-80": {
    ...CENTRAL,
    id: "city-20-80",
    name: { "zh-CN": "市级 20/80（执行率20分、指标80分）", "en-US": "City 20/80 (execution 20, indicators 80)" },
    execWeight: 20,
    blockWeights: {},
    tiers: { top: { min: 0.8, max: 1 }, middle: { min: 0.5, max: 0.8 }, bottom: { min: 0, max: 0.5 } },
  },
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(s: string): s is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, s);
}

/** The profile a detected layout implies when the user has not chosen one. */
export function profileForLayout(layout: LayoutId | undefined): ProfileId {
  if (layout === "sichuan") return "sichuan";
  if (layout === "city-20-80") return "city-20-80";
  return "central-2020";
}

/**
 * The profile a table gets when nobody chose one: its layout's, and the central rules otherwise. A table that
 * is not a central department's is then scored "按中央口径", and says so rather than calling itself 中央.
 */
export function defaultProfileFor(layout: LayoutId | undefined): Profile {
  const p = PROFILES[profileForLayout(layout)];
  if (p.id !== "central-2020") return p;
  return {
    ...p,
    name: { "zh-CN": "按中央口径（财预〔2020〕10号）", "en-US": "Central rules by default (Cai Yu [2020] No. 10)" },
  };
}

export function gradeFor(total: number, profile: Profile): string {
  return profile.grades.find((g) => total >= g.min)!.grade;
}

/** The manual's caps of the total by execution rate (DOMAIN.md §3, optional). */
export const EXECUTION_CAPS: Array<{ below: number; cap: number }> = [
  { below: 0.5, cap: 59 },
  { below: 0.6, cap: 69 },
  { below: 0.7, cap: 79 },
  { below: 0.8, cap: 89 },
];

type SettingParser = (value: string, p: Profile) => Partial<Profile> | null;

const bool =
  (key: keyof Profile): SettingParser =>
  (v) => {
    const b = onOff(v);
    return b === null ? null : { [key]: b };
  };
const onOff = (v: string): boolean | null =>
  /^(true|on|yes|1|是)$/i.test(v) ? true : /^(false|off|no|0|否)$/i.test(v) ? false : null;
const share = (v: string): number | null => {
  const n = Number(v.replace(/%$/, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return v.endsWith("%") || n > 1 ? n / 100 : n;
};

/**
 * The optional settings of DOMAIN.md §3, by name, as a user can set them (`ziping check --set name=value`,
 * or the pane's settings). Each parser returns null for a value it does not accept.
 */
/** Each setting: its name as a reviewer reads it (in notes and the 口径 column), its --help text, its parser. */
export const SETTINGS: Record<string, { label: Localized; help: Localized; parse: SettingParser }> = {
  integerScores: {
    label: { "zh-CN": "得分取整", "en-US": "whole-point scores" },
    help: { "zh-CN": "接受取整后的得分（如 8.62 填 9）", "en-US": "accept scores rounded to whole points" },
    parse: bool("integerScores"),
  },
  execReasonThreshold: {
    label: { "zh-CN": "执行率须说明原因的下限", "en-US": "execution needing a reason below" },
    help: {
      "zh-CN": "执行率低于该值须说明原因（如 90%；off 关闭）",
      "en-US": "execution below this needs a reason (e.g. 90%; off)",
    },
    parse: (v) =>
      /^off$/i.test(v) ? { execReasonThreshold: null } : share(v) === null ? null : { execReasonThreshold: share(v) },
  },
  adjustmentNeedsReason: {
    label: { "zh-CN": "预算调整须说明原因", "en-US": "a budget adjustment needs a reason" },
    help: {
      "zh-CN": "全年预算数与年初预算数不同时须说明调整原因（默认 on）",
      "en-US": "a full-year budget differing from the initial one needs a reason (default on)",
    },
    parse: bool("adjustmentNeedsReason"),
  },
  scoreCapByExecution: {
    label: { "zh-CN": "按执行率限制总分", "en-US": "total capped by execution" },
    help: {
      "zh-CN": "按执行率限制总分上限（70–80% 最高 89 分等）",
      "en-US": "cap the total by execution rate (70–80% → 89, …)",
    },
    parse: (v) => {
      const b = onOff(v);
      return b === null ? null : { scoreCapByExecution: b ? EXECUTION_CAPS : null };
    },
  },
  deviationPenalty: {
    label: { "zh-CN": "偏离目标 130% 扣分", "en-US": "2 points off at 130% of target" },
    help: {
      "zh-CN": "实际值达到目标 130% 及以上每项扣 2 分",
      "en-US": "actual ≥ 130% of target costs 2 points per indicator",
    },
    parse: (v) => {
      const b = onOff(v);
      return b === null ? null : { deviationPenalty: b ? { ratio: 1.3, points: 2 } : null };
    },
  },
  scoreAheadOfExecution: {
    label: { "zh-CN": "得分率超前执行率提示", "en-US": "score ahead of execution warning" },
    help: {
      "zh-CN": "指标得分率超出执行率该幅度时警告（如 5%；off 关闭）",
      "en-US": "warn when the score ratio leads execution by more than this (e.g. 5%; off)",
    },
    parse: (v) =>
      /^off$/i.test(v)
        ? { scoreAheadOfExecution: null }
        : share(v) === null
          ? null
          : { scoreAheadOfExecution: share(v) },
  },
  lessIsBetterRule: {
    label: { "zh-CN": "反向指标计分", "en-US": "≤ indicators scored" },
    help: {
      "zh-CN": "反向指标扣分方式：ratio（目标÷实际）或 linear",
      "en-US": "≤ indicators: ratio (target ÷ actual) or linear",
    },
    parse: (v) => (v === "ratio" || v === "linear" ? { lessIsBetterRule: v } : null),
  },
  equalRule: {
    label: { "zh-CN": "等于指标计分", "en-US": "= indicators scored" },
    help: {
      "zh-CN": "等于指标未达时：ratio（按比例）或 all-or-nothing",
      "en-US": "= indicators missed: ratio or all-or-nothing",
    },
    parse: (v) => (v === "ratio" || v === "all-or-nothing" ? { equalRule: v } : null),
  },
  rescaleNotApplicable: {
    label: { "zh-CN": "剔除不适用指标后折算", "en-US": "rescaled without 不适用 indicators" },
    help: { "zh-CN": "剔除“不适用”指标后按 100 分折算", "en-US": "rescale to 100 after leaving out 不适用 indicators" },
    parse: bool("rescaleNotApplicable"),
  },
  enforceBlockWeights: {
    label: { "zh-CN": "一级指标权重 50/30/10", "en-US": "block weights 50/30/10" },
    help: { "zh-CN": "一级指标权重须为 产出50/效益30/满意度10", "en-US": "block weights must be 50/30/10" },
    parse: bool("enforceBlockWeights"),
  },
  overCompletionRatio: {
    label: { "zh-CN": "超额完成须说明的倍数", "en-US": "over-completion ratio" },
    help: {
      "zh-CN": "超额完成须说明的倍数（默认 1.2）",
      "en-US": "over-completion ratio needing an explanation (default 1.2)",
    },
    parse: (v) => (Number(v) > 1 ? { overCompletionRatio: Number(v) } : null),
  },
  tiers: {
    label: { "zh-CN": "定性指标档次", "en-US": "qualitative tiers" },
    help: {
      "zh-CN": "定性指标档次：80/60（中央）或 80/50（部分市级）",
      "en-US": "qualitative tiers: 80/60 (central) or 80/50 (some cities)",
    },
    parse: (v) => {
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m || Number(m[2]) >= Number(m[1]) || Number(m[1]) > 100) return null;
      const top = Number(m[1]) / 100;
      const mid = Number(m[2]) / 100;
      return { tiers: { top: { min: top, max: 1 }, middle: { min: mid, max: top }, bottom: { min: 0, max: mid } } };
    },
  },
};

/** A profile with settings applied; unknown names and unreadable values come back as errors ("name=value"). */
export function withSettings(
  base: Profile,
  settings: Readonly<Record<string, string>>,
): { profile: Profile; errors: string[] } {
  let profile = base;
  const errors: string[] = [];
  for (const [name, value] of Object.entries(settings)) {
    const s = Object.prototype.hasOwnProperty.call(SETTINGS, name) ? SETTINGS[name] : undefined;
    const change = s?.parse(value.trim(), profile) ?? null;
    if (!change) errors.push(`${name}=${value}`);
    else profile = { ...profile, ...change, modifiers: [...(profile.modifiers ?? []), `${name}=${value.trim()}`] };
  }
  return { profile, errors };
}
