// Item 6 — unlock: master password → unlocked, with the KDF parameters the vault was created
// with (the shipped defaults: the vault is created by the real `vault.create`). Timed in an
// extension page around the `vault.unlock` round trip, as the popup sends it; the vault is
// locked with `vault.lock` before each sample. Not a number to shrink: Argon2id is the
// security cost, it must stay within 0.3–2 s on these machines.
import { lock, timedUnlock } from "../vault.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 * @typedef {import("../../lib/page-globals.mjs").ExtensionGlobal} ExtensionGlobal
 * @typedef {import("../../lib/page-globals.mjs").Browser} Browser
 */

/**
 * The stored KDF header (Argon2id m/t/p), found by shape anywhere in storage.local.
 * @param {BenchBrowser} b
 * @returns {Promise<{ m: number, t: number, p: number } | null>}
 */
export async function storedKdf(b) {
  const all = await (
    await b.scratch()
  ).evaluate(() => {
    const g = /** @type {ExtensionGlobal} */ (globalThis);
    return /** @type {Browser} */ (g.browser ?? g.chrome).storage.local.get(null);
  });
  /** @type {{ m: number, t: number, p: number } | null} */
  let found = null;
  /** @param {unknown} v */
  const visit = (v) => {
    if (found || typeof v !== "object" || v === null) return;
    const o = /** @type {Record<string, unknown>} */ (v);
    if (o.alg === "argon2id" && typeof o.m === "number") {
      found = { m: o.m, t: Number(o.t), p: Number(o.p) };
      return;
    }
    for (const child of Object.values(o)) visit(child);
  };
  visit(all);
  return found;
}

/**
 * @param {BenchBrowser} b Extension loaded, vault created (any state).
 * @param {{ samples: number }} options
 * @returns {Promise<{ unlock: Summary, kdf: { m: number, t: number, p: number } | null }>}
 */
export async function measureUnlock(b, { samples }) {
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < samples; i++) {
    await lock(b);
    times.push(await timedUnlock(b));
  }
  return { unlock: summarize(times), kdf: await storedKdf(b) };
}
