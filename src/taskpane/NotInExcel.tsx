/** What the page says outside Excel (a browser, another Office app): plainly, in both languages. */
import { NOT_IN_EXCEL } from "./strings";
import { useStyles } from "./styles";

export function NotInExcel() {
  const s = useStyles();
  return (
    <div className={s.notInExcel} role="status">
      <strong lang="zh-CN">{NOT_IN_EXCEL["zh-CN"]}</strong>
      <span lang="en-US">{NOT_IN_EXCEL["en-US"]}</span>
    </div>
  );
}
