/**
 * The finding catalogue (DOMAIN.md §4): each rule's stable id, severity and messages in zh-CN and en-US, as the
 * rule registry (./rules) declares them. Checks carry no prose: they name a rule and fill in parameters; the
 * wording lives only in the rule's own file.
 */
import { RULE_BY_ID, type MessageParams, type Rule } from "./rules";
import { findingOf } from "./rules/rule";
import type { Finding, Localized, RuleId, Severity } from "./types";

export type { MessageParams } from "./rules";

export const CATALOGUE: Readonly<Record<RuleId, Rule>> = RULE_BY_ID;

/** A finding of a rule raised outside the scoring pass (the reader's, the merge guard's). */
export function makeFinding(
  rule: RuleId,
  sheet: string,
  cell: string,
  params: MessageParams = {},
  arithmetic?: string,
): Finding {
  return findingOf(CATALOGUE[rule], sheet, cell, params, arithmetic);
}

/** How serious each severity is: where several findings mark one cell, the highest shows (its fill). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const SEVERITY_LABEL: Record<Severity, Localized> = {
  error: { "zh-CN": "错误", "en-US": "Error" },
  warning: { "zh-CN": "警告", "en-US": "Warning" },
  info: { "zh-CN": "提示", "en-US": "Info" },
};
