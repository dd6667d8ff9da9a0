/**
 * Folder walks a reviewer runs for real: the output folder is the input folder, and a submission that happens to
 * end in .checked.xlsx (issue 10).
 */
import * as fs from "fs";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { removeDir, tempDir } from "../helpers/xlsx-workbooks";

const CLEAN = path.join(__dirname, "..", "fixtures", "workbooks", "central-clean.xlsx");

async function run(argv: string[]): Promise<{ status: number; files: string[] }> {
  let out = "";
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true, isTTY: false } };
  const status = await main([...argv, "--json"], io);
  return { status, files: JSON.parse(out).files.map((f: { file: string }) => path.basename(f.file)) };
}

let dir: string;
beforeEach(() => {
  dir = tempDir("ziping-walk-");
});
afterEach(() => removeDir(dir));

describe("ziping check: folder walks", () => {
  it("check DIR --write DIR checks the folder's workbooks and writes the copies beside them; a second run skips them", async () => {
    fs.copyFileSync(CLEAN, path.join(dir, "甲单位.xlsx"));
    const first = await run(["check", dir, "--write", dir]);
    expect(first.files).toEqual(["甲单位.xlsx"]);
    expect(fs.existsSync(path.join(dir, "甲单位.checked.xlsx"))).toBe(true);
    const again = await run(["check", dir, "--write", path.join(dir, "另存")]);
    expect(again.files).toEqual(["甲单位.xlsx"]);
  });

  it("a submission named *.checked.xlsx with no original beside it is checked", async () => {
    fs.copyFileSync(CLEAN, path.join(dir, "乙单位.checked.xlsx"));
    expect((await run(["check", dir])).files).toEqual(["乙单位.checked.xlsx"]);
  });

  it("a submission named *.checked.xlsx beside an X.xlsx is checked too: only the mark says a file is Ziping's", async () => {
    fs.copyFileSync(CLEAN, path.join(dir, "丙单位.xlsx"));
    fs.copyFileSync(CLEAN, path.join(dir, "丙单位.checked.xlsx"));
    expect((await run(["check", dir])).files).toEqual(["丙单位.checked.xlsx", "丙单位.xlsx"]);
  });
});
