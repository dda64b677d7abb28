// The one place that names the IamOffice origin. Everything that decides "is this IamOffice?"
// goes through here so that a lookalike can never slip in through a second, looser literal.

export const IAMOFFICE_HOST = "soft.iamoffice.net";
export const IAMOFFICE_ORIGIN = `https://${IAMOFFICE_HOST}`;
export const IAMOFFICE_MATCH = `${IAMOFFICE_ORIGIN}/*`;

/** True only for `https:` + exact host `soft.iamoffice.net` + default port. */
export function isIamOfficeUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `URL.origin` normalises case, default port and IDNA, so a punycode lookalike or
  // `:443` spelled out compares correctly; userinfo (`https://x@soft…`) is rejected too.
  return parsed.origin === IAMOFFICE_ORIGIN && parsed.username === "" && parsed.password === "";
}

/** A fresh IamOffice URL for opening a new tab; the vendor fragment never carries a password. */
export function iamOfficeHome(): string {
  return `${IAMOFFICE_ORIGIN}/`;
}
