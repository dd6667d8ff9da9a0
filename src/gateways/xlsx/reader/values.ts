/**
 * Cell values as Excel shows them: a serial number under a date format is a date, an ISO date cell (t="d") is a
 * date, a shared formula's clone reads as its master's formula moved to the clone's cell.
 */
import { columnLetters } from "../../../domain/grid";

/** "2024-01-15", "2024-01-15T08:30:00", with or without a zone; a date without a zone is taken as written (UTC). */
export function parseIsoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const date = m[7]
    ? new Date(text.trim())
    : new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  if (Number.isNaN(date.getTime())) return null;
  // 2024-13-45 is no date (Date.UTC would roll it over into 2025).
  if (!m[7] && (date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3])) return null;
  return date;
}

/** A date serial as a Date in UTC (25569 = 1970-01-01 in the 1900 system; the 1904 system starts 1462 days later). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const formatIsDate = new Map<string, boolean>();

/**
 * Whether a number format shows a date or time: a y, m, d, h or s outside quoted text, escapes and brackets
 * (but [h], [mm], [ss] elapsed-time brackets count), as in exceljs and SheetJS.
 */
export function isDateFormat(format: string): boolean {
  let known = formatIsDate.get(format);
  if (known === undefined) {
    const bare = format
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/[_*]./g, "")
      .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
    known = /[ymdhs]/i.test(bare.replace(/General/gi, "").replace(/E[+-]/g, ""));
    if (formatIsDate.size < 10_000) formatIsDate.set(format, known);
  }
  return known;
}

const REFERENCE = /('(?:[^']|'')*'!|[A-Za-z_][\w.]*!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/**
 * A shared formula's text at a clone `rows` down and `cols` across from its master: relative references move,
 * absolute parts ($) stay, text in quotes is left alone, and a name that only looks like a reference (LOG10(,
 * a defined name past column XFD) is kept.
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      return part.replace(REFERENCE, (whole, sheet = "", colAbs, letters: string, rowAbs, digits, at: number) => {
        const before = at > 0 ? part[at - 1] : "";
        if (/[\w.]/.test(before) && !sheet) return whole; // part of a longer name
        const upper = letters.toUpperCase();
        if (upper.length === 3 && upper > "XFD") return whole;
        let col = 0;
        for (const ch of upper) col = col * 26 + ch.charCodeAt(0) - 64;
        const row = Number(digits);
        const newCol = colAbs ? col : col + cols;
        const newRow = rowAbs ? row : row + rows;
        if (newCol < 1 || newRow < 1) return "#REF!";
        return `${sheet}${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
      });
    })
    .join("");
}
