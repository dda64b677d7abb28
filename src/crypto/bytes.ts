// Byte helpers shared by the crypto modules. `Bytes` pins the buffer type to ArrayBuffer because
// WebCrypto's BufferSource refuses views over SharedArrayBuffer (TypeScript ≥ 5.7 checks this).

export type Bytes = Uint8Array<ArrayBuffer>;

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Copies into a fresh ArrayBuffer-backed array (also detaches us from the caller's buffer). */
export function copyBytes(bytes: Uint8Array): Bytes {
  return new Uint8Array(bytes);
}

export function utf8(text: string): Bytes {
  return new TextEncoder().encode(text);
}

/** Strict UTF-8 decoding: invalid sequences give null instead of U+FFFD replacement. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Pads JSON text with trailing spaces (still valid JSON) to a multiple of `block` bytes, so the
 * ciphertext length tells an attacker the size class of a record, not the password's length.
 */
export function paddedJson(value: unknown, block: number): Bytes {
  const body = utf8(JSON.stringify(value));
  const out = new Uint8Array(Math.ceil((body.length + 1) / block) * block).fill(0x20);
  out.set(body);
  return out;
}
