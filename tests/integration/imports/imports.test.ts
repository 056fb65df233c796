// Importing other tools' results through the real agent routes on real PostgreSQL: Kubescape scans
// become scored snapshots (history, intervals, roll-ups), Trivy/Grype reports are kept per image and
// joined to the workloads a cluster runs; malformed uploads are refused with a 4xx and store nothing.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as kubescapeRoute from "@/app/api/agent/v1/imports/kubescape/route";
import * as vulnerabilitiesRoute from "@/app/api/agent/v1/imports/vulnerabilities/route";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import type { K8sObject } from "@/lib/engine/types";
import { importKubescapeResults, importVulnerabilityReports, mapKubescapeControlId, UNMAPPED_PREFIX } from "@/lib/imports";
import { compactScores } from "@/lib/server/pipeline/compact-scores";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { getClusterControls } from "@/lib/server/dashboard/get-cluster-controls";
import { getDashboardOverview } from "@/lib/server/dashboard/get-dashboard-overview";
import { getClusterHistory } from "@/lib/server/history/get-cluster-history";
import { getClusterVulnerabilities } from "@/lib/server/imports/get-cluster-vulnerabilities";
import { createOrgWithAgent, namespace, prisma, pushObjects, unique, type TestOrg } from "../pipeline/support/pipeline-world";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus");
const corpusFile = (name: string) => fs.readFileSync(path.join(CORPUS, name));
const KUBESCAPE = (name: string) => corpusFile(`kubescape-output/defectdojo/${name}`);
const VULNS = (name: string) => corpusFile(`vuln-reports/${name}`);

