/**
 * The shape of a rule: its stable id, severity, title and message in both languages, and the check that reads the
 * scoring pass's facts (../facts.ts) and raises its findings. One file per rule, named after its id, its test
 * beside it (the shape of valibot's actions and HyperFormula's function registry); ./index.ts lists them all.
 */
import type { Facts } from "../facts";
import type { Profile } from "../profile";
import type { Slot, TableModel } from "../table";
import type { Finding, Localized, RuleId, Severity } from "../types";

/**
 * Parameters a message may use; every value is already formatted for display. `at`: the cell where the officer
 * writes what is missing (a reason), when that is not the finding's own cell.
 */
export type MessageParams = Partial<
  Record<
    "label" | "expected" | "received" | "what" | "detail" | "name" | "tier" | "year" | "textZh" | "textEn" | "at",
    string
  >
>;

export interface RuleContext {
  readonly table: TableModel;
  readonly profile: Profile;
  readonly facts: Facts;
  /** Raises this rule's finding at a cell of the table (a slot, or an A1 address on the table's sheet). */
  flag(at: Slot | string, params?: MessageParams, arithmetic?: string): void;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  title: Localized;
  message: (p: MessageParams) => Localized;
  /**
   * True for rules about the value of the cell they point at: only their findings carry expected / received. On a
   * missing reason, "应为 10 · 实为 8.62" would read as "raise the score to 10", the very inflation the rules forbid.
   */
  figure?: boolean;
  /** Absent for rules raised outside the scoring pass (the reader's layout-unrecognized, the merge guard's). */
  check?: (ctx: RuleContext) => void;
}

/** A parameter as text, empty when absent. */
export const q = (s: string | undefined): string => s ?? "";

export function findingOf(
  rule: Rule,
  sheet: string,
  cell: string,
  params: MessageParams = {},
  arithmetic?: string,
): Finding {
  const f: Finding = { rule: rule.id, severity: rule.severity, sheet, cell, message: rule.message(params) };
  if (rule.figure) {
    if (params.expected !== undefined) f.expected = params.expected;
    if (params.received !== undefined) f.received = params.received;
  }
  if (arithmetic) f.arithmetic = arithmetic;
  return f;
}

/** `{ at: "I14" }` for the cell where a reason is written (the top-left of its merge), or nothing without one. */
export function reasonCell(slot: Slot | undefined): MessageParams {
  return slot ? { at: slot.a1 } : {};
}
