// The vendor's bookmark shortcut, `soft.iamoffice.net#ESPACE&login=IDENTIFIANT&password=MDP`
// (vendor help page, docs/vendor-login.md). Read by autofill (which entry to fill), the
// popup's quick add (prefill) and the options page's bookmark rescue. Our code only ever READS a
// password out of such a URL, to rescue it into the vault; it never writes one into a URL.
//
// Decisions, applied to every part alike:
// - `+` stays a literal `+`. In a fragment `+` is not a space (URL spec), and passwords may
//   well contain `+`; a space in a bookmark is `%20` anyway, since browsers encode it.
// - Percent-decoding happens AFTER splitting on `&` and `=`, so `%26` stays inside a value. A
//   malformed sequence (`%`, `%zz`, lone UTF-8 bytes) keeps that value raw instead of throwing.
// - Keys are case-insensitive (`LOGIN=`); unknown keys and empty parts (`&&`) are ignored; the
//   first occurrence of a key wins, as with URLSearchParams.get.
// - The workspace is the first non-empty part when it holds no `=`. Workspace and identifier
//   are trimmed (entries are stored trimmed, see src/entries/rules.ts); the password never is.
// - An empty value (`login=`) counts as absent.
// - What follows `password=` up to the next part we read is ambiguous when it holds more than one
//   part (`password=Tr0ub&dor=4x`): a raw `&` typed in the password, or another parameter? The
//   parser reads the first part, as URLSearchParams would; readVendorPassword says so, with the
//   candidates, so that the rescue asks the user instead of saving a guess.

import { IAMOFFICE_HOST } from "./origin";

export type VendorFragment = {
  workspace?: string;
  identifier?: string;
} & ({ hasPassword: true; password: string } | { hasPassword: false; password?: undefined });

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

interface Part {
  raw: string;
  /** Lowercased decoded key, or null for a bare part without `=`. */
  key: string | null;
  value: string;
  /** Where `raw` starts in the fragment. */
  at: number;
}

function splitParts(fragment: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const raw of fragment.split("&")) {
    if (raw !== "") {
      const eq = raw.indexOf("=");
      parts.push(
        eq < 0
          ? { raw, key: null, value: decode(raw), at }
          : {
              raw,
              key: decode(raw.slice(0, eq)).toLowerCase(),
              value: decode(raw.slice(eq + 1)),
              at,
            },
      );
    }
    at += raw.length + 1;
  }
  return parts;
}

/** What the parser reads, with the parts it read them from (for stripPassword). */
function readParts(fragment: string): {
  workspace?: Part;
  login?: Part;
  password?: Part;
} {
  const parts = splitParts(fragment);
  const first = parts[0];
  return {
    ...(first && first.key === null ? { workspace: first } : {}),
    login: parts.find((p) => p.key === "login"),
    password: parts.find((p) => p.key === "password"),
  };
}

/** Parses `#ESPACE`, `#ESPACE&login=ID`, `#ESPACE&login=ID&password=PW` (leading `#` optional). */
export function parseVendorFragment(hash: string): VendorFragment {
  const read = readParts(hash.startsWith("#") ? hash.slice(1) : hash);
  const workspace = read.workspace?.value.trim();
  const identifier = read.login?.value.trim();
  const password = read.password?.value;
  return {
    ...(workspace ? { workspace } : {}),
    ...(identifier ? { identifier } : {}),
    ...(password ? { hasPassword: true, password } : { hasPassword: false }),
  };
}

/**
 * What the text says the password is. `ambiguous`: more follows the password than the parts we
 * read (`password=Tr0ub&dor=4x`); `candidates` are the possible passwords, shortest first: the
 * parser's reading, then everything up to the next part we read (login) or the end, which is
 * also what stripPassword removes. Only the user can tell which one is right.
 */
export type PasswordReading =
  | { kind: "none" }
  | { kind: "exact"; password: string }
  | { kind: "ambiguous"; candidates: string[] };

