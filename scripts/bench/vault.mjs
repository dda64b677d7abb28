// Vault set-up for the bench, through the real protocol messages an extension page sends
// (src/protocol.ts): create, save entries, lock, unlock. Nothing is written to storage directly.

/** Throw-away master password (the profile is temporary). */
export const MASTER = "correct horse battery staple 42";

/** The entry the fill and one-click measures expect on the demo. */
export const FIRST_ENTRY = Object.freeze({
  name: "Bench 01",
  workspace: "bench01",
  identifier: "marie.dupont",
  password: "Mot-de-passe-de-bench-01",
});

/**
 * @typedef {import("./session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../lib/page-globals.mjs").ExtensionGlobal} ExtensionGlobal
 * @typedef {import("../lib/page-globals.mjs").Browser} Browser
 * @typedef {{ ok: true, value?: unknown } | { ok: false, error: string }} Result
 */

/**
 * @param {unknown} response A Result (src/protocol.ts), or nothing if the message failed.
 * @param {string} what
 * @returns {unknown} Its value.
 */
function must(response, what) {
  const r = /** @type {Result | undefined} */ (response);
  if (!r || !r.ok) throw new Error(`${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

/**
 * The vault revision in an `entries.list` or `entries.save` answer.
 * @param {unknown} response
 * @param {string} what
 */
const revisionOf = (response, what) =>
  /** @type {{ revision: number }} */ (must(response, what)).revision;

/**
 * Creates the vault (leaves it unlocked) and saves `FIRST_ENTRY`.
 * @param {BenchBrowser} b
 */
export async function createVaultWithOneEntry(b) {
  must(await b.send("vault.create", { password: MASTER, confirm: MASTER }), "vault.create");
  const settings = /** @type {{ autofillOnLoad: boolean }} */ (await b.send("settings.get"));
  if (!settings.autofillOnLoad) {
    must(await b.send("settings.set", { patch: { autofillOnLoad: true } }), "settings.set");
  }
  await saveEntries(b, [FIRST_ENTRY]);
}

/**
 * Entries "Bench 02"…"Bench <n>" (the first is FIRST_ENTRY).
 * @param {number} from
 * @param {number} to
 */
export function benchEntries(from, to) {
  const out = [];
  for (let i = from; i <= to; i++) {
    const nn = String(i).padStart(2, "0");
    out.push({
      name: `Bench ${nn}`,
      workspace: `bench${nn}`,
      identifier: `user.${nn}`,
      password: `Mot-de-passe-de-bench-${nn}`,
    });
  }
  return out;
}

/**
 * Saves entries one `entries.save` message at a time, following the revision.
 * @param {BenchBrowser} b
 * @param {readonly { name: string, workspace: string, identifier: string, password: string }[]} inputs
 */
export async function saveEntries(b, inputs) {
  let revision = revisionOf(await b.send("entries.list"), "entries.list");
  for (const input of inputs) {
    revision = revisionOf(await b.send("entries.save", { input, revision }), "entries.save");
  }
}

/** @param {BenchBrowser} b */
export async function lock(b) {
  must(await b.send("vault.lock"), "vault.lock");
}

/**
 * Master password → unlocked, timed in the extension page around the message round trip
 * (Argon2id with the shipped parameters runs in the background).
 * @param {BenchBrowser} b
 * @returns {Promise<number>} milliseconds
 */
export async function timedUnlock(b) {
  const page = await b.scratch();
  const r = await page.evaluate(async (password) => {
    const g = /** @type {ExtensionGlobal} */ (globalThis);
    const api = /** @type {Browser} */ (g.browser ?? g.chrome);
    const t0 = performance.now();
    const res = await api.runtime.sendMessage({ type: "vault.unlock", payload: { password } });
    return { ms: performance.now() - t0, res };
  }, MASTER);
  must(r.res, "vault.unlock");
  return r.ms;
}
