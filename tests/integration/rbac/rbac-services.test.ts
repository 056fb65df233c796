// The RBAC explorer's services on real PostgreSQL: objects pushed through the real ingest services
// and evaluated by the pipeline, then read back by the explorer's loader. Expected answers are
// derived by hand from tests/integration/rbac/support/rbac-objects.ts.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import { getClusterRbac } from "@/lib/server/rbac/get-cluster-rbac";
import { getClusterRbacFindings } from "@/lib/server/rbac/get-cluster-rbac-findings";
import { getFleetRbacDrift } from "@/lib/server/rbac/get-fleet-rbac-drift";
import { getFleetRbacOverview } from "@/lib/server/rbac/get-fleet-rbac-overview";
import { getRbacDrift } from "@/lib/server/rbac/get-rbac-drift";
import { getRbacGraph } from "@/lib/server/rbac/get-rbac-graph";
import { getRbacSummary } from "@/lib/server/rbac/get-rbac-summary";
import { getSubjectPermissions } from "@/lib/server/rbac/get-subject-permissions";
import { listAttackPaths } from "@/lib/server/rbac/list-attack-paths";
import { listFleetSubjects } from "@/lib/server/rbac/list-fleet-subjects";
import { listRiskyGrants } from "@/lib/server/rbac/list-risky-grants";
import { loadClusterObjects } from "@/lib/server/rbac/load-cluster-objects";
import { RBAC_KINDS, RBAC_VIEW_KINDS } from "@/lib/server/rbac/rbac-object-kinds";
import { runWhoCan } from "@/lib/server/rbac/run-who-can";
import { searchRbacNodes } from "@/lib/server/rbac/search-rbac-nodes";
import type { K8sObject } from "@/lib/engine/types";
import { createOrgWithAgent, prisma, pushObjects, unique, type TestOrg } from "../pipeline/support/pipeline-world";
import { alphaDay0, alphaDay1, bravo } from "./support/rbac-objects";

const DAY_MS = 86_400_000;
// Recent enough to stay inside the default 400-day retention, fixed so the story never moves.
const base = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 20, 12);
const at = (day: number) => new Date(base + day * DAY_MS);

let world: TestOrg;
let boss: PgBoss;
let alpha: string;
let bravoId: string;
let emptyCluster: string;
let day0Snapshot: string;
let day1Snapshot: string;

async function pushAndEvaluate(objects: K8sObject[], clusterUid: string, clusterName: string, day: number) {
  const pushed = await pushObjects(world.agent, objects, { clusterUid, clusterName, collectedAt: at(day) });
  await evaluateClusterBacklog(pushed.snapshotId);
  return pushed;
}

const keysOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

beforeAll(async () => {
  world = await createOrgWithAgent();
  boss = await startSendOnlyQueue();
  const alphaUid = unique("alpha-uid");
  const day0 = await pushAndEvaluate(alphaDay0(), alphaUid, "alpha", 0);
  const day1 = await pushAndEvaluate(alphaDay1(), alphaUid, "alpha", 1);
  alpha = day0.clusterId;
  day0Snapshot = day0.snapshotId;
  day1Snapshot = day1.snapshotId;
  bravoId = (await pushAndEvaluate(bravo(), unique("bravo-uid"), "bravo", 1)).clusterId;
  emptyCluster = (await prisma.cluster.create({ data: { orgId: world.org.id, name: "never-pushed" } })).id;
}, 180_000);

afterAll(async () => {
  await boss.stop();
  await prisma.$disconnect();
});

