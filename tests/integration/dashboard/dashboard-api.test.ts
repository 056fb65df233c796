// The numbers behind the dashboard's charts and tables, read over HTTP from the production server,
// against the engine's own verdicts on the same objects. A two-cluster fleet is pushed through the
// real ingest services and evaluated by the real pipeline: nine days ago, and yesterday.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import type { ExceptionRule } from "@/lib/engine/exceptions";
import type { ScanReport } from "@/lib/engine/report";
import { startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import { rescoreCluster } from "@/lib/server/pipeline/rescore-cluster";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { startAppServer, type AppServer } from "../../support/app-server";
import { addMember, createUser, databaseUrl, prisma, signedInClient, unique, type ApiClient } from "../api/support/world";
import { DAY_MS, deployment, engineReport, frameworkScore, mean, namespace, pushAndEvaluate } from "./support/dashboard-world";
import { parseCsv } from "./support/parse-csv";
import { pdfFacts } from "./support/pdf-facts";

const now = Date.now();
const nineDaysAgo = new Date(now - 9 * DAY_MS);
const yesterday = new Date(now - 1 * DAY_MS);
const day = (d: Date) => d.toISOString().slice(0, 10);

// alpha: a privileged debug pod nine days ago; yesterday it is gone but two new privileged workloads
// arrived (a regression of SS-0057). beta: unchanged, one privileged workload.
const ALPHA_BEFORE = [namespace("shop"), deployment("shop", "web"), deployment("shop", "debug", { privileged: true })];
const ALPHA_NOW = [namespace("shop"), deployment("shop", "web"), deployment("shop", "cart", { privileged: true }), deployment("shop", "admin-tool", { privileged: true })];
const BETA = [namespace("search"), deployment("search", "indexer", { privileged: true }), deployment("search", "api")];

let server: AppServer;
let boss: PgBoss;
let owner: ApiClient;
let viewer: ApiClient;
let slug: string;
let orgId: string;
const ids: Record<"alpha" | "beta", string> = { alpha: "", beta: "" };
const names = { alpha: unique("alpha"), beta: unique("beta") };
const reports: Record<string, ScanReport> = {};

function report(which: "alphaBefore" | "alphaNow" | "beta"): ScanReport {
  return reports[which];
}

async function getJson<T>(client: ApiClient, path: string): Promise<T> {
  const res = await client.get(path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.json as T;
}

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: databaseUrl() });
  boss = await startSendOnlyQueue();
  const ownerUser = await createUser();
  const viewerUser = await createUser();
  slug = unique("dash").toLowerCase();
  const org = await prisma.organization.create({ data: { name: slug, slug, memberships: { create: { userId: ownerUser.id, role: "OWNER" } } } });
  orgId = org.id;
  await addMember(org.id, viewerUser.id, "VIEWER");
  const { tokenHash, prefix } = generateAgentToken();
  const token = await prisma.agentToken.create({ data: { orgId: org.id, name: unique("token"), tokenHash, prefix } });
  const agent: AgentIdentity = { tokenId: token.id, tokenPrefix: prefix, tokenName: token.name, org: { id: org.id, slug, name: slug }, cluster: null };

  const alpha = { uid: unique("uid-alpha"), name: names.alpha, provider: "eks" };
  const beta = { uid: unique("uid-beta"), name: names.beta, provider: "gke" };
  ids.alpha = (await pushAndEvaluate(agent, ALPHA_BEFORE, alpha, nineDaysAgo)).clusterId;
  ids.beta = (await pushAndEvaluate(agent, BETA, beta, nineDaysAgo)).clusterId;
  await pushAndEvaluate(agent, ALPHA_NOW, alpha, yesterday);
  await pushAndEvaluate(agent, BETA, beta, yesterday);
  await prisma.cluster.update({ where: { id: ids.alpha }, data: { environment: "production", labels: { team: "payments" } } });
  await prisma.cluster.update({ where: { id: ids.beta }, data: { environment: "staging", labels: { team: "search" } } });

  reports.alphaBefore = engineReport(ALPHA_BEFORE, alpha, { now: nineDaysAgo });
  reports.alphaNow = engineReport(ALPHA_NOW, alpha, { now: yesterday });
  reports.beta = engineReport(BETA, beta, { now: yesterday });
  owner = await signedInClient(server.url, ownerUser);
  viewer = await signedInClient(server.url, viewerUser);
}, 600_000);

