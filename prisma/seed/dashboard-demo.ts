// Demo data the dashboard needs on top of the fleet history written by seed-demo.ts:
// - every demo snapshot goes through the evaluation pipeline's own storage steps (current objects,
//   change events, finding intervals, per-control counts, daily roll-ups), so drift, "open since",
//   control pages and trends have real rows behind them;
// - a regression and a fix inside the last week (the fleet overview's "what got worse");
// - exceptions: one in force, one that expired (its findings come back), one that matches nothing;
// - image vulnerability reports for a few of the demo's workloads.
// Idempotent like the rest of the seed: snapshots already evaluated are skipped, exceptions are
// found by their reason. Times are anchored at the organization's first seed, never at "now", so a
// later run continues the same story.
import { runScan } from "@/lib/engine/run-scan";
import { importVulnerabilityReports } from "@/lib/imports";
import { imageKeyOf } from "@/lib/server/imports/store-vulnerability-reports";
import type { ExceptionMatch, ExceptionRule } from "@/lib/engine/exceptions";
import type { K8sObject } from "@/lib/engine/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { compactScores, type CompactScores } from "@/lib/server/pipeline/compact-scores";
import { diffObjects } from "@/lib/server/pipeline/diff-objects";
import { applyFindingIntervals, applyObjectDiff, lockCluster, storeControlScores, touchMatchedExceptions, upsertDailyScore } from "@/lib/server/pipeline/write-evaluation";
import { manifestDigest, type ManifestEntry } from "@/lib/server/snapshots/manifest-codec";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { normalizeObject } from "@/lib/snapshot/normalize";
import { objectKeyOf } from "@/lib/snapshot/protocol";
import { activeChanges, clusterTimeline } from "./cluster-timeline";
import { DEMO_ORGS, kubernetesVersionOn, type DemoClusterSpec, type DemoOrgSpec } from "./demo-fleet";
import { stableUid } from "./deterministic-random";
import { buildClusterObjects } from "./synthetic-objects";
import { RBAC_DEMO_CHANGES } from "./rbac-demo";

const DAY_MS = 24 * 60 * 60 * 1000;
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 300_000 } as const;

/** Objects present in a demo cluster from `fromDaysAgo` until `toDaysAgo` days before the first seed (absent = still there). */
type RecentChange = { cluster: string; fromDaysAgo: number; toDaysAgo?: number; objects: (cluster: string) => K8sObject[] };

function deployment(cluster: string, namespace: string, name: string, options: { image: string; container?: Record<string, unknown>; pod?: Record<string, unknown> }): K8sObject {
  const labels = { "app.kubernetes.io/name": name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, uid: stableUid(cluster, "Deployment", namespace, name), labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { ...options.pod, containers: [{ name, image: options.image, ...options.container }] } },
    },
  };
}

export const RECENT_CHANGES: RecentChange[] = [
  {
    // A vendor agent installed with the Docker socket and full privileges three days ago.
    cluster: "prod-us-east-1",
    fromDaysAgo: 3,
    objects: (c) => [
      deployment(c, "payments", "fraud-scanner", {
        image: "vendor.example/fraud-scanner:latest",
        container: { securityContext: { privileged: true }, volumeMounts: [{ name: "docker", mountPath: "/var/run/docker.sock" }] },
        pod: { volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] },
      }),
    ],
  },
  {
    // A batch trainer on the host network, removed two days ago.
    cluster: "staging-europe-west1",
    fromDaysAgo: 20,
    toDaysAgo: 2,
    objects: (c) => [
      deployment(c, "recommendations", "model-trainer", { image: "registry.example/model-trainer:2.3.0", container: { securityContext: { runAsUser: 0 } }, pod: { hostNetwork: true } }),
    ],
  },
  ...RBAC_DEMO_CHANGES,
];

type DemoException = { reason: string; controlIds: string[]; match: ExceptionMatch; owner: string; createdDaysAgo: number; expiresDaysAfterSeed: number | null };

