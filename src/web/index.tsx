/**
 * Ziping without Office: the offline web page (dist/web/index.html), for WPS and browser-only officers. Choose or
 * drop .xlsx files; each is read and checked on this machine by the same engine, with the same pane (App) as in
 * Excel over the browser gateway (src/gateways/browser), beside a read-only view of the sheet for 定位 and for
 * selecting the cells a correction names. Nothing is uploaded and nothing is fetched after the page has loaded.
 */
/* global Blob, document, File, FileList */
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  ProgressBar,
  Subtitle1,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { columnLetters, rangeToA1, type CellRange, type MapGrid } from "../domain/grid";
import { BrowserWorkbookGateway, downloadFile } from "../gateways/browser/gateway";
import { App } from "../taskpane/App";
import { SheetView } from "./SheetView";

const useStyles = makeStyles({
  page: { padding: "16px", fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: "12px", marginBottom: "12px" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "16px",
    marginBottom: "12px",
    background: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  columns: { display: "flex", gap: "16px", alignItems: "flex-start", flexWrap: "wrap" },
  pane: { flex: "0 1 420px", minWidth: "300px", maxWidth: "100%" },
  sheet: { flex: "1 1 480px", minWidth: 0, maxWidth: "100%" },
});

interface Opened {
  name: string;
  gateway: BrowserWorkbookGateway;
}

function WebPage() {
  const s = useStyles();
  const [opened, setOpened] = useState<Opened[]>([]);
  const [current, setCurrent] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [sheets, setSheets] = useState<Map<string, { grids: readonly MapGrid[]; table: string | null }>>(new Map());
  const [view, setView] = useState<{ sheet: string | null; cell: string | null }>({ sheet: null, cell: null });
  const [selected, setSelected] = useState<CellRange | null>(null);
  const [summaryBusy, setSummaryBusy] = useState(false);
  /** How far each file's read in the reader worker has come, while it lasts. */
  const [progress, setProgress] = useState<Map<string, number>>(new Map());

  /** The reviewer's 汇总 of every file opened, as `ziping check --summary` writes it (its writer loads now). */
  async function downloadSummary() {
    setSummaryBusy(true);
    try {
      const entries = [];
      for (const o of opened) entries.push(await o.gateway.summaryEntry());
      const { buildSummaryWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ "../gateways/xlsx/summary");
      const out = await buildSummaryWorkbook(entries, "zh-CN").xlsx.writeBuffer();
      downloadFile(
        new Blob([out], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
        "汇总.xlsx",
      );
    } finally {
      setSummaryBusy(false);
    }
  }

  async function open(files: FileList | File[]) {
    const list = [...files].filter((f) => /\.xlsx$/i.test(f.name));
    const next: Opened[] = [];
    for (const file of list) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const name = file.name;
      const gateway = new BrowserWorkbookGateway(name, bytes, {
        onRead: (grids, table) => {
          setSheets((m) => new Map(m).set(name, { grids, table }));
          setView({ sheet: table, cell: null });
        },
        onLocate: (sheet, cell) => setView({ sheet, cell }),
        onProgress: (fraction) =>
          setProgress((m) => {
            const next = new Map(m);
            if (fraction === null) next.delete(name);
            else next.set(name, fraction);
            return next;
          }),
      });
      next.push({ name, gateway });
    }
    if (next.length === 0) return;
    setOpened(next);
    setCurrent(0);
    setSelected(null);
    setView({ sheet: null, cell: null });
  }

  const active = opened[current];
  const read = active ? sheets.get(active.name) : undefined;
  const grid = useMemo(() => {
    if (!read) return undefined;
    return read.grids.find((g) => g.name === (view.sheet ?? read.table)) ?? read.grids[0];
  }, [read, view.sheet]);

  return (
    <div className={s.page} data-read-in={read ? (active?.gateway.readIn ?? "") : ""}>
      <div className={s.header}>
        <Subtitle1 as="h1">绩效自评助手（网页版）</Subtitle1>
        <Caption1>文件只在本机读取和计分，不会上传；WPS、国产系统的浏览器均可使用。</Caption1>
      </div>
      <div
        className={dragging ? `${s.drop} ${s.dropActive}` : s.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void open(e.dataTransfer.files);
        }}
      >
        <Body1>
          <label>
            选择自评表（.xlsx，可多选）：{" "}
            <input
              type="file"
              accept=".xlsx"
              multiple
              data-testid="file-input"
              onChange={(e) => e.target.files && void open(e.target.files)}
            />
          </label>{" "}
          或把文件拖到这里。
        </Body1>
      </div>
      {opened.length > 1 && (
        <Body1 as="p">
          已选 {opened.length} 个文件。{" "}
          <Button size="small" disabled={summaryBusy} onClick={() => void downloadSummary()}>
            下载汇总表
          </Button>
        </Body1>
      )}
      {opened.length > 1 && (
        <TabList selectedValue={String(current)} onTabSelect={(_, d) => setCurrent(Number(d.value))}>
          {opened.map((o, i) => (
            <Tab key={o.name + i} value={String(i)}>
              {o.name}
            </Tab>
          ))}
        </TabList>
      )}
      {active && (
        <div className={s.columns}>
          <div className={s.pane}>
            <Caption1 as="p">{active.name}</Caption1>
            {progress.has(active.name) && (
              <div data-testid="read-progress" role="status">
                <Caption1>正在读取工作簿……{Math.round(progress.get(active.name)! * 100)}%</Caption1>
                <ProgressBar value={progress.get(active.name)} thickness="large" />
              </div>
            )}
            <App key={active.name + current} gateway={active.gateway} lang="zh-CN" host="web" />
          </div>
          <div className={s.sheet}>
            {grid ? (
              <>
                <Caption1 as="p">
                  工作表“{grid.name}”{view.cell ? `，定位到 ${view.cell}` : ""}
                  {selected ? `；已选 ${rangeToA1(selected)}（${columnLetters(selected.left)} 列）` : ""}
                </Caption1>
                <SheetView
                  grid={grid}
                  located={view.cell}
                  selected={selected}
                  onSelect={(range, text) => {
                    setSelected(range);
                    active.gateway.select({ sheet: grid.name, address: rangeToA1(range), text });
                  }}
                />
              </>
            ) : (
              <Body1>点击左侧“一键校验并计分”后，这里显示读到的工作表。</Body1>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

const container = document.getElementById("root");
if (container)
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <WebPage />
    </FluentProvider>,
  );
