/**
 * Small hostile files that used to end a whole batch (a merge over A30:XFD1048576 ran node out of memory, 100,000
 * merges took minutes, a zip bomb inflated to gigabytes, a FIFO hung for ever, a link to /dev/zero grew without
 * limit), in one folder with a sound 自评表 after them, through `ziping check <folder> --json --summary`: each gets a
 * per-file message or its result, the 汇总 is written, and the batch takes seconds.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main, type CliIo } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/format";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
const SHEET = "xl/worksheets/sheet1.xml";

/** central-clean.xlsx with its sheet's XML edited. */
function editedClean(edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(fs.readFileSync(path.join(FIXTURES, "central-clean.xlsx")));
  parts[SHEET] = strToU8(edit(strFromU8(parts[SHEET])));
  return zipSync(parts, { level: 6 });
}

const withMerges = (refs: string) => (xml: string) => xml.replace("</mergeCells>", `${refs}</mergeCells>`);

/**
 * central-clean.xlsx with a second sheet, 数据, whose XML inflates to `bytes` of whitespace after its (no) cells: a
 * zip bomb of about 300 KB. Written by hand because zip writers take the data, not a deflate stream.
 */
async function withBomb(bytes: number): Promise<Buffer> {
  const parts = unzipSync(fs.readFileSync(path.join(FIXTURES, "central-clean.xlsx")));
  const text = (name: string, edit: (s: string) => string) => (parts[name] = strToU8(edit(strFromU8(parts[name]))));
  text("xl/workbook.xml", (s) => s.replace("</sheets>", '<sheet name="数据" sheetId="9" r:id="rIdBomb"/></sheets>'));
  text("xl/_rels/workbook.xml.rels", (s) =>
    s.replace(
      "</Relationships>",
      '<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
  );
  const head =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>';
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const pieces: Buffer[] = [];
  deflate.on("data", (d: Buffer) => pieces.push(d));
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  deflate.write(head);
  for (let i = 0; i < bytes / megabyte.length; i++) deflate.write(megabyte);
  deflate.end("</worksheet>");
  const done = new Promise<void>((resolve) => deflate.on("end", resolve));
  await done;
  {
    const entries = Object.entries(parts).map(([name, data]) => ({
      name,
      body: zlib.deflateRawSync(Buffer.from(data)),
      size: data.length,
      crc: zlib.crc32(Buffer.from(data)),
    }));
    entries.push({ name: "xl/worksheets/sheet2.xml", body: Buffer.concat(pieces), size: 0xffffffff - 1, crc: 0 });
    return deflatedZip(entries);
  }
}

/** A zip of entries already deflated (method 8). */
function deflatedZip(entries: Array<{ name: string; body: Buffer; size: number; crc: number }>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, body, size, crc } of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(dir, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NAMES = {
  hugeMerge: "01 一处合并到 XFD1048576.xlsx",
  manyMerges: "02 十万处合并.xlsx",
  overlapping: "03 五万处重叠合并.xlsx",
  bomb: "04 压缩炸弹.xlsx",
  dtd: "05 实体声明.xlsx",
  fifo: "06 管道.xlsx",
  zero: "07 链接到 dev-zero.xlsx",
  huge: "08 超大文件.xlsx",
  clean: "09 南沙区 自评表.xlsx",
};

let root: string;
let folder: string;
let summary: string;
let status: number;
let doc: JsonReport;
let seconds: number;
let err = "";

const entry = (name: string) => {
  const found = doc.files.find((f) => path.basename(f.file) === name);
  if (!found) throw new Error(`${name} is missing: ${doc.files.map((f) => f.file).join(", ")}`);
  return found;
};

beforeAll(async () => {
  root = tempDir("ziping-reader-hostile-");
  folder = path.join(root, "报送");
  fs.mkdirSync(folder);
  const at = (name: string) => path.join(folder, name);
  fs.writeFileSync(at(NAMES.hugeMerge), editedClean(withMerges('<mergeCell ref="A30:XFD1048576"/>')));
  // 99,000 merges as wide as the sheet over rows 1001–100000, and a note in A100001 so that the rows are in use:
  // one map entry per merged cell would be 1.6 billion.
  const oneRow = Array.from({ length: 99_000 }, (_, i) => `<mergeCell ref="A${i + 1001}:XFD${i + 1001}"/>`).join("");
  const note = '<row r="100001"><c r="A100001" t="inlineStr"><is><t>填报说明：本表由单位财务填写</t></is></c></row>';
  fs.writeFileSync(
    at(NAMES.manyMerges),
    editedClean((xml) => withMerges(oneRow)(xml.replace("</sheetData>", `${note}</sheetData>`))),
  );
  const same = '<mergeCell ref="A1:Z5000"/>'.repeat(50_000);
  fs.writeFileSync(at(NAMES.overlapping), editedClean(withMerges(same)));
  fs.writeFileSync(at(NAMES.bomb), await withBomb(300 * 1024 * 1024));
  fs.writeFileSync(
    at(NAMES.dtd),
    editedClean((xml) =>
      xml.replace(
        /^(<\?xml[^>]*\?>)?/,
        '$1<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      ),
    ),
  );
  execFileSync("mkfifo", [at(NAMES.fifo)]);
  fs.symlinkSync("/dev/zero", at(NAMES.zero));
  fs.writeFileSync(at(NAMES.huge), "PK");
  fs.truncateSync(at(NAMES.huge), 101 * 1024 * 1024); // sparse: takes no disk space
  fs.copyFileSync(path.join(FIXTURES, "central-clean.xlsx"), at(NAMES.clean));
  summary = path.join(root, "汇总.xlsx");

  let out = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
  };
  const t0 = performance.now();
  status = await main(["check", folder, "--json", "--summary", summary], io);
  seconds = (performance.now() - t0) / 1000;
  doc = JSON.parse(out) as JsonReport;
}, 240_000);

afterAll(() => removeDir(root));

describe("a batch of hostile files", () => {
  it("reports every file, in order, and writes the 汇总", () => {
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(Object.values(NAMES));
    expect(fs.existsSync(summary)).toBe(true);
    expect(status).toBe(2); // some files could not be read
  });

  it.each([
    ["hugeMerge", "a merge over A30:XFD1048576"],
    ["manyMerges", "99,000 one-row merges as wide as the sheet, over rows in use"],
    ["overlapping", "50,000 copies of one merge over A1:Z5000 (overlapping merges, which Excel would repair)"],
  ] as const)("scores the table despite %s (%s): the clean table's figures", (key, _what) => {
    const f = entry(NAMES[key]);
    // central-clean's hand figures (its .expected.json): 执行率 95.00%, 总分 94.12.
    expect(f).toMatchObject({ ok: true, sheet: "自评表", layout: "central" });
    expect(f.budget.rate).toBeCloseTo(0.95, 6);
    expect(f.total.computed).toBeCloseTo(94.12, 2);
  });

  it.each([
    ["bomb", /解压后超过 256 MB（可能是“压缩炸弹”）/],
    ["dtd", /DTD（实体声明）/],
    ["fifo", /不是普通文件（是设备、管道或套接字）/],
    ["zero", /不是普通文件（是设备、管道或套接字）/],
    ["huge", /文件过大（文件超过 100 MB）/],
  ] as const)("refuses the %s file with a message naming it", (key, message) => {
    const f = entry(NAMES[key]);
    expect(f.ok).toBe(false);
    expect(f.error).toMatch(message);
    expect(f.error).toContain(NAMES[key]);
  });

  it("checks the sound 自评表 after them as usual", () => {
    expect(entry(NAMES.clean)).toMatchObject({ ok: true, findings: [] });
    expect(entry(NAMES.clean).total.computed).toBeCloseTo(94.12, 2);
  });

  it("takes seconds, not minutes", () => {
    // Only a run-away is caught (the merges used to take minutes, the bomb gigabytes); npm run bench times it.
    expect(seconds).toBeLessThan(60);
    expect(err).toBe("");
  });
});
