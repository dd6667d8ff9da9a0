/** The print tests' tools: whether a command is installed, and LibreOffice's headless PDF conversion. */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

export const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

/** `soffice --headless --convert-to pdf` of `inputs` into `outdir`, with a profile of its own under `dir`. */
export function convertToPdf(dir: string, outdir: string, inputs: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outdir,
      ...inputs,
    ],
    { encoding: "utf8", timeout: 240_000 },
  );
}
