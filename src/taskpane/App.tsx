/**
 * The task pane: pick the scoring rules, "一键校验并计分", see how the table was read (识别结果) and correct it,
 * read the summary and findings, go to a cell, write the results back after seeing what will change, clear
 * the marks or undo the write; draft the 自评报告 as a sheet ("生成报告") or a .docx ("下载 Word"), whose code
 * loads only when first asked for.
 * Everything Excel-side goes through the `gateway` prop, so the pane runs against a fake in tests.
 */
/* global Blob */
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { stringifyLayout, withColumnRole, withIndicatorRows, type LayoutOverride } from "../domain";
import type { Lang, Localized, WritePlan } from "../domain/types";
import {
  blockOfRow,
  LAYOUT_FILE,
  LAYOUT_TYPE,
  layoutToExport,
  readingNeedsAttention,
  selectedColumn,
  selectedRows,
  selectionBox,
  type CorrectableBlock,
} from "./correction";
import { figureMap } from "./figures";
import { FindingList } from "./FindingList";
import {
  PROFILE_CHOICES,
  type CorrectedResult,
  type PaneGateway,
  type ProfileChoice,
  type SelectedRange,
  type WritePreview,
} from "./gateway";
import { ReadingPanel, type PendingColumn } from "./ReadingPanel";
import type { ReportDraft } from "./report";
import { ReportPanel, type ReportView } from "./ReportPanel";
import { STRINGS } from "./strings";
import { useStyles } from "./styles";
import { Summary } from "./Summary";
import { previewCounts, WritePreviewPanel } from "./WritePreviewPanel";

type Notice = { intent: "success" | "info" | "warning" | "error"; text: string };
type Busy = null | "check" | "report" | "other";

/** The report code (model, sheet plan, .docx), fetched as its own chunk on the first 生成报告 or 下载 Word. */
const loadReport = () => import(/* webpackChunkName: "report" */ "./report");

/** A refusal from the gateway carries both languages; anything else is shown with its message. */
function describeError(err: unknown, lang: Lang, failed: (d: string) => string): string {
  const localized = (err as { localized?: Localized } | null)?.localized;
  if (localized && typeof localized[lang] === "string") return localized[lang];
  return failed(err instanceof Error ? err.message : String(err));
}

/** A plan with no value to set, no cell to mark and no finding to list: 写回结果 is not offered. */
function hasSomethingToWrite(plan: WritePlan): boolean {
  return (
    plan.values.length > 0 || plan.marks.length > 0 || plan.findingsSheet.rows.some((r) => r.severity !== undefined)
  );
}

/**
 * No 自评表 to show: no sheet was taken for it, or the sheet taken could not be read as one (the reader's
 * layout-unrecognized findings, no reading). The officer is told what to do instead of shown A1 problems.
 */
function noTableIn(result: CorrectedResult): boolean {
  return !result.sheet || (!result.reading && result.findings.some((f) => f.rule === "layout-unrecognized"));
}

export interface AppProps {
  gateway: PaneGateway;
  lang: Lang;
  /**
   * "web": the offline page (src/web), where results go into a downloaded copy and the file chosen never changes:
   * no undo, no marks to clear, no template to insert into it.
   */
  host?: "excel" | "web";
}

