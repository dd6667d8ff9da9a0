import fs from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/domain";
import { readWorkbookFile } from "../../src/gateways/xlsx/read";
import { mutateGrid } from "../helpers/mutate";
import { draftReport, reportParagraphs } from "../../src/report/model";
const ROOT="/work/main";
const SAMPLE = path.join(ROOT, "examples", "nansha-2023.xlsx");
const FIXTURES = path.join(ROOT, "test", "fixtures", "workbooks");
const workbooks = [SAMPLE, ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(FIXTURES, f))];
it("repro", async () => {
  const [i, muts]: any = JSON.parse(process.env.CX!);
  const file = workbooks[i % workbooks.length];
  console.log(file);
  const book = (await readWorkbookFile(file)).sheets;
  const sheets = book.map((s, k) => (k === 0 ? mutateGrid(s, muts) : s));
  const detail = checkWorkbook(sheets);
  const model = draftReport(detail, sheets);
  const needle = process.env.NEEDLE!;
  for (const p of reportParagraphs(model)) if (p.runs.some(r=>r.text.includes(needle))) console.log(JSON.stringify(p.runs));
  for (const g of sheets) for (let r=1;r<=g.rowCount;r++) for(let c=1;c<=g.colCount;c++){const x=g.cell(r,c); if(x && String(x.value).includes(needle.slice(0,3))) console.log(g.name,r,c,JSON.stringify(x));}
  console.log(detail.figures.filter(f => String(f.display).includes(needle)).map(f=>[f.key,f.value,f.display]));
});