afterAll(async () => {
  await boss?.stop();
  await server?.stop();
  await prisma.$disconnect();
});

type Overview = {
  framework: { id: string };
  frameworks: { id: string; score: number | null; scoreWeekAgo: number | null; delta: number | null; clustersScored: number }[];
  clusters: { id: string; name: string; score: number | null; delta: number | null; failedControls: Record<string, number> | null; failingResources: number | null }[];
};

describe("fleet overview", () => {
  test("each cluster's score, failed controls and 7-day change are the engine's", async () => {
    for (const framework of ["all", "cis-v1.12", "pss-restricted"]) {
      const overview = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?framework=${framework}`);
      expect(overview.framework.id).toBe(framework);
      const alpha = overview.clusters.find((c) => c.id === ids.alpha)!;
      const beta = overview.clusters.find((c) => c.id === ids.beta)!;
      expect(alpha.score).toBe(frameworkScore(report("alphaNow"), framework));
      expect(beta.score).toBe(frameworkScore(report("beta"), framework));
      // Seven days ago alpha had its first snapshot's score; beta never changed.
      expect(alpha.delta).toBe(Math.round((frameworkScore(report("alphaNow"), framework)! - frameworkScore(report("alphaBefore"), framework)!) * 10) / 10);
      expect(beta.delta).toBe(0);
      expect(alpha.failedControls).toEqual(report("alphaNow").summary.failedBySeverity);
      expect(beta.failedControls).toEqual(report("beta").summary.failedBySeverity);
    }
  });

  test("the organization's score per framework is the mean of its clusters' scores, now and a week ago", async () => {
    const overview = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview`);
    for (const f of overview.frameworks) {
      const now = [frameworkScore(report("alphaNow"), f.id), frameworkScore(report("beta"), f.id)];
      const before = [frameworkScore(report("alphaBefore"), f.id), frameworkScore(report("beta"), f.id)];
      if (now.every((s) => s === null)) {
        expect(f.score).toBeNull();
        continue;
      }
      expect(f.score, f.id).toBe(mean(...now));
      expect(f.scoreWeekAgo, f.id).toBe(mean(...before));
      expect(f.clustersScored).toBe(now.filter((s) => s !== null).length);
    }
  });

  test("filters by provider, environment and label narrow the fleet and its score", async () => {
    const byProvider = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?provider=eks`);
    expect(byProvider.clusters.map((c) => c.name)).toEqual([names.alpha]);
    expect(byProvider.frameworks.find((f) => f.id === "all")!.score).toBe(frameworkScore(report("alphaNow"), "all"));
    const byEnvironment = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?environment=staging`);
    expect(byEnvironment.clusters.map((c) => c.name)).toEqual([names.beta]);
    const byLabel = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?label=team%3Dpayments`);
    expect(byLabel.clusters.map((c) => c.name)).toEqual([names.alpha]);
    const byLabelKey = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?label=team`);
    expect(byLabelKey.clusters).toHaveLength(2);
    const none = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?provider=aks`);
    expect(none.clusters).toEqual([]);
    expect(none.frameworks.every((f) => f.score === null)).toBe(true);
  });

  test("bad filters are a 400 with the error shape", async () => {
    for (const query of ["framework=nope", "days=0", "unknown=1", "label=a%3Db%3Dc"]) {
      const path = query.startsWith("days") ? `/api/orgs/${slug}/dashboard/trend?${query}` : `/api/orgs/${slug}/dashboard/overview?${query}`;
      const res = await owner.get(path);
      expect(res.status, path).toBe(400);
      expect((res.json as { error: { code: string } }).error.code).toBe("validation_failed");
    }
  });
});

describe("fleet trend", () => {
  test("each day is the mean of each cluster's latest score up to that day; the last point is today's org score", async () => {
    const { trend } = await getJson<{ trend: { points: { day: string; score: number | null; clusters: number }[] } }>(owner, `/api/orgs/${slug}/dashboard/trend?framework=all&days=12`);
    expect(trend.points).toHaveLength(12);
    const before = mean(frameworkScore(report("alphaBefore"), "all"), frameworkScore(report("beta"), "all"));
    const after = mean(frameworkScore(report("alphaNow"), "all"), frameworkScore(report("beta"), "all"));
    for (const p of trend.points) {
      if (p.day < day(nineDaysAgo)) expect(p, p.day).toEqual({ day: p.day, score: null, clusters: 0 });
      else if (p.day < day(yesterday)) expect(p, p.day).toEqual({ day: p.day, score: before, clusters: 2 });
      else expect(p, p.day).toEqual({ day: p.day, score: after, clusters: 2 });
    }
    const overview = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?framework=all`);
    expect(trend.points.at(-1)!.score).toBe(overview.frameworks.find((f) => f.id === "all")!.score);
  });
});

