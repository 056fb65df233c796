// Serves the real agent route handlers (app/api/agent/v1/**) on 127.0.0.1 through node:http, so
// agent tests run the production handlers and wrappers against the test database without a Next
// build. It can be stopped and started again on the same port (the "backend is down" case).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as nodeFacts from "@/app/api/agent/v1/node-facts/route";
import * as complete from "@/app/api/agent/v1/snapshots/[snapshotId]/complete/route";
import * as objects from "@/app/api/agent/v1/snapshots/[snapshotId]/objects/route";
import * as snapshots from "@/app/api/agent/v1/snapshots/route";
import * as whoami from "@/app/api/agent/v1/whoami/route";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: { method: string; pattern: RegExp; handler: Handler; params: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { method: "GET", pattern: /^\/api\/agent\/v1\/whoami$/, handler: whoami.GET as Handler, params: () => ({}) },
  { method: "POST", pattern: /^\/api\/agent\/v1\/snapshots$/, handler: snapshots.POST as Handler, params: () => ({}) },
  { method: "PUT", pattern: /^\/api\/agent\/v1\/snapshots\/([^/]+)\/objects$/, handler: objects.PUT as Handler, params: (m) => ({ snapshotId: decodeURIComponent(m[1]) }) },
  { method: "POST", pattern: /^\/api\/agent\/v1\/snapshots\/([^/]+)\/complete$/, handler: complete.POST as Handler, params: (m) => ({ snapshotId: decodeURIComponent(m[1]) }) },
  { method: "POST", pattern: /^\/api\/agent\/v1\/node-facts$/, handler: nodeFacts.POST as Handler, params: () => ({}) },
];

export class AgentRouteHost {
  private server?: http.Server;
  port = 0;
  readonly requests: { method: string; path: string; status: number; bytes: number }[] = [];

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const route = ROUTES.map((r) => ({ r, m: r.method === req.method ? url.pathname.match(r.pattern) : null })).find((x) => x.m);
    const bytes = Number(req.headers["content-length"] ?? 0);
    if (!route?.m) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such API route." } }));
      return;
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]])),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await route.r.handler(request, { params: Promise.resolve(route.r.params(route.m)) });
    const body = Buffer.from(await response.arrayBuffer());
    this.requests.push({ method: req.method ?? "", path: url.pathname, status: response.status, bytes });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(body);
  }
}
