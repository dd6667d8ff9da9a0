/**
 * No output replaces an existing file without --force, and none replaces a file being read, even with it (issue 10
 * item 7): scored copies (per file, the batch goes on), the 汇总 (refused before any work, also when it would land on
 * a copy of the same run), the report's .docx and sheet (each only of its own kind). Ziping's outputs are known by
 * the mark in their properties, however renamed.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strToU8, zipSync, type Zippable } from "fflate";
import { parseArgs } from "../../src/cli/args";
import { main, type CliIo } from "../../src/cli/main";
import { kindInCoreXml, outputKindOf } from "../../src/gateways/xlsx/marker";
import { writeFileAtomically } from "../../src/gateways/xlsx/write";
import { removeDir, sha256, tempDir } from "../helpers/xlsx-workbooks";

const CLEAN = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");
const SAMPLE = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");

async function run(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
  };
  const status = await main(argv, io);
  return { status, out, err };
}

const walked = async (...argv: string[]) =>
  JSON.parse((await run(["check", ...argv, "--json"])).out).files.map((f: { file: string }) => path.basename(f.file));

let dir: string;
beforeEach(() => {
  dir = tempDir("ziping-outputs-");
});
afterEach(() => removeDir(dir));

/** Bytes that do not compress, from a fixed linear congruential generator. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 7;
  for (let i = 0; i < length; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

function put(name: string, from = CLEAN): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.copyFileSync(from, p);
  return p;
}

describe("ziping check --write: an existing copy", () => {
  it("is kept byte for byte without --force, said per file in both languages; the batch goes on and exits 2", async () => {
    const a = put("收到/甲.xlsx");
    put("收到/乙.xlsx");
    const out = path.join(dir, "已标注");
    const earlier = put("已标注/甲.checked.xlsx", SAMPLE);
    const before = sha256(earlier);

    const r = await run(["check", path.join(dir, "收到"), "--write", out]);
    expect(r.status).toBe(2);
    expect(sha256(earlier)).toBe(before);
    expect(r.out).toContain(
      `未写出副本：${earlier} 已存在，未替换。如要替换，请加 --force；或换一个文件名（或文件夹）`,
    );
    expect(r.out).toContain(`已写出带标注的副本：${path.join(out, "乙.checked.xlsx")}`);
    expect(outputKindOf(path.join(out, "乙.checked.xlsx"))).toBe("scored-copy");
    expect(r.out).toContain(`${a}\n  工作表：`); // the file itself is still checked and reported

    const en = await run(["check", a, "--write", out, "--lang", "en-US", "--json"]);
    expect(en.status).toBe(2);
    expect(JSON.parse(en.out).files[0].error).toBe(
      `${earlier} exists and was not replaced: add --force to replace it, or choose another name (or folder)`,
    );
    expect(sha256(earlier)).toBe(before);
  });

  it("is replaced with --force", async () => {
    const a = put("甲.xlsx");
    const earlier = put("out/甲.checked.xlsx", SAMPLE);
    const before = sha256(earlier);
    const r = await run(["check", a, "--write", path.join(dir, "out"), "--force"]);
    expect(r.status).toBe(0);
    expect(sha256(earlier)).not.toBe(before);
    expect(outputKindOf(earlier)).toBe("scored-copy");
  });

  it("that is a file being checked is refused even with --force", async () => {
    const source = put("源/表.xlsx");
    const input = put("out/表.checked.xlsx", SAMPLE);
    const before = sha256(input);
    const r = await run(["check", source, input, "--write", path.join(dir, "out"), "--force", "--json"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.out).files.find((f: { file: string }) => f.file === source).error).toContain("拒绝写出");
    expect(sha256(input)).toBe(before);
  });

  it("that is an input through a symlinked folder is refused even with --force", async () => {
    const source = put("源/表.xlsx");
    const input = put("真/表.checked.xlsx", SAMPLE);
    fs.symlinkSync(path.join(dir, "真"), path.join(dir, "别名"));
    const before = sha256(input);
    const r = await run(["check", source, input, "--write", path.join(dir, "别名"), "--force", "--json"]);
    expect(r.status).toBe(2);
    expect(sha256(input)).toBe(before);
  });
});

describe("ziping check --summary: what it may not replace", () => {
  it("an existing file without --force: refused before any work, kept byte for byte; with --force replaced", async () => {
    const a = put("收到/甲.xlsx");
    const summary = put("汇总.xlsx", SAMPLE);
    const before = sha256(summary);
    const out = path.join(dir, "out");
    const r = await run(["check", a, "--summary", summary, "--write", out]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`未写出汇总表：${summary} 已存在，未替换。如要替换，请加 --force`);
    expect(fs.existsSync(out)).toBe(false);
    expect(sha256(summary)).toBe(before);

    const forced = await run(["check", a, "--summary", summary, "--force"]);
    expect(forced.status).toBe(0);
    expect(sha256(summary)).not.toBe(before);
    expect(outputKindOf(summary)).toBe("summary");
  });

  it.each([
    ["the same path", (out: string) => path.join(out, "甲.checked.xlsx")],
    ["with ./ and ..", (out: string) => path.join(out, ".", "x", "..", "甲.checked.xlsx")],
    ["in another case", (out: string) => path.join(out, "甲.CHECKED.XLSX")],
    ["through a symlinked folder", (out: string) => path.join(out + "-别名", "甲.checked.xlsx")],
  ])("a copy this run writes, spelled %s: refused before any work, even with --force", async (_, spell) => {
    const a = put("收到/甲.xlsx");
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    fs.symlinkSync(out, out + "-别名");
    const r = await run(["check", a, "--write", out, "--summary", spell(out), "--force"]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("拒绝写出汇总表");
    expect(r.err).toContain("--write");
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("a file being checked spelled in another case, even with --force", async () => {
    const a = put("甲.xlsx");
    const before = sha256(a);
    const r = await run(["check", a, "--summary", path.join(dir, "甲.XLSX"), "--force", "--lang", "en-US"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("Refused to write the summary");
    expect(sha256(a)).toBe(before);
  });
});

describe("ziping check --summary naming a folder", () => {
  it("is refused before the batch, --force or not, in both languages, and nothing is written", async () => {
    const a = put("甲.xlsx");
    const folder = path.join(dir, "s.xlsx");
    fs.mkdirSync(folder);
    const out = path.join(dir, "已标注");
    for (const force of [[], ["--force"]]) {
      const r = await run(["check", a, "--summary", folder, "--write", out, ...force]);
      expect(r.status).toBe(2);
      expect(r.err).toContain(`拒绝写出汇总表：${folder} 是文件夹。请给出汇总表的文件名，如 汇总.xlsx`);
      expect(r.err).not.toMatch(/--force|副本|EISDIR/);
    }
    const en = await run(["check", a, "--summary", folder, "--lang", "en-US"]);
    expect(en.err).toContain(`Refused to write the summary: ${folder} is a folder.`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe("ziping report --docx naming a folder", () => {
  it("is refused before drafting, --force or not, in words, without EISDIR or 副本", async () => {
    const folder = path.join(dir, "报告.docx");
    fs.mkdirSync(folder);
    for (const force of [[], ["--force"]]) {
      const r = await run(["report", put("甲.xlsx", SAMPLE), "--docx", folder, ...force]);
      expect(r.status).toBe(2);
      expect(r.err).toContain(`拒绝写出：${folder} 是文件夹。请给出文件名，如 自评报告.docx`);
      expect(r.err).not.toMatch(/EISDIR|副本|--force/);
    }
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe("ziping report: its outputs", () => {
  let input: string;
  beforeEach(() => {
    input = put("nansha-2023.xlsx", SAMPLE);
  });

  it("--sheet notes.txt is refused and notes.txt is left as it was; a new notes.txt is not made", async () => {
    const notes = path.join(dir, "notes.txt");
    fs.writeFileSync(notes, "审核意见");
    for (const args of [
      ["--sheet", notes],
      ["--sheet", notes, "--force"],
      ["--sheet", path.join(dir, "新.txt")],
    ]) {
      const r = await run(["report", input, ...args]);
      expect(r.status).toBe(2);
      expect(r.err).toContain("--sheet 须为 .xlsx 文件或文件夹");
      expect(r.err).toContain("--sheet must name an .xlsx file or a folder");
    }
    expect(fs.readFileSync(notes, "utf8")).toBe("审核意见");
    expect(fs.existsSync(path.join(dir, "新.txt"))).toBe(false);
  });

  it("--docx writes only a .docx", async () => {
    const r = await run(["report", input, "--docx", path.join(dir, "报告.txt")]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("--docx 须为 .docx 文件");
    expect(r.err).toContain("--docx must name a .docx file");
    expect(fs.existsSync(path.join(dir, "报告.txt"))).toBe(false);
  });

  it.each([
    ["--docx", "报告.docx"],
    ["--sheet", "副本.xlsx"],
  ])("%s over an existing file: kept byte for byte without --force, replaced with it", async (option, name) => {
    const existing = put(name, CLEAN);
    const before = sha256(existing);
    const r = await run(["report", input, option, existing]);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`${existing} 已存在，未替换。如要替换，请加 --force；或换一个文件名（或文件夹）\n`);
    expect(sha256(existing)).toBe(before);

    const forced = await run(["report", input, option, existing, "--force"]);
    expect(forced.status).toBe(0);
    expect(sha256(existing)).not.toBe(before);
  });

  it("refuses an existing output before writing the other one", async () => {
    const sheet = put("副本.xlsx", CLEAN);
    const docx = path.join(dir, "新报告.docx");
    expect((await run(["report", input, "--docx", docx, "--sheet", sheet])).status).toBe(2);
    expect(fs.existsSync(docx)).toBe(false);
  });

  it("never replaces the workbook, even with --force", async () => {
    const before = sha256(input);
    fs.symlinkSync(dir, path.join(dir, "别名"));
    for (const args of [
      ["--sheet", input, "--force"],
      ["--sheet", path.join(dir, "别名", "NANSHA-2023.xlsx"), "--force"],
    ]) {
      const r = await run(["report", input, ...args]);
      expect(r.status).toBe(2);
      expect(r.err).toContain("不会覆盖");
    }
    expect(sha256(input)).toBe(before);
  });

  it("marks the sheet copy as Ziping's, so that a walk leaves it out", async () => {
    const copy = path.join(dir, "out", "nansha-2023.report.xlsx");
    expect((await run(["report", input, "--sheet", path.join(dir, "out")])).status).toBe(0);
    expect(outputKindOf(copy)).toBe("report-sheet");
    fs.renameSync(copy, path.join(dir, "out", "某单位.xlsx"));
    expect(await walked(dir)).toEqual(["nansha-2023.xlsx"]);
  });
});

describe("Ziping's outputs, known by their mark", () => {
  it("a scored copy and a 汇总 renamed like submissions are left out of a walk", async () => {
    put("收到/甲.xlsx");
    const out = path.join(dir, "out");
    expect(
      (await run(["check", path.join(dir, "收到"), "--write", out, "--summary", path.join(dir, "s.xlsx")])).status,
    ).toBe(0);
    fs.renameSync(path.join(out, "甲.checked.xlsx"), path.join(dir, "收到", "乙单位.xlsx"));
    fs.renameSync(path.join(dir, "s.xlsx"), path.join(dir, "收到", "丙单位.xlsx"));
    expect(await walked(path.join(dir, "收到"))).toEqual(["甲.xlsx"]);
    // Named on the command line, a file is checked whatever it is.
    expect(await walked(path.join(dir, "收到", "乙单位.xlsx"))).toEqual(["乙单位.xlsx"]);
  });

  it("a scored copy the officer saved again (Excel puts their name as last author) is checked again", async () => {
    put("甲.xlsx");
    const out = path.join(dir, "out");
    await run(["check", path.join(dir, "甲.xlsx"), "--write", out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "甲.checked.xlsx"));
    wb.lastModifiedBy = "张会计";
    await wb.xlsx.writeFile(path.join(dir, "甲-改.xlsx"));
    expect(await walked(dir)).toEqual(["甲-改.xlsx", "甲.xlsx"]);
  });

  it("keeps the officer's own keywords beside the mark", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(CLEAN);
    wb.keywords = "2023; 绩效";
    const src = path.join(dir, "甲.xlsx");
    await wb.xlsx.writeFile(src);
    await run(["check", src, "--write", path.join(dir, "out")]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, "out", "甲.checked.xlsx"));
    expect(copy.keywords).toBe("2023; 绩效; ziping:output=scored-copy");
  });

  it.each([
    ["<cp:lastModifiedBy>Ziping</cp:lastModifiedBy><cp:keywords>ziping:output=summary</cp:keywords>", "summary"],
    ["<cp:lastModifiedBy>张会计</cp:lastModifiedBy><cp:keywords>ziping:output=summary</cp:keywords>", undefined],
    ["<cp:lastModifiedBy>Ziping</cp:lastModifiedBy><cp:keywords>ziping:output=other</cp:keywords>", undefined],
    ["<cp:lastModifiedBy>Ziping</cp:lastModifiedBy>", undefined],
  ])("reads the mark from core.xml: %s", (xml, kind) => {
    expect(kindInCoreXml(`<cp:coreProperties>${xml}</cp:coreProperties>`)).toBe(kind);
  });

  // The walk reads the file's last 64 KiB first: a small workbook lies in them whole, a large one's core.xml may not.
  it.each<[string, boolean, 0 | 6, string]>([
    ["first, before 200 KB of other parts", true, 0, ""],
    ["last, within the file's last bytes", false, 0, ""],
    ["first, stored, with a zip comment", true, 0, "ziping test"],
    ["last, deflated, in a zip of less than 64 KiB", false, 6, ""],
  ])("finds the mark in a core.xml %s", (_label, first, level, comment) => {
    const core = strToU8(
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x"><cp:lastModifiedBy>Ziping</cp:lastModifiedBy>' +
        "<cp:keywords>ziping:output=summary</cp:keywords></cp:coreProperties>",
    );
    const other = level === 0 ? noise(200_000) : strToU8("<x/>");
    const entries: Zippable = first
      ? { "docProps/core.xml": [core, { level }], "xl/other.bin": [other, { level: 0 }] }
      : { "xl/other.bin": [other, { level: 0 }], "docProps/core.xml": [core, { level }] };
    const file = path.join(dir, "marked.xlsx");
    fs.writeFileSync(file, zipSync(entries, comment ? { comment } : {}));
    expect(outputKindOf(file)).toBe("summary");
  });

  it("finds no mark in a file that is not a zip, or is missing", () => {
    fs.writeFileSync(path.join(dir, "x.xlsx"), "PK not really");
    expect(outputKindOf(path.join(dir, "x.xlsx"))).toBeUndefined();
    expect(outputKindOf(path.join(dir, "missing.xlsx"))).toBeUndefined();
    expect(outputKindOf(CLEAN)).toBeUndefined();
  });
});

describe("writeFileAtomically with replace: false", () => {
  it("does not replace a file that appears while the output is being written, and leaves no temporary file", async () => {
    const dest = path.join(dir, "late.xlsx");
    const write = async (temp: string) => {
      fs.writeFileSync(temp, "ours");
      fs.writeFileSync(dest, "theirs");
    };
    await expect(writeFileAtomically(dest, write, { replace: false })).rejects.toMatchObject({ code: "exists" });
    expect(fs.readFileSync(dest, "utf8")).toBe("theirs");
    expect(fs.readdirSync(dir)).toEqual(["late.xlsx"]);
  });
});

describe("--force on the command line", () => {
  it("is a flag of both commands, listed in both helps in both languages", async () => {
    expect(parseArgs(["check", "a.xlsx", "--force"])).toMatchObject({ kind: "check", force: true });
    expect(parseArgs(["report", "a.xlsx", "--force"])).toMatchObject({ kind: "report", force: true });
    expect(parseArgs(["check", "a.xlsx"])).not.toHaveProperty("force");
    expect(parseArgs(["check", "a.xlsx", "--force=yes"])).toMatchObject({
      kind: "usage-error",
      reason: "unexpectedValue",
    });
    const help = (await run(["--help"])).out;
    expect(help).toContain("  --force                替换已存在的副本和汇总表");
    expect(help).toContain("  --force                replace copies and a summary that exist");
    const report = (await run(["report", "--help"])).out;
    expect(report).toContain("  --force                替换已存在的 .docx 或副本");
    expect(report).toContain("  --force                replace a .docx or copy that exists");
  });
});
