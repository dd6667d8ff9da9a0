/** Where the `ziping` commands write, and the exit statuses they share. */

export interface Writer {
  write(text: string): unknown;
}

/** Output goes through injected writers, so that tests run the command in-process. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer & { isTTY?: boolean };
}

/**
 * Exit statuses: 0 clean (report: drafted), 1 error-level findings (check only: a report is drafted from a table
 * with errors, and says so), 2 bad usage, a file that could not be read or written, or (report) no table found.
 */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
