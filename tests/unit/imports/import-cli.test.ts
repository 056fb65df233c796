// `shipshape import kubescape|vulns`: printing, refusing bad files with exit 2, and uploading to a
// local HTTP server that records what it received.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "@/agent/src/cli";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus");
const KUBESCAPE = path.join(CORPUS, "kubescape-output/defectdojo/with_a_failure.json");
const TRIVY = path.join(CORPUS, "vuln-reports/trivy/alpine-39-high-critical.json.golden");
let dir: string;

interface Received {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
let received: Received[] = [];
let answer: { status: number; body: unknown } = { status: 201, body: { importId: "imp_1" } };
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-import-"));
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const text = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
      received.push({ method: req.method, url: req.url, headers: req.headers, body: text ? JSON.parse(text) : undefined });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  received = [];
  answer = { status: 201, body: { importId: "imp_1" } };
  vi.restoreAllMocks();
});

function captureStderr(): () => string {
  let text = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return () => text;
}

const out = () => path.join(dir, `out-${Math.random().toString(36).slice(2)}`);

describe("shipshape import: local output", () => {
  it("prints the mapped Kubescape report as JSON", async () => {
    const file = out();
    expect(await main(["import", "kubescape", KUBESCAPE, "--format", "json", "--output", file])).toBe(0);
    const imported = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(imported.source).toMatchObject({ tool: "kubescape", version: "v3.0.3" });
    expect(imported.report.controls.filter((c: { status: string }) => c.status === "failed").map((c: { id: string }) => c.id).sort()).toEqual(["SS-0030", "SS-0055", "SS-0260"]);
  });

  it("prints a pretty summary of a Kubescape report and of a Trivy report", async () => {
    const ks = out();
    expect(await main(["import", "kubescape", KUBESCAPE, "--output", ks])).toBe(0);
    const text = fs.readFileSync(ks, "utf8");
    expect(text).toContain("Kubescape v3.0.3");
    expect(text).toMatch(/SS-0055 .*\(1\/1 resources fail\)/);
    expect(text).toMatch(/NSA\s+compliance 88\.9%, risk 12\.7/);

    const vulns = out();
    expect(await main(["import", "vulns", TRIVY, "--output", vulns])).toBe(0);
    const v = fs.readFileSync(vulns, "utf8");
    expect(v).toContain("ghcr.io/aquasecurity/trivy-test-images:alpine-39");
    expect(v).toContain("2 vulnerabilities: 2 critical, 0 high, 0 medium, 0 low, 0 unknown");
    expect(v).toContain("CRITICAL CVE-2019-14697 in musl 1.1.20-r4 (fixed in 1.1.20-r5)");
  });

  it("exits 2 with a clear message for a missing file, a wrong format and a broken file", async () => {
    const stderr = captureStderr();
    expect(await main(["import", "kubescape", path.join(dir, "nope.json")])).toBe(2);
    expect(stderr()).toMatch(/cannot read .*nope\.json: no such file/);
    expect(await main(["import", "kubescape", TRIVY])).toBe(2);
    expect(stderr()).toMatch(/Trivy vulnerability report/);
    const broken = out();
    fs.writeFileSync(broken, fs.readFileSync(KUBESCAPE, "utf8").slice(0, 3000));
    expect(await main(["import", "vulns", broken])).toBe(2);
    expect(stderr()).toMatch(/not complete JSON/);
    expect(await main(["import", "kubescape"])).toBe(2);
    expect(await main(["import", "kubescape", KUBESCAPE, "--format", "sarif"])).toBe(2);
  });

  it("refuses a file over 50 MB before reading it", async () => {
    const big = out();
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024 + 1);
    const stderr = captureStderr();
    expect(await main(["import", "kubescape", big])).toBe(2);
    expect(stderr()).toMatch(/is 50\.0 MB; imports are limited to 50\.0 MB/);
  });
});

describe("shipshape import: upload", () => {
  it("POSTs gzip JSON { clusterName, report } with the file's JSON verbatim to the Kubescape route", async () => {
    const file = out();
    const code = await main(["import", "kubescape", KUBESCAPE, "--server", `${base}/`, "--token", "tok_123", "--cluster-name", "prod-eu", "--format", "json", "--output", file]);
    expect(code).toBe(0);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/api/agent/v1/imports/kubescape");
    expect(req.headers.authorization).toBe("Bearer tok_123");
    expect(req.headers["content-encoding"]).toBe("gzip");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toEqual({ clusterName: "prod-eu", report: JSON.parse(fs.readFileSync(KUBESCAPE, "utf8")) });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ importId: "imp_1" });
  });

  it("sends vulnerability reports to their route, without clusterName when none is given", async () => {
    expect(await main(["import", "vulns", TRIVY, "--server", base, "--token", "t", "--output", out()])).toBe(0);
    expect(received[0].url).toBe("/api/agent/v1/imports/vulnerabilities");
    expect(received[0].body).toEqual({ report: JSON.parse(fs.readFileSync(TRIVY, "utf8")) });
  });

  it("sends nothing when the file is wrong", async () => {
    captureStderr();
    expect(await main(["import", "vulns", KUBESCAPE, "--server", base, "--token", "t"])).toBe(2);
    expect(received).toHaveLength(0);
  });

  it("exits 3 when the backend refuses the upload or the token, 2 when --server has no token", async () => {
    const stderr = captureStderr();
    answer = { status: 400, body: { error: { code: "invalid_report", message: "cluster unknown" } } };
    expect(await main(["import", "kubescape", KUBESCAPE, "--server", base, "--token", "t"])).toBe(3);
    expect(stderr()).toMatch(/\(400\): cluster unknown/);
    answer = { status: 401, body: { error: { code: "unauthorized", message: "bad token" } } };
    expect(await main(["import", "kubescape", KUBESCAPE, "--server", base, "--token", "t"])).toBe(3);
    expect(stderr()).toMatch(/refused the agent token \(401\)/);
    const saved = process.env.SHIPSHAPE_TOKEN;
    delete process.env.SHIPSHAPE_TOKEN;
    try {
      expect(await main(["import", "kubescape", KUBESCAPE, "--server", base])).toBe(2);
      expect(stderr()).toMatch(/--server needs --token/);
    } finally {
      if (saved !== undefined) process.env.SHIPSHAPE_TOKEN = saved;
    }
  });
});
