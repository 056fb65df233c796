// The agent's transport to the backend: a private CA (--ca-file) and an egress proxy from the
// environment (HTTP_PROXY/HTTPS_PROXY, CONNECT for TLS), against real local servers.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BackendClient } from "@/agent/src/transport/backend-client";

let dir: string;
let cert: { key: string; cert: string; file: string };
const servers: { close(cb?: () => void): unknown; closeAllConnections?: () => void }[] = [];

async function listen(server: http.Server | https.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function backendHandler(seen: string[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true }));
  };
}

/** A forward proxy: absolute-URI requests and CONNECT tunnels. Records what it relayed. */
function forwardProxy(log: string[]): http.Server {
  const proxy = http.createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const upstream = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on("connect", (req, socket, head) => {
    log.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(":");
    const upstream = net.connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
  });
  return proxy;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-transport-"));
  const key = path.join(dir, "key.pem");
  const file = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", file, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "pipe" });
  cert = { key: fs.readFileSync(key, "utf8"), cert: fs.readFileSync(file, "utf8"), file };
});

const savedEnv = { ...process.env };
afterEach(async () => {
  for (const k of ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy"]) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  for (const s of servers.splice(0)) {
    s.closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("agent transport", () => {
  it("trusts a private CA only when given --ca-file", async () => {
    const seen: string[] = [];
    const port = await listen(https.createServer({ key: cert.key, cert: cert.cert }, backendHandler(seen)));
    const server = `https://127.0.0.1:${port}`;
    const untrusted = new BackendClient({ server, token: "ssa_test", retries: 0 });
    await expect(untrusted.request("POST", "/api/agent/v1/whoami", Buffer.from("{}"))).rejects.toThrow();
    await untrusted.close();
    expect(seen).toEqual([]);

    const trusted = new BackendClient({ server, token: "ssa_test", caFile: cert.file, retries: 0 });
    await expect(trusted.request("POST", "/api/agent/v1/whoami", Buffer.from("{}"))).resolves.toEqual({ ok: true });
    await trusted.close();
    expect(seen).toEqual(["POST /api/agent/v1/whoami Bearer ssa_test"]);
  });

  it("sends plain HTTP through HTTP_PROXY", async () => {
    const seen: string[] = [];
    const relayed: string[] = [];
    const backendPort = await listen(http.createServer(backendHandler(seen)));
    const proxyPort = await listen(forwardProxy(relayed));
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const client = new BackendClient({ server: `http://127.0.0.1:${backendPort}`, token: "ssa_test", retries: 0 });
    await expect(client.request("POST", "/api/agent/v1/snapshots", Buffer.from("{}"))).resolves.toEqual({ ok: true });
    await client.close();
    // undici tunnels through the proxy with CONNECT for plain HTTP too.
    expect(relayed).toEqual([`CONNECT 127.0.0.1:${backendPort}`]);
    expect(seen).toHaveLength(1);
  });

  it("tunnels TLS through HTTPS_PROXY with CONNECT, verifying the backend with the private CA", async () => {
    const seen: string[] = [];
    const relayed: string[] = [];
    const backendPort = await listen(https.createServer({ key: cert.key, cert: cert.cert }, backendHandler(seen)));
    const proxyPort = await listen(forwardProxy(relayed));
    process.env.HTTPS_PROXY = `http://127.0.0.1:${proxyPort}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const client = new BackendClient({ server: `https://127.0.0.1:${backendPort}`, token: "ssa_test", caFile: cert.file, retries: 0 });
    await expect(client.request("POST", "/api/agent/v1/snapshots", Buffer.from("{}"))).resolves.toEqual({ ok: true });
    await client.close();
    expect(relayed).toEqual([`CONNECT 127.0.0.1:${backendPort}`]);
    expect(seen).toEqual(["POST /api/agent/v1/snapshots Bearer ssa_test"]);
  });

  it("does not use the proxy for hosts in NO_PROXY", async () => {
    const seen: string[] = [];
    const relayed: string[] = [];
    const backendPort = await listen(http.createServer(backendHandler(seen)));
    const proxyPort = await listen(forwardProxy(relayed));
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`;
    process.env.NO_PROXY = "127.0.0.1";
    const client = new BackendClient({ server: `http://127.0.0.1:${backendPort}`, token: "ssa_test", retries: 0 });
    await client.request("POST", "/api/agent/v1/snapshots", Buffer.from("{}"));
    await client.close();
    expect(relayed).toEqual([]);
    expect(seen).toHaveLength(1);
  });
});
