/**
 * 识别结果: what the reader understood of the table, for the officer to check before trusting the scores: each
 * block's columns (role, column, header text, rows, how sure, with 定位 to the header), the indicator rows and
 * their 一级 blocks, where the weights and the reported 总分 came from; and the officer's correction (a column's
 * role, the indicator rows), which is saved in the workbook, exported as 版式.json or cleared.
 * Collapsed to one line when everything was read with certainty, so the scores stay on the first screen.
 */
import { Badge, Button, Field, Select } from "@fluentui/react-components";
import { useId, useState } from "react";
import { BUDGET_ROLES, INDICATOR_ROLES, type LayoutOverride, type RoleReading, type TableReading } from "../domain";
import type { Lang } from "../domain/types";
import { readingFindings, roleAt, type CorrectableBlock } from "./correction";
import type { CorrectedResult } from "./gateway";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

/** The selection the officer is giving a role: read from Excel, waiting for the role picker. */
export interface PendingColumn {
  sheet: string;
  /** The selected cell, A1 ("G12"). */
  address: string;
  /** The selected header's text. */
  text: string;
  /** Its column letters ("G"). */
  column: string;
  /** The block its row belongs to, as the reading places it. */
  block: CorrectableBlock;
}

interface Props {
  result: CorrectedResult;
  lang: Lang;
  t: Strings;
  busy: boolean;
  open: boolean;
  onToggle(open: boolean): void;
  pending: PendingColumn | null;
  onLocate(sheet: string, cell: string): void;
  /** 更正所选列: reads the selection in Excel, then the picker shows. */
  onPickColumn(): void;
  onApplyColumn(block: CorrectableBlock, role: string): void;
  onCancelColumn(): void;
  onIndicatorRows(): void;
  onExport(): void;
  onClear(): void;
}

const BLOCK_ORDER = ["budget", "goal", "indicator"] as const;
const ROLES_OF: Record<CorrectableBlock, readonly string[]> = { budget: BUDGET_ROLES, indicator: INDICATOR_ROLES };
const CONFIDENCE_BADGE = { sure: "subtle", likely: "warning", unsure: "danger" } as const;

function roleName(t: Strings, block: RoleReading["block"], role: string): string {
  return (t.roles[block] as Record<string, string>)[role] ?? role;
}

/** The collapsed line: what needs a look, or that nothing does. */
function summaryLine(result: CorrectedResult, t: Strings): string {
  const missing = result.findings.filter((f) => f.rule === "layout-unrecognized").length;
  const roles = result.reading?.roles ?? [];
  const unsure = roles.filter((r) => r.confidence === "unsure").length;
  const likely = roles.filter((r) => r.confidence === "likely").length;
  const parts = [missing ? t.readingProblems(missing) : "", unsure || likely ? t.readingCounts(unsure, likely) : ""];
  const text = parts.filter(Boolean).join(" · ") || (result.reading ? t.readingAllSure : "");
  const corrected = result.correction ? t.readingCorrectedTag : "";
  return [text, corrected].filter(Boolean).join(" · ");
}

/** The officer's correction, one line per setting: "绩效指标 G 列 → 分值", "指标行 → 第 13–23 行". */
function correctionLines(layout: LayoutOverride, t: Strings): string[] {
  const lines: string[] = [];
  for (const block of ["budget", "indicator"] as const) {
    const b = layout[block];
    if (!b) continue;
    for (const [role, column] of Object.entries(b.columns ?? {}) as Array<[string, string]>)
      lines.push(`${t.blocks[block]} ${t.columnName(column)} → ${roleName(t, block, role)}`);
    if (b.headerRow !== undefined) lines.push(t.correctionHeaderRow(t.blocks[block], b.headerRow));
    if (block === "indicator" && b.firstRow !== undefined && b.lastRow !== undefined)
      lines.push(`${t.indicatorRows} → ${t.rowSpan(b.firstRow, b.lastRow)}`);
  }
  return lines;
}

