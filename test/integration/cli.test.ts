import * as fs from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { legacyXls } from "../helpers/xlsx-hostile";
import { removeDir, sha256, tempDir, writeWorkbook } from "../helpers/xlsx-workbooks";

interface Run {
  status: number;
  out: string;
  err: string;
}

async function run(argv: string[], options: { tty?: boolean } = {}): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
  };
  const status = await main(argv, io);
  return { status, out, err };
}

let dir: string;
let good: string;
beforeAll(async () => {
  dir = tempDir("ziping-cli-");
  good = path.join(dir, "南沙 自评表.xlsx");
  await writeWorkbook(good, { 自评表: { A1: "项目名称", A2: "年度资金总额", D2: 3378.3, E2: 3342.07 } });
});
afterAll(() => removeDir(dir));

function inDir(...parts: string[]): string {
  const p = path.join(dir, ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

describe("ziping: usage", () => {
  it("prints help in both languages", async () => {
    const r = await run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.out).toContain("用法：ziping check");
    expect(r.out).toContain("Usage: ziping check");
  });

  it("prints help in one language when asked", async () => {
    const r = await run(["check", "--help", "--lang", "en-US"]);
    expect(r.out).toContain("Usage:");
    expect(r.out).not.toContain("用法");
  });

  it("prints the package version", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ status: 0, out: `ziping ${pkg.version}\n`, err: "" });
  });

  it.each([
    [["check", "a.xlsx", "--bogus"], "未知选项 --bogus", "unknown option --bogus"],
    [["check", "a.xlsx", "--profile", "beijing"], "未知的评分口径 beijing", "unknown profile beijing"],
    [["check"], "没有指定要检查的文件", "no files or folders"],
    [[], "缺少命令", "missing command"],
    [["lint", "a.xlsx"], "未知命令 lint", "unknown command lint"],
  ])("%j is bad usage: exit 2, both languages on stderr, nothing on stdout", async (argv, zh, en) => {
    const r = await run(argv);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(zh);
    expect(r.err).toContain(en);
  });

  it("exits 2 when a folder holds no workbook", async () => {
    const empty = inDir("空文件夹", "readme.txt");
    fs.writeFileSync(empty, "nothing");
    const r = await run(["check", path.dirname(empty)]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("没有找到 .xlsx");
  });
});

describe("ziping check --json", () => {
  let r: Run;
  let missing: string;
  let renamed: string;
  beforeAll(async () => {
    missing = inDir("json", "不存在.xlsx");
    renamed = inDir("json", "文本.xlsx");
    fs.writeFileSync(renamed, "项目,预算\n");
    r = await run(["check", renamed, good, missing, "--json"]);
  });

  it("prints exactly one JSON document on stdout", () => {
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toBe("");
  });

  it("exits 2 when a file could not be read, and still reports the others, sorted", () => {
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([renamed, missing, good].sort());
  });

  it("has the documented shape for every file", () => {
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["files"]);
    for (const f of doc.files) {
      expect(Object.keys(f)).toEqual([
        "file",
        "ok",
        "error",
        "sheet",
        "layout",
        "profile",
        "budget",
        "total",
        "findings",
      ]);
      expect(Object.keys(f.budget)).toEqual(["planned", "executed", "rate", "score"]);
      expect(Object.keys(f.total)).toEqual(["computed", "reported", "grade", "provisional"]);
      for (const finding of f.findings) {
        expect(Object.keys(finding)).toEqual(["rule", "severity", "sheet", "cell", "message"]);
        expect(typeof finding.message).toBe("string");
        expect(["error", "warning", "info"]).toContain(finding.severity);
      }
      if (f.budget.rate !== null) expect(Math.round(f.budget.rate * 1e6) / 1e6).toBe(f.budget.rate);
    }
  });

  it("reports an unreadable file with ok false, its message and nulls", () => {
    const doc = JSON.parse(r.out);
    const bad = doc.files.find((f: { file: string }) => f.file === renamed);
    expect(bad).toEqual({
      file: renamed,
      ok: false,
      error: expect.stringContaining(renamed),
      sheet: null,
      layout: null,
      profile: null,
      budget: { planned: null, executed: null, rate: null, score: null },
      total: { computed: null, reported: null, grade: null, provisional: null },
      findings: [],
    });
    expect(bad.error).toMatch(/不是 \.xlsx/);
    expect(doc.files.find((f: { file: string }) => f.file === missing).error).toMatch(/找不到文件/);
  });

  it("reports a readable file with ok true and no error", () => {
    const doc = JSON.parse(r.out);
    const ok = doc.files.find((f: { file: string }) => f.file === good);
    expect(ok).toMatchObject({ ok: true, error: null });
    expect(typeof ok.profile).toBe("string");
  });

  it("gives messages in the chosen language", async () => {
    const en = await run(["check", renamed, "--json", "--lang", "en-US"]);
    expect(JSON.parse(en.out).files[0].error).toMatch(/^Not an \.xlsx workbook/);
  });

  it("exits 0 or 1 (by findings) when every file was read", async () => {
    const all = await run(["check", good, "--json"]);
    const doc = JSON.parse(all.out);
    const hasErrors = doc.files.some((f: { findings: Array<{ severity: string }> }) =>
      f.findings.some((x) => x.severity === "error"),
    );
    expect(all.status).toBe(hasErrors ? 1 : 0);
  });
});

