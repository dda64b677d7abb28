// The local web: one HTTPS server (test certificate) and one HTTP server sharing one Site
// router, plus the proxy that routes browsers to them. Random loopback ports, so several
// harnesses can run side by side.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { fileURLToPath } from "node:url";
import { startProxy } from "./proxy.mjs";
import { Site } from "./site.mjs";

const certDir = fileURLToPath(new URL("../../test/fixtures/certs/", import.meta.url));

/**
 * @typedef {object} LocalWeb
 * @property {Site} site Register routes/pages here at any time.
 * @property {number} httpsPort Direct port of the HTTPS server (tests rarely need it).
 * @property {number} httpPort Direct port of the HTTP server.
 * @property {number} proxyPort The port browsers are pointed at.
 * @property {() => Promise<void>} close
 */

/**
 * @param {import("node:http").Server} server
 * @returns {Promise<number>}
 */
async function listen(server) {
  await new Promise((done) => server.listen(0, "127.0.0.1", () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server: no port");
  return address.port;
}

/**
 * @param {import("node:http").Server} server
 * @returns {Promise<void>}
 */
function shut(server) {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/**
 * Starts the servers and the proxy.
 * @param {object} [options]
 * @param {Site} [options.site] Router to serve (a fresh empty one by default).
 * @returns {Promise<LocalWeb>}
 */
export async function startLocalWeb({ site = new Site() } = {}) {
  const https = createHttpsServer(
    {
      key: readFileSync(`${certDir}key.pem`),
      cert: readFileSync(`${certDir}cert.pem`),
    },
    (req, res) => void site.handle("https", req, res),
  );
  const http = createHttpServer((req, res) => void site.handle("http", req, res));
  // Browsers keep idle keep-alive sockets; don't let them hold close() hostage.
  https.keepAliveTimeout = http.keepAliveTimeout = 2000;
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);
  const proxy = await startProxy({ httpsPort, httpPort });
  return {
    site,
    httpsPort,
    httpPort,
    proxyPort: proxy.port,
    close: async () => {
      await proxy.close();
      await Promise.all([shut(https), shut(http)]);
    },
  };
}
