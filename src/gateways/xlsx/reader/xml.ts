/**
 * One zip entry's XML, parsed as it inflates (saxes, a streaming parser) with the reader's bounds: no DTD (so no
 * entity can expand), elements nested no deeper than limits.xmlDepth. Element names reach the handler without their
 * namespace prefix ("x:c" → "c"), and so do the attributes of a prefixed element: generators differ in the prefixes
 * they choose, and within one SpreadsheetML part the local names do not collide. An unprefixed element's namespaced
 * attributes keep their prefix ("r:id").
 */
import { SaxesParser } from "saxes";
import { limitExceeded, WorkbookFormatError, type ReadLimits } from "./limits";
import { textStream } from "./text";
import { StopReading, type ZipArchive, type ZipEntry } from "./zip";

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Character data (text and CDATA), possibly in several pieces for one text node. */
  text?(text: string): void;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function localAttributes(raw: Record<string, string>): Attributes {
  let out: Attributes | undefined;
  for (const key in raw) {
    if (key.indexOf(":") < 0) continue;
    out ??= { ...raw };
    delete out[key];
    if (!key.startsWith("xmlns:")) out[localName(key)] = raw[key];
  }
  return out ?? raw;
}

/** Bytes decoded and parsed at a time. */
const TEXT_SLICE = 256 * 1024;

/** Characters of a part shown to a preview at most: past them, the part is parsed whatever it would answer. */
const PREVIEW_CHARACTERS = 4 * 1024 * 1024;

/**
 * Parses an entry with `handler`. A handler may throw StopReading to stop (the rest of the entry is neither
 * inflated nor parsed); parseEntry then returns normally.
 */
export function parseEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  limits: ReadLimits,
  handler: XmlHandler,
  options: {
    /** The handler is expected to stop early: inflate in pieces (ZipArchive.read). */
    inPieces?: boolean;
    /** Shown each inflated piece before it is parsed (a whole part, when it inflates whole); may throw. */
    onBytes?: (chunk: Uint8Array) => void;
    /**
     * Shown the part's text as far as it has been read, before any of it is parsed, until it answers: false ends
     * the read there (as StopReading would), true parses it all; undefined asks for more (`final` when there is no
     * more). Past PREVIEW_CHARACTERS it is not asked again, and the text is parsed.
     */
    preview?: (text: string, final: boolean) => boolean | undefined;
  } = {},
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on("doctype", () => {
    throw new WorkbookFormatError("dtd", entry.name);
  });
  parser.on("opentag", (tag) => {
    if (++depth > limits.xmlDepth) throw limitExceeded("xmlDepth", limits, entry.name);
    // Attributes carry a prefix only in a document that prefixes its elements (x:c) or for a namespaced attribute
    // (r:id, which the handlers ask for by its prefixed name too): stripping is only done where it can matter.
    const raw = tag.attributes as Record<string, string>;
    handler.open(localName(tag.name), tag.name.indexOf(":") >= 0 ? localAttributes(raw) : raw);
    if (tag.isSelfClosing) {
      depth--;
      handler.close?.(localName(tag.name));
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return; // already closed above
    depth--;
    handler.close?.(localName(tag.name));
  });
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  let held: string | undefined = options.preview ? "" : undefined;
  const stream = textStream((t) => {
    if (held === undefined) {
      parser.write(t);
      return;
    }
    held += t;
    const answer = held.length > PREVIEW_CHARACTERS ? true : options.preview!(held, false);
    if (answer === undefined) return;
    if (!answer) throw new StopReading();
    const all = held;
    held = undefined;
    parser.write(all);
  });
  try {
    // In slices: a part inflated whole (Node's zlib) is decoded and parsed only as far as the handler reads it,
    // so a data sheet sampled for its first rows never becomes one string of all its text.
    zip.read(
      entry,
      (chunk) => {
        options.onBytes?.(chunk);
        for (let i = 0; i < chunk.length; i += TEXT_SLICE) stream.push(chunk.subarray(i, i + TEXT_SLICE));
      },
      options,
    );
    stream.end();
    if (held !== undefined) {
      if (options.preview!(held, true) === false) return;
      parser.write(held);
    }
    parser.close();
  } catch (e) {
    if (e instanceof StopReading) return;
    if (e instanceof WorkbookFormatError) throw e;
    throw new WorkbookFormatError("corrupt", entry.name);
  }
}
