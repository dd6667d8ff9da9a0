/**
 * The web page's reader, in a Web Worker: the workbook is unzipped and parsed here (src/gateways/xlsx/reader) so
 * that the page stays responsive while a large workbook is read, and the progress is posted as it goes. The
 * sheets go back by structured clone (a MapGrid is plain data: the page gives it its prototype back); a reader's
 * refusal goes back as its fields, which the page turns into the same message as an in-page read.
 *
 * Built on its own (webpack's "web-worker" configuration) and handed to the page as source text, which the page
 * starts from a blob: URL: a worker loaded from a file:// URL is refused by browsers, a blob: one is not.
 */
/* global self, postMessage, MessageEvent */
import { tableChoice } from "../domain";
import { readWorkbookBytes, WorkbookFormatError } from "../gateways/xlsx/reader";
import { isMaterialSheetName } from "../report/material";
import type { ReadReply, ReadRequest } from "./read-protocol";

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { bytes, sheet } = event.data;
  const post = (reply: ReadReply) => postMessage(reply);
  try {
    const contents = readWorkbookBytes(bytes, {
      // The command line's choice: a data sheet whose first rows name no role of the table is not parsed at all.
      ...tableChoice(sheet),
      // The 报告素材 sheet in full, for the report draft.
      whole: isMaterialSheetName,
      onProgress: (fraction) => post({ type: "progress", fraction }),
    });
    post({ type: "done", contents });
  } catch (e) {
    if (e instanceof WorkbookFormatError)
      post({ type: "format-error", reason: e.reason, part: e.part, kind: e.kind, limit: e.limit });
    else post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
