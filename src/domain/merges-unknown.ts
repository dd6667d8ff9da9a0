/**
 * When the host cannot report merged areas (Excel below ExcelApi 1.13), a 得分 merged over two indicator rows
 * reads as a filled cell above a blank one, and the blank one looks like a computed cell of its own. This
 * module holds back every planned write a merge could cover and says so in one `merges-unknown` finding.
 */
import { makeFinding } from "./catalogue";
import type { ComputedCell } from "./evaluate";
import type { Slot, TableModel } from "./table";
import type { Finding } from "./types";

/** The computed roles a cell can play; a merge over one role's cells covers the blank ones under the first. */
type Role = "budget-rate" | "budget-score" | "indicator-score" | "subtotal" | "total-score" | "grade";

const key = (row: number, col: number): number => row * 16384 + col;

/** Every computed cell of the table by position, with its role. */
function computedRoles(t: TableModel): Map<number, { role: Role; slot: Slot }> {
  const roles = new Map<number, { role: Role; slot: Slot }>();
  const add = (role: Role, slot: Slot | undefined) => {
    if (slot) roles.set(key(slot.row, slot.col), { role, slot });
  };
  const total = t.budgetRows.find((r) => r.kind === "total");
  add("budget-rate", total?.rate);
  add("budget-score", total?.score);
  for (const i of t.indicators) add("indicator-score", i.score);
  for (const b of t.blocks) add("subtotal", b.subtotalSlot);
  add("total-score", t.total?.score);
  add("grade", t.grade?.value);
  return roles;
}

function isBlank(slot: Slot): boolean {
  return slot.text === "" && !slot.cell?.formula;
}

/**
 * True when a merge could cover (row, col): walking up the column through blank cells of the same role, a
 * filled cell of that role comes first. The table model puts one indicator on a row, so cells of one role
 * never sit side by side: vertical merges are the only ones the values can betray. (A merge across 分值 and
 * 得分 reads exactly like a blank template's 得分 beside its 分值, and is not guessed at.)
 */
function mayBeCovered(roles: Map<number, { role: Role; slot: Slot }>, row: number, col: number): boolean {
  const own = roles.get(key(row, col));
  if (!own || !isBlank(own.slot)) return false;
  for (let r = row - 1; r >= 1; r--) {
    const above = roles.get(key(r, col));
    if (!above || above.role !== own.role) return false;
    if (!isBlank(above.slot)) return true;
  }
  return false;
}

export interface MergeGuard {
  /** The planned values still to write. */
  computed: readonly ComputedCell[];
  /** The finding naming the cells left unwritten, when there are any. */
  findings: Finding[];
}

/**
 * Leaves out the writes a merge could cover when the grid's merges are unknown (Grid.mergesKnown false);
 * with merges known, keeps them all.
 */
export function guardUnknownMerges(
  mergesKnown: boolean,
  table: TableModel,
  computed: readonly ComputedCell[],
): MergeGuard {
  if (mergesKnown) return { computed, findings: [] };
  const roles = computedRoles(table);
  const held: ComputedCell[] = [];
  const kept: ComputedCell[] = [];
  for (const c of computed) (mayBeCovered(roles, c.slot.row, c.slot.col) ? held : kept).push(c);
  if (held.length === 0) return { computed: kept, findings: [] };
  const cells = held.map((c) => c.slot.a1);
  const finding = makeFinding("merges-unknown", table.sheet, cells[0], {
    detail: cells.join("、"),
    textEn: cells.join(", "),
  });
  return { computed: kept, findings: [finding] };
}
