/** The messages between the web page and its reader worker (./read-worker.ts, src/gateways/browser/worker-read.ts). */
import type { LimitKind, WorkbookContents, WorkbookFormatError } from "../gateways/xlsx/reader";

export interface ReadRequest {
  bytes: Uint8Array;
  /** The sheet to read in full (the officer's correction names it); else the one that holds the 自评表. */
  sheet?: string;
}

export type ReadReply =
  | { type: "progress"; fraction: number }
  | { type: "done"; contents: WorkbookContents | undefined }
  | { type: "format-error"; reason: WorkbookFormatError["reason"]; part: string; kind?: LimitKind; limit?: number }
  | { type: "failed"; message: string };
