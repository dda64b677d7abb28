// Registers the demo IamOffice, the login-page fixtures and the attacker site on a Site.
//   https://soft.iamoffice.net/                 demo login window (also on every lookalike
//                                               host and on http:, so tests can prove the
//                                               extension stays silent there)
//   https://soft.iamoffice.net/fixtures/<path>  any file under test/fixtures/ (not certs/)
//   https://evil.test/frame?src=<url>           a page framing <url> (default: the demo)
import { fileURLToPath } from "node:url";
import { DEMO_HOSTS, EVIL_HOST, IAMOFFICE_URL } from "../lib/hosts.mjs";
import { Site, file, html, staticDir } from "../lib/site.mjs";

const publicDir = fileURLToPath(new URL("./public/", import.meta.url));
const fixturesDir = fileURLToPath(new URL("../../test/fixtures/", import.meta.url));

/**
 * @param {string} value
 * @returns {string}
 */
const escapeHtml = (value) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {Site} site
 * @returns {Site}
 */
export function installDemo(site) {
  site.route({ host: DEMO_HOSTS, path: "/", handler: () => file(`${publicDir}index.html`) });
  site.route({
    host: DEMO_HOSTS,
    path: "/demo/*",
    handler: staticDir({ prefix: "/demo", root: publicDir, index: "index.html" }),
  });
  site.route({
    host: DEMO_HOSTS,
    path: "/fixtures/*",
    handler: staticDir({ prefix: "/fixtures", root: fixturesDir, exclude: ["certs"] }),
  });
  site.route({ path: "/favicon.ico", handler: () => ({ status: 204 }) });

  site.route({
    host: EVIL_HOST,
    path: "/",
    handler: () =>
      html(
        `<!doctype html><meta charset="utf-8"><title>evil.test</title>
<h1>evil.test</h1><p><a href="/frame">A page framing IamOffice</a></p>`,
      ),
  });
  site.route({
    host: EVIL_HOST,
    path: "/frame",
    handler: ({ url }) => {
      const src = url.searchParams.get("src") ?? IAMOFFICE_URL;
      return html(
        `<!doctype html><meta charset="utf-8"><title>evil.test frames IamOffice</title>
<style>body{font-family:system-ui,sans-serif;margin:16px}iframe{width:100%;height:560px;border:2px dashed #b42318}</style>
<h1>evil.test</h1><p>The frame below shows ${escapeHtml(src)}</p>
<iframe name="iamoffice" src="${escapeHtml(src)}"></iframe>`,
      );
    },
  });
  return site;
}

/** A fresh Site with the demo installed. */
export function createDemoSite() {
  return installDemo(new Site());
}
