/** 执行率, 总分, 等级 and the finding counts, as the officer reads them. */
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { CheckResult } from "../domain/types";
import { notGraded } from "../domain/evaluate";
import { summarize } from "./figures";
import type { Strings } from "./strings";
import { useStyles } from "./styles";

export function Summary({ result, t }: { result: CheckResult; t: Strings }) {
  const s = useStyles();
  const view = summarize(result);
  const provisional = result.total.provisional;
  // A total from a table with errors or blanks is never shown as final; an impossible one gets no grade.
  const mark = provisional ? `（${t.provisional}）` : "";
  const grade = notGraded(result.total) ? t.notGraded : view.grade;
  const stats: Array<[string, string | number, string]> = [
    [t.executionRate, view.executionRate, "rate"],
    [t.totalScore, view.totalScore + mark, "total"],
    [t.grade, result.total.grade ? grade + mark : grade, "grade"],
    [t.errors, view.counts.error, "errors"],
    [t.warnings, view.counts.warning, "warnings"],
  ];
  // The rules as the engine names them for this table ("按中央口径（财预〔2020〕10号）" when chosen for a local
  // table, with any --set changes), as the command line and the scored copy's notes name them.
  const profile = result.figures[0]?.profileTitle?.[t.lang] ?? t.profiles[result.profile];
  return (
    <section className={s.section} aria-label={t.summary}>
      <h2 className={s.sectionTitle}>{t.summary}</h2>
      <div className={s.summary}>
        {stats.map(([label, value, id]) => (
          <div className={s.stat} key={id} data-stat={id}>
            <span className={s.statLabel}>{label}</span>
            <span className={s.statValue}>{value}</span>
          </div>
        ))}
      </div>
      {provisional && (
        <MessageBar intent="warning" data-provisional>
          <MessageBarBody>{provisional[t.lang]}</MessageBarBody>
        </MessageBar>
      )}
      <Text className={s.meta}>
        {result.sheet ? `${t.sheet}${t.colon}${result.sheet} · ` : ""}
        {t.profileUsed}
        {t.colon}
        {profile}
      </Text>
      {!result.sheet && <Text>{t.noTable}</Text>}
    </section>
  );
}
