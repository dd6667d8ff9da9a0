/**
 * The command as a newcomer runs it, in a process of its own: `node bin/ziping.js check <sample> --write <dir>` (the
 * README's demo) from the TypeScript sources through tsx, as a fresh clone without lib/ does, and a batch with a
 * 汇总 and `report --docx`, whose writers are loaded only when asked for. In-process tests cannot see a module that
 * fails to load this way.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const CLEAN = path.join(ROOT, "test", "fixtures", "workbooks", "central-clean.xlsx");

let dir: string;
beforeAll(() => {
  dir = tempDir("ziping-launcher-");
});
afterAll(() => removeDir(dir));

function ziping(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "bin", "ziping.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ZIPING_FROM_SOURCE: "1" },
    timeout: 120_000,
  });
}

describe("bin/ziping.js from the sources", () => {
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
});