type Handler = (req: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const ROUTES = { kubescape: kubescapeRoute.POST as Handler, vulnerabilities: vulnerabilitiesRoute.POST as Handler };

/** The CLI's upload: `{ clusterName?, report }` with the file's JSON verbatim, gzip. */
function envelope(file: Buffer, clusterName?: string): Buffer {
  const head = clusterName ? `{"clusterName":${JSON.stringify(clusterName)},"report":` : `{"report":`;
  return Buffer.concat([Buffer.from(head), file, Buffer.from("}")]);
}

async function upload(kind: keyof typeof ROUTES, token: string, body: Buffer, options: { gzip?: boolean; headers?: Record<string, string> } = {}) {
  const gzip = options.gzip ?? true;
  const payload = gzip ? gzipSync(body) : body;
  const req = new Request(`http://localhost/api/agent/v1/imports/${kind}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(gzip ? { "content-encoding": "gzip" } : {}), ...options.headers },
    body: new Uint8Array(payload),
  });
  const res = await ROUTES[kind](req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Every row an import could write, for the organization: a refused import must change none. */
async function rowCounts(orgId: string) {
  const [clusters, snapshots, scanImports, images, findings, controlScores, daily, audit] = await Promise.all([
    prisma.cluster.count({ where: { orgId } }),
    prisma.snapshot.count({ where: { orgId } }),
    prisma.scanImport.count({ where: { orgId } }),
    prisma.imageVulnerabilityReport.count({ where: { orgId } }),
    prisma.finding.count({ where: { orgId } }),
    prisma.controlScores.count({ where: { orgId } }),
    prisma.clusterDailyScore.count({ where: { orgId } }),
    prisma.auditEvent.count({ where: { orgId } }),
  ]);
  return { clusters, snapshots, scanImports, images, findings, controlScores, daily, audit };
}

let world: TestOrg;

beforeAll(async () => {
  world = await createOrgWithAgent();
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("Kubescape import", () => {
  test("each corpus sample becomes a scored snapshot of the named cluster, written like an evaluation", async () => {
    const clusterName = unique("ks-prod");
    // many_findings.json is dated 2022 by Kubescape; the other two carry no date (stored as now).
    for (const file of ["many_findings.json", "results.json", "with_a_failure.json"]) {
      const raw = KUBESCAPE(file);
      const expected = importKubescapeResults(raw.toString("utf8"), { clusterName });
      const scores = compactScores(expected.report);
      const res = await upload("kubescape", world.token, envelope(raw, clusterName));
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.cluster.name).toBe(clusterName);
      const snapshot = await prisma.snapshot.findFirstOrThrow({ where: { orgId: world.org.id, id: res.json.snapshotId } });
      expect(snapshot).toMatchObject({ status: "complete", clusterId: res.json.cluster.id, failingResources: scores.failing.size, controlScoresHash: scores.controlScoresHash });
      expect(snapshot.engineVersion).toMatch(/^kubescape /);
      // Scores are stored like the pipeline's, unmapped controls under their KS: id.
      const counts = await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: scores.controlScoresHash } } });
      expect(counts.frameworkScores).toEqual(scores.frameworkScores);
      expect(Object.keys(counts.counts as object).sort()).toEqual(expected.report.controls.map((c) => c.id).sort());
      const provenance = await prisma.scanImport.findUniqueOrThrow({ where: { snapshotId: snapshot.id } });
      expect(provenance).toMatchObject({ tool: "kubescape", target: expected.source.target });
      expect((provenance.unmappedControls as { id: string }[]).map((c) => c.id)).toEqual(expected.unmappedControls.map((c) => c.id));
      // The cluster's open findings are exactly what this (latest) import found failing.
      const open = await prisma.finding.findMany({ where: { orgId: world.org.id, clusterId: snapshot.clusterId, resolvedAt: null } });
      expect(open.map((f) => `${f.controlId} ${f.resourceKey}`).sort()).toEqual([...scores.failing.values()].map((f) => `${f.controlId} ${f.resourceKey}`).sort());
      const cluster = await prisma.cluster.findUniqueOrThrow({ where: { id: snapshot.clusterId } });
      expect(cluster.latestSnapshotId).toBe(snapshot.id);
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { orgId: world.org.id, action: "cluster.kubescape_imported", data: { path: ["snapshotId"], equals: snapshot.id } } });
      expect(audit).toMatchObject({ actorType: "agent", actorId: world.agent.tokenId, targetId: snapshot.clusterId });
    }

    // An older scan imported afterwards is history: its scores are stored, the current findings stay.
    const latest = await prisma.cluster.findFirstOrThrow({ where: { orgId: world.org.id, name: clusterName } });
    const openBefore = await prisma.finding.count({ where: { clusterId: latest.id, resolvedAt: null } });
    const older = JSON.parse(KUBESCAPE("many_findings.json").toString("utf8"));
    older.generationTime = "2022-10-01T00:00:00Z";
    const late = await upload("kubescape", world.token, envelope(Buffer.from(JSON.stringify(older)), clusterName));
    expect(late.status).toBe(201);
    expect(late.json).toMatchObject({ late: true, collectedAt: "2022-10-01T00:00:00.000Z" });
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id: latest.id } })).latestSnapshotId).toBe(latest.latestSnapshotId);
    expect(await prisma.finding.count({ where: { clusterId: latest.id, resolvedAt: null } })).toBe(openBefore);
    expect(await prisma.clusterDailyScore.count({ where: { clusterId: latest.id, day: new Date("2022-10-01") } })).toBe(1);
  });

  test("with_a_failure: the three failed Kubescape controls are open findings under our ids (or KS: ids)", async () => {
    const clusterName = unique("ks-one-failure");
    const res = await upload("kubescape", world.token, envelope(KUBESCAPE("with_a_failure.json"), clusterName));
    expect(res.status).toBe(201);
    const derived = JSON.parse(KUBESCAPE("with_a_failure.derived-failures.json").toString("utf8")) as { kind: string; name: string; failedControls: string[] }[];
    const wanted = new Set(derived.flatMap((r) => r.failedControls.map((id) => mapKubescapeControlId(id) ?? `${UNMAPPED_PREFIX}${id}`)));
    const findings = await prisma.finding.findMany({ where: { orgId: world.org.id, clusterId: res.json.cluster.id, resolvedAt: null } });
    expect(new Set(findings.map((f) => f.controlId))).toEqual(wanted);
    expect(findings.every((f) => f.resourceKey === "apps/Deployment//nginx-deployment")).toBe(true);
  });

  test("a re-upload of the same report stores nothing new; the snapshot shows up in the cluster's history", async () => {
    const clusterName = unique("ks-repeat");
    const raw = envelope(KUBESCAPE("many_findings.json"), clusterName);
    const first = await upload("kubescape", world.token, raw);
    expect(first.status).toBe(201);
    const before = await rowCounts(world.org.id);
    const again = await upload("kubescape", world.token, raw);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ duplicate: true, snapshotId: first.json.snapshotId });
    expect(await rowCounts(world.org.id)).toEqual(before);
    // many_findings.json is dated by Kubescape (2022-11-02): the snapshot keeps that date.
    expect(first.json.collectedAt).toBe("2022-11-02T07:55:55.697Z");
    const history = await getClusterHistory({ orgId: world.org.id, clusterId: first.json.cluster.id, days: 10_000 });
    expect(history.snapshots.map((s) => s.id)).toContain(first.json.snapshotId);
    expect(history.trend.some((d) => d.day === "2022-11-02")).toBe(true);
    // The dashboard reads it like any evaluated snapshot.
    const overview = await getDashboardOverview({ orgId: world.org.id, now: new Date("2022-11-03T00:00:00Z") });
    expect(overview.clusters.map((c) => c.id)).toContain(first.json.cluster.id);
    const controls = await getClusterControls({ orgId: world.org.id, clusterId: first.json.cluster.id });
    expect(controls.snapshot?.id).toBe(first.json.snapshotId);
    expect(controls.counts.failed).toBeGreaterThan(0);
  });

  test("a cluster-scoped token imports into its own cluster; an org-wide token without a cluster name is refused", async () => {
    const own = await prisma.cluster.create({ data: { orgId: world.org.id, name: unique("scoped") } });
    const { token, tokenHash, prefix } = generateAgentToken();
    await prisma.agentToken.create({ data: { orgId: world.org.id, clusterId: own.id, name: unique("scoped-token"), tokenHash, prefix } });
    const scoped = await upload("kubescape", token, envelope(KUBESCAPE("results.json")));
    expect(scoped.status).toBe(201);
    expect(scoped.json.cluster).toEqual({ id: own.id, name: own.name, created: false });
    const elsewhere = await upload("vulnerabilities", token, envelope(VULNS("trivy/alpine-310.json.golden"), "some-other-cluster"));
    expect(elsewhere.status).toBe(403);
    expect(await prisma.imageVulnerabilityReport.count({ where: { orgId: world.org.id, clusterId: own.id } })).toBe(0);

    const before = await rowCounts(world.org.id);
    const nameless = await upload("kubescape", world.token, envelope(KUBESCAPE("results.json")));
    expect(nameless.status).toBe(422);
    expect(nameless.json.error.code).toBe("cluster_required");
    expect(await rowCounts(world.org.id)).toEqual(before);
  });
});

describe("malformed imports: a clear 4xx and nothing stored", () => {
  const cases: { name: string; kind: keyof typeof ROUTES; body: () => Buffer; gzip?: boolean; status: number; code: string }[] = [
    { name: "truncated Kubescape JSON", kind: "kubescape", body: () => envelope(KUBESCAPE("many_findings.json").subarray(0, 20_000), "bad"), status: 400, code: "invalid_json" },
    { name: "truncated Trivy JSON", kind: "vulnerabilities", body: () => envelope(VULNS("trivy/alpine-310.json.golden").subarray(0, 500), "bad"), status: 400, code: "invalid_json" },
    { name: "a Trivy report sent as Kubescape", kind: "kubescape", body: () => envelope(VULNS("trivy/alpine-310.json.golden"), "bad"), status: 422, code: "wrong_format" },
    { name: "a Kubescape report sent as a vulnerability report", kind: "vulnerabilities", body: () => envelope(KUBESCAPE("results.json"), "bad"), status: 422, code: "wrong_format" },
    {
      name: "a Kubescape report with a control id of the wrong type",
      kind: "kubescape",
      body: () => {
        const doc = JSON.parse(KUBESCAPE("with_a_failure.json").toString("utf8"));
        doc.results[0].controls[0].controlID = 30;
        return envelope(Buffer.from(JSON.stringify(doc)), "bad");
      },
      status: 422,
      code: "invalid_report",
    },
    { name: "a body that is not an import envelope", kind: "vulnerabilities", body: () => Buffer.from(JSON.stringify({ clusterName: "bad" })), status: 400, code: "validation_failed" },
    // 60 MB of JSON whitespace compresses to about 60 KB: refused while inflating, never expanded in memory.
    { name: "a gzip bomb", kind: "kubescape", body: () => Buffer.concat([Buffer.from('{"clusterName":"bad","report":'), Buffer.alloc(60 * 1024 * 1024, 0x20), Buffer.from("{}}")]), status: 413, code: "payload_too_large" },
    { name: "more than 50 MB uncompressed", kind: "vulnerabilities", body: () => Buffer.concat([Buffer.from('{"clusterName":"bad","report":"'), Buffer.alloc(51 * 1024 * 1024, 0x61), Buffer.from('"}')]), gzip: false, status: 413, code: "payload_too_large" },
  ];

  test.each(cases)("$name → $status $code", async ({ kind, body, gzip, status, code }) => {
    const before = await rowCounts(world.org.id);
    const res = await upload(kind, world.token, body(), { gzip });
    expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message.length).toBeGreaterThan(10);
    expect(await rowCounts(world.org.id)).toEqual(before);
    expect(await prisma.cluster.count({ where: { orgId: world.org.id, name: "bad" } })).toBe(0);
  });

  test("a revoked token is refused with 401", async () => {
    const { token, tokenHash, prefix } = generateAgentToken();
    await prisma.agentToken.create({ data: { orgId: world.org.id, name: unique("revoked"), tokenHash, prefix, revokedAt: new Date() } });
    const before = await rowCounts(world.org.id);
    const res = await upload("kubescape", token, envelope(KUBESCAPE("results.json"), "bad"));
    expect(res.status).toBe(401);
    expect(await rowCounts(world.org.id)).toEqual(before);
  });
});

describe("vulnerability reports joined to workloads", () => {
  const ALPINE_310 = "trivy/alpine-310.json.golden";
  const RUBY = "grype/explain-chainguard-ruby-test.json";
  const RUBY_DIGEST = "sha256:3c9afb4f188827ea1062ec3b8acea32893236a0d7df31e0498df93486cff0978";
  let clusterId: string;
  const clusterName = unique("vulns");

  function workload(name: string, ns: string, container: Record<string, unknown>): K8sObject {
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace: ns, uid: `uid-${name}` },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [container] } } },
    };
  }
  const objects: K8sObject[] = [
    namespace("shop"),
    // Runs the alpine-310 image by tag, privileged, behind an Ingress.
    workload("web", "shop", { name: "app", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-310", securityContext: { privileged: true } }),
    { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { type: "ClusterIP", selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "shop", namespace: "shop" },
      spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] },
    },
    // Pins the ruby image by digest; internal only, unprivileged.
    workload("api", "shop", { name: "api", image: `cgr.dev/chainguard/ruby@${RUBY_DIGEST}` }),
    // Runs an image nobody scanned.
    workload("cache", "shop", { name: "redis", image: "redis:7.2" }),
  ];

  beforeAll(async () => {
    const pushed = await pushObjects(world.agent, objects, { clusterUid: unique("uid-vulns"), clusterName, collectedAt: new Date(Date.UTC(2026, 10, 20)) });
    await evaluateClusterBacklog(pushed.snapshotId);
    clusterId = pushed.clusterId;
  });

  test("before any report: an empty answer, not an error", async () => {
    const answer = await getClusterVulnerabilities({ orgId: world.org.id, clusterId });
    expect(answer).toMatchObject({ images: [], workloads: [], totals: { workloads: 0 } });
  });

  test("Trivy and Grype reports attach to the cluster and join to the workloads running their images", async () => {
    for (const file of [ALPINE_310, RUBY]) {
      const res = await upload("vulnerabilities", world.token, envelope(VULNS(file), clusterName));
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.cluster).toEqual({ id: clusterId, name: clusterName, created: false });
    }
    const answer = await getClusterVulnerabilities({ orgId: world.org.id, clusterId });
    expect(answer.images).toHaveLength(2);
    const web = answer.workloads.find((w) => w.workload.name === "web")!;
    const api = answer.workloads.find((w) => w.workload.name === "api")!;
    expect(answer.workloads.map((w) => w.workload.name).sort()).toEqual(["api", "web"]);
    expect(web.key).toBe("apps/Deployment/shop/web");

    // Counts are distinct vulnerability ids by their worst severity, computed here from the report itself.
    const alpine = importVulnerabilityReports(VULNS(ALPINE_310).toString("utf8")).reports[0];
    const worst = new Map<string, string>();
    const rank = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 } as const;
    for (const v of alpine.vulnerabilities) if (!worst.has(v.id) || rank[v.severity] > rank[worst.get(v.id) as keyof typeof rank]) worst.set(v.id, v.severity);
    const expected = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
    for (const s of worst.values()) expected[s as keyof typeof expected]++;
    expect(web.bySeverity).toEqual(expected);
    expect(web.vulnerabilityCount).toBe(alpine.vulnerabilities.length);
    expect(web).toMatchObject({ exposed: true, internetFacing: true, privileged: true });
    expect(web.exposure.map((e) => e.via)).toEqual(["Ingress"]);
    expect(web.containers[0]).toMatchObject({ container: "app", matchedBy: "tag", privileged: true });

    expect(api).toMatchObject({ exposed: false, privileged: false });
    expect(api.containers[0].matchedBy).toBe("digest");
    expect(answer.unmatchedReports).toEqual([]);
    expect(answer.totals).toMatchObject({ workloads: 2, exposed: 1, privileged: 1 });
    expect(answer.totals.criticalExposedPrivileged).toBe(expected.critical > 0 ? 1 : 0);
    // The worst first, and limited on request while the counts still cover everything.
    const limited = await getClusterVulnerabilities({ orgId: world.org.id, clusterId, vulnerabilityLimit: 3 });
    const limitedWeb = limited.workloads.find((w) => w.workload.name === "web")!;
    expect(limitedWeb.vulnerabilities).toHaveLength(Math.min(3, alpine.vulnerabilities.length));
    expect(limitedWeb.bySeverity).toEqual(expected);
    expect(limitedWeb.vulnerabilities[0].severity).toBe(web.highestSeverity);
    expect(await getClusterVulnerabilities({ orgId: world.org.id, clusterId, namespace: "other" })).toMatchObject({ workloads: [] });
  });

  test("storage grows with distinct images, not uploads: a re-scan replaces its image's row, an older scan does not", async () => {
    const before = await prisma.imageVulnerabilityReport.findMany({ where: { orgId: world.org.id, clusterId }, orderBy: { imageKey: "asc" } });
    for (let i = 0; i < 3; i++) expect((await upload("vulnerabilities", world.token, envelope(VULNS(ALPINE_310), clusterName))).status).toBe(201);
    const after = await prisma.imageVulnerabilityReport.findMany({ where: { orgId: world.org.id, clusterId }, orderBy: { imageKey: "asc" } });
    expect(after.map((r) => r.imageKey)).toEqual(before.map((r) => r.imageKey));

    const doc = JSON.parse(VULNS(ALPINE_310).toString("utf8"));
    doc.CreatedAt = "2001-01-01T00:00:00Z";
    doc.Results = [];
    const stale = await upload("vulnerabilities", world.token, envelope(Buffer.from(JSON.stringify(doc)), clusterName));
    expect(stale.status).toBe(201);
    expect(stale.json.images[0].stored).toBe(false);
    const row = await prisma.imageVulnerabilityReport.findFirstOrThrow({ where: { orgId: world.org.id, clusterId, reference: stale.json.images[0].reference } });
    expect(row.vulnerabilityCount).toBeGreaterThan(0);
  });

  test("another organization's token never reaches this cluster; another organization's id finds nothing", async () => {
    const other = await createOrgWithAgent();
    const res = await upload("vulnerabilities", other.token, envelope(VULNS(RUBY), clusterName));
    expect(res.status).toBe(201);
    expect(res.json.cluster.id).not.toBe(clusterId);
    expect(res.json.cluster.created).toBe(true);
    expect(await prisma.imageVulnerabilityReport.count({ where: { clusterId: res.json.cluster.id, orgId: other.org.id } })).toBe(1);
    await expect(getClusterVulnerabilities({ orgId: other.org.id, clusterId })).rejects.toMatchObject({ code: "not_found" });
    const ks = await upload("kubescape", other.token, envelope(KUBESCAPE("results.json"), clusterName));
    expect(ks.json.cluster.id).not.toBe(clusterId);
    expect(await prisma.snapshot.count({ where: { clusterId, orgId: world.org.id } })).toBe(1);
  });
});