describe("top failing controls and regressions", () => {
  test("top failing controls count failing clusters and resources as the engine does", async () => {
    const top = await getJson<{ controls: { controlId: string; clustersFailing: number; failedResources: number }[] }>(owner, `/api/orgs/${slug}/dashboard/top-controls?framework=all&limit=100`);
    const engine = new Map<string, { clusters: number; failed: number }>();
    for (const r of [report("alphaNow"), report("beta")]) {
      for (const c of r.controls) {
        if (c.status !== "failed") continue;
        const e = engine.get(c.id) ?? { clusters: 0, failed: 0 };
        engine.set(c.id, { clusters: e.clusters + 1, failed: e.failed + c.counts.failed });
      }
    }
    expect(top.controls.length).toBe(Math.min(100, engine.size));
    for (const c of top.controls) expect({ id: c.controlId, clusters: c.clustersFailing, failed: c.failedResources }).toEqual({ id: c.controlId, ...engine.get(c.controlId) });
    const privileged = top.controls.find((c) => c.controlId === "SS-0057")!;
    expect(privileged).toMatchObject({ clustersFailing: 2, failedResources: 3 });
  });

  test("what got worse this week names alpha, SS-0057 going from 1 to 2 failing resources, and the new objects", async () => {
    const body = await getJson<{ regressions: { cluster: { id: string }; worsenedControls: { controlId: string; failedFrom: number; failedTo: number }[]; examples: { controlId: string; resourceKey: string }[] }[] }>(
      owner,
      `/api/orgs/${slug}/dashboard/regressions?days=7`,
    );
    expect(body.regressions.map((r) => r.cluster.id)).toEqual([ids.alpha]);
    const alpha = body.regressions[0];
    expect(alpha.worsenedControls.find((w) => w.controlId === "SS-0057")).toMatchObject({ failedFrom: 1, failedTo: 2 });
    expect(alpha.examples.filter((e) => e.controlId === "SS-0057").map((e) => e.resourceKey).sort()).toEqual(["apps/Deployment/shop/admin-tool", "apps/Deployment/shop/cart"]);
  });
});

type Catalog = { controls: { id: string; fleet: { status: string; clustersFailing: number; clustersPassing: number; failedResources: number; passRate: number | null } }[]; total: number };

