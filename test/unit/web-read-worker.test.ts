/**
 * The web page's reader worker (src/web/read-worker.ts), run here with the globals a Web Worker has (self, postMessage):
 * it reads as the command line does, a data sheet whose first rows name no role of the table left unparsed with its
 * merged areas unread, one whose first rows could start a table read for them; and it says what it read.
 */
import type { ReadReply } from "../../src/web/read-protocol";
import { rowsXml, xlsxBytes, type WorkbookParts } from "../helpers/xlsx-parts";

const replies: ReadReply[] = [];
const scope = globalThis as unknown as {
  self: { onmessage?: (event: { data: unknown }) => void };
  postMessage: (reply: ReadReply) => void;
};
scope.self = {};
scope.postMessage = (reply) => replies.push(reply);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded once the worker's globals exist
require("../../src/web/read-worker");

function read(wb: WorkbookParts) {
  replies.length = 0;
  scope.self.onmessage!({ data: { bytes: xlsxBytes(wb) } });
  const done = replies.find((r) => r.type === "done");
  if (!done || done.type !== "done" || !done.contents) throw new Error(`no contents: ${JSON.stringify(replies)}`);
  return done.contents;
}

/** A 1,000-row sheet headed `header`, merged at A1:B1 and A999:B1000, before a sheet 自评表. */
function withData(header: string[]): WorkbookParts {
  const rows = [header, ...Array.from({ length: 999 }, (_, i) => [`第${i + 1}笔`, i + 1])];
  return {
    sheets: [
      {
        name: "明细",
        xml: rowsXml(rows),
        after: '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A999:B1000"/></mergeCells>',
      },
      { name: "自评表", xml: rowsXml([["项目名称", "南沙"]]) },
    ],
  };
}

describe("the web page's reader worker", () => {
  it("leaves unparsed a ledger that names no role in its first 300 rows, its merged areas unread", () => {
    const contents = read(withData(["摘要", "金额"]));
    expect(contents.sampled).toEqual(["明细"]);
    // Not one of its cells is parsed (the engine's mayStartTable said no to each of its first rows' texts).
    expect(contents.sheets[0].rowCount).toBe(0);
    expect(contents.sheets[0].merges).toEqual([]);
  });

  it("reads the merged areas of one whose first rows could start a table (预算数, 执行数)", () => {
    const contents = read(withData(["预算数", "执行数"]));
    expect(contents.sheets[0].rowCount).toBe(300);
    expect(contents.sheets[0].merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 999, left: 1, bottom: 1000, right: 2 },
    ]);
  });

  it("reads a 报告素材 sheet in full, past its first 300 rows, for the report draft", () => {
    const wb = withData(["摘要", "金额"]);
    wb.sheets[0].name = "报告素材";
    const contents = read(wb);
    expect(contents.sampled).toEqual([]);
    expect(contents.sheets[0].rowCount).toBe(1000);
    expect(contents.sheets[0].merges).toHaveLength(2);
  });

  it("tells its progress before it is done, ending at 1", () => {
    read(withData(["摘要", "金额"]));
    const progress = replies.filter((r) => r.type === "progress").map((r) => (r.type === "progress" ? r.fraction : -1));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(replies[replies.length - 1].type).toBe("done");
  });
});
