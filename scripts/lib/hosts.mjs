// Host names the local servers answer for. Test infrastructure only: the extension's own
// trusted origin lives in src/origin.ts and is deliberately not imported here, so that a
// mistake there cannot silently make the tests agree with it.

/** The host the extension trusts. Served by the local HTTPS server through the proxy. */
export const IAMOFFICE_HOST = "soft.iamoffice.net";
export const IAMOFFICE_URL = `https://${IAMOFFICE_HOST}/`;

/**
 * Hosts that look like IamOffice but are not it. They serve the very same demo so that a
 * test can prove the extension stays silent there. The punycode one is
 * `new URL("https://s\u043eft.iamoffice.net/").hostname` (Cyrillic "о").
 */
export const LOOKALIKE_HOSTS = Object.freeze({
  suffix: "soft.iamoffice.net.evil.test",
  hyphen: "soft-iamoffice.net",
  subdomain: "sub.soft.iamoffice.net",
  parent: "iamoffice.net",
  punycode: "xn--sft-sed.iamoffice.net",
});

/** An attacker's site: frames the IamOffice page, hosts spoofing scripts, etc. */
export const EVIL_HOST = "evil.test";

/** Every host that serves the demo IamOffice (the real one first). */
export const DEMO_HOSTS = Object.freeze([IAMOFFICE_HOST, ...Object.values(LOOKALIKE_HOSTS)]);
