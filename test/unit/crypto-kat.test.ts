// Known-answer tests: our calls into hash-wasm and WebCrypto must reproduce published vectors,
// which a self-consistent but wrong wiring (swapped t/m, missing AAD, truncated tag) would not.
import { describe, expect, it } from "vitest";
import { encryptWithIv, importAesKey, open } from "../../src/crypto/aes-gcm";
import { argon2idRaw } from "../../src/crypto/kdf";

const hex = (h: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array((h.match(/../g) ?? []).map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const ascii = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

describe("Argon2id known answers", () => {
  // phc-winner-argon2 (the reference implementation), src/test.c, "Test Argon2id version
  // number: 13": password "password", salt "somesalt", 32-byte tag. The RFC 9106 §5.3 vector
  // cannot be used: it needs associated data, which hash-wasm does not accept.
  const vectors = [
    {
      m: 65536,
      t: 2,
      p: 1,
      tag: "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
    },
    { m: 256, t: 2, p: 1, tag: "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe" },
    { m: 256, t: 2, p: 2, tag: "6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037" },
    {
      m: 65536,
      t: 1,
      p: 1,
      tag: "f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98",
    },
  ];
  it.each(vectors)("m=$m t=$t p=$p", async ({ m, t, p, tag }) => {
    const out = await argon2idRaw(ascii("password"), ascii("somesalt"), { m, t, p });
    expect(toHex(out)).toBe(tag);
  });
});

describe("AES-256-GCM known answers", () => {
  // McGrew & Viega, "The Galois/Counter Mode of Operation", Appendix B, test cases 13, 14, 16
  // (the AES-256 cases with 96-bit IVs; 16 has associated data and a partial final block).
  const zeroKey = "00".repeat(32);
  const cases = [
    {
      name: "13",
      key: zeroKey,
      iv: "00".repeat(12),
      pt: "",
      aad: "",
      ct: "",
      tag: "530f8afbc74536b9a963b4f1c4cb738b",
    },
    {
      name: "14",
      key: zeroKey,
      iv: "00".repeat(12),
      pt: "00".repeat(16),
      aad: "",
      ct: "cea7403d4d606b6e074ec5d3baf39d18",
      tag: "d0d1c8a799996bf0265b98b5d48ab919",
    },
    {
      name: "16",
      key: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
      iv: "cafebabefacedbaddecaf888",
      pt:
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
      aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
      ct:
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa" +
        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
      tag: "76fc6ece0f4e1768cddf8853bb2d551b",
    },
  ];

  it.each(cases)("test case $name encrypts and decrypts", async (c) => {
    const key = await importAesKey(hex(c.key));
    const sealed = await encryptWithIv(key, hex(c.iv), hex(c.pt), hex(c.aad));
    expect(toHex(sealed)).toBe(c.ct + c.tag);
    const opened = await open(key, hex(c.iv), sealed, hex(c.aad));
    expect(opened && toHex(opened)).toBe(c.pt);
  });

  describe("test case 16 with one thing changed is refused", () => {
    const c = cases[2]!;
    const flip = (h: string, byte: number): Uint8Array<ArrayBuffer> => {
      const b = hex(h);
      b[byte] = (b[byte] ?? 0) ^ 0x01;
      return b;
    };
    const sealed = c.ct + c.tag;
    const variants = [
      {
        what: "tag",
        key: c.key,
        iv: hex(c.iv),
        ct: flip(sealed, sealed.length / 2 - 1),
        aad: hex(c.aad),
      },
      { what: "iv", key: c.key, iv: flip(c.iv, 0), ct: hex(sealed), aad: hex(c.aad) },
      { what: "ciphertext", key: c.key, iv: hex(c.iv), ct: flip(sealed, 5), aad: hex(c.aad) },
      { what: "aad", key: c.key, iv: hex(c.iv), ct: hex(sealed), aad: flip(c.aad, 19) },
      { what: "empty aad", key: c.key, iv: hex(c.iv), ct: hex(sealed), aad: hex("") },
      { what: "key", key: "00".repeat(32), iv: hex(c.iv), ct: hex(sealed), aad: hex(c.aad) },
      {
        what: "truncated tag",
        key: c.key,
        iv: hex(c.iv),
        ct: hex(sealed.slice(0, -2)),
        aad: hex(c.aad),
      },
    ];
    it.each(variants)("$what", async (v) => {
      expect(await open(await importAesKey(hex(v.key)), v.iv, v.ct, v.aad)).toBeNull();
    });

    it("while the unchanged inputs still open (the refusals are not vacuous)", async () => {
      const key = await importAesKey(hex(c.key));
      expect(await open(key, hex(c.iv), hex(sealed), hex(c.aad))).not.toBeNull();
    });
  });

  it("imports keys as non-extractable", async () => {
    const key = await importAesKey(new Uint8Array(32));
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
  });
});