export function ReadingPanel(props: Props) {
  const { result, t, open, onToggle } = props;
  const s = useStyles();
  const bodyId = useId();
  const summary = summaryLine(result, t);
  return (
    <section className={s.section} aria-label={t.reading} data-reading={open ? "open" : "closed"}>
      <h2 className={s.sectionTitle}>
        <Button
          appearance="subtle"
          className={s.readingToggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => onToggle(!open)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          <span>{t.reading}</span>
          {summary && <span className={s.readingSummary}>{summary}</span>}
        </Button>
      </h2>
      {open && (
        <div id={bodyId} className={s.readingBody}>
          <ReadingBody {...props} />
        </div>
      )}
    </section>
  );
}

function ReadingBody(props: Props) {
  const { result, lang, t, busy, onLocate } = props;
  const s = useStyles();
  const reading = result.reading;
  const sheet = result.sheet ?? "";
  const notes = readingFindings(result.findings);
  return (
    <>
      {notes.length > 0 && (
        <ul className={s.list}>
          {notes.map((f, i) => (
            <li
              key={`${f.rule}-${f.cell}-${i}`}
              className={`${s.finding} ${f.severity === "error" ? s.error : s.info}`}
              data-reading-note={f.rule}
            >
              {f.message[lang]}
            </li>
          ))}
        </ul>
      )}
      {result.correction && (
        <div className={s.readingCorrection} data-correction={reading?.corrected ? "applied" : "saved"}>
          <span>{reading?.corrected ? t.correctionApplied : t.correctionNotApplied}</span>
          <ul className={s.plainList}>
            {correctionLines(result.correction, t).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {reading && <Blocks reading={reading} sheet={sheet} lang={lang} t={t} busy={busy} onLocate={onLocate} />}
      {reading && <IndicatorRows reading={reading} sheet={sheet} t={t} busy={busy} onLocate={onLocate} />}
      <Corrections {...props} />
    </>
  );
}

function Blocks(props: {
  reading: TableReading;
  sheet: string;
  lang: Lang;
  t: Strings;
  busy: boolean;
  onLocate(sheet: string, cell: string): void;
}) {
  const { reading, sheet, lang, t, busy, onLocate } = props;
  const s = useStyles();
  const headers = {
    budget: reading.budgetHeaderRows,
    goal: reading.goalHeaderRows,
    indicator: reading.indicatorHeaderRows,
  };
  return (
    <>
      {BLOCK_ORDER.map((block) => {
        const roles = reading.roles.filter((r) => r.block === block);
        if (roles.length === 0) return null;
        const header = headers[block];
        return (
          <div key={block} className={s.section} data-block={block}>
            <h3 className={s.readingBlockTitle}>
              {t.blocks[block]}
              {header && (
                <span className={s.detail}>
                  {" · "}
                  {t.headerRows}
                  {t.colon}
                  {t.rowSpan(header[0], header[1])}
                </span>
              )}
            </h3>
            <ul className={s.list}>
              {roles.map((r) => (
                <li
                  key={`${r.role}-${r.column}`}
                  className={`${s.finding} ${r.confidence === "unsure" ? s.error : r.confidence === "likely" ? s.warning : ""}`}
                  data-role={`${block}.${r.role}`}
                  data-confidence={r.confidence}
                >
                  <div className={s.findingFoot}>
                    <span className={s.readingRoleName}>
                      <strong>{roleName(t, block, r.role)}</strong>
                      {`\u00a0· ${t.columnName(r.column)}`}
                    </span>
                    <span className={s.row}>
                      {r.source === "layout" && (
                        <Badge appearance="tint" color="brand">
                          {t.readingCorrectedTag}
                        </Badge>
                      )}
                      <Badge
                        appearance={r.confidence === "sure" ? "tint" : "filled"}
                        color={CONFIDENCE_BADGE[r.confidence]}
                      >
                        {t.confidence[r.confidence]}
                      </Badge>
                    </span>
                  </div>
                  <div className={s.findingFoot}>
                    <span className={`${s.detail} ${s.where}`}>
                      {`${r.header ? `${t.quoted(r.header)}\u00a0· ` : ""}${t.rowSpan(r.rows[0], r.rows[1])}`}
                      {r.evidence[lang] && `\u00a0· ${t.evidence}${t.colon}${r.evidence[lang]}`}
                    </span>
                    <Button
                      size="small"
                      appearance="subtle"
                      className={s.locate}
                      disabled={busy}
                      aria-label={t.locateLabel(`${sheet}!${r.headerCell}`)}
                      onClick={() => onLocate(sheet, r.headerCell)}
                    >
                      {t.locate}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

function IndicatorRows(props: {
  reading: TableReading;
  sheet: string;
  t: Strings;
  busy: boolean;
  onLocate(sheet: string, cell: string): void;
}) {
  const { reading, sheet, t, busy, onLocate } = props;
  const s = useStyles();
  const rows = reading.indicatorRows;
  return (
    <div className={s.section} data-reading="rows">
      {rows && (
        <span>
          {t.indicatorRows}
          {t.colon}
          {`${t.rowSpan(rows[0], rows[1])} · ${t.rowCount(rows[1] - rows[0] + 1)}`}
        </span>
      )}
      {reading.blocks.length > 0 && (
        <ul className={s.plainList} aria-label={t.level1Blocks}>
          {reading.blocks.map((b, i) => (
            <li key={`${b.level1}-${i}`} data-level1={b.level1}>
              {`${b.level1 || "—"}\u00a0· ${t.rowSpan(b.rows[0], b.rows[1])}\u00a0· ${t.blockWeight(b.weight)}`}
            </li>
          ))}
        </ul>
      )}
      <span data-reading="weights">
        {t.weightsFrom}
        {t.colon}
        {t.weightSources[reading.weights]}
      </span>
      {reading.total ? (
        <div className={s.findingFoot} data-reading="total">
          <span>
            {t.reportedTotal}
            {t.colon}
            {`${reading.total.cell}${t.aside(t.totalSource[reading.total.source])}`}
          </span>
          <Button
            size="small"
            appearance="subtle"
            className={s.locate}
            disabled={busy}
            aria-label={t.locateLabel(`${sheet}!${reading.total.cell}`)}
            onClick={() => onLocate(sheet, reading.total!.cell)}
          >
            {t.locate}
          </Button>
        </div>
      ) : (
        <span data-reading="total">{t.totalMissing}</span>
      )}
    </div>
  );
}

function Corrections(props: Props) {
  const { result, t, busy, pending } = props;
  const s = useStyles();
  return (
    <div className={s.section} data-reading="correct">
      <span className={s.detail}>{t.correctHint}</span>
      <div className={s.row}>
        <Button disabled={busy || pending !== null} onClick={props.onPickColumn}>
          {t.correctColumn}
        </Button>
        <Button disabled={busy} onClick={props.onIndicatorRows}>
          {t.setIndicatorRows}
        </Button>
      </div>
      {pending && (
        <ColumnPicker
          key={`${pending.sheet}!${pending.address}`}
          pending={pending}
          reading={result.reading}
          t={t}
          busy={busy}
          onApply={props.onApplyColumn}
          onCancel={props.onCancelColumn}
        />
      )}
      {(result.reading || result.correction) && (
        <div className={s.row}>
          <Button disabled={busy} onClick={props.onExport}>
            {t.exportLayout}
          </Button>
          {result.correction && (
            <Button disabled={busy} onClick={props.onClear}>
              {t.clearCorrection}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** The role picker for the selected header: the roles of its block (the officer may pick the other block). */
function ColumnPicker(props: {
  pending: PendingColumn;
  reading: TableReading | undefined;
  t: Strings;
  busy: boolean;
  onApply(block: CorrectableBlock, role: string): void;
  onCancel(): void;
}) {
  const { pending, reading, t, busy } = props;
  const s = useStyles();
  const [block, setBlock] = useState<CorrectableBlock>(pending.block);
  const [role, setRole] = useState<string>(roleAt(reading, pending.block, pending.column) ?? "");
  const chooseBlock = (next: CorrectableBlock) => {
    setBlock(next);
    setRole(roleAt(reading, next, pending.column) ?? "");
  };
  return (
    <div className={s.preview} role="group" aria-label={t.correctColumn} data-reading="picker">
      <span>
        {t.selectedCell(pending.address, pending.text)}
        {` · ${t.columnName(pending.column)}`}
      </span>
      <Field label={t.blockPicker}>
        <Select value={block} disabled={busy} onChange={(_, d) => chooseBlock(d.value as CorrectableBlock)}>
          {(["indicator", "budget"] as const).map((b) => (
            <option key={b} value={b}>
              {t.blocks[b]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.rolePicker}>
        <Select value={role} disabled={busy} onChange={(_, d) => setRole(d.value)}>
          <option value="" disabled>
            {t.rolePlaceholder}
          </option>
          {ROLES_OF[block].map((r) => (
            <option key={r} value={r}>
              {roleName(t, block, r)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || role === ""} onClick={() => props.onApply(block, role)}>
          {t.setRole(role ? roleName(t, block, role) : "…")}
        </Button>
        <Button disabled={busy} onClick={props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}