export const DEMO_EXCEPTIONS: Record<string, DemoException[]> = {
  "acme-corp": [
    {
      reason: "node-exporter reads host metrics: it needs the host PID namespace and network by design.",
      controlIds: ["SS-0038", "SS-0041"],
      match: { namespaces: ["monitoring"], kinds: ["DaemonSet"], names: ["node-exporter"] },
      owner: "platform-team",
      createdDaysAgo: 20,
      expiresDaysAfterSeed: 70,
    },
    {
      reason: "kube-proxy is a managed add-on; privileged until the provider ships a restricted variant.",
      controlIds: ["SS-0057"],
      match: { namespaces: ["kube-system"], names: ["kube-proxy"] },
      owner: "platform-team",
      createdDaysAgo: 40,
      // Expired six days before the first seed: its findings came back as a regression.
      expiresDaysAfterSeed: -6,
    },
    {
      reason: "Legacy reporting UI stays on a NodePort until the migration to the ingress is done.",
      controlIds: ["SS-1200"],
      match: { namespaces: ["reporting"], names: ["legacy-reports-*"] },
      owner: "reporting-team",
      createdDaysAgo: 55,
      expiresDaysAfterSeed: null,
    },
  ],
};

type DemoVulnerability = { id: string; pkg: string; installed: string; fixed?: string; severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW"; score: number; title: string };

// Invented scan results (ids say DEMO, titles say what kind of flaw): enough for the cluster page to
// show "critical CVE, exposed, privileged" on the demo's own workloads. Run through the real
// Trivy importer, so they are stored exactly as an uploaded report would be.
export const DEMO_VULNERABILITY_SCANS: Record<string, { image: string; os: string; vulnerabilities: DemoVulnerability[] }[]> = {
  "prod-us-east-1": [
    {
      image: "registry.k8s.io/ingress-nginx/controller:v1.11.3",
      os: "alpine",
      vulnerabilities: [
        { id: "DEMO-2026-0101", pkg: "ingress-nginx-admission", installed: "1.11.3", fixed: "1.11.5", severity: "CRITICAL", score: 9.8, title: "Demo: configuration injection through an Ingress annotation" },
        { id: "DEMO-2026-0102", pkg: "libexpat", installed: "2.6.3-r0", fixed: "2.6.4-r0", severity: "HIGH", score: 7.5, title: "Demo: integer overflow in an XML parser" },
        { id: "DEMO-2026-0103", pkg: "busybox", installed: "1.36.1-r29", severity: "MEDIUM", score: 5.5, title: "Demo: out-of-bounds read in a shell utility (no fix yet)" },
      ],
    },
    {
      image: "vendor.example/fraud-scanner:latest",
      os: "debian",
      vulnerabilities: [
        { id: "DEMO-2026-0201", pkg: "openssl", installed: "3.0.11-1", fixed: "3.0.15-1", severity: "CRITICAL", score: 9.1, title: "Demo: certificate check bypass in a TLS library" },
        { id: "DEMO-2026-0202", pkg: "glibc", installed: "2.36-9", fixed: "2.36-9+deb12u7", severity: "HIGH", score: 7.8, title: "Demo: buffer overflow in a locale function" },
      ],
    },
    {
      image: "docker.io/library/postgres:16.4",
      os: "debian",
      vulnerabilities: [{ id: "DEMO-2026-0301", pkg: "libxml2", installed: "2.9.14", fixed: "2.9.14+dfsg-1.3~deb12u1", severity: "MEDIUM", score: 6.5, title: "Demo: use-after-free in an XML library" }],
    },
  ],
  "dc1-frankfurt": [
    {
      image: "registry.acme.example/legacy/admin-ui:0.9.3",
      os: "debian",
      vulnerabilities: [
        { id: "DEMO-2026-0401", pkg: "django", installed: "3.2.12", fixed: "4.2.16", severity: "CRITICAL", score: 9.8, title: "Demo: SQL injection in a web framework's query helper" },
        { id: "DEMO-2026-0402", pkg: "jquery", installed: "1.12.4", fixed: "3.5.0", severity: "MEDIUM", score: 6.1, title: "Demo: cross-site scripting in a front-end library" },
      ],
    },
  ],
};

function trivyDocument(scan: { image: string; os: string; vulnerabilities: DemoVulnerability[] }, at: Date) {
  return {
    SchemaVersion: 2,
    CreatedAt: at.toISOString(),
    ArtifactName: scan.image,
    ArtifactType: "container_image",
    Trivy: { Version: "0.58.0" },
    Metadata: { RepoTags: [scan.image], OS: { Family: scan.os, Name: "12" } },
    Results: [
      {
        Target: `${scan.image} (${scan.os})`,
        Class: "os-pkgs",
        Type: scan.os,
        Vulnerabilities: scan.vulnerabilities.map((v) => ({
          VulnerabilityID: v.id,
          PkgName: v.pkg,
          InstalledVersion: v.installed,
          FixedVersion: v.fixed ?? null,
          Status: v.fixed ? "fixed" : "affected",
          Severity: v.severity,
          Title: v.title,
          CVSS: { nvd: { V3Score: v.score } },
        })),
      },
    ],
  };
}

/** Attaches the demo's scan results to a cluster once (rows are keyed by cluster and image). */
async function ensureVulnerabilityReports(prisma: PrismaClient, orgId: string, cluster: { id: string; name: string }, at: Date) {
  const scans = DEMO_VULNERABILITY_SCANS[cluster.name];
  if (!scans) return;
  const { reports } = importVulnerabilityReports(scans.map((scan) => trivyDocument(scan, at)));
  for (const report of reports) {
    await prisma.$executeRaw`
      INSERT INTO "ImageVulnerabilityReport" ("orgId", "clusterId", "imageKey", "reference", "scanner", "scannerVersion", "scannedAt", "receivedAt", "vulnerabilityCount", "report")
      VALUES (${orgId}, ${cluster.id}, ${imageKeyOf(report)}, ${report.image.reference}, ${report.scanner.name}, ${report.scanner.version}, ${report.scannedAt ? new Date(report.scannedAt) : null}, ${at}, ${report.vulnerabilities.length}, ${JSON.stringify(report)}::jsonb)
      ON CONFLICT ("clusterId", "imageKey") DO NOTHING`;
  }
}

/** The first seed's time (hour-aligned), recovered from the organization's creation time. */
function firstSeedAt(org: { createdAt: Date }, spec: DemoOrgSpec): Date {
  const longest = Math.max(...spec.clusters.map((c) => c.historyDays));
  return new Date(org.createdAt.getTime() + (longest + 1) * DAY_MS);
}

async function ensureExceptions(prisma: PrismaClient, org: { id: string; createdAt: Date }, spec: DemoOrgSpec, ownerId: string | null) {
  const anchor = firstSeedAt(org, spec);
  for (const e of DEMO_EXCEPTIONS[spec.slug] ?? []) {
    const existing = await prisma.controlException.findFirst({ where: { orgId: org.id, reason: e.reason }, select: { id: true } });
    if (existing) continue;
    const createdAt = new Date(anchor.getTime() - e.createdDaysAgo * DAY_MS);
    await prisma.controlException.create({
      data: {
        orgId: org.id,
        controlIds: e.controlIds,
        match: e.match as Prisma.InputJsonObject,
        reason: e.reason,
        owner: e.owner,
        expiresAt: e.expiresDaysAfterSeed === null ? null : new Date(anchor.getTime() + e.expiresDaysAfterSeed * DAY_MS),
        createdById: ownerId,
        updatedById: ownerId,
        createdAt,
      },
    });
  }
  const rows = await prisma.controlException.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    createdAt: r.createdAt,
    rule: {
      id: r.id,
      controlIds: r.controlIds,
      match: (r.match && typeof r.match === "object" ? r.match : {}) as ExceptionMatch,
      reason: r.reason,
      owner: r.owner ?? undefined,
      expiresAt: r.expiresAt ? r.expiresAt.toISOString() : null,
    } satisfies ExceptionRule,
  }));
}

