/**
 * The command as a newcomer runs it, in a process of its own: `node bin/ziping.js check <sample> --write <dir>` (the
 * README's demo) from the TypeScript sources through tsx, as a fresh clone without lib/ does, and a batch with a
 * 汇总 and `report --docx`, whose writers are loaded only when asked for. The same again from the bundle
 * `npm run build:cli` makes (scripts/build-cli.js, built here into a folder of its own): its pool forks the bundled
 * worker, and a file that cannot be read or a copy that would replace one gets the same message as from the sources.
 * In-process tests cannot see a module that fails to load this way, nor one loaded that need not be (exceljs for a
 * patched copy: test/helpers/loaded-modules.js lists what the process loaded).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { checkInPool } from "../../src/cli/pool";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const CLEAN = path.join(ROOT, "test", "fixtures", "workbooks", "central-clean.xlsx");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require("../../scripts/build-cli.js") as { buildCli: (outdir: string) => Promise<unknown> };

let dir: string;
/** The bundle's folder: inside the project, so that its require("exceljs") finds node_modules. */
let bundle: string;
beforeAll(async () => {
  dir = tempDir("ziping-launcher-");
  bundle = fs.mkdtempSync(path.join(ROOT, ".bundle-test-"));
  await buildCli(bundle);
}, 60_000);
afterAll(() => {
  removeDir(dir);
  removeDir(bundle);
});

const LAUNCHERS: [string, () => string[], Record<string, string>][] = [
  ["bin/ziping.js from the sources", () => [path.join(ROOT, "bin", "ziping.js")], { ZIPING_FROM_SOURCE: "1" }],
  ["the bundle of npm run build:cli", () => [path.join(bundle, "main.js")], {}],
];

describe.each(LAUNCHERS)("%s", (_, launcher, env) => {
  const ziping = (args: string[]) =>
    spawnSync(process.execPath, [...launcher(), ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
  beforeEach(() => {
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  });

  it("runs the README's demo: the sample's figures, and the scored copy written", () => {
    const r = ziping(["check", SAMPLE, "--write", "out"]);
    expect(r.stderr).toBe("");
    // By hand: 3342.07 ÷ 3378.30 = 98.93%, 总分 99.00, 优; the one warning at D19.
    expect(r.stdout).toContain("执行率：98.93%");
    expect(r.stdout).toContain("总分：99.00  等级：优");
    expect(r.stdout).toContain("已写出带标注的副本：out/nansha-2023.checked.xlsx");
    expect(r.status).toBe(0);
    expect(fs.statSync(path.join(dir, "out", "nansha-2023.checked.xlsx")).size).toBeGreaterThan(1000);
  }, 150_000);

  // exceljs is the fallback's library (a copy the patcher cannot make), some 200 ms of a start: a patched copy, as
  // the sample's is, is written without it.
  it("writes the sample's scored copy without loading exceljs", () => {
    const list = path.join(dir, "loaded.json");
    const r = spawnSync(
      process.execPath,
      [
        "--require",
        path.join(ROOT, "test", "helpers", "loaded-modules.js"),
        ...launcher(),
        "check",
        SAMPLE,
        "--write",
        "out",
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, ...env, ZIPING_LOADED_MODULES: list }, timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "out", "nansha-2023.checked.xlsx"))).toBe(true);
    const loaded = JSON.parse(fs.readFileSync(list, "utf8")) as string[];
    expect(loaded.some((f) => /[\\/]node_modules[\\/]saxes[\\/]/.test(f))).toBe(true);
    expect(loaded.filter((f) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(f))).toEqual([]);
  }, 150_000);

  it("checks a batch in its worker pool, writes copies and the 汇总, and drafts the .docx", () => {
    const batch = path.join(dir, "batch");
    fs.mkdirSync(batch);
    fs.copyFileSync(SAMPLE, path.join(batch, "a.xlsx"));
    fs.copyFileSync(CLEAN, path.join(batch, "b.xlsx"));
    const r = ziping(["check", batch, "--write", "copies", "--summary", "汇总.xlsx"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, "copies")).sort()).toEqual(["a.checked.xlsx", "b.checked.xlsx"]);
    expect(fs.existsSync(path.join(dir, "汇总.xlsx"))).toBe(true);
    const report = ziping(["report", SAMPLE, "--docx", "报告.docx"]);
    expect(report.status).toBe(0);
    expect(fs.statSync(path.join(dir, "报告.docx")).size).toBeGreaterThan(1000);
  }, 150_000);

  it("names a file it cannot read and a copy it will not replace, and goes on", () => {
    const batch = path.join(dir, "batch");
    fs.mkdirSync(batch);
    fs.copyFileSync(SAMPLE, path.join(batch, "a.xlsx"));
    fs.writeFileSync(path.join(batch, "b.xlsx"), "not a workbook");
    fs.mkdirSync(path.join(dir, "copies"));
    fs.writeFileSync(path.join(dir, "copies", "a.checked.xlsx"), "an earlier copy");
    const r = ziping(["check", batch, "--write", "copies"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("执行率：98.93%");
    expect(r.stdout).toContain("已存在，未替换");
    expect(r.stdout).toContain("无法读取 1 个");
    expect(fs.readFileSync(path.join(dir, "copies", "a.checked.xlsx"), "utf8")).toBe("an earlier copy");
    expect(r.status).toBe(2);
  }, 150_000);
});

describe("the bundled worker", () => {
  it("checks files in the pool as the sources' worker does", async () => {
    const files = [SAMPLE, CLEAN];
    const reports: { file: string; total?: string }[] = [];
    await checkInPool(
      files,
      { kind: "check" } as never,
      undefined,
      [],
      (report) => reports.push({ file: report.file, total: report.result?.total.computed?.toFixed(2) }),
      { workerModule: path.join(bundle, "check-worker.js"), size: 1 },
    );
    // The sample's 总分 99.00 (README); central-clean's 94.12, drawn so in scripts/make-fixtures.ts (centralBase).
    expect(reports).toEqual([
      { file: SAMPLE, total: "99.00" },
      { file: CLEAN, total: "94.12" },
    ]);
  }, 60_000);
});
