/** "写回结果", step one: the cells that will change (old → new), shown before anything is written. */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Figure } from "../domain/types";
import type { WritePreview } from "./gateway";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

interface Props {
  preview: WritePreview;
  /** The checked sheet: its cells are shown as "H22", others as "Sheet!H22". */
  tableSheet?: string;
  figures: ReadonlyMap<string, Figure>;
  t: Strings;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function WritePreviewPanel({ preview, tableSheet, figures, t, busy, onConfirm, onCancel }: Props) {
  const s = useStyles();
  const blocked = preview.protectedSheets.length > 0;
  // A cell that already shows the computed result is rewritten unchanged: it is counted, not listed as a change.
  const shown = preview.changes.map((c) => ({ ...c, next: figures.get(c.figure)?.display ?? c.after }));
  const changed = shown.filter((c) => c.before !== c.next);
  const unchanged = shown.length - changed.length;
  return (
    <section className={s.preview} aria-label={t.writeBack}>
      <strong>{changed.length ? t.previewTitle : t.previewEmpty}</strong>
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
      {unchanged > 0 && <span>{t.previewUnchanged(unchanged)}</span>}
      {preview.marks > 0 && <span>{t.marksLine(preview.marks)}</span>}
      <span>{t.findingsSheetLine(preview.findingsSheet, preview.findingsRows)}</span>
      {!preview.notesSupported && <span className={s.detail}>{t.notesUnsupported}</span>}
      {blocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.protectedWarning(preview.protectedSheets.join("、"))}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || blocked} onClick={onConfirm}>
          {t.confirmWrite}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </section>
  );
}