type Evaluated = { scores: CompactScores; libraryVersion: string; engineVersion: string; exceptionsApplied: Record<string, number> };
type Prepared = { entries: ManifestEntry[]; digest: string; objects: K8sObject[]; bodies: Map<string, string> };

function prepareObjects(objects: K8sObject[]): Prepared {
  const entries: ManifestEntry[] = [];
  const bodies = new Map<string, string>();
  const normalized: K8sObject[] = [];
  for (const object of objects) {
    const body = normalizeObject(object as K8sObject & Record<string, unknown>);
    const text = canonicalJson(body);
    const hash = sha256Hex(text);
    bodies.set(hash, text);
    entries.push([objectKeyOf(body), hash]);
    normalized.push(JSON.parse(text) as K8sObject);
  }
  return { entries, digest: manifestDigest(entries), objects: normalized, bodies };
}

async function storeBlobs(prisma: PrismaClient, orgId: string, prepared: Prepared, stored: Set<string>) {
  const fresh = [...prepared.bodies].filter(([hash]) => !stored.has(hash));
  if (!fresh.length) return;
  await prisma.$executeRaw`
    INSERT INTO "ObjectBlob" ("orgId", "hash", "body", "size")
    SELECT ${orgId}, t.h, t.b::jsonb, t.s
      FROM unnest(${fresh.map(([h]) => h)}::text[], ${fresh.map(([, b]) => b)}::text[], ${fresh.map(([, b]) => Buffer.byteLength(b, "utf8"))}::int[]) AS t(h, b, s)
    ON CONFLICT ("orgId", "hash") DO NOTHING`;
  for (const [hash] of fresh) stored.add(hash);
}