describe("loadClusterObjects", () => {
  test("reads the latest state's RBAC objects only, from the RBAC API group", async () => {
    const loaded = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_KINDS });
    expect(loaded.snapshot?.snapshotId).toBe(day1Snapshot);
    const names = loaded.objects!.map((o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`).sort();
    expect(names).toEqual([
      "ClusterRole//cluster-admin",
      "ClusterRole//secret-reader",
      "ClusterRoleBinding//alice-admin",
      "ClusterRoleBinding//ci-deployer",
      "ClusterRoleBinding//cluster-admin",
      "Role/shop/pod-manager",
      "RoleBinding/shop/ops",
      "RoleBinding/shop/sneaky",
      "ServiceAccount/ci/deployer",
      "ServiceAccount/shop/web",
    ]);
    // The CRD named Role (example.com) is not an RBAC Role.
    expect(loaded.objects!.every((o) => o.apiVersion !== "example.com/v1")).toBe(true);
  });

  test("as of an earlier time, the state is rebuilt from the change events", async () => {
    const loaded = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_KINDS, at: at(0.5) });
    expect(loaded.snapshot?.snapshotId).toBe(day0Snapshot);
    const bindings = loaded.objects!.filter((o) => o.kind.endsWith("Binding")).map((o) => o.metadata?.name).sort();
    expect(bindings).toEqual(["ci-deployer", "cluster-admin", "ops", "secret-peek", "sneaky"]);
    const podManager = loaded.objects!.find((o) => o.kind === "Role" && o.metadata?.name === "pod-manager")!;
    expect(podManager.rules).toHaveLength(2);
    // Before the first snapshot there is no state at all.
    const before = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_KINDS, at: at(-1) });
    expect(before.snapshot).toBeNull();
    expect(before.objects).toEqual([]);
  });

  test("a caller holding the same objects skips the bodies; the digest follows the content", async () => {
    const first = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_VIEW_KINDS });
    const again = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_VIEW_KINDS, alreadyHeld: (d) => d === first.digest });
    expect(again.objects).toBeNull();
    expect(again.digest).toBe(first.digest);
    const older = await loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_VIEW_KINDS, at: at(0.5) });
    expect(older.digest).not.toBe(first.digest);
    expect(first.objects!.some((o) => o.kind === "ConfigMap")).toBe(false);
    expect(first.objects!.some((o) => o.kind === "Deployment")).toBe(true);
  });

  test("another organization's cluster is not found; times beyond retention are refused", async () => {
    const other = await createOrgWithAgent();
    await expect(loadClusterObjects({ orgId: other.org.id, clusterId: alpha, kinds: RBAC_KINDS })).rejects.toMatchObject({ code: "not_found" });
    await expect(getRbacSummary({ orgId: other.org.id, clusterId: alpha })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadClusterObjects({ orgId: world.org.id, clusterId: alpha, kinds: RBAC_KINDS, at: new Date(Date.now() - 500 * DAY_MS) })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("caching by content", () => {
  test("the same state reuses its model and findings; another state gets its own", async () => {
    const [a, b] = await Promise.all([getClusterRbac({ orgId: world.org.id, clusterId: alpha }), getClusterRbac({ orgId: world.org.id, clusterId: alpha })]);
    expect(b.analysis).toBe(a.analysis);
    const again = await getClusterRbac({ orgId: world.org.id, clusterId: alpha });
    expect(again.analysis).toBe(a.analysis);
    const older = await getClusterRbac({ orgId: world.org.id, clusterId: alpha, at: at(0.5) });
    expect(older.analysis).not.toBe(a.analysis);
    expect(older.digest).not.toBe(a.digest);
    expect((await getClusterRbac({ orgId: world.org.id, clusterId: alpha, at: at(0.7) })).analysis).toBe(older.analysis);
    const findings = await getClusterRbacFindings({ orgId: world.org.id, clusterId: alpha });
    expect((await getClusterRbacFindings({ orgId: world.org.id, clusterId: alpha })).findings).toBe(findings.findings);
    expect(findings.findings.riskyGrants).toBe(a.analysis.riskyGrants());
  });
});

describe("a cluster without stored state", () => {
  test("every view answers honestly empty", async () => {
    const summary = await getRbacSummary({ orgId: world.org.id, clusterId: emptyCluster });
    expect(summary.snapshot).toBeNull();
    expect(summary.counts).toEqual({ subjects: 0, roles: 0, bindings: 0, serviceAccounts: 0, workloads: 0 });
    const graph = await getRbacGraph({ orgId: world.org.id, clusterId: emptyCluster });
    expect(graph).toMatchObject({ snapshot: null, focus: null, nodes: [], edges: [] });
    expect((await listRiskyGrants({ orgId: world.org.id, clusterId: emptyCluster })).grants).toEqual([]);
    const drift = await getRbacDrift({ orgId: world.org.id, clusterId: emptyCluster });
    expect(drift.current).toBeNull();
  });
});

describe("who-can", () => {
  const ask = (query: Parameters<typeof runWhoCan>[0]["query"]) => runWhoCan({ orgId: world.org.id, clusterId: alpha, query });
  const keys = (answer: Awaited<ReturnType<typeof ask>>) => answer.subjects.map((s) => s.subject.key).sort();

  test("create pods/exec in shop: cluster-admins and the pod-manager Role's subjects", async () => {
    const answer = await ask({ verb: "create", resource: "pods/exec", namespace: "shop" });
    expect(keys(answer)).toEqual(["Group/ops", "Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test", "User/bob"]);
    const bob = answer.subjects.find((s) => s.subject.key === "User/bob")!;
    expect(bob.grants).toHaveLength(1);
    expect(bob.grants[0]).toMatchObject({ binding: { kind: "RoleBinding", name: "ops", namespace: "shop" }, role: { kind: "Role", name: "pod-manager" }, scope: "shop" });
    expect(bob.grants[0].matched).toMatchObject({ verbs: ["create"], resources: ["pods/exec"] });
    expect(answer.subjects.find((s) => s.subject.key === "Group/system:masters")!.superuser).toBe(true);
  });

  test("a RoleBinding to a ClusterRole stays in its namespace", async () => {
    // Day 1 removed secret-peek: web can read Secrets nowhere now.
    expect(keys(await ask({ verb: "get", resource: "secrets", namespace: "kube-system" }))).toEqual(["Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test"]);
    expect(keys(await ask({ verb: "list", resource: "secrets" }))).toEqual(["Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test"]);
  });

  test("a cluster-scoped resource ignores the namespace asked; the runner's account lists its workload", async () => {
    const answer = await ask({ verb: "delete", resource: "nodes", namespace: "shop" });
    expect(answer.request).toMatchObject({ resource: "nodes", clusterScoped: true });
    expect(answer.request.namespace).toBeUndefined();
    expect(keys(answer)).toEqual(["Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test"]);
    expect(answer.subjects.find((s) => s.subject.key === "ServiceAccount/ci/deployer")!.workloads).toEqual([{ kind: "Deployment", name: "runner", namespace: "ci" }]);
  });

  test("a binding to a Role that only exists as another API group's kind grants nothing", async () => {
    const answer = await ask({ verb: "get", resource: "configmaps", namespace: "shop" });
    expect(keys(answer)).not.toContain("User/mallory");
  });

  test("non-resource URLs: only ClusterRoleBindings grant them", async () => {
    expect(keys(await ask({ verb: "get", nonResourceURL: "/metrics" }))).toEqual(["Group/system:masters", "ServiceAccount/ci/deployer", "User/alice@example.test"]);
  });
});

describe("risky grants and attack paths", () => {
  test("each subject is judged on its own bindings, with the paths that give the capability", async () => {
    const { grants } = await listRiskyGrants({ orgId: world.org.id, clusterId: alpha });
    const ids = new Set(grants.map((g) => g.id));
    expect(ids.has("SS-1400|ServiceAccount/ci/deployer")).toBe(true);
    expect(ids.has("SS-1400|User/alice@example.test")).toBe(true);
    expect(ids.has("SS-0002|User/bob")).toBe(true);
    expect(ids.has("SS-1406|Group/ops")).toBe(true);
    // Exec in one namespace is not cluster-admin; mallory's dangling binding gives nothing.
    expect(ids.has("SS-1400|User/bob")).toBe(false);
    expect(grants.some((g) => g.subject.key === "User/mallory")).toBe(false);
    expect(grants[0].severity).toBe("critical");
    const aliceAdmin = grants.find((g) => g.id === "SS-1400|User/alice@example.test")!;
    expect(aliceAdmin.grants.map((p) => p.binding.name)).toEqual(["alice-admin"]);
    expect(aliceAdmin.grants[0].scope).toBeNull();
    const critical = await listRiskyGrants({ orgId: world.org.id, clusterId: alpha, minSeverity: "critical", q: "bob" });
    expect(critical.grants).toEqual([]);
  });

  test("the NodePort runner's mounted cluster-admin token reaches every impact, worst first", async () => {
    const { paths } = await listAttackPaths({ orgId: world.org.id, clusterId: alpha });
    expect(paths.map((p) => `${p.workload.namespace}/${p.workload.name}#${p.impact}`)).toEqual([
      "ci/runner#cluster-admin",
      "ci/runner#read-all-secrets",
      "ci/runner#control-kube-system",
      "ci/runner#reach-nodes",
    ]);
    const [first] = paths;
    expect(first.steps.map((s) => s.kind)).toEqual(["entry", "workload", "service-account", "permission", "impact"]);
    expect(first.entry.kinds).toEqual(["exposed"]);
    expect(first.serviceAccount.key).toBe("ServiceAccount/ci/deployer");
    expect(first.grant.binding.name).toBe("ci-deployer");
  });

  test("the summary counts the state and names the riskiest subjects", async () => {
    const summary = await getRbacSummary({ orgId: world.org.id, clusterId: alpha });
    expect(summary.snapshot?.snapshotId).toBe(day1Snapshot);
    // Day 1: 3 roles (cluster-admin, secret-reader, pod-manager), 5 bindings; subjects named in them:
    // system:masters, ci/deployer, alice, ops, bob, mallory (shop/web is no longer bound).
    expect(summary.counts).toMatchObject({ roles: 3, bindings: 5, serviceAccounts: 2, workloads: 2 });
    expect(summary.counts.subjects).toBe(6);
    expect(summary.attackPaths.critical).toBe(3);
    expect(summary.attackPaths.high).toBe(1);
    expect(summary.topSubjects[0].risk).toBe("critical");
  });
});

