// Property tests for every parser that reads untrusted text: the vendor's
// `#ESPACE&login=…` fragment and bookmark parsers, the backup file parser and the settings
// validator. They never throw on arbitrary input and give valid input back unchanged.
//
// Only the gaps left by the example-based suites are covered here: key order / case / noise in
// fragments, generated lookalike hosts, bookmark lists as a whole, the backup codec with
// arbitrary entries and arbitrary edits, the "KDF only for a well-formed header" rule, and the
// settings validator's algebra (identity, idempotence, no prototype pollution). See also
// hash-url.test.ts, backup.test.ts, crypto-downgrade.test.ts and settings.test.ts.
//
// Argon2id is swapped for a fast stand-in in THIS file only (vi.mock is per file): the real KDF
// is pinned by crypto-kat.test.ts and crypto-golden.test.ts; here it would cost ~0.6 s per run
// and limit the backup properties to a handful of cases.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { argon2id } from "hash-wasm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addressPassword, parseRescueText } from "../../options/rescue-parse";
import {
  parseIamOfficeUrl,
  parseVendorFragment,
  readIamOfficePassword,
  readVendorPassword,
  stripPassword,
} from "../../src/hash-url";
import { exportBackup, MAX_BACKUP_CHARS, parseBackup } from "../../src/crypto/backup";
import { checkKdfHeader } from "../../src/crypto/kdf-header";
import { isStoredVault } from "../../src/storage/parse";
import type { Entry } from "../../src/protocol";
import {
  DEFAULT_SETTINGS,
  type Settings,
  applySettingsPatch,
  readSettings,
} from "../../src/settings";

vi.mock("hash-wasm", async (importOriginal) => {
  const real = await importOriginal<typeof import("hash-wasm")>();
  type Options = Parameters<typeof real.argon2id>[0];
  const bytes = (v: Options["password"]): Uint8Array =>
    typeof v === "string" ? new TextEncoder().encode(v) : new Uint8Array(v as Uint8Array);
  // Deterministic, keyed by everything Argon2id would be keyed by: wrong password, other salt
  // or other cost → other key, exactly like the real thing as far as these properties go.
  const fake = (o: Options) =>
    Promise.resolve(
      new Uint8Array(
        createHash("sha256")
          .update(bytes(o.password))
          .update(bytes(o.salt))
          .update(`${o.memorySize}/${o.iterations}/${o.parallelism}/${o.hashLength}`)
          .digest(),
      ),
    );
  return { ...real, argon2id: vi.fn(fake) };
});

const kdfSpy = vi.mocked(argon2id);
beforeEach(() => {
  kdfSpy.mockClear();
});

// ---------- generators ----------

/** Any UTF-16 string, lone surrogates included. */
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
});
/** Full code points (no lone surrogates), with no C0/C1 control characters. */
const CONTROL = /\p{Cc}/gu;
const printable = (opts: { minLength?: number; maxLength: number }) =>
  fc.string({ unit: "binary", ...opts }).map((s) => s.replace(CONTROL, "x"));