/**
 * Evaluates the cluster's seed-written snapshots (no manifest digest yet) in collection order,
 * storing what the pipeline's worker stores for an agent's push. Returns how many it evaluated.
 */
async function evaluateSeedSnapshots(
  prisma: PrismaClient,
  orgId: string,
  cluster: { id: string; name: string; provider: string; createdAt: Date },
  spec: DemoClusterSpec,
  seedAnchor: Date,
  exceptions: { createdAt: Date; rule: ExceptionRule }[],
): Promise<number> {
  const pending = await prisma.snapshot.findMany({
    where: { orgId, clusterId: cluster.id, status: "complete", manifestDigest: null },
    orderBy: { collectedAt: "asc" },
    select: { id: true, collectedAt: true },
  });
  if (!pending.length) return 0;
  const timeline = clusterTimeline(spec);
  const recent = RECENT_CHANGES.filter((r) => r.cluster === spec.name);
  const preparedByState = new Map<string, Prepared>();
  const scoresByInput = new Map<string, Evaluated>();
  const storedBlobs = new Set<string>();
  let evaluated = 0;

  type Step = { snapshot: (typeof pending)[number]; prepared: Prepared; inputKey: string; result: Evaluated };
  const steps: Step[] = [];
  for (const snapshot of pending) {
    const at = snapshot.collectedAt;
    const day = Math.floor((at.getTime() - cluster.createdAt.getTime()) / DAY_MS);
    const daysBeforeSeed = (seedAnchor.getTime() - at.getTime()) / DAY_MS;
    const version = kubernetesVersionOn(spec, day);
    const changes = activeChanges(timeline, day);
    const extras = recent.filter((r) => daysBeforeSeed <= r.fromDaysAgo && (r.toDaysAgo === undefined || daysBeforeSeed > r.toDaysAgo));
    const stateKey = `${version}|${[...changes].sort().join(",")}|${extras.map((r) => RECENT_CHANGES.indexOf(r)).join(",")}`;
    let prepared = preparedByState.get(stateKey);
    if (!prepared) {
      prepared = prepareObjects([...buildClusterObjects(spec, changes, version), ...extras.flatMap((r) => r.objects(spec.name))]);
      preparedByState.set(stateKey, prepared);
    }
    const rules = exceptions.filter((e) => e.createdAt <= at).map((e) => e.rule);
    const active = rules.filter((r) => !r.expiresAt || new Date(r.expiresAt) > at).map((r) => r.id);
    const inputKey = `${stateKey}|${active.join(",")}`;
    let result = scoresByInput.get(inputKey);
    if (!result) {
      const report = runScan({ objects: prepared.objects, exceptions: rules, cluster: { name: cluster.name, provider: cluster.provider, kubernetesVersion: version }, now: at });
      result = { scores: compactScores(report), libraryVersion: report.libraryVersion, engineVersion: report.engineVersion, exceptionsApplied: report.summary.exceptionsApplied };
      scoresByInput.set(inputKey, result);
    }
    steps.push({ snapshot, prepared, inputKey, result });
  }

  // Consecutive snapshots with the same input score identically and change nothing: the first of
  // each run does the full bookkeeping, the rest only get their scores (the pipeline's reuse path).
  for (let i = 0; i < steps.length; ) {
    let j = i + 1;
    while (j < steps.length && steps[j].inputKey === steps[i].inputKey) j++;
    const run = steps.slice(i, j);
    i = j;
    const { prepared, result } = run[0];
    const { scores } = result;
    await storeBlobs(prisma, orgId, prepared, storedBlobs);
    const advanced = await prisma.$transaction(async (tx) => {
      const locked = await lockCluster(tx, orgId, cluster.id);
      const previous = locked.latestSnapshotId ? await tx.snapshot.findFirst({ where: { id: locked.latestSnapshotId }, select: { collectedAt: true } }) : null;
      // History never moves backwards: snapshots older than the cluster's latest evaluation are left as written.
      const fresh = run.filter((s) => !previous || s.snapshot.collectedAt > previous.collectedAt);
      if (!fresh.length) return 0;
      const first = fresh[0].snapshot;
      await storeControlScores(tx, orgId, scores);
      const current = await tx.$queryRaw<{ key: string; hash: string }[]>`SELECT "key", "hash" FROM "ClusterObject" WHERE "clusterId" = ${cluster.id}`;
      const diff = diffObjects(new Map(current.map((o) => [o.key, o.hash])), prepared.entries);
      await applyObjectDiff(tx, { orgId, clusterId: cluster.id, snapshotId: first.id, at: first.collectedAt, diff });
      await applyFindingIntervals(tx, { orgId, clusterId: cluster.id, at: first.collectedAt, lastSeenAt: previous?.collectedAt ?? first.collectedAt, failing: scores.failing });
      const common = {
        status: "complete",
        manifestDigest: prepared.digest,
        controlScoresHash: scores.controlScoresHash,
        failingResources: scores.failing.size,
        libraryVersion: result.libraryVersion,
        engineVersion: result.engineVersion,
        objectCount: prepared.entries.length,
      };
      await tx.snapshot.update({
        where: { id: first.id },
        data: { ...common, completedAt: first.collectedAt, evaluatedAt: first.collectedAt, objectsAdded: diff.added.length, objectsChanged: diff.changed.length, objectsRemoved: diff.removed.length },
      });
      for (const { snapshot } of fresh.slice(1)) {
        await tx.snapshot.update({ where: { id: snapshot.id }, data: { ...common, completedAt: snapshot.collectedAt, evaluatedAt: snapshot.collectedAt } });
      }
      for (const { snapshot } of fresh) {
        await upsertDailyScore(tx, { orgId, clusterId: cluster.id, snapshotId: snapshot.id, collectedAt: snapshot.collectedAt, isNewSnapshot: true, scores, failingResources: scores.failing.size });
      }
      const last = fresh[fresh.length - 1].snapshot;
      await touchMatchedExceptions(tx, orgId, result.exceptionsApplied, last.collectedAt);
      await tx.cluster.update({ where: { id: cluster.id }, data: { latestSnapshotId: last.id, latestEvaluatedAt: last.collectedAt } });
      return fresh.length;
    }, TRANSACTION_OPTIONS);
    evaluated += advanced;
  }
  return evaluated;
}

