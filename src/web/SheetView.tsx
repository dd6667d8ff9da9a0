/**
 * A read-only rendering of the sheet the 自评表 was read from: the table as a grid with its merged cells, the cell
 * 定位 points at highlighted and scrolled into view, and a click (Shift-click for a range) selecting cells for the
 * pane's 更正所选列 and 设为指标行, as the selection in Excel does.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { columnLetters, toA1, type CellRange, type Grid } from "../domain/grid";
import { cellText } from "../domain/parse";
import { displayCell } from "../report/model";

/** Columns and rows shown at most: a 自评表 has about ten columns and a few hundred rows. */
const MAX_COLS = 40;
const MAX_ROWS = 2000;

const useStyles = makeStyles({
  wrap: { overflow: "auto", maxHeight: "80vh", border: `1px solid ${tokens.colorNeutralStroke2}`, background: "#fff" },
  table: { borderCollapse: "collapse", fontSize: "12px", fontFamily: "inherit" },
  head: {
    position: "sticky",
    top: 0,
    background: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: 400,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
  },
  rowHead: {
    background: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    verticalAlign: "top",
    minWidth: "3.5em",
    maxWidth: "16em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    cursor: "cell",
  },
  selected: { background: tokens.colorBrandBackground2 },
  located: { outline: `3px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-2px", background: "#FFF4CE" },
});

export interface SheetViewProps {
  grid: Grid;
  /** The cell 定位 points at (A1), if any. */
  located?: string | null;
  selected?: CellRange | null;
  onSelect?: (range: CellRange, text: string) => void;
}

export function SheetView({ grid, located, selected, onSelect }: SheetViewProps) {
  const s = useStyles();
  const locatedRef = useRef<HTMLTableCellElement>(null);
  const anchor = useRef<{ row: number; col: number } | null>(null);
  const cols = Math.min(grid.colCount, MAX_COLS);
  const rows = Math.min(grid.rowCount, MAX_ROWS);
  const { masters, covered } = useMemo(() => {
    const masters = new Map<string, CellRange>();
    const covered = new Set<string>();
    for (const m of grid.merges) {
      if (m.top > rows || m.left > cols) continue;
      const bottom = Math.min(m.bottom, rows);
      const right = Math.min(m.right, cols);
      masters.set(`${m.top}:${m.left}`, { ...m, bottom, right });
      for (let r = m.top; r <= bottom && covered.size < 200_000; r++)
        for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
    return { masters, covered };
  }, [grid, rows, cols]);

  useEffect(() => {
    locatedRef.current?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [located, grid]);

  const inSelection = (r: number, c: number) =>
    !!selected && r >= selected.top && r <= selected.bottom && c >= selected.left && c <= selected.right;

  const click = (row: number, col: number, shift: boolean) => {
    const from = shift && anchor.current ? anchor.current : { row, col };
    if (!shift) anchor.current = { row, col };
    const range = {
      top: Math.min(from.row, row),
      left: Math.min(from.col, col),
      bottom: Math.max(from.row, row),
      right: Math.max(from.col, col),
    };
    onSelect?.(range, cellText(grid.cell(range.top, range.left)?.value).trim());
  };

  return (
    <div className={s.wrap} data-testid="sheet-view" aria-label={`工作表：${grid.name}`}>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.head} />
            {Array.from({ length: cols }, (_, i) => (
              <th key={i} className={s.head}>
                {columnLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const r = i + 1;
            return (
              <tr key={r}>
                <th className={s.rowHead}>{r}</th>
                {Array.from({ length: cols }, (_, j) => {
                  const c = j + 1;
                  if (covered.has(`${r}:${c}`)) return null;
                  const m = masters.get(`${r}:${c}`);
                  const a1 = toA1(r, c);
                  const isLocated = located === a1;
                  const classes = [s.cell, inSelection(r, c) ? s.selected : "", isLocated ? s.located : ""].join(" ");
                  return (
                    <td
                      key={c}
                      className={classes}
                      data-cell={a1}
                      rowSpan={m ? m.bottom - m.top + 1 : undefined}
                      colSpan={m ? m.right - m.left + 1 : undefined}
                      ref={isLocated ? locatedRef : undefined}
                      onClick={(e) => click(r, c, e.shiftKey)}
                    >
                      {displayCell(grid.cell(r, c))}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
