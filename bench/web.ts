/**
 * The offline web page (dist/web) in Chromium over file://: its first-load JavaScript (gzip) against the 300 KB
 * budget, the time from choosing a workbook to the result on screen for the 南沙区 sample and for a small 自评表
 * after a 200,000-row data sheet, and the longest stretch the page's main thread was busy meanwhile (long tasks:
 * while one runs the page cannot answer a click). Run by bench/pane.ts (`npm run bench:pane`, `npm run bench`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { writeLargeTable } from "../test/helpers/mutate-workbooks";
import { ensureBuild, gzipSize, launchChromium, ROOT } from "../test/e2e/sim/harness";

export const WEB_FIRST_LOAD_BUDGET = 300 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The scripts index.html loads itself (the others are chunks loaded on first use). */
function firstLoad(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) =>
    path.join(dir, (m[1] ?? m[2] ?? m[3]).replace(/^\.?\//, "")),
  );
}

async function timeToResult(
  browser: Browser,
  page: string,
  file: string,
): Promise<{ ms: number; longestTaskMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  p.setDefaultTimeout(300_000);
  await p.goto(page);
  await p.getByTestId("file-input").waitFor();
  await p.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  const t0 = performance.now();
  await p.getByTestId("file-input").setInputFiles(file);
  await p.getByRole("button", { name: "一键校验并计分", exact: true }).click();
  await p.locator("[data-stat=rate]").waitFor();
  const ms = performance.now() - t0;
  const longestTaskMs = await p.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await context.close();
  return { ms, longestTaskMs };
}

export async function benchWeb(): Promise<boolean> {
  const build = await ensureBuild();
  const dir = path.join(build.dir, "web");
  const size = gzipSize(firstLoad(dir));
  const within = size.gzip <= WEB_FIRST_LOAD_BUDGET;
  console.log(
    `web page first-load JavaScript: ${kb(size.gzip)} gzip (${kb(size.raw)} minified) — budget ${kb(WEB_FIRST_LOAD_BUDGET)}: ${within ? "ok" : "OVER"}`,
  );
  const page = pathToFileURL(path.join(dir, "index.html")).href;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-bench-web-"));
  const big = path.join(tmp, "明细 200000 行.xlsx");
  await writeLargeTable(big, 9, "自评表", 200_000);
  const browser = await launchChromium();
  try {
    for (const [label, file] of [
      ["the 南沙区 sample", path.join(ROOT, "examples", "nansha-2023.xlsx")],
      [`a 9-indicator 自评表 after a 200,000-row data sheet (${(fs.statSync(big).size / 1e6).toFixed(1)} MB)`, big],
    ] as const) {
      const r = await timeToResult(browser, page, file);
      console.log(
        `web page, choosing ${label} to the result on screen: ${r.ms.toFixed(0)} ms; longest main-thread task ${r.longestTaskMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return within;
}