describe("subject permissions", () => {
  test("a namespaced grant sits in its namespace's matrix with the path that gives it", async () => {
    const perms = await getSubjectPermissions({ orgId: world.org.id, clusterId: alpha, subject: { kind: "User", name: "bob" } });
    expect(perms.superuser).toBe(false);
    expect(perms.groups).toEqual(["system:authenticated"]);
    expect(perms.scopes.map((s) => s.namespace)).toEqual(["shop"]);
    const rows = Object.fromEntries(perms.scopes[0].rows.map((r) => [r.resource, r]));
    expect(Object.keys(rows).sort()).toEqual(["pods", "pods/attach", "pods/exec"]);
    expect(Object.keys(rows.pods.cells).filter((v) => rows.pods.cells[v].grants.length).sort()).toEqual(["create", "get", "list"]);
    expect(rows.pods.cells.delete).toBeUndefined();
    const path = perms.grants[rows["pods/exec"].cells.create.grants[0]];
    expect(path).toMatchObject({ binding: { name: "ops" }, role: { name: "pod-manager" }, scope: "shop" });
    expect(perms.bindings).toEqual([{ binding: { kind: "RoleBinding", name: "ops", namespace: "shop" }, role: { kind: "Role", name: "pod-manager", namespace: "shop" } }]);
  });

  test("a wildcard ClusterRoleBinding fills every verb cluster-wide and lists non-resource URLs", async () => {
    const perms = await getSubjectPermissions({ orgId: world.org.id, clusterId: alpha, subject: { kind: "ServiceAccount", namespace: "ci", name: "deployer" } });
    expect(perms.scopes.map((s) => s.namespace)).toEqual([null]);
    const [row] = perms.scopes[0].rows;
    expect(row).toMatchObject({ apiGroup: "*", resource: "*" });
    for (const verb of perms.verbs) expect(row.cells[verb].grants.length, verb).toBeGreaterThan(0);
    expect(perms.nonResource).toEqual([{ url: "*", verbs: ["*"], grants: [expect.any(Number)] }]);
    expect(perms.workloads).toEqual([{ kind: "Deployment", name: "runner", namespace: "ci" }]);
    expect(perms.attackPaths).toHaveLength(4);
    expect(perms.riskyGrants.some((r) => r.ruleId === "SS-1400")).toBe(true);
  });

  test("a subject nobody binds gets an empty matrix, and system:masters is a superuser", async () => {
    const nobody = await getSubjectPermissions({ orgId: world.org.id, clusterId: alpha, subject: { kind: "User", name: "nobody" } });
    expect(nobody.scopes).toEqual([]);
    expect(nobody.bindings).toEqual([]);
    const masters = await getSubjectPermissions({ orgId: world.org.id, clusterId: alpha, subject: { kind: "Group", name: "system:masters" } });
    expect(masters.superuser).toBe(true);
  });
});