describe("ziping check: folders", () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, "材料 2023");
    await writeWorkbook(inDir("材料 2023", "b 单位.xlsx"), { 表: { A1: "b" } });
    await writeWorkbook(inDir("材料 2023", "下级", "a.xlsm"), { 表: { A1: "a" } });
    fs.writeFileSync(inDir("材料 2023", "旧.xls"), legacyXls());
    fs.writeFileSync(inDir("材料 2023", "~$b 单位.xlsx"), "lock");
    fs.writeFileSync(inDir("材料 2023", "._b 单位.xlsx"), "mac");
    fs.writeFileSync(inDir("材料 2023", "说明.txt"), "text");
    await writeWorkbook(inDir("材料 2023", "b 单位.checked.xlsx"), { 表: { A1: "copy" } });
  });

  it("walks folders for workbooks, skips lock files, checks a copy without Ziping's mark, and sorts", async () => {
    const r = await run(["check", folder, "--json"]);
    const files = JSON.parse(r.out).files.map((f: { file: string }) => path.relative(folder, f.file));
    // "b 单位.checked.xlsx" carries no mark (any program could have written it): only the mark leaves a file out.
    expect(files).toEqual(["b 单位.checked.xlsx", "b 单位.xlsx", path.join("下级", "a.xlsm"), "旧.xls"].sort());
    expect(r.status).toBe(2); // the old .xls cannot be read
  });

  it("counts a file named twice once", async () => {
    const r = await run(["check", good, path.join(dir, ".", path.basename(good)), "--json"]);
    expect(JSON.parse(r.out).files).toHaveLength(1);
  });
});

describe("ziping check: human output", () => {
  it("prints a block per file with the counts and each finding", async () => {
    const missing = path.join(dir, "没有.xlsx");
    const r = await run(["check", good, missing]);
    expect(r.status).toBe(2);
    expect(r.out).toContain(`${good}\n  工作表：`);
    expect(r.out).toMatch(/版式：.*评分口径：/);
    expect(r.out).toMatch(/执行率：/);
    expect(r.out).toMatch(/总分：.*等级：/);
    expect(r.out).toMatch(/错误 \d+ \/ 警告 \d+ \/ 提示 \d+/);
    expect(r.out).toContain(`${missing}\n  找不到文件：${missing}`);
    expect(r.out).toContain("共 2 个文件：已检查 1 个");
    for (const line of r.out.split("\n").filter((l) => l.startsWith("  ["))) {
      expect(line).toMatch(/^ {2}\[(错误|警告|提示)\] [A-Z]+\d+ {2}\S/);
    }
  });

  it("speaks English with --lang en-US", async () => {
    const r = await run(["check", good, "--lang", "en-US"]);
    expect(r.out).toMatch(/Sheet: .*Layout: .*Profile: /);
    expect(r.out).toMatch(/errors \d+ \/ warnings \d+ \/ notes \d+/);
    expect(r.out).not.toMatch(/工作表：|版式：|错误 \d/);
  });

  it("shows progress on stderr for a batch on a terminal, or when asked", async () => {
    const batch = [];
    for (let i = 1; i <= 6; i++) {
      const f = inDir("batch", `表${i}.xlsx`);
      await writeWorkbook(f, { 表: { A1: i } });
      batch.push(f);
    }
    const tty = await run(["check", path.join(dir, "batch"), "--json"], { tty: true });
    expect(tty.err).toContain(`[1/6] ${batch[0]}`);
    expect(tty.err).toContain(`[6/6] ${batch[5]}`);
    expect((await run(["check", path.join(dir, "batch"), "--json"])).err).toBe("");
    expect((await run(["check", good, "--progress"])).err).toBe(`[1/1] ${good}\n`);
    expect((await run(["check", good], { tty: true })).err).toBe("");
  });
});

