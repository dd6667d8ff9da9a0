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
}

const CENTRAL: Profile = {
  id: "central-2020",
  name: { "zh-CN": "中央部门项目支出绩效自评（财预〔2020〕10号）", "en-US": "Central rules (Cai Yu [2020] No. 10)" },
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
    name: { "zh-CN": "四川省项目支出绩效自评", "en-US": "Sichuan rules" },
    execReasonThreshold: 0.9,
  },
  "city-20-80": {
    ...CENTRAL,
    id: "city-20-80",
    name: { "zh-CN": "市级 20/80 评分（执行率20分、指标80分）", "en-US": "City 20/80 rules" },
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

export function gradeFor(total: number, profile: Profile): string {
  return profile.grades.find((g) => total >= g.min)!.grade;
}
