/**
 * Bytes of an XML part to text as they inflate: UTF-8 by default (fflate's streaming decoder, which uses the
 * platform's TextDecoder where there is one), UTF-16LE when the part starts with its byte-order mark. A UTF-8
 * byte-order mark is dropped.
 */
import { DecodeUTF8 } from "fflate";

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
    const utf8 = new DecodeUTF8((s) => {
      if (s) onText(s);
    });
    decode = (bytes, final) => utf8.push(bytes, final);
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
