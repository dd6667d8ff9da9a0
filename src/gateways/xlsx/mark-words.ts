/**
 * The words of Ziping's output mark (./marker.ts explains it), apart from the Node code that reads it from a file,
 * so that the browser's writers and the copy's patcher (./patch) use the same ones.
 */
export type OutputKind = "scored-copy" | "summary" | "report-sheet";

export const OUTPUT_KINDS: readonly OutputKind[] = ["scored-copy", "summary", "report-sheet"];
export const OUTPUT_AUTHOR = "Ziping";
export const OUTPUT_KEYWORD = "ziping:output=";

/** The officer's keywords ("a; b") with the mark of `kind` in place of any earlier mark. */
export function markedKeywords(keywords: string | undefined, kind: OutputKind): string {
  const others = (keywords ?? "").split(/\s*;\s*/).filter((k) => k !== "" && !k.startsWith(OUTPUT_KEYWORD));
  return [...others, OUTPUT_KEYWORD + kind].join("; ");
}
