/**
 * Bytes of an XML part to text as they inflate: UTF-8 by default (the platform's streaming TextDecoder, in Node
 * and in browsers alike; fflate's where there is none, as in jsdom), UTF-16LE when the part starts with its
 * byte-order mark. A UTF-8 byte-order mark is dropped; a byte sequence that is no UTF-8 becomes U+FFFD.
 */
/* global require, TextDecoder -- fflate only where the platform has no TextDecoder */

export interface TextStream {
  push(chunk: Uint8Array): void;
  end(): void;
}

export function textStream(onText: (text: string) => void): TextStream {
  let decode: ((chunk: Uint8Array, final: boolean) => void) | undefined;
  const start = (chunk: Uint8Array): Uint8Array => {
    if (chunk[0] === 0xff && chunk[1] === 0xfe) {
      let carry: number | undefined;
      decode = (bytes) => {
        let s = "";
        let i = 0;
        if (carry !== undefined && bytes.length > 0)
          [s, i, carry] = [String.fromCharCode(carry | (bytes[0] << 8)), 1, undefined];
        for (; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
        if (i < bytes.length) carry = bytes[i];
        if (s) onText(s);
      };
      return chunk.subarray(2);
    }
    decode = utf8Stream(onText);
    return chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
  };
  return {
    push(chunk) {
      const rest = decode ? chunk : start(chunk);
      decode!(rest, false);
    },
    end() {
      decode?.(new Uint8Array(0), true);
    },
  };
}

/** UTF-8 bytes to text piece by piece (a character cut between two pieces is joined). */
function utf8Stream(onText: (text: string) => void): (bytes: Uint8Array, final: boolean) => void {
  if (typeof TextDecoder === "undefined") {
    const { DecodeUTF8 } = require("fflate") as typeof import("fflate");
    const utf8 = new DecodeUTF8((s) => {
      if (s) onText(s);
    });
    return (bytes, final) => utf8.push(bytes, final);
  }
  // ignoreBOM: the mark is dropped by textStream, once; a second U+FEFF would be text of the part's own.
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  return (bytes, final) => {
    const s = utf8.decode(bytes, { stream: !final });
    if (s) onText(s);
  };
}

/** A whole UTF-8 text (a zip entry's name). */
export function utf8Text(bytes: Uint8Array): string {
  let s = "";
  const decode = utf8Stream((t) => (s += t));
  decode(bytes, true);
  return s;
}
