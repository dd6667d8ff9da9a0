/**
 * Bytes of an XML part to text as they inflate: UTF-8 by default (the platform's streaming TextDecoder, in Node
 * and in browsers alike), UTF-16LE when the part starts with its byte-order mark. A UTF-8 byte-order mark is
 * dropped; a byte sequence that is no UTF-8 becomes U+FFFD, as in any reader.
 */

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
    // ignoreBOM: the mark is dropped below, once; a second U+FEFF would be text of the part's own.
    const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
    decode = (bytes, final) => {
      const s = utf8.decode(bytes, { stream: !final });
      if (s) onText(s);
    };
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
