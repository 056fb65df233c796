// Node mode's delivery: `shipshape node --once` against a local HTTP backend on 127.0.0.1 that
// records what arrives — gzip JSON on POST /api/agent/v1/node-facts with the agent token, retried
// on 5xx, stopped by a refused token — and accepted by the server's own request schema.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runNodeCommand } from "@/agent/src/commands/node";
import { RuntimeFailure } from "@/agent/src/errors";
import { Heartbeat } from "@/agent/src/node/heartbeat";
import { NODE_FACTS_PATH, ZNodeFactsRequest } from "@/agent/src/node/push-node-facts";
import { ZNodeFactsUpload } from "@/lib/server/snapshots/store-node-facts";
import { buildHostTree, CANARY, hardenedControlPlaneNode, removeHostTree } from "../../unit/agent/support/host-tree";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

class RecordingBackend {
  readonly received: Received[] = [];
  /** Status codes to answer, in order; afterwards 200. */
  answers: number[] = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
        const status = this.answers.shift() ?? 200;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(status === 200 ? JSON.stringify({ clusterId: "c-1", nodeName: "cp-1", changed: true }) : JSON.stringify({ error: { code: `E${status}`, message: `answered ${status}` } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

let hostRoot: string;
let backend: RecordingBackend;
let server: string;

beforeAll(() => {
  hostRoot = buildHostTree(hardenedControlPlaneNode());
});
afterAll(() => removeHostTree(hostRoot));
afterEach(async () => backend?.stop());

async function startBackend(answers: number[] = []) {
  backend = new RecordingBackend();
  backend.answers = answers;
  server = await backend.start();
}

const options = () => ({ hostRoot, server, token: "ss_agent_test_token", clusterUid: "6d1f7a52-1b0e-4c36-9a39-1c3f0b8a7e21", interval: "3600", once: true, timeout: "10" });

describe("shipshape node --once", () => {
  it("posts the node's facts as gzip JSON with the agent token", async () => {
    await startBackend();
    expect(await runNodeCommand(options())).toBe(0);
    expect(backend.received).toHaveLength(1);
    const [request] = backend.received;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(NODE_FACTS_PATH);
    expect(request.headers.authorization).toBe("Bearer ss_agent_test_token");
    expect(request.headers["content-encoding"]).toBe("gzip");
    expect(request.headers["content-type"]).toBe("application/json");
    const text = gunzipSync(request.body).toString("utf8");
    const body = ZNodeFactsRequest.parse(JSON.parse(text));
    expect(body.clusterUid).toBe("6d1f7a52-1b0e-4c36-9a39-1c3f0b8a7e21");
    // The server validates with its own (strict) schema: what the agent sends must pass it unchanged.
    expect(ZNodeFactsUpload.parse(JSON.parse(text))).toEqual(JSON.parse(text));
    expect(body.nodeInfo.spec.nodeName).toBe("cp-1");
    for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
  });

  it("retries a backend that answers 503, then delivers", async () => {
    await startBackend([503]);
    expect(await runNodeCommand(options())).toBe(0);
    expect(backend.received.map((r) => r.url)).toEqual([NODE_FACTS_PATH, NODE_FACTS_PATH]);
  });

  it("stops at once when the token is refused", async () => {
    await startBackend([401]);
    await expect(runNodeCommand(options())).rejects.toBeInstanceOf(RuntimeFailure);
    expect(backend.received).toHaveLength(1);
  });

  it("exits with a runtime failure when the backend rejects the payload", async () => {
    await startBackend([422]);
    expect(await runNodeCommand(options())).toBe(3);
    expect(backend.received).toHaveLength(1);
  });

  it("exits with a runtime failure when the backend cannot be reached", async () => {
    await startBackend();
    await backend.stop();
    expect(await runNodeCommand({ ...options(), timeout: "2" })).toBe(3);
  }, 30_000);
});

describe("heartbeat", () => {
  it("touches its file while running and removes it when stopped", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-hb-")), "heartbeat");
    const heartbeat = new Heartbeat(file, 50);
    await heartbeat.start();
    const first = fs.statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(first);
    await heartbeat.stop();
    expect(fs.existsSync(file)).toBe(false);
  });
});