describe("graph", () => {
  test("focused on a service account: its binding, role, workload and the role's risky permissions", async () => {
    const graph = await getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "subject:ServiceAccount/ci/deployer", depth: 2 });
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining(["subject:ServiceAccount/ci/deployer", "binding:ClusterRoleBinding/ci-deployer", "role:ClusterRole/cluster-admin", "workload:Deployment/ci/runner"]),
    );
    const permission = graph.nodes.find((n) => n.id === "permission:ClusterRole/cluster-admin:SS-1400")!;
    expect(permission).toMatchObject({ type: "permission", risk: "critical", parent: "role:ClusterRole/cluster-admin" });
    const runner = graph.nodes.find((n) => n.id === "workload:Deployment/ci/runner")!;
    expect(runner.badges).toEqual(expect.arrayContaining(["exposed", "token mounted"]));
    expect(runner.risk).toBe("critical");
    expect(runner.details).toContain("attack path: can become cluster-admin");
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: "role:ClusterRole/cluster-admin", to: "permission:ClusterRole/cluster-admin:SS-1400", kind: "allows" }));
    expect(graph.nodes.find((n) => n.id === "subject:ServiceAccount/ci/deployer")!.risk).toBe("critical");
  });

  test("neighbours beyond the cap fold into a +N more node", async () => {
    // cluster-admin is bound by three ClusterRoleBindings on day 1.
    const graph = await getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "role:ClusterRole/cluster-admin", depth: 1, maxNeighbors: 1 });
    const collapsed = graph.nodes.find((n) => n.type === "collapsed")!;
    expect(collapsed).toMatchObject({ hidden: 2, parent: "role:ClusterRole/cluster-admin", label: "+2 more" });
    expect(graph.nodes.filter((n) => n.type === "binding")).toHaveLength(1);
  });

  test("a binding focus shows its role and subjects; bad focuses are clear errors", async () => {
    const graph = await getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "binding:RoleBinding/shop/ops" });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(
      ["binding:RoleBinding/shop/ops", "role:Role/shop/pod-manager", "subject:Group/ops", "subject:User/alice@example.test", "subject:User/bob"].concat(
        graph.nodes.filter((n) => n.type === "permission").map((n) => n.id),
      ).sort(),
    );
    const dangling = await getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "binding:RoleBinding/shop/sneaky" });
    expect(dangling.nodes[0].badges).toContain("grants nothing");
    await expect(getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "role:ClusterRole/missing" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getRbacGraph({ orgId: world.org.id, clusterId: alpha, focus: "nonsense" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  test("without a focus the graph starts at the riskiest subject that is not system:masters", async () => {
    const graph = await getRbacGraph({ orgId: world.org.id, clusterId: alpha });
    expect(["subject:ServiceAccount/ci/deployer", "subject:User/alice@example.test"]).toContain(graph.focus);
  });

  test("search finds subjects, roles and workloads by name", async () => {
    const { results } = await searchRbacNodes({ orgId: world.org.id, clusterId: alpha, q: "run" });
    expect(results.map((r) => r.id)).toEqual(["workload:Deployment/ci/runner"]);
    const pod = await searchRbacNodes({ orgId: world.org.id, clusterId: alpha, q: "pod-man" });
    expect(pod.results.map((r) => r.id)).toEqual(["role:Role/shop/pod-manager"]);
  });
});

describe("drift", () => {
  test("new, widened and resolved risky grants since a time, and the RBAC objects that changed", async () => {
    const drift = await getRbacDrift({ orgId: world.org.id, clusterId: alpha, since: at(0.5).toISOString(), now: at(2) });
    expect(drift.baseline?.snapshotId).toBe(day0Snapshot);
    expect(drift.current?.snapshotId).toBe(day1Snapshot);
    const fresh = keysOf(drift.newRiskyGrants);
    expect(fresh).toContain("SS-1400|User/alice@example.test");
    expect(fresh).toContain("SS-1406|User/bob");
    expect(fresh).not.toContain("SS-1400|ServiceAccount/ci/deployer");
    // alice could already exec in shop; cluster-admin adds a second path to the same capability.
    const widened = drift.widenedRiskyGrants.find((r) => r.id === "SS-0002|User/alice@example.test")!;
    expect(widened.grants.map((g) => g.binding.name)).toEqual(["alice-admin"]);
    expect(keysOf(drift.resolvedRiskyGrants)).toEqual(["SS-1402|ServiceAccount/shop/web"]);
    expect(drift.objectChanges).toEqual([
      { key: "rbac.authorization.k8s.io/ClusterRoleBinding//alice-admin", kind: "ClusterRoleBinding", change: "added" },
      { key: "rbac.authorization.k8s.io/Role/shop/pod-manager", kind: "Role", change: "changed" },
      { key: "rbac.authorization.k8s.io/RoleBinding/kube-system/secret-peek", kind: "RoleBinding", change: "removed" },
    ]);
  });

  test("a cluster younger than the window compares with its first snapshot; bad times are refused", async () => {
    const drift = await getRbacDrift({ orgId: world.org.id, clusterId: alpha, since: at(-10).toISOString(), now: at(2) });
    expect(drift.baselineIsFirstSnapshot).toBe(true);
    expect(drift.baseline?.snapshotId).toBe(day0Snapshot);
    await expect(getRbacDrift({ orgId: world.org.id, clusterId: alpha, since: "last tuesday" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("fleet", () => {
  test("the same user across clusters: cluster-admin in 1 of the 2 clusters with data", async () => {
    const fleet = await listFleetSubjects({ orgId: world.org.id, q: "alice" });
    expect(fleet.clustersWithData).toBe(2);
    expect(fleet.totalClusters).toBe(3);
    expect(fleet.subjects).toHaveLength(1);
    const [alice] = fleet.subjects;
    expect(alice).toMatchObject({ presentIn: 2, clusterAdminIn: 1, worst: "critical" });
    const byCluster = Object.fromEntries(alice.clusters.map((c) => [c.clusterName, c]));
    expect(byCluster.alpha.clusterAdmin).toBe(true);
    expect(byCluster.bravo).toMatchObject({ clusterAdmin: false, rules: [] });
    const groups = await listFleetSubjects({ orgId: world.org.id, kind: "Group" });
    expect(groups.subjects[0].subject.key).toBe("Group/system:masters");
  });

  test("the overview marks clusters without data; fleet drift lists new grants with their cluster", async () => {
    const overview = await getFleetRbacOverview({ orgId: world.org.id });
    const rows = Object.fromEntries(overview.clusters.map((c) => [c.name, c]));
    expect(rows["never-pushed"].snapshot).toBeNull();
    expect(rows.alpha.riskyGrants.critical).toBeGreaterThan(0);
    expect(overview.clustersWithData).toBe(2);
    const drift = await getFleetRbacDrift({ orgId: world.org.id, since: at(0.5).toISOString(), now: at(2) });
    const alice = drift.grants.find((g) => g.id === "SS-1400|User/alice@example.test")!;
    expect(alice).toMatchObject({ clusterName: "alpha", change: "new" });
    expect(drift.clusters.find((c) => c.clusterName === "bravo")).toMatchObject({ baselineIsFirstSnapshot: true, newCount: 0 });
  });
});
