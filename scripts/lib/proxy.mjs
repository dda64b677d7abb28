// An HTTP proxy that sends every browser request to our local servers, whatever the host:
// `CONNECT any-host:any-port` is tunnelled to the local HTTPS server, and absolute-URL
// requests (`GET http://host/path`) are forwarded to the local HTTP server with their Host
// header. This is what lets a browser open `https://soft.iamoffice.net/` on the default port
// (the extension trusts that exact origin) while the page really comes from 127.0.0.1.
// Nothing ever leaves the machine: unknown hosts simply get the local server's 404.
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";

/**
 * @typedef {object} Proxy
 * @property {number} port
 * @property {string} url `http://127.0.0.1:<port>`
 * @property {() => Promise<void>} close
 */

/**
 * @param {object} options
 * @param {number} options.httpsPort Local HTTPS server (TLS is end-to-end with it).
 * @param {number} options.httpPort Local plain HTTP server.
 * @returns {Promise<Proxy>}
 */
export async function startProxy({ httpsPort, httpPort }) {
  /** @type {Set<import("node:stream").Duplex>} */
  const sockets = new Set();
  const server = createServer((req, res) => {
    let target;
    try {
      target = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end("proxy: absolute URL expected\n");
      return;
    }
    if (target.protocol !== "http:") {
      res.writeHead(400).end("proxy: only http: is forwarded; https: goes through CONNECT\n");
      return;
    }
    /** @type {import("node:http").OutgoingHttpHeaders} */
    const headers = { ...req.headers, host: target.host };
    delete headers["proxy-connection"];
    delete headers["proxy-authorization"];
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: httpPort,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end("proxy: upstream failed\n"));
    req.pipe(upstream);
  });

  server.on("connect", (req, client, head) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    const upstream = connect(httpsPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", drop);
    client.on("error", drop);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise((done) => server.listen(0, "127.0.0.1", () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy: no port");
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((done) => server.close(() => done(undefined)));
    },
  };
}