export function App({ gateway, lang, host = "excel" }: AppProps) {
  const inExcel = host === "excel";
  const s = useStyles();
  const t = STRINGS[lang];
  const [profile, setProfile] = useState<ProfileChoice>("auto");
  const [result, setResult] = useState<CorrectedResult | null>(null);
  const [readingOpen, setReadingOpen] = useState(false);
  /** The selected header waiting for its role (更正所选列). */
  const [pending, setPending] = useState<PendingColumn | null>(null);
  const [preview, setPreview] = useState<WritePreview | null>(null);
  /** Excel refused the last 确认写入 (a protected sheet, a merged cell): no retry until the next check. */
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [report, setReport] = useState<ReportView | null>(null);
  /** The model of the last draft, for 创建报告素材表 (its kind decides the template's rows). */
  const draftRef = useRef<ReportDraft | null>(null);
  const figures = useMemo(() => (result ? figureMap(result) : new Map()), [result]);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The notice sits under the main button; 确认写入 and 撤销写入 may be a long list further down, so bring
  // what they report into view (a narrow pane with 200 findings would otherwise show nothing happening).
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);

  useEffect(() => {
    let live = true;
    gateway.getSavedProfile().then(
      (saved) => live && saved && setProfile(saved),
      () => undefined, // No saved choice readable: keep "auto".
    );
    return () => {
      live = false;
    };
  }, [gateway]);

  /** Runs one gateway errand with the buttons disabled, reporting failure in the notice bar. */
  async function run(kind: Busy, errand: () => Promise<Notice | null>): Promise<void> {
    setBusy(kind);
    setNotice(null);
    try {
      setNotice(await errand());
    } catch (err) {
      setNotice({ intent: "error", text: describeError(err, lang, t.failed) });
    } finally {
      setBusy(null);
    }
  }

  /**
   * Shows a new result. 识别结果 opens by itself only when the reading needs a look, also right after a
   * correction: once everything is certain, the scores it produced are what the officer wants to see first.
   */
  function show(next: CorrectedResult) {
    setPreview(null);
    setRefused(false);
    setPending(null);
    setResult(next);
    setReadingOpen(readingNeedsAttention(next.findings, next.reading));
  }

  const check = () =>
    run("check", async () => {
      setReport(null);
      show(await gateway.check(profile));
      return null;
    });

  /**
   * Saves the officer's correction in the workbook (null removes it) and checks again with it at once. A
   * correction that could not be saved is still used for this check, and the notice says it was not saved.
   */
  async function correct(next: LayoutOverride | null, done: string): Promise<Notice> {
    let unsaved: string | null = null;
    try {
      await gateway.saveLayout(next);
    } catch (err) {
      unsaved = describeError(err, lang, (d) => d);
    }
    setReport(null);
    show(await gateway.check(profile, next));
    return unsaved === null
      ? { intent: "success", text: done }
      : { intent: "warning", text: t.correctionNotSaved(unsaved) };
  }

  /** The selection in Excel, or the notice that says why it cannot be used (another sheet). */
  async function selectionOnTable(): Promise<SelectedRange | Notice> {
    const selected = await gateway.getSelection();
    if (result?.sheet && selected.sheet !== result.sheet)
      return { intent: "warning", text: t.wrongSheet(selected.sheet, result.sheet) };
    return selected;
  }

  const isNotice = (v: SelectedRange | Notice): v is Notice => "intent" in v;

  const pickColumn = () =>
    run("other", async () => {
      const selected = await selectionOnTable();
      if (isNotice(selected)) return selected;
      const box = selectionBox(selected.address);
      const column = box && selectedColumn(box);
      if (!box || !column) return { intent: "warning", text: t.multipleColumns(selected.address) };
      const cell = selected.address.split(":")[0];
      setPending({
        sheet: selected.sheet,
        address: cell,
        text: selected.text.trim(),
        column,
        block: blockOfRow(result?.reading, box.top),
      });
      return null;
    });

  const applyColumn = (block: CorrectableBlock, role: string) =>
    run("check", async () => {
      if (!pending) return null;
      const next = { ...withColumnRole(result?.correction, block, role, pending.column), sheet: pending.sheet };
      const name = (t.roles[block] as Record<string, string>)[role] ?? role;
      return correct(next, t.roleSet(pending.column, name));
    });

  const setIndicatorRows = () =>
    run("check", async () => {
      const selected = await selectionOnTable();
      if (isNotice(selected)) return selected;
      const box = selectionBox(selected.address);
      const rows = box && selectedRows(box);
      if (!rows) return { intent: "warning", text: t.wholeColumns };
      const next = { ...withIndicatorRows(result?.correction, rows[0], rows[1]), sheet: selected.sheet };
      return correct(next, t.rowsSet(t.rowSpan(rows[0], rows[1])));
    });

  const clearCorrection = () => run("check", () => correct(null, t.correctionCleared));

  const exportLayout = () =>
    run("other", async () => {
      if (!result) return null;
      const layout = layoutToExport(result.sheet ?? result.correction?.sheet ?? "", result.reading, result.correction);
      const file = new Blob([stringifyLayout(layout)], { type: LAYOUT_TYPE });
      const saved = await gateway.saveFile(file, LAYOUT_FILE);
      if (saved.via === "browser") return { intent: "info", text: t.docxInBrowser(saved.name) };
      if (saved.via === "none") return { intent: "warning", text: t.layoutUnavailable };
      return { intent: "success", text: t.layoutExported(saved.name) };
    });

  const chooseProfile = (next: ProfileChoice) => {
    setProfile(next);
    gateway
      .saveProfile(next)
      .catch((err: unknown) => setNotice({ intent: "warning", text: describeError(err, lang, t.failed) }));
  };

  const startWrite = () =>
    run("other", async () => {
      if (result) setPreview(await gateway.preview(result.plan));
      return null;
    });

  const confirmWrite = () =>
    run("other", async () => {
      if (!result) return null;
      let done;
      try {
        done = await gateway.write(result.plan);
      } catch (err) {
        setRefused(true);
        throw err;
      }
      // How many of the written cells change value, as the preview said: the write counts every cell it sets.
      const changed = preview ? previewCounts(preview, figures).changed.length : done.values;
      setPreview(null);
      const text = t.written(done.values, changed, done.marks, done.findingsSheet ?? "");
      return done.rebuilt ? { intent: "warning", text: `${text}${t.copyRebuilt}` } : { intent: "success", text };
    });

  const clearMarks = () =>
    run("other", async () => ({ intent: "success", text: t.marksCleared(await gateway.clearMarks()) }));

  const undo = () =>
    run("other", async () => {
      setPreview(null);
      const done = await gateway.undo();
      if (done.restored === 0 && done.removedSheets.length === 0) return { intent: "info", text: t.nothingToUndo };
      return { intent: "success", text: t.undone(done.restored, done.removedSheets) };
    });

  const insertTemplate = () =>
    run("other", async () => ({ intent: "success", text: t.templateInserted(await gateway.insertTemplate()) }));

  const locate = (sheet: string, cell: string) => run("other", async () => (await gateway.locate(sheet, cell), null));

  /** Reads and checks the workbook, drafts the report, and shows the check's result as 一键校验 would. */
  async function draft() {
    const mod = await loadReport();
    const drafted = await mod.draftFromWorkbook(gateway, profile, lang);
    draftRef.current = drafted;
    show(drafted.detail);
    return { mod, drafted };
  }

  const viewOf = (d: ReportDraft, saved: ReportView["saved"]): ReportView => {
    // A missing 偏差原因 is written in its cell of the 自评表, not in 报告素材 (as the command line says it).
    const inTable = new Set(d.model.inTable.map((p) => p.item));
    return {
      errors: d.model.errorCount,
      placeholders: d.model.placeholders.filter((p) => !inTable.has(p)),
      inTable: d.model.inTable,
      materialMissing: d.materialMissing,
      kind: d.model.kind,
      saved,
    };
  };

  const generateReport = () =>
    run("report", async () => {
      setReport(null);
      const { mod, drafted } = await draft();
      if (!drafted.detail.table) return { intent: "warning", text: t.noTableForReport };
      const done = await mod.writeReportSheet(gateway, drafted.model);
      setReport(viewOf(drafted, null));
      const sheet = done.textSheets[0];
      return { intent: "success", text: t.reportWritten(sheet?.name ?? "", sheet?.replaced ?? false) };
    });

  const downloadWord = () =>
    run("report", async () => {
      setReport(null);
      const { mod, drafted } = await draft();
      if (!drafted.detail.table) return { intent: "warning", text: t.noTableForReport };
      const file = await mod.renderDocxFile(drafted.model);
      const saved = await gateway.saveFile(file, mod.docxFileName(drafted.model));
      setReport(viewOf(drafted, saved));
      if (saved.via === "browser") return { intent: "info", text: t.docxInBrowser(saved.name) };
      if (saved.via === "none") return { intent: "warning", text: t.docxUnavailable };
      return { intent: "success", text: t.docxSaved(saved.name) };
    });

  const createMaterial = () =>
    run("other", async () => {
      const drafted = draftRef.current;
      if (!drafted) return null;
      const mod = await loadReport();
      const name = await mod.createMaterialSheet(gateway, drafted.model);
      drafted.materialMissing = false;
      setReport((r) => r && { ...r, materialMissing: false });
      return name ? { intent: "success", text: t.materialCreated(name) } : { intent: "info", text: t.materialExists };
    });

  const disabled = busy !== null;
  const table = result && !noTableIn(result) ? result : null;
  return (
    <main className={s.root} lang={lang}>
      <h1 className={s.title}>{t.title}</h1>
      <Field label={t.profileLabel}>
        <Select value={profile} disabled={disabled} onChange={(_, data) => chooseProfile(data.value as ProfileChoice)}>
          {PROFILE_CHOICES.map((p) => (
            <option key={p} value={p}>
              {t.profiles[p]}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" size="large" className={s.wide} disabled={disabled} onClick={check}>
        {t.check}
      </Button>
      <div className={s.row} role="group" aria-label={t.report}>
        <Button disabled={disabled} onClick={generateReport}>
          {t.generateReport}
        </Button>
        <Button disabled={disabled} onClick={downloadWord}>
          {t.downloadWord}
        </Button>
      </div>
      {busy && (
        <Spinner size="tiny" label={busy === "check" ? t.checking : busy === "report" ? t.drafting : t.working} />
      )}
      {notice && (
        <div ref={noticeRef}>
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {report && <ReportPanel view={report} t={t} busy={disabled} onCreateMaterial={createMaterial} />}

      {result && (
        <ReadingPanel
          result={result}
          lang={lang}
          t={t}
          busy={disabled}
          open={readingOpen}
          onToggle={setReadingOpen}
          pending={pending}
          onLocate={locate}
          onPickColumn={pickColumn}
          onApplyColumn={applyColumn}
          onCancelColumn={() => setPending(null)}
          onIndicatorRows={setIndicatorRows}
          onExport={exportLayout}
          onClear={clearCorrection}
        />
      )}
      {!result && !busy && (
        <section className={s.empty} aria-label={t.title} data-empty="intro">
          <p className={s.emptyText}>{t.intro}</p>
        </section>
      )}
      {result && !table && (
        <section className={s.empty} aria-label={t.noTable} data-empty="no-table">
          <h2 className={s.sectionTitle}>{t.noTable}</h2>
          <p className={s.emptyText}>{t.noTableHelp}</p>
          {inExcel && (
            <div className={s.row}>
              <Button disabled={disabled} onClick={insertTemplate}>
                {t.insertTemplate}
              </Button>
            </div>
          )}
        </section>
      )}
      {table && <Summary result={table} t={t} />}
      {table && hasSomethingToWrite(table.plan) && (
        <div className={s.row}>
          <Button appearance="secondary" disabled={disabled || preview !== null} onClick={startWrite}>
            {inExcel ? t.writeBack : t.downloadCopy}
          </Button>
        </div>
      )}
      {table && !hasSomethingToWrite(table.plan) && <p className={`${s.detail} ${s.emptyText}`}>{t.nothingToWrite}</p>}
      {preview && (
        <WritePreviewPanel
          preview={preview}
          tableSheet={result?.sheet}
          figures={figures}
          t={t}
          busy={disabled}
          refused={refused}
          onConfirm={confirmWrite}
          onCancel={() => setPreview(null)}
        />
      )}
      {table && (
        <FindingList
          findings={table.findings}
          tableSheet={table.sheet}
          reading={table.reading}
          lang={lang}
          t={t}
          busy={disabled}
          onLocate={locate}
        />
      )}

      {inExcel && (
        <section className={s.section} aria-label={t.tools}>
          <h2 className={s.sectionTitle}>{t.tools}</h2>
          <div className={s.row}>
            <Button disabled={disabled} onClick={clearMarks}>
              {t.clearMarks}
            </Button>
            <Button disabled={disabled} onClick={undo}>
              {t.undo}
            </Button>
            <Button disabled={disabled} onClick={insertTemplate}>
              {t.insertTemplate}
            </Button>
          </div>
        </section>
      )}
    </main>
  );
}