describe("controls", () => {
  test("the catalog's fleet status per control is the engine's, summed over the clusters", async () => {
    const catalog = await getJson<Catalog>(owner, `/api/orgs/${slug}/controls`);
    expect(catalog.controls).toHaveLength(catalog.total);
    for (const id of ["SS-0057", "SS-0016", "SS-0009"]) {
      const row = catalog.controls.find((c) => c.id === id)!;
      const a = report("alphaNow").controls.find((c) => c.id === id)!;
      const b = report("beta").controls.find((c) => c.id === id)!;
      expect(row.fleet.clustersFailing, id).toBe([a, b].filter((c) => c.status === "failed").length);
      expect(row.fleet.clustersPassing, id).toBe([a, b].filter((c) => c.status === "passed").length);
      expect(row.fleet.failedResources, id).toBe(a.counts.failed + b.counts.failed);
      const total = a.counts.total + b.counts.total;
      expect(row.fleet.passRate, id).toBe(total ? Math.round(((a.counts.passed + a.counts.excepted + b.counts.passed + b.counts.excepted) / total) * 1000) / 10 : null);
    }
  });

  test("catalog filters: framework, severity, status, text", async () => {
    const cis = await getJson<Catalog>(owner, `/api/orgs/${slug}/controls?framework=pss-baseline&severity=high,critical&status=failing`);
    expect(cis.controls.length).toBeGreaterThan(0);
    expect(cis.controls.map((c) => c.id)).toContain("SS-0057");
    for (const c of cis.controls) expect(c.fleet.status).toBe("failing");
    const passing = await getJson<Catalog>(owner, `/api/orgs/${slug}/controls?status=passing`);
    expect(passing.controls.map((c) => c.id)).not.toContain("SS-0057");
    const text = await getJson<Catalog>(owner, `/api/orgs/${slug}/controls?q=privileged%20container`);
    expect(text.controls.map((c) => c.id)).toContain("SS-0057");
    expect((await owner.get(`/api/orgs/${slug}/controls?severity=urgent`)).status).toBe(400);
  });

  test("the control page lists per-cluster counts and the open findings, with the engine's JSON paths", async () => {
    const detail = await getJson<{
      control: { id: string; frameworks: { id: string; ref: string | null }[] };
      clusters: { clusterId: string; status: string; failed: number; passed: number }[];
      findings: { clusterId: string; resourceKey: string; firstSeenAt: string }[];
      findingsTotal: number;
    }>(owner, `/api/orgs/${slug}/controls/SS-0057`);
    expect(detail.control.frameworks.find((f) => f.id === "cis-v1.12")?.ref).toBe("5.2.2");
    for (const [key, which] of [["alpha", "alphaNow"], ["beta", "beta"]] as const) {
      const engine = report(which).controls.find((c) => c.id === "SS-0057")!;
      expect(detail.clusters.find((c) => c.clusterId === ids[key])).toMatchObject({ status: engine.status, failed: engine.counts.failed, passed: engine.counts.passed });
    }
    expect(detail.findings.map((f) => f.resourceKey).sort()).toEqual(["apps/Deployment/search/indexer", "apps/Deployment/shop/admin-tool", "apps/Deployment/shop/cart"]);
    expect(detail.findingsTotal).toBe(3);
    // cart appeared yesterday; indexer has failed since the first snapshot.
    expect(detail.findings.find((f) => f.resourceKey.endsWith("/cart"))!.firstSeenAt).toBe(yesterday.toISOString());
    expect(detail.findings.find((f) => f.resourceKey.endsWith("/indexer"))!.firstSeenAt).toBe(nineDaysAgo.toISOString());

    const evidence = await getJson<{ clusters: { clusterId: string; findings: { resourceKey: string; paths: string[] }[] }[] }>(owner, `/api/orgs/${slug}/controls/SS-0057/evidence`);
    const engineFindings = report("alphaNow").findings.filter((f) => f.controlId === "SS-0057");
    const alpha = evidence.clusters.find((c) => c.clusterId === ids.alpha)!;
    expect(alpha.findings.map((f) => f.paths)).toEqual(engineFindings.map((f) => f.paths));
    expect(alpha.findings[0].paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
    expect((await owner.get(`/api/orgs/${slug}/controls/SS-9999`)).status).toBe(404);
  });

  test("the control's pass-rate history follows each cluster's evaluations", async () => {
    const { history } = await getJson<{ history: { points: { day: string; passed: number; failed: number; passRate: number | null }[] } }>(owner, `/api/orgs/${slug}/controls/SS-0057/history?days=10`);
    const at = (which: "alphaBefore" | "alphaNow" | "beta") => report(which).controls.find((c) => c.id === "SS-0057")!.counts;
    for (const p of history.points) {
      if (p.day < day(nineDaysAgo)) continue;
      const alpha = p.day < day(yesterday) ? at("alphaBefore") : at("alphaNow");
      const beta = at("beta");
      expect({ passed: p.passed, failed: p.failed }, p.day).toEqual({ passed: alpha.passed + beta.passed, failed: alpha.failed + beta.failed });
      expect(p.passRate).toBe(Math.round(((alpha.passed + beta.passed) / (alpha.total + beta.total)) * 1000) / 10);
    }
  });
});

describe("cluster views", () => {
  test("the cluster's controls are the engine's statuses and counts, with failing-since from the finding intervals", async () => {
    const body = await getJson<{ controls: { id: string; status: string; passed: number; failed: number; excepted: number; failingSince: string | null }[] }>(owner, `/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/controls?framework=all`);
    const engine = report("alphaNow").controls;
    expect(body.controls.map((c) => c.id).sort()).toEqual(engine.map((c) => c.id).sort());
    for (const c of body.controls) {
      const e = engine.find((x) => x.id === c.id)!;
      expect({ id: c.id, status: c.status, passed: c.passed, failed: c.failed, excepted: c.excepted }).toEqual({ id: e.id, status: e.status, passed: e.counts.passed, failed: e.counts.failed, excepted: e.counts.excepted });
    }
    // SS-0057 fails on cart and admin-tool, both first seen yesterday (debug, which failed before, was removed).
    expect(body.controls.find((c) => c.id === "SS-0057")!.failingSince).toBe(yesterday.toISOString());
    const cis = await getJson<{ controls: { id: string }[] }>(owner, `/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/controls?framework=cis-v1.12`);
    expect(cis.controls.length).toBeLessThan(body.controls.length);
  });

  test("resources list the current objects with their open findings; an object shows its findings with paths and history", async () => {
    const all = await getJson<{ total: number; resources: { key: string; failing: number; worstSeverity: string | null }[]; kinds: { kind: string; count: number }[] }>(owner, `/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/resources`);
    expect(all.total).toBe(ALPHA_NOW.length);
    expect(all.kinds).toEqual([
      { kind: "Deployment", count: 3 },
      { kind: "Namespace", count: 1 },
    ]);
    const engineFailing = new Set(report("alphaNow").findings.filter((f) => f.object).map((f) => `${f.object!.apiVersion.includes("/") ? f.object!.apiVersion.split("/")[0] : ""}/${f.object!.kind}/${f.object!.namespace ?? ""}/${f.object!.name}`));
    for (const r of all.resources) expect(r.failing > 0, r.key).toBe(engineFailing.has(r.key));
    const onlyDeployments = await getJson<{ resources: { key: string }[] }>(owner, `/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/resources?kind=Deployment&q=car`);
    expect(onlyDeployments.resources.map((r) => r.key)).toEqual(["apps/Deployment/shop/cart"]);

    const { object } = await getJson<{ object: { key: string; body: { kind: string }; findings: { controlId: string; paths: string[] }[]; changes: { change: string; at: string }[] } }>(
      owner,
      `/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/object?key=${encodeURIComponent("apps/Deployment/shop/cart")}`,
    );
    expect(object.body.kind).toBe("Deployment");
    const engine = report("alphaNow").findings.filter((f) => f.object?.name === "cart");
    expect(object.findings.map((f) => f.controlId).sort()).toEqual(engine.map((f) => f.controlId).sort());
    expect(object.findings.find((f) => f.controlId === "SS-0057")!.paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
    expect(object.changes).toEqual([{ change: "added", at: yesterday.toISOString(), snapshotId: expect.any(String) }]);
    expect((await owner.get(`/api/orgs/${slug}/dashboard/clusters/${ids.alpha}/object?key=${encodeURIComponent("apps/Deployment/shop/nope")}`)).status).toBe(404);
  });

  test("agent health reports the last push and evaluation", async () => {
    const { agent } = await getJson<{ agent: { status: string; lastEvaluated: { collectedAt: string } | null; collectionErrors: unknown[]; backlog: Record<string, number> } }>(owner, `/api/orgs/${slug}/dashboard/clusters/${ids.beta}/agent`);
    expect(agent.status).toBe("active");
    expect(agent.lastEvaluated!.collectedAt).toBe(yesterday.toISOString());
    expect(agent.collectionErrors).toEqual([]);
    expect(agent.backlog).toEqual({ pending: 0, queued: 0, failed: 0 });
  });
});

describe("compliance report", () => {
  type Report = {
    title: string;
    summary: { score: number | null; clusters: number; clustersEvaluated: number; failedResources: number; controls: Record<string, number> };
    clusters: { name: string; score: number | null; riskScore: number | null; controls: { passed: number; failed: number } }[];
    controls: { id: string; ref: string | null; clustersFailing: number; failedResources: number; passRate: number | null }[];
    evidence: { clusterName: string; controlId: string; resourceKey: string; paths: string[] | null; firstSeenAt: string }[];
    evidenceTotal: number;
  };

  test("the JSON report's numbers are the engine's, for all or filtered clusters", async () => {
    const { report: r } = await getJson<{ report: Report }>(owner, `/api/orgs/${slug}/reports/compliance?framework=pss-restricted`);
    expect(r.title).toContain("Pod Security Standards");
    expect(r.summary.score).toBe(mean(frameworkScore(report("alphaNow"), "pss-restricted"), frameworkScore(report("beta"), "pss-restricted")));
    const engineFw = (which: "alphaNow" | "beta") => report(which).frameworks.find((f) => f.id === "pss-restricted")!;
    for (const [name, which] of [[names.alpha, "alphaNow"], [names.beta, "beta"]] as const) {
      const row = r.clusters.find((c) => c.name === name)!;
      expect(row.score).toBe(engineFw(which).score);
      expect(row.riskScore).toBe(engineFw(which).riskScore);
      expect(row.controls).toMatchObject({ passed: engineFw(which).counts.passed, failed: engineFw(which).counts.failed });
    }
    const privileged = r.controls.find((c) => c.id === "SS-0057")!;
    expect(privileged).toMatchObject({ ref: "baseline:privileged", clustersFailing: 2, failedResources: 3 });
    expect(r.evidence.filter((e) => e.controlId === "SS-0057").map((e) => `${e.clusterName} ${e.resourceKey}`).sort()).toEqual(
      [`${names.alpha} apps/Deployment/shop/admin-tool`, `${names.alpha} apps/Deployment/shop/cart`, `${names.beta} apps/Deployment/search/indexer`].sort(),
    );
    expect(r.evidence.find((e) => e.resourceKey.endsWith("/indexer") && e.controlId === "SS-0057")!.paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
    expect(r.evidenceTotal).toBe(r.evidence.length);

    const filtered = await getJson<{ report: Report }>(owner, `/api/orgs/${slug}/reports/compliance?framework=pss-restricted&environment=staging`);
    expect(filtered.report.clusters.map((c) => c.name)).toEqual([names.beta]);
    expect(filtered.report.summary.score).toBe(engineFw("beta").score);
  });

  test("the CSV tables parse and carry the same numbers as the JSON", async () => {
    const { report: r } = await getJson<{ report: Report }>(owner, `/api/orgs/${slug}/reports/compliance?framework=nsa`);
    const res = await owner.get(`/api/orgs/${slug}/reports/compliance?framework=nsa&format=csv&part=controls`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="shipshape-.+-nsa-\d{4}-\d{2}-\d{2}-controls\.csv"/);
    const rows = parseCsv(res.text);
    const header = rows[0];
    expect(header.slice(0, 3)).toEqual(["control_id", "framework_ref", "name"]);
    const col = (name: string) => header.indexOf(name);
    expect(rows.length - 1).toBe(r.controls.length);
    for (const row of rows.slice(1)) {
      const c = r.controls.find((x) => x.id === row[col("control_id")])!;
      expect(Number(row[col("clusters_failing")])).toBe(c.clustersFailing);
      expect(Number(row[col("failed_resources")])).toBe(c.failedResources);
      expect(row[col("pass_rate")] === "" ? null : Number(row[col("pass_rate")])).toBe(c.passRate);
    }
    const clusters = parseCsv((await owner.get(`/api/orgs/${slug}/reports/compliance?framework=nsa&format=csv&part=clusters`)).text);
    expect(clusters.slice(1).map((row) => [row[0], Number(row[clusters[0].indexOf("score")])]).sort()).toEqual(r.clusters.map((c) => [c.name, c.score]).sort());
    const evidence = parseCsv((await owner.get(`/api/orgs/${slug}/reports/compliance?framework=nsa&format=csv&part=evidence`)).text);
    expect(evidence.length - 1).toBe(r.evidence.length);
  });

  test("the PDF is a real PDF with pages and the report's title; the printable HTML has no script", async () => {
    const res = await owner.raw(`/api/orgs/${slug}/reports/compliance?framework=cis-v1.12&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const facts = pdfFacts(Buffer.from(await res.arrayBuffer()));
    expect(facts.isPdf).toBe(true);
    expect(facts.pages).toBeGreaterThanOrEqual(2);
    expect(facts.title).toBe(`CIS Kubernetes Benchmark compliance report — ${slug}`);
    const html = await owner.get(`/api/orgs/${slug}/reports/compliance?framework=cis-v1.12&format=html`);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.text).toContain("<h2>Executive summary</h2>");
    expect(html.text).not.toMatch(/<script/i);
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  test("a VIEWER reads reports; bad formats are a 400", async () => {
    expect((await viewer.get(`/api/orgs/${slug}/reports/compliance?framework=nsa&format=csv`)).status).toBe(200);
    expect((await owner.get(`/api/orgs/${slug}/reports/compliance?format=docx`)).status).toBe(400);
    expect((await owner.get(`/api/orgs/${slug}/reports/compliance?part=secrets&format=csv`)).status).toBe(400);
  });
});

describe("exceptions change the numbers", () => {
  test("a VIEWER cannot create an exception; an ADMIN's exception re-scores to the engine's excepted result", async () => {
    const input = { controlIds: ["SS-0057"], match: { clusters: [names.alpha], namespaces: ["shop"], names: ["cart"] }, reason: "cart needs it for the card reader driver" };
    const denied = await viewer.request("POST", `/api/orgs/${slug}/exceptions`, input);
    expect(denied.status).toBe(403);

    const created = await owner.request("POST", `/api/orgs/${slug}/exceptions`, input);
    expect(created.status, created.text).toBe(201);
    const exception = (created.json as { exception: { id: string } }).exception;
    // The worker would pick the queued re-score up; run it here, as the worker does.
    await rescoreCluster({ orgId, clusterId: ids.alpha });

    const rule: ExceptionRule = { id: exception.id, controlIds: input.controlIds, match: input.match, reason: input.reason };
    const excepted = engineReport(ALPHA_NOW, { name: names.alpha, provider: "eks" }, { exceptions: [rule] });
    expect(excepted.controls.find((c) => c.id === "SS-0057")!.counts).toMatchObject({ failed: 1, excepted: 1 });
    const overview = await getJson<Overview>(owner, `/api/orgs/${slug}/dashboard/overview?framework=all`);
    expect(overview.clusters.find((c) => c.id === ids.alpha)!.score).toBe(frameworkScore(excepted, "all"));
    expect(frameworkScore(excepted, "all")).toBeGreaterThan(frameworkScore(report("alphaNow"), "all")!);

    const detail = await getJson<{ findings: { resourceKey: string; exceptionId: string | null }[]; exceptions: { id: string; coveredFindings: number }[] }>(owner, `/api/orgs/${slug}/controls/SS-0057`);
    expect(detail.findings.find((f) => f.resourceKey.endsWith("/cart"))!.exceptionId).toBe(exception.id);
    expect(detail.exceptions).toEqual([expect.objectContaining({ id: exception.id, coveredFindings: 1 })]);
    const coverage = await getJson<{ byException: Record<string, { findings: number; clusters: number }> }>(owner, `/api/orgs/${slug}/dashboard/exceptions`);
    expect(coverage.byException[exception.id]).toEqual({ findings: 1, clusters: 1 });
  });
});
