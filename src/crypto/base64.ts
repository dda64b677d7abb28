// Standard base64 (RFC 4648 §4, with padding) over bytes. Hand-written rather than btoa/atob:
// btoa only takes "binary strings" (one char per byte), a classic source of silent corruption,
// and atob is lenient (whitespace, missing padding). Decoding here is strict and canonical, so a
// stored value that does not round-trip exactly is reported as malformed instead of guessed at.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    parts.push(
      ALPHABET.charAt((n >> 18) & 63) +
        ALPHABET.charAt((n >> 12) & 63) +
        (rest > 1 ? ALPHABET.charAt((n >> 6) & 63) : "=") +
        (rest > 2 ? ALPHABET.charAt(n & 63) : "="),
    );
  }
  return parts.join("");
}

/** Returns null for anything that is not the canonical encoding of some byte string. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== "string" || text.length % 4 !== 0) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = i; j < i + 4; j++) {
      const code = text.charCodeAt(j);
      // Padding is only allowed in the final `pad` positions; everywhere else `=` is invalid.
      const v = j >= text.length - pad ? 0 : code < 128 ? (LOOKUP[code] ?? -1) : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // Non-zero leftover bits ("QR==" for "A") would make two texts decode to the same bytes.
  return bytesToBase64(out) === text ? out : null;
}
