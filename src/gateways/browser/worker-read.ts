/**
 * Reads a workbook in the page's reader worker (src/web/read-worker.ts), with its progress. The worker's source is
 * bundled as text and started from a blob: URL, which works on a page opened over file:// as over http. Where no
 * worker can be started (an old browser, a policy that forbids blob: workers) the caller reads in the page instead.
 */
/* global Blob, URL, Worker, MessageEvent */
import { MapGrid } from "../../domain/grid";
import type { ReadReply, ReadRequest } from "../../web/read-protocol";
import { WorkbookFormatError } from "../xlsx/reader/limits";
import type { WorkbookContents } from "../xlsx/reader";

/** No worker could be started, or it died before answering: read in the page. */
export class WorkerUnavailable extends Error {}

export async function readInWorker(
  bytes: Uint8Array,
  sheet: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<WorkbookContents | undefined> {
  if (typeof Worker === "undefined" || typeof URL.createObjectURL !== "function")
    throw new WorkerUnavailable("no Worker in this browser");
  const { default: source } = await import(/* webpackChunkName: "read-worker" */ "ziping-read-worker");
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch (e) {
    URL.revokeObjectURL(url);
    throw new WorkerUnavailable(e instanceof Error ? e.message : String(e));
  }
  return new Promise((resolve, reject) => {
    const end = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = (event: MessageEvent<ReadReply>) => {
      const reply = event.data;
      if (reply.type === "progress") return onProgress(reply.fraction);
      end();
      if (reply.type === "done") resolve(revive(reply.contents));
      else if (reply.type === "format-error")
        reject(new WorkbookFormatError(reply.reason, reply.part, reply.kind, reply.limit));
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      end();
      event.preventDefault();
      reject(new WorkerUnavailable(event.message || "the reader worker failed"));
    };
    // A copy goes to the worker (transferred, not copied again), so that the gateway keeps the file's bytes.
    const copy = bytes.slice();
    const request: ReadRequest = { bytes: copy, sheet };
    worker.postMessage(request, [copy.buffer]);
  });
}

/** Sheets back from the worker are MapGrid's data without its methods: given the prototype back. */
function revive(contents: WorkbookContents | undefined): WorkbookContents | undefined {
  if (contents) for (const g of contents.sheets) Object.setPrototypeOf(g, MapGrid.prototype);
  return contents;
}