export function readVendorPassword(hash: string): PasswordReading {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const { password, login } = readParts(fragment);
  if (!password) return { kind: "none" };
  const rawValue = password.raw.slice(password.raw.indexOf("=") + 1);
  const start = password.at + password.raw.length - rawValue.length;
  // The password ends where the next part we read begins (its `&` excluded), else at the end.
  const end = login && login.at > password.at ? login.at - 1 : fragment.length;
  const whole = fragment.slice(start, end);
  if (whole === rawValue) {
    return password.value ? { kind: "exact", password: password.value } : { kind: "none" };
  }
  // Decoded piece by piece, as the parser does: `%26` stays inside, a bad `%` stays raw.
  const long = whole.split("&").map(decode).join("&");
  const candidates = [...new Set([password.value, long])].filter((c) => c !== "");
  return { kind: "ambiguous", candidates };
}

/** A scheme spelled with `://`; `soft.iamoffice.net:443` must not read as scheme `soft…:`. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Parses an IamOffice address as users bookmark or type it: with `https://`, `http://` (old
 * bookmarks, read for rescue only; filling still requires https, see src/origin.ts) or no scheme.
 * Null for any other host (exact host only: no subdomain, no `soft.iamoffice.net.evil.test`), a
 * non-default port, or userinfo (`https://soft.iamoffice.net@evil.test/` is evil.test anyway).
 */
export function parseIamOfficeUrl(text: string): VendorFragment | null {
  const hash = iamOfficeHash(text);
  return hash === null ? null : parseVendorFragment(hash);
}

/** readVendorPassword for an address; null when parseIamOfficeUrl would refuse it. */
export function readIamOfficePassword(text: string): PasswordReading | null {
  const hash = iamOfficeHash(text);
  return hash === null ? null : readVendorPassword(hash);
}

function iamOfficeHash(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.hostname !== IAMOFFICE_HOST || url.port !== "") return null;
  if (url.username !== "" || url.password !== "") return null;
  // `url.hash` keeps everything after the first `#`, so a raw `#` inside a password survives.
  return url.hash;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Separators: whitespace of every kind, and a comma only when what follows (after more commas or spaces)
 * starts another address or ends the text. A raw comma is legal in a fragment and browsers do not
 * encode it, so `password=a,b` must stay whole; the cost is that a password ENDING in `,` at the
 * very end of the paste loses that comma.
 */
const SEPARATOR = new RegExp(
  `\\s+|,(?=[\\s,]*(?:[a-z][a-z0-9+.-]*://|${escapeRegExp(IAMOFFICE_HOST)}|$))`,
  "gi",
);

/** Splits pasted bookmarks (newlines, spaces, commas): each token with its 1-based line. */
export function splitBookmarkList(text: string): { line: number; token: string }[] {
  const tokens: { line: number; token: string }[] = [];
  let start = 0;
  // Lines are counted incrementally: an exported bookmarks file can be large.
  let line = 1;
  let counted = 0;
  const push = (end: number) => {
    const token = text.slice(start, end);
    if (token === "") return;
    for (; counted < start; counted++) if (text[counted] === "\n") line++;
    tokens.push({ line, token });
  };
  for (const match of text.matchAll(SEPARATOR)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return tokens;
}

/**
 * The same address keeping only what the parser reads apart from the password: the workspace
 * part and the first `login=` part, as written. Everything else in the fragment goes too, because
 * a password typed with a raw `&` (`password=a&b`) would otherwise leave its tail behind as an
 * "unknown" part. Userinfo (`https://user:pass@…`) is dropped for the same reason.
 */
export function stripPassword(url: string): string {
  // Repeated until stable, so that stripping a stripped URL changes nothing (`@https://@x`).
  let noUserinfo = url;
  for (let prev = ""; prev !== noUserinfo;) {
    prev = noUserinfo;
    noUserinfo = noUserinfo.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?)[^/?#]*@/i, "$1");
  }
  const hashAt = noUserinfo.indexOf("#");
  if (hashAt < 0) return noUserinfo;
  const read = readParts(noUserinfo.slice(hashAt + 1));
  const kept = [read.workspace?.raw, read.login?.raw].filter((p) => p !== undefined);
  const base = noUserinfo.slice(0, hashAt);
  return kept.length ? `${base}#${kept.join("&")}` : base;
}
