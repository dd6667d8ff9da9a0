/**
 * "写回结果", step one: how many cells the write sets and which of them change (old → new), shown before anything
 * is written, in the terms the result uses afterwards.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Figure } from "../domain/types";
import type { PlannedChange, WritePreview } from "./gateway";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

/**
 * The cells a write sets (each once) and those among them whose shown value changes. The write rewrites a cell
 * that already shows the computed result too, so `cells` is what its result counts as written.
 */
export function previewCounts(
  preview: WritePreview,
  figures: ReadonlyMap<string, Figure>,
): { cells: number; changed: Array<PlannedChange & { next: string }> } {
  const seen = new Map<string, PlannedChange & { next: string }>();
  for (const c of preview.changes)
    seen.set(`${c.sheet}!${c.cell}`.toUpperCase(), { ...c, next: figures.get(c.figure)?.display ?? c.after });
  return { cells: seen.size, changed: [...seen.values()].filter((c) => c.before !== c.next) };
}

interface Props {
  preview: WritePreview;
  /** The checked sheet: its cells are shown as "H22", others as "Sheet!H22". */
  tableSheet?: string;
  figures: ReadonlyMap<string, Figure>;
  t: Strings;
  busy: boolean;
  /** Excel refused the write: 确认写入 stays disabled until the next check. */
  refused: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function WritePreviewPanel({ preview, tableSheet, figures, t, busy, refused, onConfirm, onCancel }: Props) {
  const s = useStyles();
  const blocked = preview.protectedSheets.length > 0;
  // A cell that already shows the computed result is rewritten unchanged: it is counted, not listed as a change.
  const { cells, changed } = previewCounts(preview, figures);
  return (
    <section className={s.preview} aria-label={t.writeBack}>
      {cells > 0 && <strong data-preview-count>{t.previewCount(cells, changed.length)}</strong>}
      {changed.length > 0 && <span>{t.previewTitle}</span>}
      {changed.length > 0 && (
        <ul className={`${s.list} ${s.previewList}`}>
          {changed.map((c) => (
            <li key={`${c.sheet}!${c.cell}`} className={s.change} data-cell={`${c.sheet}!${c.cell}`}>
              <span className={s.mono}>{c.sheet === tableSheet ? c.cell : `${c.sheet}!${c.cell}`}</span>
              <span>
                {c.before === "" ? t.emptyCell : c.before} → {c.next}
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview.marks > 0 && <span>{t.marksLine(preview.marks)}</span>}
      <span>{t.findingsSheetLine(preview.findingsSheet, preview.findingsRows)}</span>
      {!preview.notesSupported && <span className={s.detail}>{t.notesUnsupported}</span>}
      {blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.protectedWarning(preview.protectedSheets.join("、"))}</MessageBarBody>
        </MessageBar>
      )}
      {refused && <span className={s.detail}>{t.writeRefused}</span>}
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || blocked || refused} onClick={onConfirm}>
          {t.confirmWrite}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </section>
  );
}
