/**
 * The pane's gateway for a workbook opened in the offline web page (src/web) rather than in Excel: the .xlsx the
 * officer chose is read in the browser by the check path's own reader (src/gateways/xlsx/reader), checked by the
 * engine, and 写回结果 hands back a scored copy made from the same plan by the same code as the command line's
 * (the file patched by src/gateways/xlsx/patch, loaded on first use, or rebuilt through exceljs when it cannot be). The chosen file itself is never changed and
 * nothing leaves the machine. Where Excel has a selection and a cell to go to, the page's read-only sheet view
 * has them (`onLocate`, `select`).
 */
/* global Blob, URL, document, localStorage */
import { checkWorkbook, locateTable, PROFILE_IDS, tableChoice, type LayoutOverride } from "../../domain";
import { parseA1, type MapGrid } from "../../domain/grid";
import { cellText } from "../../domain/parse";
import type { CellSheetPlan, Localized, WritePlan } from "../../domain/types";
import { isMaterialSheetName } from "../../report/material";
import type {
  CorrectedResult,
  ReportSources,
  SavedFile,
  SelectedRange,
  UndoSummary,
  WritePreview,
  WriteRequest,
  WriteSummary,
} from "../office/types";
import type { ProfileChoice } from "../office/workbook";
import type { SummaryEntry } from "../xlsx/summary";
import type { WorkbookContents } from "../xlsx/reader";
import { WorkbookFormatError } from "../xlsx/reader/limits";
import { readInWorker, WorkerUnavailable } from "./worker-read";

const PROFILE_KEY = "ziping.profile";

/** A refusal the pane shows as it is, in both languages. */
class WebRefusal extends Error {
  constructor(readonly localized: Localized) {
    super(localized["zh-CN"]);
  }
}

export interface BrowserWorkbookOptions {
  /** Shows a cell in the page's sheet view (定位). */
  onLocate?: (sheet: string, cell: string) => void;
  /** The sheets as read, each time a check reads them (for the sheet view). */
  onRead?: (sheets: readonly MapGrid[], table: string | null) => void;
  /** How far a read in the worker has come (0 to 1), and null when it has ended. */
  onProgress?: (fraction: number | null) => void;
  /** Read in the page, never in a worker (a browser that cannot start one is found out without this). */
  inPage?: boolean;
}

