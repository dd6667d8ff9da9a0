/**
 * `npm run bench:pane`: the task pane's first-load JavaScript (gzip) against the 250 KB budget, the
 * requests it makes (nothing but office.js may leave the machine), and the round trips to Excel for
 * reading, previewing, writing and undoing a 500-indicator table, measured through the production build
 * in Chromium over the Excel simulation (test/e2e/sim); then the offline web page (./web.ts). Exits non-zero when a
 * budget is broken.
 */
import { performance } from "node:perf_hooks";
import type { Page } from "playwright-core";
import type { SimHandle } from "../test/e2e/sim/excel-sim";
import {
  ensureBuild,
  FIRST_LOAD_BUDGET,
  firstLoadScripts,
  gzipSize,
  launchChromium,
  openPane,
  serveDir,
} from "../test/e2e/sim/harness";
import { defaultSimConfig, OFFICE_JS_URL } from "../test/e2e/sim/script";
import { manyFindingsWorkbook } from "../test/e2e/sim/workbook";
import { benchWeb } from "./web";

declare global {
  interface Window {
    __excelSim: SimHandle;
  }
}

const INDICATORS = 500;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Clicks a button, waits until the pane is idle, and returns the syncs and time the errand took. */
async function errand(page: Page, name: string): Promise<{ syncs: number; ms: number }> {
  await page.evaluate(() => window.__excelSim.resetCounters());
  const t0 = performance.now();
  await page.getByRole("button", { name, exact: true }).click();
  await page.getByRole("button", { name: "一键校验并计分" }).and(page.locator(":enabled")).waitFor();
  const ms = performance.now() - t0;
  const { syncs } = await page.evaluate(() => window.__excelSim.counters);
  return { syncs, ms };
}

export async function benchPane(): Promise<boolean> {
  let ok = true;
  const build = await ensureBuild();
  const scripts = firstLoadScripts(build.dir);
  const size = gzipSize(scripts);
  const within = size.gzip < FIRST_LOAD_BUDGET;
  ok &&= within;
  console.log(
    `pane first-load JavaScript: ${kb(size.gzip)} gzip (${kb(size.raw)} minified, ${scripts.length} file) — ` +
      `budget ${kb(FIRST_LOAD_BUDGET)}: ${within ? "ok" : "OVER"}` +
      (build.rebuilt ? ` [built in ${(build.ms / 1000).toFixed(1)} s]` : ""),
  );

  // Chromium first: when it is missing, no server is left running to keep the bench from ending.
  const browser = await launchChromium();
  const server = await serveDir(build.dir);
  try {
    const pane = await openPane(browser, server.origin, {
      sim: { ...defaultSimConfig(manyFindingsWorkbook(INDICATORS)), syncDelayMs: 0 },
      width: 450,
    });
    const { page } = pane;
    page.setDefaultTimeout(60_000);
    await page.getByRole("button", { name: "一键校验并计分" }).waitFor();
    await page.waitForFunction(() => window.__excelSim.counters.syncs >= 1);

    const read = await errand(page, "一键校验并计分");
    const findings = await page.locator("section[data-severity] li").count();
    const preview = await errand(page, "写回结果");
    const write = await errand(page, "确认写入");
    await page.reload();
    await page.getByRole("button", { name: "撤销写入" }).waitFor();
    await page.waitForFunction(() => window.__excelSim.counters.syncs >= 1);
    const undo = await errand(page, "撤销写入");
    const failures = await page.evaluate(() => window.__excelSim.failures);

    const local = (u: string) => u.startsWith(`${server.origin}/`);
    const outside = pane.requests.filter((u) => !local(u));
    const onlyOfficeJs = outside.every((u) => u === OFFICE_JS_URL) && pane.blocked.length === 0;
    ok &&= onlyOfficeJs && failures.length === 0;
    console.log(
      `pane network over 2 loads of the page (check, preview, write; reopen, undo): ` +
        `${pane.requests.filter(local).length} requests to its own server, ${outside.length} elsewhere ` +
        `(${[...new Set(outside)].join(", ") || "none"}); blocked: ${pane.blocked.join(", ") || "none"} — ` +
        `${onlyOfficeJs ? "ok" : "UNEXPECTED"}`,
    );
    const line = (what: string, r: { syncs: number; ms: number }) =>
      `${what} ${r.syncs} sync${r.syncs === 1 ? "" : "s"} (${r.ms.toFixed(0)} ms in the browser)`;
    console.log(
      `pane round trips, ${INDICATORS}-indicator table with ${findings} findings: ` +
        [line("check", read), line("preview", preview), line("write", write), line("undo after reopening", undo)].join(
          "; ",
        ),
    );
    if (failures.length) console.log(`  Excel refused: ${JSON.stringify(failures)}`);
    await pane.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return ok;
}

if (require.main === module) {
  (async () => {
    const pane = await benchPane();
    const web = await benchWeb();
    return pane && web;
  })().then(
    (ok) => {
      if (!ok) process.exitCode = 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
