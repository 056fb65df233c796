// Serves the real import route handlers on 127.0.0.1 through node:http, so the CLI can upload to
// the production handlers against the test database without a Next build.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as kubescape from "@/app/api/agent/v1/imports/kubescape/route";
import * as vulnerabilities from "@/app/api/agent/v1/imports/vulnerabilities/route";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: Record<string, Handler> = {
  "/api/agent/v1/imports/kubescape": kubescape.POST as Handler,
  "/api/agent/v1/imports/vulnerabilities": vulnerabilities.POST as Handler,
};

export async function startImportRouteHost(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const handler = req.method === "POST" ? ROUTES[url.pathname] : undefined;
      if (!handler) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such API route." } }));
        return;
      }
      const request = new Request(url, {
        method: "POST",
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve({}) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