export class BrowserWorkbookGateway {
  private sheets: MapGrid[] | null = null;
  private layout: LayoutOverride | null = null;
  private selection: SelectedRange | null = null;

  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly options: BrowserWorkbookOptions = {},
  ) {}

  /** The range selected in the sheet view, for 更正所选列 and 设为指标行. */
  select(range: SelectedRange | null): void {
    this.selection = range;
  }

  /** How the last read went: in the reader worker, or in the page (no worker could be started). */
  readIn: "worker" | "page" | null = null;

  private async readContents(sheet: string | undefined): Promise<WorkbookContents | undefined> {
    const progress = this.options.onProgress;
    if (!this.options.inPage) {
      try {
        const contents = await readInWorker(this.bytes, sheet, (f) => progress?.(f));
        this.readIn = "worker";
        return contents;
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e;
      } finally {
        progress?.(null);
      }
    }
    // The reader is loaded with the first file, not with the page.
    const reader = await import(/* webpackChunkName: "xlsx-reader" */ "../xlsx/reader");
    this.readIn = "page";
    // As the worker reads: the 报告素材 sheet in full, for the report draft.
    return reader.readWorkbookBytes(this.bytes, { ...tableChoice(sheet), whole: isMaterialSheetName });
  }

  private async read(sheet?: string): Promise<MapGrid[]> {
    let contents;
    try {
      contents = await this.readContents(sheet);
    } catch (e) {
      throw new WebRefusal(readFailure(this.fileName, e instanceof WorkbookFormatError ? e : undefined));
    }
    if (!contents || contents.sheets.length === 0)
      throw new WebRefusal({
        "zh-CN": `不是 Excel 工作簿（.xlsx），或其中没有工作表：${this.fileName}`,
        "en-US": `Not an Excel workbook (.xlsx), or it holds no worksheet: ${this.fileName}`,
      });
    if (contents.missing.size > 0) {
      // Formulas a program wrote without results: computed as the command line does (its engine loads only here).
      const { calculateMissingResults } = await import(/* webpackChunkName: "formulas" */ "../xlsx/formulas");
      calculateMissingResults(contents.sheets, contents.missing);
    }
    this.sheets = contents.sheets;
    return contents.sheets;
  }

  async check(profile: ProfileChoice, layout?: LayoutOverride | null): Promise<CorrectedResult> {
    const correction = layout === undefined ? (this.layout ?? undefined) : (layout ?? undefined);
    const sheets = await this.read(correction?.sheet);
    const result: CorrectedResult = checkWorkbook(sheets, { profile, layout: correction });
    if (correction) result.correction = correction;
    this.options.onRead?.(sheets, result.sheet ?? null);
    return result;
  }

  async getSelection(): Promise<SelectedRange> {
    if (this.selection) return this.selection;
    throw new WebRefusal({
      "zh-CN": "请先在下方的表格中点选单元格（按住 Shift 点选可选一片区域）",
      "en-US": "Select a cell in the sheet below first (Shift-click selects a range)",
    });
  }

  async getSavedLayout(): Promise<LayoutOverride | null> {
    return this.layout;
  }

  /** Kept for this page's session: the file is not changed (导出版式 saves it as a file). */
  async saveLayout(layout: LayoutOverride | null): Promise<void> {
    this.layout = layout;
  }

  async readReportSources(wanted: (sheetName: string) => boolean): Promise<ReportSources> {
    const sheets = this.sheets ?? (await this.read(this.layout?.sheet));
    const tableSheet = locateTable(sheets).name ?? sheets[0].name;
    const table = sheets.find((g) => g.name === tableSheet)!;
    return {
      sheets: [table, ...sheets.filter((g) => g !== table && wanted(g.name))],
      tableSheet,
      sheetNames: sheets.map((g) => g.name),
      ...(this.layout ? { layout: this.layout } : {}),
    };
  }

  async preview(plan: WritePlan): Promise<WritePreview> {
    const sheets = this.sheets ?? (await this.read(this.layout?.sheet));
    const grid = (name: string) => sheets.find((g) => g.name === name);
    const shown = (sheet: string, a1: string) => {
      const { row, col } = parseA1(a1);
      return cellText(grid(sheet)?.cell(row, col)?.value);
    };
    const targets = new Set([...plan.values.map((v) => v.sheet), ...plan.marks.map((m) => m.sheet)]);
    return {
      changes: plan.values.map((v) => ({
        sheet: v.sheet,
        cell: v.cell,
        before: shown(v.sheet, v.cell),
        after: String(v.value),
        figure: v.figure,
      })),
      marks: new Set(plan.marks.map((m) => `${m.sheet}!${m.cell}`)).size,
      findingsSheet: plan.findingsSheet.name,
      findingsRows: plan.findingsSheet.rows.filter((r) => r.severity !== undefined).length,
      notesSupported: true,
      // A protected sheet is written in the copy all the same (the copy is the officer's to keep or not), but it is said.
      protectedSheets: [...targets].filter((n) => grid(n)?.protected),
    };
  }

  /** The plan applied to a copy of the file, which is downloaded; the file chosen stays as it was. */
  async write(plan: WriteRequest): Promise<WriteSummary> {
    const [patch, draft] = await Promise.all([
      import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/patch"),
      import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/draft"),
    ]);
    // The sheets the plan adds (校验结果 and 计算结果, or the report's), named apart from the file's own.
    const addSheets = (existing: readonly string[]) => draft.planSheetDrafts(plan, existing);
    const kind = plan.findingsSheet ? "scored-copy" : "report-sheet";
    let out: Uint8Array;
    let added: string[];
    let rebuilt = false;
    try {
      // The file patched, so that what Ziping does not change is kept byte for byte (src/gateways/xlsx/patch).
      ({ bytes: out, added } = await patch.patchWorkbook(this.bytes, {
        cells: plan.findingsSheet ? (plan as WritePlan) : undefined,
        addSheets,
        kind,
      }));
    } catch (e) {
      if (!(e instanceof patch.CannotPatch)) throw e;
      // A file the patcher cannot edit with certainty is rebuilt through exceljs, and the pane says so.
      const [{ default: ExcelJS }, marker, score, sheets] = await Promise.all([
        import(/* webpackChunkName: "xlsx-writer" */ "exceljs"),
        import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/mark-words"),
        import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/score"),
        import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/draft-sheet"),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(this.bytes.slice().buffer);
      const before = new Set(workbook.worksheets.map((ws) => ws.name));
      if (plan.findingsSheet) score.scoreWorkbook(workbook, plan as WritePlan);
      else {
        workbook.keywords = marker.markedKeywords(workbook.keywords, kind);
        workbook.lastModifiedBy = marker.OUTPUT_AUTHOR;
        for (const d of addSheets(workbook.worksheets.map((ws) => ws.name))) sheets.addDraftSheet(workbook, d);
      }
      added = workbook.worksheets.map((ws) => ws.name).filter((n) => !before.has(n));
      out = new Uint8Array(await workbook.xlsx.writeBuffer());
      rebuilt = true;
    }
    const stem = this.fileName.replace(/\.xlsx$/i, "");
    await this.saveFile(
      new Blob([out as Uint8Array<ArrayBuffer>], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
      plan.findingsSheet ? `${stem}.checked.xlsx` : `${stem}（含${added.join("、") || "新表"}）.xlsx`,
    );
    const findingsName = plan.findingsSheet ? (added[0] ?? plan.findingsSheet.name) : null;
    return {
      values: plan.values.length,
      marks: new Set(plan.marks.map((m) => `${m.sheet}!${m.cell}`)).size,
      notes: plan.marks.filter((m) => m.note.trim() !== "").length,
      findingsSheet: findingsName,
      ...(rebuilt ? { rebuilt } : {}),
      textSheets: (plan.sheets ?? []).map((s, i) => ({
        name: added[i + (findingsName ? 1 : 0)] ?? s.name,
        replaced: false,
        rows: s.rows.length,
      })),
      ...(plan.cellSheets
        ? {
            cellSheets: plan.cellSheets.map((c) => ({
              wanted: c.name,
              name: c.name,
              replaced: false,
              rows: c.rows.length,
            })),
          }
        : {}),
    };
  }

  /** The file as the 汇总 lists it: its result (with the 部门/单位 and 项目 the table states), or why it could not be read. */
  async summaryEntry(): Promise<SummaryEntry> {
    try {
      const result = (await this.check("auto")) as CorrectedResult & { table?: { unit?: string; project?: string } };
      return {
        file: this.fileName,
        result,
        unit: result.table?.unit || undefined,
        project: result.table?.project || undefined,
      };
    } catch (e) {
      const localized = (e as { localized?: Localized }).localized;
      return { file: this.fileName, readError: localized?.["zh-CN"] ?? String(e) };
    }
  }

  /** Nothing to undo: the file chosen was never changed, only a copy was downloaded. */
  async undo(): Promise<UndoSummary> {
    return { restored: 0, removedSheets: [] };
  }

  async clearMarks(): Promise<number> {
    return 0;
  }

  async locate(sheet: string, cell: string): Promise<void> {
    this.options.onLocate?.(sheet, cell);
  }

  async insertTemplate(): Promise<string> {
    throw new WebRefusal({
      "zh-CN": "网页版不在原文件中插入空白表；请在 Excel 或 WPS 中使用模板",
      "en-US": "The web page does not insert a blank table into the file; use the template in Excel or WPS",
    });
  }

  async insertReportMaterial(plan: CellSheetPlan): Promise<string | null> {
    const summary = await this.write({ values: [], marks: [], cellSheets: [plan] });
    return summary.cellSheets?.[0]?.name ?? plan.name;
  }

  async saveFile(file: Blob, name: string): Promise<SavedFile> {
    return downloadFile(file, name);
  }

  async getSavedProfile(): Promise<ProfileChoice | null> {
    try {
      const saved = localStorage.getItem(PROFILE_KEY);
      return saved === "auto" || (PROFILE_IDS as readonly string[]).includes(saved ?? "")
        ? (saved as ProfileChoice)
        : null;
    } catch {
      return null; // storage off (file:// in some browsers, private windows)
    }
  }

  async saveProfile(profile: ProfileChoice): Promise<void> {
    try {
      localStorage.setItem(PROFILE_KEY, profile);
    } catch {
      // Not kept: the choice holds for this page.
    }
  }
}

let lastUrl: string | null = null;

/** Starts the browser's download of a file the page made; the link stays valid until the next file. */
export function downloadFile(file: Blob, name: string): SavedFile {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(file);
  const a = document.createElement("a");
  a.href = lastUrl;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  return { via: "download", href: lastUrl, name };
}

/** Why the file could not be read, as the command line says it (over-limit, DTD, damaged). */
function readFailure(file: string, e: WorkbookFormatError | undefined): Localized {
  if (e?.reason === "limit")
    return {
      "zh-CN": `工作簿超出可安全读取的范围（${e.kind} 超过 ${e.limit}），未读取：${file}`,
      "en-US": `The workbook goes past what can be read safely (${e.kind} over ${e.limit}), so it was not read: ${file}`,
    };
  if (e?.reason === "dtd")
    return {
      "zh-CN": `文件中含有 DTD（实体声明），为安全起见未读取：${file}`,
      "en-US": `The file holds a DTD (entity declarations), so it was not read for safety: ${file}`,
    };
  return {
    "zh-CN": `文件已损坏、已加密或不是 .xlsx 工作簿，请用 Excel 或 WPS 另存为 .xlsx 后再试：${file}`,
    "en-US": `The file is damaged, encrypted or not an .xlsx workbook; save it as .xlsx in Excel or WPS and try again: ${file}`,
  };
}
