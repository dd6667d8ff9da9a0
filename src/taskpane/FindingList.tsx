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
  lang: Lang;
  t: Strings;
  busy: boolean;
  onLocate(sheet: string, cell: string): void;
}

export function FindingList({ findings, lang, t, busy, onLocate }: Props) {
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
                  <div className={s.findingHead}>
                    <span className={s.message}>{f.message[lang]}</span>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy}
                      aria-label={t.locateLabel(`${f.sheet}!${f.cell}`)}
                      onClick={() => onLocate(f.sheet, f.cell)}
                    >
                      {t.locate}
                    </Button>
                  </div>
                  <span className={s.detail}>
                    {f.sheet}!{f.cell}
                    {f.expected !== undefined && ` · ${t.expected} ${f.expected}`}
                    {f.received !== undefined && ` · ${t.received} ${f.received}`}
                  </span>
                  {f.arithmetic && (
                    <span className={`${s.detail} ${s.mono}`}>
                      {t.arithmetic}：{f.arithmetic}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