/** Brings the demo organizations' history into the pipeline's tables (see the header). */
export async function seedDashboardDemo(prisma: PrismaClient, options: { ownerId?: string | null; log?: (message: string) => void } = {}): Promise<{ evaluated: number }> {
  let evaluated = 0;
  for (const spec of DEMO_ORGS) {
    const org = await prisma.organization.findUnique({ where: { slug: spec.slug }, select: { id: true, createdAt: true } });
    if (!org) continue;
    const anchor = firstSeedAt(org, spec);
    const exceptions = await ensureExceptions(prisma, org, spec, options.ownerId ?? null);
    for (const clusterSpec of spec.clusters) {
      const cluster = await prisma.cluster.findUnique({ where: { orgId_name: { orgId: org.id, name: clusterSpec.name } }, select: { id: true, name: true, provider: true, createdAt: true } });
      if (!cluster) continue;
      const n = await evaluateSeedSnapshots(prisma, org.id, cluster, clusterSpec, anchor, exceptions);
      await ensureVulnerabilityReports(prisma, org.id, cluster, new Date(anchor.getTime() - DAY_MS));
      if (n) options.log?.(`${spec.slug}/${clusterSpec.name}: ${n} snapshot(s) evaluated`);
      evaluated += n;
    }
  }
  return { evaluated };
}
