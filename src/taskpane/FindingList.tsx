/**
 * The findings by severity and, within each, by the part of the 自评表 they lie in, each part folding away,
 * with a filter (words, severities); each finding with its message, the arithmetic behind it and "定位".
 */
import { Badge, Button, SearchBox, ToggleButton } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import type { TableReading } from "../domain";
import type { Finding, Lang, Severity } from "../domain/types";
import { groupFindings, SEVERITIES } from "./finding-groups";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

interface Props {
  findings: readonly Finding[];
  /** The sheet the summary names: its findings show the cell alone ("I14"), others "Sheet!I14". */
  tableSheet?: string;
  /** How the table was read: its rows name the part each finding lies in. */
  reading?: TableReading;
  lang: Lang;
  t: Strings;
  busy: boolean;
  onLocate(sheet: string, cell: string): void;
}

export function FindingList({ findings, tableSheet, reading, lang, t, busy, onLocate }: Props) {
  const s = useStyles();
  const id = useId();
  const [text, setText] = useState("");
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  /** Parts folded away, as "severity/part". */
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(
    () => groupFindings(findings, reading, tableSheet, { text, severities }, lang, t),
    [findings, reading, tableSheet, text, severities, lang, t],
  );
  if (findings.length === 0) return <p>{t.noFindings}</p>;

  const counts = Object.fromEntries(SEVERITIES.map((v) => [v, findings.filter((f) => f.severity === v).length]));
  const shown = groups.reduce((n, g) => n + g.count, 0);
  const toggle = <T,>(set: ReadonlySet<T>, item: T): Set<T> => {
    const next = new Set(set);
    if (!next.delete(item)) next.add(item);
    return next;
  };

  return (
    <section className={s.section} aria-label={t.findings}>
      <div className={s.filter} role="search" aria-label={t.filterLabel}>
        <SearchBox
          className={s.wide}
          value={text}
          placeholder={t.filterPlaceholder}
          aria-label={t.filterLabel}
          // Fluent lays the hidden clear button out past the box's edge; it is only wanted with text to clear.
          dismiss={text ? undefined : null}
          onChange={(_, data) => setText(data.value)}
        />
        <div className={s.row} role="group" aria-label={t.severityFilter}>
          {SEVERITIES.filter((v) => counts[v] > 0).map((v) => (
            <ToggleButton
              key={v}
              size="small"
              checked={severities.has(v)}
              onClick={() => setSeverities((set) => toggle(set, v))}
            >
              {t.severity[v]} {counts[v]}
            </ToggleButton>
          ))}
        </div>
        <span className={s.detail} aria-live="polite" data-filter-count>
          {shown === findings.length ? t.findingsCount(findings.length) : t.filterCount(shown, findings.length)}
        </span>
      </div>
      {shown === 0 && <p>{t.filterNone}</p>}
      {groups.map(({ severity, blocks, count }) => (
        <section key={severity} className={s.section} aria-label={t.severity[severity]} data-severity={severity}>
          <h2 className={s.sectionTitle}>
            {t.severity[severity]}{" "}
            <Badge appearance="filled" color={BADGE[severity]}>
              {count}
            </Badge>
          </h2>
          {blocks.map((block) => {
            const key = `${severity}/${block.key}`;
            const open = !folded.has(key);
            const listId = `${id}-${severity}-${block.key}`;
            return (
              <div key={block.key} className={s.block} data-block={block.key}>
                <h3 className={s.blockTitle}>
                  <Button
                    appearance="subtle"
                    size="small"
                    aria-expanded={open}
                    aria-controls={listId}
                    icon={<span aria-hidden>{open ? "▾" : "▸"}</span>}
                    onClick={() => setFolded((set) => toggle(set, key))}
                  >
                    {t.blockTitle(block.label, block.findings.length)}
                  </Button>
                </h3>
                {open && (
                  <ul id={listId} className={s.list} aria-label={block.label}>
                    {block.findings.map((f, i) => (
                      <FindingItem
                        key={`${f.rule}-${f.sheet}-${f.cell}-${i}`}
                        f={f}
                        tableSheet={tableSheet}
                        lang={lang}
                        t={t}
                        busy={busy}
                        onLocate={onLocate}
                      />
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}

function FindingItem({ f, tableSheet, lang, t, busy, onLocate }: Omit<Props, "findings" | "reading"> & { f: Finding }) {
  const s = useStyles();
  return (
    <li className={`${s.finding} ${s[f.severity]}`}>
      <span>{f.message[lang]}</span>
      {f.arithmetic && (
        <span className={`${s.detail} ${s.mono}`}>
          {t.arithmetic}
          {t.colon}
          {f.arithmetic}
        </span>
      )}
      {/* The cell and 定位 share the last line, so the message keeps the card's full width. */}
      <div className={s.findingFoot}>
        <span className={`${s.detail} ${s.where}`}>
          {f.sheet === tableSheet ? f.cell : `${f.sheet}!${f.cell}`}
          {/* No-break spaces keep "应为 0.38" together and "·" at the end of a line, not the start. */}
          {f.expected !== undefined && `\u00a0· ${t.expected}\u00a0${f.expected}`}
          {f.received !== undefined && `\u00a0· ${t.received}\u00a0${f.received}`}
        </span>
        <Button
          size="small"
          appearance="subtle"
          className={s.locate}
          disabled={busy}
          aria-label={t.locateLabel(`${f.sheet}!${f.cell}`)}
          onClick={() => onLocate(f.sheet, f.cell)}
        >
          {t.locate}
        </Button>
      </div>
    </li>
  );
}
