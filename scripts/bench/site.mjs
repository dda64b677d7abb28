// The bench's local web: the demo IamOffice (scripts/demo/) plus the bench pages of
// scripts/bench/pages/ at https://soft.iamoffice.net/bench/<file>, served through the same
// Site router, servers and proxy as the E2E harness, so the real manifest match patterns apply.
import { fileURLToPath } from "node:url";
import { createDemoSite } from "../demo/routes.mjs";
import { IAMOFFICE_HOST, IAMOFFICE_URL } from "../lib/hosts.mjs";
import { startLocalWeb } from "../lib/servers.mjs";
import { staticDir } from "../lib/site.mjs";

const pagesDir = fileURLToPath(new URL("./pages/", import.meta.url));

/** `https://soft.iamoffice.net/bench/<path>` */
export const benchUrl = (/** @type {string} */ path) => `${IAMOFFICE_URL}bench/${path}`;

/**
 * Starts the servers + proxy with the demo and the bench pages. Close it when done.
 * @returns {Promise<import("../lib/servers.mjs").LocalWeb>}
 */
export async function startBenchWeb() {
  const site = createDemoSite();
  site.route({
    host: IAMOFFICE_HOST,
    path: "/bench/*",
    handler: staticDir({ prefix: "/bench", root: pagesDir }),
  });
  return startLocalWeb({ site });
}
