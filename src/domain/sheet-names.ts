/**
 * Names for the sheets the add-in adds (校验结果, 自评报告, 报告素材, the blank 自评表), the same in every host:
 * valid for Excel, unused in the workbook, and never one of the officer's own sheets.
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;
/** Used when nothing of the wanted name is left once made valid. */
const FALLBACK_NAME = "Ziping";
/** Excel keeps this name for its change history: no sheet may take it. */
const RESERVED = "history";

export interface SheetName {
  name: string;
  /** The name belongs to an earlier sheet of the add-in's own, which the new one replaces. */
  replace: boolean;
}

/** Excel compares sheet names without regard to case. */
function key(name: string): string {
  return name.toLocaleLowerCase();
}

/** `text` cut to `max` UTF-16 units (Excel's count), never through a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * The wanted name as Excel accepts it: each of [ ] : * ? / \ becomes "_", apostrophes at either end and
 * surrounding spaces go, at most 31 characters; a name with nothing left becomes "Ziping".
 */
export function validSheetName(wanted: string): string {
  const base = wanted
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^[\s']+|[\s']+$/g, "")
    .trim();
  return cut(base || FALLBACK_NAME, MAX_SHEET_NAME);
}

/** The first of "name", "name (2)", … (or only "name") that is free or the add-in's own; null when none is. */
function pick(wanted: string, existing: Iterable<string>, ours: Iterable<string>, numbered: boolean): SheetName | null {
  const taken = new Map<string, string>();
  for (const name of existing) taken.set(key(name), name);
  const own = new Set([...ours].map(key));
  const base = validSheetName(wanted);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = cut(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    const held = taken.get(key(name));
    if (key(name) !== RESERVED) {
      if (held === undefined) return { name, replace: false };
      // The sheet being replaced keeps the spelling it has in the workbook.
      if (own.has(key(held))) return { name: held, replace: true };
    }
    if (!numbered) return null;
  }
}

/**
 * The name for a new sheet: the wanted name made valid, else "name (2)", "name (3)", … (shortened so that the
 * suffix still fits in 31 characters): the first that no sheet uses, or that a sheet of the add-in's own
 * uses (in `ours`), which is then replaced. A sheet of the officer's is never replaced, whatever its name.
 */
export function nameNewSheet(wanted: string, existing: Iterable<string>, ours: Iterable<string> = []): SheetName {
  return pick(wanted, existing, ours, true)!;
}

/**
 * The wanted name itself (made valid), for a sheet there is only ever one of, such as 报告素材: null when a
 * sheet of the officer's has it.
 */
export function claimSheetName(
  wanted: string,
  existing: Iterable<string>,
  ours: Iterable<string> = [],
): SheetName | null {
  return pick(wanted, existing, ours, false);
}

/**
 * Names for several new sheets written together, in order: each name picked is taken for the ones after it,
 * so two sheets wanting one name get "name" and "name (2)", and a sheet of the add-in's own is replaced once.
 * `numbered: false` claims the wanted name only (null when the officer has it); `replaces: false` never
 * replaces even a sheet of the add-in's own (for a sheet that becomes the officer's).
 */
export function nameNewSheets(
  wanted: ReadonlyArray<{ name: string; numbered?: boolean; replaces?: boolean }>,
  existing: Iterable<string>,
  ours: Iterable<string> = [],
): Array<SheetName | null> {
  const taken = [...existing];
  let own = [...ours];
  return wanted.map((w) => {
    const picked = pick(w.name, taken, w.replaces === false ? [] : own, w.numbered ?? true);
    if (picked) {
      taken.push(picked.name);
      own = own.filter((o) => key(o) !== key(picked.name));
    }
    return picked;
  });
}

/** Excel's comparison of two sheet names: the same name whatever the case. */
export function sameSheetName(a: string, b: string): boolean {
  return key(a) === key(b);
}
