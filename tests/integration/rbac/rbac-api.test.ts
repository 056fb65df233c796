// The RBAC routes over HTTP against the production build and real PostgreSQL: validation, path
// encodings, roles and answers. (Tenant isolation of every route: tests/integration/api/tenant-isolation.test.ts.)
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { startAppServer, type AppServer } from "../../support/app-server";
import { pushObjects } from "../pipeline/support/pipeline-world";
import { addMember, createOrg, createUser, databaseUrl, expectErrorShape, prisma, signedInClient, unique, type ApiClient } from "../api/support/world";
import { alphaDay0 } from "./support/rbac-objects";

let server: AppServer;
let boss: PgBoss;
let owner: ApiClient;
let viewer: ApiClient;
let slug: string;
let clusterId: string;
let emptyClusterId: string;

const base = () => `/api/orgs/${slug}/rbac`;
const cluster = () => `${base()}/clusters/${clusterId}`;

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  boss = await startSendOnlyQueue();
  const ownerUser = await createUser();
  const viewerUser = await createUser();
  const org = await createOrg(ownerUser.id);
  await addMember(org.id, viewerUser.id, "VIEWER");
  slug = org.slug;
  const { tokenHash, prefix } = generateAgentToken();
  const token = await prisma.agentToken.create({ data: { orgId: org.id, name: unique("token"), tokenHash, prefix } });
  const agent: AgentIdentity = { tokenId: token.id, tokenPrefix: prefix, tokenName: token.name, org: { id: org.id, slug: org.slug, name: org.name }, cluster: null };
  const pushed = await pushObjects(agent, alphaDay0(), { clusterUid: unique("api-uid"), clusterName: "api-alpha", collectedAt: new Date(Date.now() - 3_600_000) });
  await evaluateClusterBacklog(pushed.snapshotId);
  clusterId = pushed.clusterId;
  emptyClusterId = (await prisma.cluster.create({ data: { orgId: org.id, name: unique("empty") } })).id;
  owner = await signedInClient(server.url, ownerUser);
  viewer = await signedInClient(server.url, viewerUser);
}, 240_000);

afterAll(async () => {
  await boss?.stop();
  await server?.stop();
  await prisma.$disconnect();
});

describe("who-can", () => {
  test("answers with subjects and grant paths, for viewers too (asking changes nothing)", async () => {
    const res = await viewer.request("POST", `${cluster()}/who-can`, { verb: "create", resource: "pods/exec", namespace: "shop" });
    expect(res.status, res.text).toBe(200);
    const body = res.json as { request: { clusterScoped: boolean }; subjects: { subject: { key: string }; superuser: boolean; grants: { binding: { name: string } }[] }[] };
    expect(body.subjects.map((s) => s.subject.key).sort()).toEqual(["Group/ops", "Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test", "User/bob"]);
    expect(body.subjects.find((s) => s.subject.key === "User/bob")!.grants[0].binding.name).toBe("ops");
  });

  test.each([
    ["both a resource and a URL", { verb: "get", resource: "pods", nonResourceURL: "/metrics" }],
    ["neither", { verb: "get" }],
    ["a verb with spaces", { verb: "get secrets", resource: "secrets" }],
    ["an unknown field", { verb: "get", resource: "pods", cluster: "x" }],
    ["a URL without a leading slash", { verb: "get", nonResourceURL: "metrics" }],
  ])("rejects %s with validation_failed", async (_label, body) => {
    const res = await owner.request("POST", `${cluster()}/who-can`, body);
    expect(res.status).toBe(400);
    expect(expectErrorShape(res).code).toBe("validation_failed");
  });

  test("a body that is not JSON is refused", async () => {
    const res = await owner.request("POST", `${cluster()}/who-can`, "verb=get", { "content-type": "text/plain" });
    expect(res.status).toBe(415);
  });
});

describe("subjects", () => {
  test("the key as one encoded segment or as path segments names the same subject", async () => {
    const encoded = await owner.get(`${cluster()}/subjects/${encodeURIComponent("ServiceAccount/ci/deployer")}`);
    const raw = await owner.get(`${cluster()}/subjects/ServiceAccount/ci/deployer`);
    expect(encoded.status, encoded.text).toBe(200);
    expect(raw.status, raw.text).toBe(200);
    expect((encoded.json as { subject: { key: string } }).subject.key).toBe("ServiceAccount/ci/deployer");
    expect(raw.json).toEqual(encoded.json);
    const user = await owner.get(`${cluster()}/subjects/${encodeURIComponent("User/alice@example.test")}`);
    const body = user.json as { scopes: { namespace: string | null }[]; bindings: { binding: { name: string } }[] };
    expect(body.scopes.map((s) => s.namespace)).toEqual(["shop"]);
    expect(body.bindings.map((b) => b.binding.name)).toEqual(["ops"]);
  });

  test("a key that is not a subject is a validation error", async () => {
    const res = await owner.get(`${cluster()}/subjects/Robot/r2d2`);
    expect(res.status).toBe(400);
    expect(expectErrorShape(res).message).toMatch(/User\/<name>/);
  });
});

