/**
 * The expected-result file written beside each fixture workbook: what a reviewer would conclude about
 * the table, worked out by hand from DOMAIN.md §3–4, in the shape the golden tests read.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import type { Layout } from './template';

/** Catalogue rules of severity "error" (DOMAIN.md §4). */
export const ERROR_RULES = [
  'layout-unrecognized',
  'required-blank',
  'value-not-number',
  'budget-total-mismatch',
  'exec-over-budget',
  'exec-rate-mismatch',
  'exec-score-mismatch',
  'weights-sum',
  'weight-invalid',
  'score-exceeds-weight',
  'score-mismatch',
  'qualitative-out-of-tier',
  'reason-missing',
  'total-mismatch',
] as const;

/** Catalogue rules of severity "warning", except the profile option score-ahead-of-execution. */
export const WARNING_RULES = [
  'template-text-left',
  'exec-low-no-reason',
  'budget-adjusted-no-reason',
  'over-completion',
  'unit-mismatch',
  'duplicate-exec-indicator',
  'text-copied',
] as const;

export type RuleId = (typeof ERROR_RULES)[number] | (typeof WARNING_RULES)[number] | 'score-ahead-of-execution';

export interface ExpectedFinding {
  rule: RuleId;
  /** A1 address; the top-left cell of a merged area. */
  cell: string;
}

export interface Expected {
  description: string;
  /** Name of the sheet holding the 自评表; null when there is none. */
  sheet: string | null;
  layout: Layout | null;
  /** 执行率 as a fraction, compared at 1e-4. */
  budget?: { rate: number };
  /** 总分 as the rules compute it (compared at 0.01) and its 等级. */
  total?: { computed: number; grade: '优' | '良' | '中' | '差' };
  /** Findings that must all be present (rule + cell). */
  findings: ExpectedFinding[];
  /** Rules that must not appear at all. */
  absent: RuleId[];
  /**
   * What the write plan must put where, and nothing else: A1 address on the table's sheet ("Sheet!A1" on another)
   * → 执行率 as a fraction to 6 decimals, scores to 2, the 等级 as text. Worked out by hand from the inputs.
   */
  writes: Writes;
  /** Every cell the rules compute, as the template drew them: a plan may write these and no other. */
  computedCells: string[];
}

export type Writes = Record<string, number | string>;

/** Rounds half away from zero at `decimals` places, as written figures are (DOMAIN.md §3 precision). */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
}

/** Every error and warning rule except the ones named: for tables with nothing (else) to report. */
export function allRulesExcept(...present: RuleId[]): RuleId[] {
  return [...ERROR_RULES, ...WARNING_RULES].filter((rule) => !present.includes(rule));
}

/** Error rules except the ones named. */
export function errorRulesExcept(...present: RuleId[]): RuleId[] {
  return ERROR_RULES.filter((rule) => !present.includes(rule));
}

export function writeExpected(path: string, expected: Expected): void {
  const clash = expected.findings.find((finding) => expected.absent.includes(finding.rule));
  if (clash) throw new Error(`${path}: rule ${clash.rule} is both expected and absent`);
  const stray = Object.keys(expected.writes).find((a1) => !expected.computedCells.includes(a1));
  if (stray) throw new Error(`${path}: writes ${stray}, which is not a computed cell of the table`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(expected, null, 2)}\n`, 'utf8');
}
