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
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(expected, null, 2)}\n`, 'utf8');
}
