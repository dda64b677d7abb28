import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../src/crypto/base64";

describe("base64", () => {
  it("matches RFC 4648 §10 test vectors", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(bytesToBase64(bytes)).toBe(encoded);
      expect(base64ToBytes(encoded)).toEqual(bytes);
    }
  });

  it("encodes every byte value, like Node's Buffer, and round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64ToBytes(encoded)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it("handles bytes that break btoa-on-text approaches", () => {
    const bytes = new Uint8Array([0x00, 0xff, 0x80, 0xc3, 0xa9, 0xfe]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it.each([
    ["wrong length", "Zm9"],
    ["non-alphabet character", "Zm9v!A=="],
    ["url-safe alphabet", "-_-_"],
    ["padding in the middle", "Zg==Zm9v"],
    ["three padding characters", "Z==="],
    ["whitespace", "Zm9v Zm9v"],
    ["non-zero leftover bits (not canonical)", "Zh=="],
    ["non-ASCII", "Zm9é"],
  ])("refuses %s", (_, text) => {
    expect(base64ToBytes(text)).toBeNull();
  });

  it("never throws and only accepts canonical text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const bytes = base64ToBytes(text);
        if (bytes) expect(bytesToBase64(bytes)).toBe(text);
      }),
    );
  });
});
