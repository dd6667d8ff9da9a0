/**
 * Renders the 自评报告 draft of a workbook (the 南沙区 sample by default) for a look: out/report-preview.docx, and
 * when LibreOffice is installed, out/report-preview.pdf and one PNG a page (with poppler's pdftoppm).
 *
 *   npx tsx scripts/report-preview.ts [workbook.xlsx] [--material]
 *
 * --material adds a filled-in 报告素材 sheet (from the published report's wording) so the page shows no placeholders.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import { join, resolve } from "path";
import { checkWorkbook } from "../src/domain";
import { gridFromRows } from "../src/domain/grid";
import { readWorkbookFile } from "../src/gateways/xlsx/read";
import { renderDocx } from "../src/report/docx";
import { draftReport } from "../src/report/model";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "out");
const NAME = "report-preview";

/** A 报告素材 sheet for the sample, quoting the published report (§一（一）–（四）, §二（三）). */
function sampleMaterial() {
  return gridFromRows("报告素材", [
    ["项目", "内容"],
    [
      "部门主要职责",
      "广州南沙经济技术开发区管理委员会办公室、广州市南沙区人民政府办公室（以下简称办公室）主要职责：\n（1）负责管委会、区政府和管委会办公室、区政府办公室的文电处理、印鉴管理工作。\n（2）负责管委会、区政府大型会议和重大活动的组织安排。",
    ],
    [
      "部门机构设置",
      "广州市南沙区人民政府办公室本级内设处室6个，分别是秘书处、综合处、会务处、联络处、督查室、信息处。广州市南沙区政府总值班室无内设机构。",
    ],
    [
      "年度总体工作和重点工作任务",
      "在开发区党工委、管委会和区委、区政府的坚强领导下，办公室紧紧围绕管委会、区政府中心工作，充分发挥承上启下、牵头抓总、协调左右、督促落实的作用。",
    ],
    [
      "部门整体绩效管理情况",
      "根据财政预算绩效管理要求，我部门组织对2023年度一般公共预算项目支出开展绩效自评，其中一级项目8个，二级项目10个，共涉及资金848.65万元。",
    ],
    [
      "主要工作成效",
      "根据财政预算绩效管理的要求，我办积极推进预算绩效管理，有效开展部门整体支出绩效和项目绩效等各项管理工作。",
    ],
  ]);
}

function has(command: string): boolean {
  const r = spawnSync(command, ["--version"], { stdio: "ignore" });
  return !r.error;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const workbook = resolve(args.find((a) => !a.startsWith("--")) ?? join(ROOT, "examples", "nansha-2023.xlsx"));
  const { sheets } = await readWorkbookFile(workbook);
  const all = args.includes("--material") ? [...sheets, sampleMaterial()] : sheets;
  const model = draftReport(checkWorkbook(sheets), all);
  await fs.mkdir(OUT, { recursive: true });
  const docx = join(OUT, `${NAME}.docx`);
  await fs.writeFile(docx, await renderDocx(model));
  process.stdout.write(`wrote ${docx}\n`);

  const office = ["soffice", "libreoffice"].find(has);
  if (!office) {
    process.stdout.write(
      "LibreOffice is not installed (no soffice or libreoffice on PATH): skipping the PDF and PNG preview.\n",
    );
    return 0;
  }
  const convert = spawnSync(office, ["--headless", "--convert-to", "pdf", "--outdir", OUT, docx], { encoding: "utf8" });
  const pdf = join(OUT, `${NAME}.pdf`);
  if (convert.status !== 0) {
    process.stderr.write(`LibreOffice could not convert the file:\n${convert.stderr}\n`);
    return 1;
  }
  process.stdout.write(`wrote ${pdf}\n`);
  if (!has("pdftoppm")) {
    process.stdout.write("pdftoppm (poppler-utils) is not installed: skipping the PNG pages.\n");
    return 0;
  }
  // Pages of an earlier, longer preview would otherwise stay beside these.
  for (const old of await fs.readdir(OUT))
    if (old.startsWith(`${NAME}-`) && old.endsWith(".png")) await fs.rm(join(OUT, old));
  const png = spawnSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, NAME)], { encoding: "utf8" });
  if (png.status !== 0) {
    process.stderr.write(`pdftoppm failed:\n${png.stderr}\n`);
    return 1;
  }
  const pages = (await fs.readdir(OUT)).filter((f) => f.startsWith(`${NAME}-`) && f.endsWith(".png")).sort();
  process.stdout.write(`wrote ${pages.map((p) => join(OUT, p)).join("\n      ")}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
