// The dashboard routes of imports on the production build over HTTP: a viewer reads the cluster's
// vulnerabilities by workload (uploaded through the agent route), only admins may ask for a re-score.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ClusterVulnerabilities } from "@/lib/server/imports/get-cluster-vulnerabilities";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { startAppServer, type AppServer } from "../../support/app-server";
import { addMember, ApiClient, createAgentToken, createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient, unique } from "../api/support/world";
import { namespace, pushObjects } from "../pipeline/support/pipeline-world";

const TRIVY = fs.readFileSync(path.resolve(__dirname, "../../../../shared/corpus/vuln-reports/trivy/alpine-310.json.golden"), "utf8");

let server: AppServer;
let owner: ApiClient;
let viewer: ApiClient;
let slug: string;
let clusterId: string;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  const ownerUser = await createUser();
  const viewerUser = await createUser();
  const org = await createOrg(ownerUser.id);
  await addMember(org.id, viewerUser.id, "VIEWER");
  slug = org.slug;
  const token = await createAgentToken(org.id);
  const agent = { tokenId: token.id, tokenPrefix: token.prefix, tokenName: token.name, org: { id: org.id, slug: org.slug, name: org.name }, cluster: null };
  const clusterName = unique("http-vulns");
  const pushed = await pushObjects(
    agent,
    [
      namespace("shop"),
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "shop", uid: "uid-web" },
        spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "ghcr.io/aquasecurity/trivy-test-images:alpine-310", securityContext: { privileged: true } }] } } },
      },
      { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] } },
    ],
    { clusterUid: unique("uid"), clusterName, collectedAt: new Date(Date.UTC(2026, 10, 25)) },
  );
  await evaluateClusterBacklog(pushed.snapshotId);
  clusterId = pushed.clusterId;
  const upload = await new ApiClient(server.url).request("POST", "/api/agent/v1/imports/vulnerabilities", { clusterName, report: JSON.parse(TRIVY) }, { authorization: `Bearer ${token.token}` });
  expect(upload.status, upload.text.slice(0, 300)).toBe(201);
  owner = await signedInClient(server.url, ownerUser);
  viewer = await signedInClient(server.url, viewerUser);
});

afterAll(async () => {
  await server?.stop();
  await prisma.$disconnect();
});

describe("GET /api/orgs/[slug]/clusters/[clusterId]/vulnerabilities", () => {
  test("a viewer sees the workload with its CVEs, exposure and privilege", async () => {
    const res = await viewer.request("GET", `/api/orgs/${slug}/clusters/${clusterId}/vulnerabilities?vulnerabilityLimit=2`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const { vulnerabilities } = res.json as { vulnerabilities: ClusterVulnerabilities };
    expect(vulnerabilities.images).toHaveLength(1);
    expect(vulnerabilities.workloads).toHaveLength(1);
    const [web] = vulnerabilities.workloads;
    expect(web).toMatchObject({ key: "apps/Deployment/shop/web", exposed: true, internetFacing: true, privileged: true });
    expect(web.exposure[0].via).toBe("LoadBalancer");
    expect(web.vulnerabilities).toHaveLength(2);
    expect(web.vulnerabilityCount).toBeGreaterThan(web.vulnerabilities.length);
  });

  test("unknown query parameters are refused", async () => {
    const res = await viewer.request("GET", `/api/orgs/${slug}/clusters/${clusterId}/vulnerabilities?severity=high`);
    expect(res.status).toBe(400);
    expect(expectErrorShape(res).code).toBe("validation_failed");
  });
});

describe("POST /api/orgs/[slug]/clusters/[clusterId]/rescore", () => {
  test("a viewer may not; an admin gets 202 with what was queued", async () => {
    const denied = await viewer.request("POST", `/api/orgs/${slug}/clusters/${clusterId}/rescore`, {});
    expect(denied.status).toBe(403);
    expect(expectErrorShape(denied).code).toBe("forbidden");
    const accepted = await owner.request("POST", `/api/orgs/${slug}/clusters/${clusterId}/rescore`, {});
    expect(accepted.status, accepted.text).toBe(202);
    expect(accepted.json).toEqual({ rescore: { clusterId, latestQueued: 1, historyQueued: 0, queued: 1, snapshots: 1 } });
    expect(await prisma.auditEvent.count({ where: { action: "cluster.rescore_requested", targetId: clusterId } })).toBe(1);
    const invalid = await owner.request("POST", `/api/orgs/${slug}/clusters/${clusterId}/rescore`, { history: "yes" });
    expect(invalid.status).toBe(400);
  });
});