describe("ziping check --write", () => {
  it("writes a marked-up copy per readable file, names it in the output and leaves the input alone", async () => {
    const out = path.join(dir, "输出 目录");
    const before = sha256(good);
    const missing = path.join(dir, "缺.xlsx");
    const r = await run(["check", good, missing, "--write", out]);
    const copy = path.join(out, "南沙 自评表.checked.xlsx");
    expect(fs.existsSync(copy)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(["南沙 自评表.checked.xlsx"]);
    expect(r.out).toContain(`已写出带标注的副本：${copy}`);
    expect(sha256(good)).toBe(before);
    expect(r.status).toBe(2); // the missing file
  });

  it("gives two inputs with one name two copies", async () => {
    const a = inDir("同名", "2022", "自评表.xlsx");
    const b = inDir("同名", "2023", "自评表.xlsx");
    await writeWorkbook(a, { 表: { A1: 2022 } });
    await writeWorkbook(b, { 表: { A1: 2023 } });
    const out = path.join(dir, "同名 输出");
    const r = await run(["check", path.join(dir, "同名"), "--write", out, "--json"]);
    expect(JSON.parse(r.out).files.every((f: { ok: boolean }) => f.ok)).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(["自评表 (2).checked.xlsx", "自评表.checked.xlsx"]);
  });

  it("refuses a copy that would land on one of the inputs, and says so", async () => {
    const out = path.join(dir, "撞名");
    const input = inDir("撞名", "表.checked.xlsx");
    await writeWorkbook(input, { 表: { A1: "已检查" } });
    const before = sha256(input);
    const source = inDir("撞名源", "表.xlsx");
    await writeWorkbook(source, { 表: { A1: "原表" } });
    const r = await run(["check", source, input, "--write", out, "--json"]);
    const doc = JSON.parse(r.out);
    const refused = doc.files.find((f: { file: string }) => f.file === source);
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain("拒绝写出");
    expect(refused.error).toContain(input);
    expect(sha256(input)).toBe(before);
    expect(r.status).toBe(2);
  });

  it("leaves out the copies in its own output folder by their mark, and checks a workbook someone put there", async () => {
    const folder = path.join(dir, "自带输出");
    await writeWorkbook(inDir("自带输出", "表.xlsx"), { 表: { A1: 1 } });
    const out = path.join(folder, "结果");
    await run(["check", folder, "--write", out]);
    await writeWorkbook(path.join(out, "另一个.xlsx"), { 表: { A1: 2 } });
    const r = await run(["check", folder, "--write", out, "--json"]);
    // 结果/另一个.xlsx sorts before 表.xlsx (结 U+7ED3 < 表 U+8868); 结果/表.checked.xlsx is Ziping's, by its mark.
    expect(JSON.parse(r.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual([
      "另一个.xlsx",
      "表.xlsx",
    ]);
  });

  it("fails cleanly when the output folder cannot be created", async () => {
    const blocker = inDir("挡路.txt");
    fs.writeFileSync(blocker, "a file, not a folder");
    const r = await run(["check", good, "--write", path.join(blocker, "sub")]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("无法创建输出文件夹");
  });
});
