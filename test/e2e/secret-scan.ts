// "Nothing readable on disk": dumps what the extension origin keeps (storage.local,
// storage.sync, IndexedDB, Web Storage) and looks for a secret in every encoding a careless
// implementation could leave it in: plain text (any case), UTF-8 / UTF-16 LE / UTF-16 BE /
// Latin-1 bytes, hex (either case), base64 and base64url at every byte alignment (so a secret
// in the middle of a bigger encoded blob is found too), and percent-encoding.
import type { Harness } from "./harness";

/** One storage area as read in the extension origin: its strings and its binary values. */
export interface AreaDump {
  area: string;
  /** Every string found (keys and values), walked recursively. */
  strings: string[];
  /** Every binary value (ArrayBuffer, typed array, Blob), base64. */
  binaries: string[];
  /** Structured-clone values that cannot be read back (e.g. CryptoKey), by type name. */
  opaque: string[];
}

/**
 * Reads storage.local, storage.sync, every IndexedDB database of the extension origin and
 * its localStorage/sessionStorage, from an extension page.
 */
export function dumpExtensionStorage(h: Harness): Promise<AreaDump[]> {
  return h.evalInExtension(async (browser) => {
    const bytesToBase64 = (bytes: Uint8Array): string => {
      let s = "";
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    };
    const walk = async (value: unknown, out: AreaDump, depth = 0): Promise<void> => {
      if (depth > 50 || value === null || value === undefined) return;
      if (typeof value === "string") out.strings.push(value);
      else if (typeof value === "number" || typeof value === "boolean") return;
      else if (value instanceof ArrayBuffer)
        out.binaries.push(bytesToBase64(new Uint8Array(value)));
      else if (ArrayBuffer.isView(value)) {
        out.binaries.push(
          bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
        );
      } else if (value instanceof Blob) {
        out.binaries.push(bytesToBase64(new Uint8Array(await value.arrayBuffer())));
      } else if (typeof CryptoKey !== "undefined" && value instanceof CryptoKey) {
        out.opaque.push("CryptoKey");
      } else if (value instanceof Map) {
        for (const [k, v] of value) {
          await walk(k, out, depth + 1);
          await walk(v, out, depth + 1);
        }
      } else if (value instanceof Set || Array.isArray(value)) {
        for (const v of value) await walk(v, out, depth + 1);
      } else if (typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          out.strings.push(k);
          await walk(v, out, depth + 1);
        }
      }
    };
    const area = (name: string): AreaDump => ({
      area: name,
      strings: [],
      binaries: [],
      opaque: [],
    });
    const dumps: AreaDump[] = [];

    const local = area("storage.local");
    await walk(await browser.storage.local.get(null), local);
    dumps.push(local);
    const sync = area("storage.sync");
    // Firefox without a sync account still answers from its local copy; a failure is a dump.
    await walk(await browser.storage.sync.get(null).catch((e: unknown) => String(e)), sync);
    dumps.push(sync);

    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
      });
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const dump = area(`IndexedDB ${info.name}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? "");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error("IndexedDB open failed"));
      });
      try {
        for (const store of db.objectStoreNames) {
          const tx = db.transaction(store, "readonly");
          const s = tx.objectStore(store);
          dump.strings.push(store);
          await walk(await request(s.getAllKeys()), dump);
          await walk(await request(s.getAll()), dump);
        }
      } finally {
        db.close();
      }
      dumps.push(dump);
    }
    const web = area("localStorage/sessionStorage");
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? "";
        web.strings.push(key, storage.getItem(key) ?? "");
      }
    }
    dumps.push(web);
    return dumps;
  });
}

/** Base64 (standard and url-safe, unpadded) of `bytes` wherever it sits in a bigger blob. */
function base64AtEveryAlignment(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    // Bytes from `skip` on start a base64 group when the secret begins at offset ≡ -skip (mod 3);
    // only whole groups encode the same way whatever surrounds them.
    const aligned = bytes.subarray(skip);
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
    if (whole.length < 6) continue;
    const b64 = whole.toString("base64");
    out.push(b64, b64.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** Every byte pattern that would reveal `secret` (text or raw bytes). */
export function encodingsOf(secret: string | Uint8Array): { name: string; bytes: Buffer }[] {
  const raw: { name: string; bytes: Buffer }[] = [];
  if (typeof secret === "string") {
    raw.push({ name: "UTF-8", bytes: Buffer.from(secret, "utf8") });
    raw.push({ name: "UTF-16 LE", bytes: Buffer.from(secret, "utf16le") });
    raw.push({ name: "UTF-16 BE", bytes: Buffer.from(secret, "utf16le").swap16() });
    if ([...secret].every((c) => c.charCodeAt(0) < 256)) {
      raw.push({ name: "Latin-1", bytes: Buffer.from(secret, "latin1") });
    }
  } else {
    raw.push({ name: "bytes", bytes: Buffer.from(secret) });
  }
  const out: { name: string; bytes: Buffer }[] = [...raw];
  if (typeof secret === "string") {
    out.push({ name: "lower case", bytes: Buffer.from(secret.toLowerCase(), "utf8") });
    out.push({ name: "upper case", bytes: Buffer.from(secret.toUpperCase(), "utf8") });
    out.push({ name: "percent-encoded", bytes: Buffer.from(encodeURIComponent(secret)) });
  }
  for (const { name, bytes } of raw) {
    const hex = bytes.toString("hex");
    out.push({ name: `${name} as hex`, bytes: Buffer.from(hex) });
    out.push({ name: `${name} as HEX`, bytes: Buffer.from(hex.toUpperCase()) });
    for (const b64 of base64AtEveryAlignment(bytes)) {
      out.push({ name: `${name} as base64`, bytes: Buffer.from(b64) });
    }
  }
  return out;
}

/** Each haystack a dump yields: every string as UTF-8 and (if it fits) Latin-1, every binary. */
function haystacks(dump: AreaDump): Buffer[] {
  const out: Buffer[] = [];
  for (const s of dump.strings) {
    out.push(Buffer.from(s, "utf8"));
    // A byte string kept in a JS string (one char per byte): its UTF-16 pairs, raw bytes…
    if ([...s].every((c) => c.charCodeAt(0) < 256)) out.push(Buffer.from(s, "latin1"));
    out.push(Buffer.from(s, "utf16le"));
  }
  for (const b of dump.binaries) out.push(Buffer.from(b, "base64"));
  return out;
}

/** Where `secret` shows in the dumps: ["storage.local: UTF-16 LE as base64", …]; [] if nowhere. */
export function findSecret(dumps: AreaDump[], secret: string | Uint8Array): string[] {
  const needles = encodingsOf(secret);
  const hits: string[] = [];
  for (const dump of dumps) {
    const hay = haystacks(dump);
    for (const needle of needles) {
      const lowerHex = needle.name.endsWith("as hex") || needle.name.endsWith("as HEX");
      const found = hay.some((h) =>
        lowerHex
          ? h
              .toString("latin1")
              .toLowerCase()
              .includes(needle.bytes.toString("latin1").toLowerCase())
          : h.includes(needle.bytes),
      );
      if (found) hits.push(`${dump.area}: ${needle.name}`);
    }
  }
  return [...new Set(hits)];
}
