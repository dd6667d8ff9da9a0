/** The findings grouped by severity, each with its message, the arithmetic behind it and "定位". */
import { Badge, Button } from "@fluentui/react-components";
import type { Finding, Lang, Severity } from "../domain/types";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

const ORDER: Severity[] = ["error", "warning", "info"];
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

interface Props {
  findings: readonly Finding[];
  /** The sheet the summary names: its findings show the cell alone ("I14"), others "Sheet!I14". */
  tableSheet?: string;
  lang: Lang;
  t: Strings;
  busy: boolean;
  onLocate(sheet: string, cell: string): void;
}

export function FindingList({ findings, tableSheet, lang, t, busy, onLocate }: Props) {
  const s = useStyles();
  if (findings.length === 0) return <p>{t.noFindings}</p>;
  return (
    <>
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={s.section} aria-label={t.severity[severity]} data-severity={severity}>
            <h2 className={s.sectionTitle}>
              {t.severity[severity]}{" "}
              <Badge appearance="filled" color={BADGE[severity]}>
                {group.length}
              </Badge>
            </h2>
            <ul className={s.list}>
              {group.map((f, i) => (
                <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} className={`${s.finding} ${s[severity]}`}>
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
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
