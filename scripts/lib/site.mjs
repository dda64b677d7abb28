// A tiny host-aware router: which host, scheme and path get which response. No sockets here
// (see servers.mjs), so tests can register pages before or after the servers start.
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

/**
 * @typedef {"http" | "https"} Scheme
 *
 * @typedef {object} SiteRequest
 * @property {string} method
 * @property {Scheme} scheme
 * @property {string} host Lower-case host name, no port.
 * @property {URL} url The URL as the browser asked for it (`https://soft.iamoffice.net/x?y`).
 * @property {import("node:http").IncomingHttpHeaders} headers
 * @property {string} body Request body as UTF-8 (forms are small).
 *
 * @typedef {object} SiteResponse
 * @property {number} [status] Defaults to 200.
 * @property {Record<string, string>} [headers]
 * @property {string | Uint8Array} [body]
 *
 * @typedef {(req: SiteRequest) => SiteResponse | undefined | Promise<SiteResponse | undefined>} RouteHandler
 * A handler may return `undefined` to let older routes answer.
 *
 * @typedef {object} Route
 * @property {string | readonly string[]} [host] Host name(s); omitted or "*" = any host.
 * @property {Scheme} [scheme] Omitted = both http and https.
 * @property {string | RegExp} path Exact pathname, a prefix written `/dir/*`, or a RegExp
 *   tested against the pathname.
 * @property {RouteHandler} handler
 *
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {Scheme} scheme
 * @property {string} host
 * @property {string} url Full URL string (query included; never includes the fragment).
 * @property {number} status
 */

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
});

/**
 * An HTML response.
 * @param {string} body
 * @param {Omit<SiteResponse, "body">} [init]
 * @returns {SiteResponse}
 */
export function html(body, init = {}) {
  return {
    ...init,
    headers: { "content-type": TYPES[".html"] ?? "", ...init.headers },
    body,
  };
}

/**
 * A plain-text response.
 * @param {string} body
 * @param {Omit<SiteResponse, "body">} [init]
 * @returns {SiteResponse}
 */
export function text(body, init = {}) {
  return { ...init, headers: { "content-type": TYPES[".txt"] ?? "", ...init.headers }, body };
}

/**
 * Serves the file at `path` (content type from its extension), or 404.
 * @param {string} path
 * @returns {Promise<SiteResponse>}
 */
export async function file(path) {
  try {
    const info = await stat(path);
    if (!info.isFile()) return text("not found\n", { status: 404 });
    const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
    return { headers: { "content-type": type }, body: await readFile(path) };
  } catch {
    return text("not found\n", { status: 404 });
  }
}

/**
 * A handler serving `root/**` for a route whose path is `prefix/*`. Refuses `..` escapes and
 * names listed in `exclude` (first path segment under root).
 * @param {object} options
 * @param {string} options.prefix URL prefix without trailing slash, e.g. "/fixtures".
 * @param {string} options.root Directory on disk.
 * @param {readonly string[]} [options.exclude]
 * @param {string} [options.index] File served for the bare prefix or a directory path.
 * @returns {RouteHandler}
 */
export function staticDir({ prefix, root, exclude = [], index }) {
  const base = resolve(root);
  return async ({ url }) => {
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)).replace(/^\/+/, "");
    if ((rel === "" || rel.endsWith("/")) && index) rel += index;
    const target = resolve(join(base, rel));
    if (target !== base && !target.startsWith(base + sep))
      return text("forbidden\n", { status: 403 });
    const first = rel.split("/")[0] ?? "";
    if (exclude.includes(first)) return text("not found\n", { status: 404 });
    return file(target);
  };
}

/**
 * @param {Route} route
 * @param {SiteRequest} req
 * @returns {boolean}
 */
function matches(route, req) {
  if (route.scheme && route.scheme !== req.scheme) return false;
  const hosts = route.host === undefined ? ["*"] : [route.host].flat();
  if (!hosts.includes("*") && !hosts.includes(req.host)) return false;
  const { pathname } = req.url;
  if (route.path instanceof RegExp) return route.path.test(pathname);
  if (route.path.endsWith("/*")) {
    const dir = route.path.slice(0, -2);
    return pathname === dir || pathname.startsWith(`${dir}/`);
  }
  return pathname === route.path;
}

/**
 * The router shared by the HTTP and HTTPS servers. Routes registered later win, so a test
 * can override the demo for one path and remove its override afterwards.
 */
export class Site {
  /** @type {Route[]} */
  #routes = [];
  /** Every request answered, oldest first (bounded), for assertions such as "no secret in a URL". */
  /** @type {LoggedRequest[]} */
  requests = [];
  #maxLog = 5000;

  /**
   * @param {Route} route
   * @returns {() => void} Removes the route.
   */
  route(route) {
    this.#routes.unshift(route);
    return () => {
      const i = this.#routes.indexOf(route);
      if (i >= 0) this.#routes.splice(i, 1);
    };
  }

  /**
   * Serves fixed HTML at `host` + `path` (both schemes unless `scheme` is given).
   * @param {string | readonly string[]} host
   * @param {string} path
   * @param {string} body
   * @param {{ scheme?: Scheme, headers?: Record<string, string> }} [options]
   * @returns {() => void}
   */
  page(host, path, body, options = {}) {
    const response = html(body, options.headers ? { headers: options.headers } : {});
    return this.route({
      host,
      path,
      ...(options.scheme ? { scheme: options.scheme } : {}),
      handler: () => response,
    });
  }

  clearRequests() {
    this.requests.length = 0;
  }

  /**
   * Finds the response for a request; 404 when no route answers.
   * @param {SiteRequest} req
   * @returns {Promise<SiteResponse>}
   */
  async respond(req) {
    for (const route of [...this.#routes]) {
      if (!matches(route, req)) continue;
      const res = await route.handler(req);
      if (res) return res;
    }
    return text(`no route for ${req.scheme}://${req.host}${req.url.pathname}\n`, { status: 404 });
  }

  /**
   * Node request listener glue (used by servers.mjs).
   * @param {Scheme} scheme
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  async handle(scheme, req, res) {
    const host = (req.headers.host ?? "localhost").toLowerCase();
    /** @type {SiteResponse} */
    let out;
    /** @type {SiteRequest | undefined} */
    let request;
    try {
      const chunks = [];
      for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk));
      const url = new URL(req.url ?? "/", `${scheme}://${host}`);
      request = {
        method: req.method ?? "GET",
        scheme,
        host: url.hostname.replace(/\.$/, ""),
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      out = await this.respond(request);
    } catch (error) {
      out = text(`server error: ${String(error)}\n`, { status: 500 });
    }
    const status = out.status ?? 200;
    if (request) {
      this.requests.push({
        method: request.method,
        scheme,
        host: request.host,
        url: request.url.href,
        status,
      });
      if (this.requests.length > this.#maxLog) this.requests.shift();
    }
    // Tests reload pages constantly; a cached demo from an older run would lie.
    res.writeHead(status, { "cache-control": "no-store", ...out.headers });
    res.end(req.method === "HEAD" ? undefined : out.body);
  }
}
