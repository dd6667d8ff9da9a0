/**
 * What the officer needs to know after 生成报告 or 下载 Word: whether the table's errors show in the draft, what
 * is still 【待填写】 and where to write it (with 创建报告素材表 when that sheet is missing), and the link to
 * save the .docx again when the download did not start.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SavedFile } from "./gateway";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

/** The last draft as the pane shows it: plain data, so this component needs none of the report code. */
export interface ReportView {
  /** Findings of severity error in the table: the draft opens with a notice. */
  errors: number;
  /** What is still 【待填写】 and belongs in the 报告素材 sheet, each item once. */
  placeholders: string[];
  /** What is still 【待填写】 and belongs in a cell of the 自评表 (a missing 偏差原因), with that cell. */
  inTable: Array<{ item: string; cell: string }>;
  materialMissing: boolean;
  /** The table's kind: the 报告素材 hint names what a 项目 or a 部门整体 report needs. */
  kind: "project" | "department";
  /** The .docx just handed over, when the errand was 下载 Word. */
  saved: SavedFile | null;
}

interface Props {
  view: ReportView;
  t: Strings;
  busy: boolean;
  onCreateMaterial(): void;
}

export function ReportPanel({ view, t, busy, onCreateMaterial }: Props) {
  const s = useStyles();
  const saved = view.saved;
  return (
    <section className={s.report} aria-label={t.report}>
      {view.errors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.reportHasErrors(view.errors)}</MessageBarBody>
        </MessageBar>
      )}
      {view.inTable.length > 0 && (
        <span data-report="in-table">{t.placeholdersInTable(view.inTable.map((p) => `${p.item}（${p.cell}）`))}</span>
      )}
      <span data-report="placeholders">
        {view.placeholders.length
          ? t.placeholdersLeft(view.placeholders)
          : view.inTable.length
            ? t.noMaterialPlaceholders
            : t.noPlaceholders}
      </span>
      {view.materialMissing && (
        <>
          <span className={s.detail}>{t.materialMissing(view.kind)}</span>
          <div className={s.row}>
            <Button disabled={busy} onClick={onCreateMaterial}>
              {t.createMaterial}
            </Button>
          </div>
        </>
      )}
      {saved?.href && (
        <a className={s.link} href={saved.href} download={saved.name} data-report="save-again">
          {t.docxSaveAgain(saved.name)}
        </a>
      )}
    </section>
  );
}
