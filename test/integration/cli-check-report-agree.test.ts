/**
 * `ziping check` and `ziping report` score a workbook the same way: on every golden and variant fixture, under the
 * default rules and under other profiles and --set settings, the report states the 执行率, 总分 and 等级 that
 * check's JSON gives. Both run through the command's entry in-process, as a finance officer would type them.
 */
import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { fmtRate } from "../../src/domain/precision";
import { fmtReportScore } from "../../src/report";

const FIXTURES = path.join(__dirname, "..", "fixtures");

/** Every workbook with its NAME.expected.json beside it, in the golden and the variant corpora. */
const workbooks = ["workbooks", "variants"].flatMap((folder) =>
  fs
    .readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => path.join(FIXTURES, folder, f.replace(/\.expected\.json$/, ".xlsx")))
    .filter((f) => fs.existsSync(f))
    .sort(),
);

async function run(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { status, out, err };
}

/** One line per fixture, naming it, so that a difference shows which workbook and which figure. */
interface Figures {
  fixture: string;
  rate: string | null;
  total: string | null;
  grade: string | null;
}

interface JsonFile {
  file: string;
  budget?: { rate: number | null };
  total?: { computed: number | null; grade: string | null };
}

const fixtureName = (file: string) => path.relative(FIXTURES, file);

async function checkFigures(options: string[]): Promise<Figures[]> {
  const r = await run(["check", ...workbooks, "--json", ...options]);
  expect(r.err).toBe("");
  const byFile = new Map((JSON.parse(r.out) as { files: JsonFile[] }).files.map((f) => [f.file, f]));
  expect([...byFile.keys()].sort()).toEqual([...workbooks].sort());
  return workbooks
    .map((file) => byFile.get(file)!)
    .map((f) => ({
      fixture: fixtureName(f.file),
      rate: f.budget?.rate == null ? null : fmtRate(f.budget.rate),
      total: f.total?.computed == null ? null : fmtReportScore(f.total.computed),
      grade: f.total?.grade ?? null,
    }));
}

/** The figures as the draft says them: “完成预算的98.93%”, “自评分数为99分”, “自评等级为“优””. */
async function reportFigures(options: string[]): Promise<Figures[]> {
  const figures: Figures[] = [];
  for (const file of workbooks) {
    const r = await run(["report", file, ...options]);
    // No table, no draft (exit 2): check has no figures for it either.
    if (r.status === 2) expect(r.err).toContain("未能识别绩效自评表，未生成报告草稿");
    else expect(r.status).toBe(0);
    const figure = (pattern: RegExp) => {
      const found = pattern.exec(r.out)?.[1];
      return found === undefined || found.includes("【待填写") ? null : found;
    };
    figures.push({
      fixture: fixtureName(file),
      rate: figure(/完成预算的(.+?)。/),
      total: figure(/自评分数为(.+?)分/),
      grade: figure(/自评等级为“(.+?)”/),
    });
  }
  return figures;
}

const RULES: Array<[string, string[]]> = [
  ["the default rules", []],
  ["another profile (--profile city-20-80)", ["--profile", "city-20-80"]],
  ["a setting that caps the total (--set scoreCapByExecution=on)", ["--set", "scoreCapByExecution=on"]],
  [
    "settings that leave the figures alone (--set overCompletionRatio=1.5 --set integerScores=on)",
    ["--set", "overCompletionRatio=1.5", "--set=integerScores=on"],
  ],
];

describe("ziping check and ziping report give the same 执行率, 总分 and 等级", () => {
  const byRules = new Map<string, Figures[]>();

  it("finds the fixtures", () => {
    expect(workbooks.filter((f) => f.includes(`${path.sep}workbooks${path.sep}`)).length).toBeGreaterThan(20);
    expect(workbooks.filter((f) => f.includes(`${path.sep}variants${path.sep}`)).length).toBeGreaterThan(20);
  });

  it.each(RULES)("under %s", async (name, options) => {
    const checked = await checkFigures(options);
    expect(await reportFigures(options)).toEqual(checked);
    byRules.set(name, checked);
  });

  // Agreeing proves nothing if the options reached neither command: the profile and the cap move some figures.
  it("the other profile and the cap change some figures, so both commands took them", () => {
    const [base, profile, cap] = RULES.map(([name]) => byRules.get(name));
    expect(base && profile && cap).toBeTruthy();
    const moved = (other: Figures[]) => other.filter((f, i) => JSON.stringify(f) !== JSON.stringify(base![i]));
    expect(moved(profile!).length).toBeGreaterThan(0);
    expect(moved(cap!).map((f) => f.fixture)).toContain(path.join("workbooks", "exec-low-no-reason.xlsx"));
  });
});
