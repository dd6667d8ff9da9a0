/**
 * The task pane: pick the scoring rules, "一键校验并计分", read the summary and findings, go to a cell,
 * write the results back after seeing what will change, clear the marks or undo the write; draft the
 * 自评报告 as a sheet ("生成报告") or a .docx ("下载 Word"), whose code loads only when first asked for.
 * Everything Excel-side goes through the `gateway` prop, so the pane runs against a fake in tests.
 */
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CheckResult, Lang, Localized } from "../domain/types";
import { figureMap } from "./figures";
import { FindingList } from "./FindingList";
import { PROFILE_CHOICES, type PaneGateway, type ProfileChoice, type WritePreview } from "./gateway";
import type { ReportDraft } from "./report";
import { ReportPanel, type ReportView } from "./ReportPanel";
import { STRINGS } from "./strings";
import { useStyles } from "./styles";
import { Summary } from "./Summary";
import { WritePreviewPanel } from "./WritePreviewPanel";

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

export interface AppProps {
  gateway: PaneGateway;
  lang: Lang;
}

export function App({ gateway, lang }: AppProps) {
  const s = useStyles();
  const t = STRINGS[lang];
  const [profile, setProfile] = useState<ProfileChoice>("auto");
  const [result, setResult] = useState<CheckResult | null>(null);
  const [preview, setPreview] = useState<WritePreview | null>(null);
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

  const check = () =>
    run("check", async () => {
      setPreview(null);
      setReport(null);
      setResult(await gateway.check(profile));
      return null;
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
      const done = await gateway.write(result.plan);
      setPreview(null);
      return { intent: "success", text: t.written(done.values, done.marks, done.findingsSheet ?? "") };
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
    setPreview(null);
    setResult(drafted.detail);
    return { mod, drafted };
  }

  const viewOf = (d: ReportDraft, saved: ReportView["saved"]): ReportView => ({
    errors: d.model.errorCount,
    placeholders: d.model.placeholders,
    materialMissing: d.materialMissing,
    saved,
  });

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

      {result && <Summary result={result} t={t} />}
      {result && result.sheet && (
        <div className={s.row}>
          <Button appearance="secondary" disabled={disabled || preview !== null} onClick={startWrite}>
            {t.writeBack}
          </Button>
        </div>
      )}
      {preview && (
        <WritePreviewPanel
          preview={preview}
          tableSheet={result?.sheet}
          figures={figures}
          t={t}
          busy={disabled}
          onConfirm={confirmWrite}
          onCancel={() => setPreview(null)}
        />
      )}
      {result && (
        <FindingList
          findings={result.findings}
          tableSheet={result.sheet}
          lang={lang}
          t={t}
          busy={disabled}
          onLocate={locate}
        />
      )}

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
    </main>
  );
}
