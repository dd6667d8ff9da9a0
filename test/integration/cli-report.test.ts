/** `ziping report` through the main command: the draft on stdout, the .docx written, the input untouched. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { main } from "../../src/cli/main";

const sample = path.join(__dirname, "..", "..", "examples", "nansha-2023.xlsx");
const hash = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out,
    err,
  };
}

describe("ziping report", () => {
  it("is in ziping --help with its options, in both languages", async () => {
    const { io, out } = capture();
    expect(await main(["--help"], io)).toBe(0);
    const help = out.join("");
    expect(help).toContain("ziping report 的选项");
    expect(help).toContain("Options of ziping report");
    expect(help).toMatch(/--docx <文件\.docx> +写出公文格式的 Word 文件/);
    expect(help).toMatch(/--sheet <folder\|\.xlsx> +write a copy of the workbook with a 自评报告 sheet/);
    expect(help).toMatch(/ziping report +0 已起草/);
    expect(help).toMatch(/ziping report +0 drafted/);
  });

  it("prints the draft with the table's figures", async () => {
    const { io, out } = capture();
    expect(await main(["report", sample], io)).toBe(0);
    expect(out.join("")).toContain("全年部门预算数3,378.30万元，执行数3,342.07万元，完成预算的98.93%");
    expect(out.join("")).toContain("自评分数为99分");
  });

  it("writes the .docx and never touches the workbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-report-"));
    const before = hash(sample);
    const { io } = capture();
    const docx = path.join(dir, "报告 2023.docx");
    expect(await main(["report", sample, "--docx", docx], io)).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
    expect(hash(sample)).toBe(before);
    const refused = capture();
    expect(await main(["report", sample, "--docx", sample], refused.io)).toBe(2);
    expect(hash(sample)).toBe(before);
  });
});