describe("graph, search, lists", () => {
  test("a focused graph folds neighbours beyond the cap", async () => {
    const res = await owner.get(`${cluster()}/graph?focus=${encodeURIComponent("role:ClusterRole/cluster-admin")}&depth=1&maxNeighbors=1`);
    expect(res.status, res.text).toBe(200);
    const body = res.json as { focus: string; nodes: { id: string; type: string; hidden?: number }[] };
    expect(body.focus).toBe("role:ClusterRole/cluster-admin");
    expect(body.nodes.find((n) => n.type === "collapsed")).toMatchObject({ hidden: 1 });
  });

  test.each([
    ["a depth beyond 4", "depth=9"],
    ["an unknown parameter", "zoom=2"],
    ["a node budget over 150", "maxNodes=1000"],
  ])("refuses %s", async (_label, query) => {
    const res = await owner.get(`${cluster()}/graph?${query}`);
    expect(res.status).toBe(400);
    expect(expectErrorShape(res).code).toBe("validation_failed");
  });

  test("a focus that does not exist is not found", async () => {
    const res = await owner.get(`${cluster()}/graph?focus=${encodeURIComponent("role:ClusterRole/nope")}`);
    expect(res.status).toBe(404);
    expect(expectErrorShape(res).code).toBe("not_found");
  });

  test("search, risky grants, attack paths and drift answer; bad filters are refused", async () => {
    const search = await owner.get(`${cluster()}/search?q=runner`);
    expect((search.json as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(["workload:Deployment/ci/runner"]);
    const risky = await owner.get(`${cluster()}/risky-grants?minSeverity=critical`);
    const grants = (risky.json as { grants: { severity: string }[] }).grants;
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.severity === "critical")).toBe(true);
    expect((await owner.get(`${cluster()}/risky-grants?minSeverity=urgent`)).status).toBe(400);
    const paths = await owner.get(`${cluster()}/attack-paths`);
    expect((paths.json as { paths: { id: string }[] }).paths.map((p) => p.id)[0]).toBe("Deployment/ci/runner#cluster-admin");
    expect((await owner.get(`${cluster()}/drift?since=7d`)).status).toBe(200);
    const badSince = await owner.get(`${cluster()}/drift?since=yesterday`);
    expect(badSince.status).toBe(400);
    expect(expectErrorShape(badSince).message).toMatch(/duration like 7d/);
  });

  test("a cluster without data answers with empty views, not errors", async () => {
    const summary = await owner.get(`${base()}/clusters/${emptyClusterId}`);
    expect(summary.status).toBe(200);
    expect((summary.json as { snapshot: unknown }).snapshot).toBeNull();
    const graph = await owner.get(`${base()}/clusters/${emptyClusterId}/graph`);
    expect(graph.json).toMatchObject({ focus: null, nodes: [], edges: [] });
  });
});

describe("fleet", () => {
  test("subjects across clusters count clusters with data as the denominator", async () => {
    const res = await viewer.get(`${base()}/fleet/subjects?q=deployer`);
    expect(res.status, res.text).toBe(200);
    const body = res.json as { clustersWithData: number; totalClusters: number; subjects: { subject: { key: string }; clusterAdminIn: number }[] };
    expect(body).toMatchObject({ clustersWithData: 1, totalClusters: 2 });
    expect(body.subjects).toEqual([expect.objectContaining({ subject: expect.objectContaining({ key: "ServiceAccount/ci/deployer" }), clusterAdminIn: 1 })]);
    expect((await viewer.get(`${base()}/fleet/subjects?kind=Robot`)).status).toBe(400);
    const overview = await viewer.get(`${base()}/fleet`);
    expect((overview.json as { clusters: { id: string; snapshot: unknown }[] }).clusters.find((c) => c.id === emptyClusterId)!.snapshot).toBeNull();
    expect((await viewer.get(`${base()}/fleet/drift?since=2d`)).status).toBe(200);
  });
});
