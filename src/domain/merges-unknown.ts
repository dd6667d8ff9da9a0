/**
 * When the host cannot report merged areas (Excel below ExcelApi 1.13), a 得分 merged over two indicator rows
 * reads as a filled cell above a blank one, and the blank one looks like a computed cell of its own. This
 * module holds back every planned write into cells a merge could span and says so in one `merges-unknown` finding.
 */
import { makeFinding } from "./catalogue";
import { cellKeyAt as key, computedSlots, type ComputedCell, type ComputedRole as Role } from "./facts";
import type { Slot, TableModel } from "./table";
import type { Finding } from "./types";

/** Every computed cell of the table by position, with its role (a later role at the same cell wins). */
function computedRoles(t: TableModel): Map<number, { role: Role; slot: Slot }> {
  return new Map(computedSlots(t).map((c) => [key(c.slot.row, c.slot.col), c]));
}

function isBlank(slot: Slot): boolean {
  return slot.text === "" && !slot.cell?.formula;
}

/**
 * The cells a merge could span, as far as the values betray one:
 * - down a column: each blank cell whose column, walked up through blank cells of its role, reaches a filled
 *   cell of that role first, and that filled cell (the merge's owner, whose value belongs to the rows it spans,
 *   not to its own). The table model puts one indicator on a row, so cells of one role never sit side by side;
 * - across a row: a blank 等级 right beside its label, under the indicators' label columns (一级 to 三级). The
 *   reader takes the cell after the label's merge for the value; with no merges it takes the very next one,
 *   which a 自评等级 merged over the label columns covers. Beside its label under the figure columns, the
 *   value sits where an unmerged table puts it.
 * (A merge across 分值 and 得分 reads exactly like a blank template's 得分 beside its 分值, and is not guessed at.)
 */
function mergeSuspects(t: TableModel, roles: Map<number, { role: Role; slot: Slot }>): Set<number> {
  const suspects = new Set<number>();
  for (const [k, own] of roles) {
    if (!isBlank(own.slot)) continue;
    for (let r = own.slot.row - 1; r >= 1; r--) {
      const above = roles.get(key(r, own.slot.col));
      if (!above || above.role !== own.role) break;
      if (isBlank(above.slot)) continue;
      suspects.add(k).add(key(r, own.slot.col));
      break;
    }
  }
  const grade = t.grade;
  // A reduce, not Math.min(...): 200,000 indicators would overflow the call stack.
  const nameCol = t.indicators.reduce((min, i) => Math.min(min, i.name.col), Infinity);
  if (grade && isBlank(grade.value) && grade.value.row === grade.labelSlot.row)
    if (grade.value.col === grade.labelSlot.col + 1 && grade.value.col <= nameCol)
      suspects.add(key(grade.value.row, grade.value.col));
  return suspects;
}

export interface MergeGuard {
  /** The planned values still to write. */
  computed: readonly ComputedCell[];
  /** The finding naming the cells left unwritten, when there are any. */
  findings: Finding[];
}

/**
 * Leaves out the writes into cells a merge could span when the grid's merges are unknown (Grid.mergesKnown
 * false); with merges known, keeps them all (the engine already never writes a merged area's parts).
 */
export function guardUnknownMerges(
  mergesKnown: boolean,
  table: TableModel,
  computed: readonly ComputedCell[],
): MergeGuard {
  if (mergesKnown) return { computed, findings: [] };
  const suspects = mergeSuspects(table, computedRoles(table));
  const held: ComputedCell[] = [];
  const kept: ComputedCell[] = [];
  for (const c of computed) (suspects.has(key(c.slot.row, c.slot.col)) ? held : kept).push(c);
  if (held.length === 0) return { computed: kept, findings: [] };
  // In reading order: the finding points at the first, a merge's owner, which shows for the whole merged area.
  held.sort((a, b) => a.slot.row - b.slot.row || a.slot.col - b.slot.col);
  const cells = held.map((c) => c.slot.a1);
  const finding = makeFinding("merges-unknown", table.sheet, cells[0], {
    detail: cells.join("、"),
    textEn: cells.join(", "),
  });
  return { computed: kept, findings: [finding] };
}