/** A value that survives the parser's trimming and "empty means absent" rules. */
const word = printable({ minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== "");
const caseMix = (key: string) =>
  fc
    .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
    .map((up) => [...key].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(""));
/** Keys the parser must ignore (never `login` / `password`, whatever the case). */
const noiseKey = fc
  .stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
  .filter((k) => k !== "login" && k !== "password");
const noisePart = fc.oneof(
  fc.tuple(noiseKey, word).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
  fc.constant(""),
);

// ---------- the vendor fragment ----------

describe("parseVendorFragment (properties)", () => {
  it("reads the same account whatever the key order, key case, noise and empty parts", () => {
    fc.assert(
      fc.property(
        word,
        word,
        word,
        caseMix("login"),
        caseMix("password"),
        fc.array(noisePart, { maxLength: 4 }),
        fc.nat(),
        fc.boolean(),
        (workspace, identifier, password, loginKey, passwordKey, noise, seed, loginFirst) => {
          const login = `${loginKey}=${encodeURIComponent(identifier)}`;
          const pw = `${passwordKey}=${encodeURIComponent(password)}`;
          // Keyed parts (and noise) may come in any order after the workspace.
          const keyed = loginFirst ? [login, pw] : [pw, login];
          const rest = [...keyed];
          noise.forEach((n, i) => rest.splice((seed + i) % (rest.length + 1), 0, n));
          const hash = `#${[encodeURIComponent(workspace), ...rest].join("&")}`;
          expect(parseVendorFragment(hash)).toEqual({
            workspace: workspace.trim(),
            identifier: identifier.trim(),
            hasPassword: true,
            password,
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives the first login= and password= when a key repeats", () => {
    fc.assert(
      fc.property(word, word, word, word, (first, second, pw1, pw2) => {
        const e = encodeURIComponent;
        const r = parseVendorFragment(
          `#W&login=${e(first)}&password=${e(pw1)}&LOGIN=${e(second)}&Password=${e(pw2)}`,
        );
        expect(r.identifier).toBe(first.trim());
        expect(r.password).toBe(pw1);
      }),
    );
  });

  it("calls the password ambiguous exactly when anything sits between it and the next part read", () => {
    fc.assert(
      fc.property(
        word,
        word,
        word,
        fc.array(noisePart, { maxLength: 4 }),
        fc.nat(),
        fc.boolean(),
        (workspace, identifier, password, noise, seed, loginFirst) => {
          const login = `login=${encodeURIComponent(identifier)}`;
          const pw = `password=${encodeURIComponent(password)}`;
          const rest = loginFirst ? [login, pw] : [pw, login];
          noise.forEach((n, i) => rest.splice((seed + i) % (rest.length + 1), 0, n));
          const hash = `#${[encodeURIComponent(workspace), ...rest].join("&")}`;
          const from = rest.indexOf(pw);
          const to = rest.indexOf(login) > from ? rest.indexOf(login) : rest.length;
          const read = readVendorPassword(hash);
          if (to - from > 1) {
            expect(read.kind).toBe("ambiguous");
            if (read.kind === "ambiguous") {
              expect(read.candidates[0]).toBe(password);
              expect(read.candidates.at(-1)).toBe(
                [password, ...rest.slice(from + 1, to).map((n) => decodeURIComponent(n))].join("&"),
              );
            }
          } else {
            expect(read).toEqual({ kind: "exact", password });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is the same with or without the leading #, and never throws on any UTF-16", () => {
    fc.assert(
      fc.property(utf16, (s) => {
        const bare = s.startsWith("#") ? s.slice(1) : s;
        expect(parseVendorFragment(`#${bare}`)).toEqual(parseVendorFragment(bare));
      }),
      { numRuns: 500 },
    );
  });
});

// ---------- IamOffice addresses ----------

/** Spellings a user or a browser may produce for the one real host (scheme-less is https). */
const realOrigin = fc.constantFrom(
  "https://soft.iamoffice.net",
  "HTTPS://SOFT.IAMOFFICE.NET",
  "https://Soft.IamOffice.Net:443",
  "http://soft.iamoffice.net",
  "http://soft.iamoffice.net:80",
  "soft.iamoffice.net",
  "SOFT.iamoffice.net:443",
);
/** Hosts that contain the real one, or most of it, but are not it. */
const lookalikeHost = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[a-z0-9-]{1,10}$/), fc.constantFrom(".", "-"))
    .map(([label, sep]) => `${label}${sep}soft.iamoffice.net`),
  fc.stringMatching(/^[a-z0-9-]{1,10}$/).map((label) => `soft.iamoffice.net.${label}`),
  fc.constantFrom(
    "iamoffice.net",
    "soft-iamoffice.net",
    "softiamoffice.net",
    "soft.iamoffice.com",
    "soft.iamoffice.net:8443",
    "soft.iamoffice.net:444",
    "s\u043eft.iamoffice.net",
    "xn--sft-sed.iamoffice.net",
    "soft.iamoffice.net@evil.test",
    "u:p@soft.iamoffice.net",
  ),
);
const path = fc.constantFrom("", "/", "/app/index.php", "/x?password=q&login=z");
const fragmentFor = (w: string, i: string, p: string) =>
  `#${encodeURIComponent(w)}&login=${encodeURIComponent(i)}&password=${encodeURIComponent(p)}`;

describe("parseIamOfficeUrl (properties)", () => {
  it("reads exactly what parseVendorFragment reads from the fragment, for any real-host URL", () => {
    fc.assert(
      fc.property(realOrigin, path, word, word, word, (origin, p, w, i, pw) => {
        const fragment = fragmentFor(w, i, pw);
        expect(parseIamOfficeUrl(`${origin}${p}${fragment}`)).toEqual(
          parseVendorFragment(fragment),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every lookalike host, port and userinfo, whatever the fragment says", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("https://", "http://", ""),
        lookalikeHost,
        path,
        word,
        (scheme, host, p, w) => {
          expect(parseIamOfficeUrl(`${scheme}${host}${p}${fragmentFor(w, w, w)}`)).toBeNull();
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ---------- pasted bookmark lists ----------

const bookmark = fc
  .tuple(realOrigin, path, word, word, word)
  .map(([origin, p, w, i, pw]) => `${origin}${p}${fragmentFor(w, i, pw)}`);
const separator = fc.constantFrom("\n", "\r\n", " ", "\t", ", ", ",", "\n\n", " ,\n");

describe("a pasted list of bookmarks, as the rescue reads it (properties)", () => {
  it("gives back every pasted address, in order, on its own line, parsed like one address", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(bookmark, separator), { minLength: 1, maxLength: 8 }),
        (items) => {
          let text = "";
          const expected: { line: number; url: string }[] = [];
          for (const [url, sep] of items) {
            expected.push({ line: text.split("\n").length, url });
            text += url + sep;
          }
          const results = parseRescueText(text);
          expect(results.map((r) => r.ok)).toEqual(expected.map(() => true));
          results.forEach((r, n) => {
            const want = expected[n];
            if (!r.ok || !want) return;
            expect(r.line).toBe(want.line);
            const f = parseIamOfficeUrl(want.url);
            const { password, candidates } = addressPassword(readIamOfficePassword(want.url));
            expect([r.workspace, r.identifier]).toEqual([f?.workspace, f?.identifier]);
            expect([r.password, r.candidates]).toEqual([password, candidates]);
            expect(r.safeUrl).toBe(stripPassword(want.url));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports a lookalike among real addresses as not IamOffice, keeping the others", () => {
    fc.assert(
      fc.property(bookmark, lookalikeHost, bookmark, word, (a, host, b, w) => {
        const evil = `https://${host}/#${encodeURIComponent(w)}`;
        // Userinfo lookalikes hold an "@" that the list splitter keeps inside the token.
        const r = parseRescueText(`${a}\n${evil}\n${b}`);
        expect(r.map((x) => x.ok)).toEqual([true, false, true]);
        expect(r.map((x) => x.line)).toEqual([1, 2, 3]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("stripPassword (properties)", () => {
  it("leaves an address that holds no password exactly as written", () => {
    fc.assert(
      fc.property(
        realOrigin,
        path.filter((p) => !p.includes("password")),
        word,
        fc.option(word, { nil: undefined }),
        (origin, p, w, i) => {
          const login = i === undefined ? "" : `&login=${encodeURIComponent(i)}`;
          const url = `${origin}${p}#${encodeURIComponent(w)}${login}`;
          expect(stripPassword(url)).toBe(url);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------- backup files ----------

const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
const entry: fc.Arbitrary<Entry> = fc.record({
  id: printable({ minLength: 1, maxLength: 40 }),
  name: printable({ maxLength: 40 }),
  workspace: printable({ minLength: 1, maxLength: 40 }),
  identifier: printable({ minLength: 1, maxLength: 40 }),
  password: printable({ minLength: 1, maxLength: 60 }),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastUsedAt: fc.option(timestamp, { nil: null }),
});
const entries = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 6 });
const backupPassword = printable({ minLength: 1, maxLength: 30 });

describe("parseBackup (properties)", () => {
  it("round-trips any valid entry list under any password", async () => {
    await fc.assert(
      fc.asyncProperty(entries, backupPassword, timestamp, async (list, password, now) => {
        const text = await exportBackup(list, password, now);
        expect(await parseBackup(text, password)).toEqual({ ok: true, value: list });
      }),
      { numRuns: 150 },
    );
  });

  it("never gives back other entries than those exported, whatever single edit the file gets", async () => {
    const list: Entry[] = [
      {
        id: "e1",
        name: "Cabinet",
        workspace: "ACME",
        identifier: "marie",
        password: "Pw-1 secret",
        createdAt: 1,
        updatedAt: 2,
        lastUsedAt: null,
      },
    ];
    const text = await exportBackup(list, "pw", 1_767_398_400_000);
    const edit = fc.oneof(
      // Replace, insert or delete one UTF-16 unit anywhere.
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom(...'AZaz09+/="{}[],: \n1\\'))
        .map(([at, c]) => text.slice(0, at) + c + text.slice(at + 1)),
      fc
        .tuple(fc.nat({ max: text.length }), fc.constantFrom(...'A0" ,}'))
        .map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
      fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at) + text.slice(at + 1)),
    );
    await fc.assert(
      fc.asyncProperty(edit, async (edited) => {
        const r = await parseBackup(edited, "pw");
        // Whitespace edits are harmless; anything else is refused, never half-read.
        if (r.ok) expect(r.value).toEqual(list);
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a wrong password, never returning entries", async () => {
    await fc.assert(
      fc.asyncProperty(entries, backupPassword, backupPassword, async (list, a, b) => {
        fc.pre(a.normalize("NFC") !== b.normalize("NFC"));
        const text = await exportBackup(list, a, 0);
        expect(await parseBackup(text, b)).toEqual({ ok: false, error: "backup_wrong_password" });
      }),
      { numRuns: 100 },
    );
  });

  it("derives a key only for a file whose envelope and KDF header are well-formed", async () => {
    const text = await exportBackup([], "pw", 0);
    const file = JSON.parse(text) as Record<string, unknown> & { kdf: Record<string, unknown> };
    const kdfField = fc.constantFrom("alg", "v", "m", "t", "p", "salt", "extra");
    const kdfValue = fc.oneof(
      fc.jsonValue(),
      fc.integer({ min: -1, max: 2_000_000 }),
      fc.constantFrom(1024, 65535, 65536, 1048577, 2, 3, 21, "argon2i", "AAAAAAAAAAAAAAAAAAAAAA=="),
    );
    await fc.assert(
      fc.asyncProperty(kdfField, kdfValue, async (field, value) => {
        kdfSpy.mockClear();
        const kdf = { ...file.kdf, [field]: value };
        const r = await parseBackup(JSON.stringify({ ...file, kdf }), "pw");
        const headerOk = checkKdfHeader(kdf).ok;
        expect(kdfSpy).toHaveBeenCalledTimes(headerOk ? 1 : 0);
        if (!headerOk) expect(r.ok).toBe(false);
        // An edited header is authenticated data: even a "valid" edit must not decrypt.
        if (JSON.stringify(kdf) !== JSON.stringify(file.kdf)) expect(r.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("says future version for any newer version number, before any KDF", async () => {
    const file = JSON.parse(await exportBackup([], "pw", 0)) as Record<string, unknown>;
    kdfSpy.mockClear();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
        async (version, extra) => {
          // A future file may have other fields: only format and version are read.
          const text = JSON.stringify({ ...extra, format: file.format, version });
          expect(await parseBackup(text, "pw")).toEqual({
            ok: false,
            error: "backup_future_version",
          });
        },
      ),
      { numRuns: 200 },
    );
    expect(kdfSpy).not.toHaveBeenCalled();
  });

  it("says too large for anything over the size cap, whatever it holds, before parsing", async () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 30 }), fc.nat({ max: 1000 }), async (s, over) => {
          const text = s + " ".repeat(MAX_BACKUP_CHARS + 1 + over - s.length);
          expect(await parseBackup(text, "pw")).toEqual({ ok: false, error: "backup_too_large" });
        }),
        { numRuns: 20 },
      );
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

// ---------- the stored vault's shape (tampered storage, case 7) ----------

describe("isStoredVault (properties)", () => {
  it("never throws on anything storage could hold", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            format: fc.oneof(fc.constant(1), fc.anything()),
            revision: fc.oneof(fc.nat(), fc.anything()),
            wrapped: fc.anything(),
            records: fc.oneof(
              fc.array(fc.record({ id: fc.anything(), iv: fc.anything(), ct: fc.anything() })),
              fc.anything(),
            ),
          }),
        ),
        (v) => {
          expect(typeof isStoredVault(v)).toBe("boolean");
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------- settings ----------

const POLICIES = ["browser-exit", "idle", "screen-lock", "never-while-open"] as const;
const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    autofillOnLoad: fc.boolean(),
    submitAfterAutofill: fc.boolean(),
    idleTimeoutMinutes: fc.double({ min: 0.05, max: 24 * 60, noNaN: true }),
    warningLeadMinutes: fc.double({ min: 0.02, max: 60, noNaN: true }),
    notifications: fc.boolean(),
    countdownBadge: fc.boolean(),
    offerRelogin: fc.boolean(),
    autoRelogin: fc.boolean(),
    autoLock: fc.constantFrom(...POLICIES),
    autoLockMinutes: fc.integer({ min: 1, max: 24 * 60 }),
  })
  .filter((s) => s.warningLeadMinutes < s.idleTimeoutMinutes);
const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const PAIR: readonly string[] = ["idleTimeoutMinutes", "warningLeadMinutes"];
const anyPatch = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(...KEYS, "__proto__", "constructor", "vaultKey"),
    fc.oneof(fc.boolean(), fc.double(), fc.constantFrom(...POLICIES), fc.anything()),
  ),
);

describe("applySettingsPatch (properties)", () => {
  it("an empty patch changes nothing; a full valid patch gives exactly that", () => {
    fc.assert(
      fc.property(validSettings, validSettings, (base, target) => {
        expect(applySettingsPatch(base, {})).toEqual({ ok: true, value: base });
        expect(applySettingsPatch(base, { ...target })).toEqual({ ok: true, value: target });
      }),
      { numRuns: 300 },
    );
  });

  it("applies a valid subset field by field, and is idempotent", () => {
    fc.assert(
      fc.property(
        validSettings,
        validSettings,
        fc.subarray(KEYS.filter((k) => !PAIR.includes(k))),
        (base, target, keys) => {
          const patch = Object.fromEntries(keys.map((k) => [k, target[k]]));
          const r = applySettingsPatch(base, patch);
          expect(r).toEqual({ ok: true, value: { ...base, ...patch } });
          if (r.ok) expect(applySettingsPatch(r.value, patch)).toEqual(r);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws, never touches the base, names only fields it was given", () => {
    fc.assert(
      fc.property(validSettings, anyPatch, (base, patch) => {
        const before = JSON.stringify(base);
        const r = applySettingsPatch(base, patch);
        expect(JSON.stringify(base)).toBe(before);
        if (r.ok || typeof patch !== "object" || patch === null || Array.isArray(patch)) return;
        const given = new Set([...Object.keys(patch), "warningLeadMinutes"]);
        for (const key of Object.keys(r.errors)) expect(given.has(key), key).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("cannot pollute Object.prototype through __proto__ or constructor keys", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.jsonValue(), (key, value) => {
        const json = JSON.stringify(value) ?? "null";
        for (const text of [
          `{"__proto__": {"${key}": ${json}, "polluted": 1}}`,
          `{"constructor": {"prototype": {"polluted": 1}}}`,
        ]) {
          const patch: unknown = JSON.parse(text);
          expect(applySettingsPatch(DEFAULT_SETTINGS, patch).ok).toBe(false);
          readSettings(patch);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("readSettings (properties)", () => {
  it("is idempotent and survives storage's JSON round trip", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), validSettings), (stored) => {
        const once = readSettings(stored);
        expect(readSettings(once)).toEqual(once);
        expect(readSettings(JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every valid field when others are garbage, and defaults only those", () => {
    fc.assert(
      fc.property(
        validSettings,
        fc.subarray(
          KEYS.filter((k) => !PAIR.includes(k)),
          { minLength: 1 },
        ),
        fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant("sometimes")),
        (settings, spoiled, garbage) => {
          const stored: Record<string, unknown> = { ...settings };
          for (const k of spoiled) stored[k] = garbage;
          const r = readSettings(stored);
          for (const k of KEYS) {
            // A spoiled field may still be valid garbage (e.g. an in-range integer).
            if (!spoiled.includes(k)) expect(r[k], k).toEqual(settings[k]);
            else if (applySettingsPatch(settings, { [k]: garbage }).ok) expect(r[k]).toBe(garbage);
            else expect(r[k], k).toEqual(DEFAULT_SETTINGS[k]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
