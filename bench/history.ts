// npm run bench:history [-- --clusters 500 --days 90 --real 40 --keep]
// A fleet of N clusters × D days of daily snapshots with churn, in a throwaway database on the local
// PostgreSQL (TEST_DATABASE_ADMIN_URL or 127.0.0.1:5432), then prints:
//   - ingest + evaluation time of one 10,000-object snapshot (target ≤ 5 s) through the real services;
//   - rows and bytes added by an unchanged re-push of it (target ≤ 1 KB);
//   - database size;
//   - p50/p95 of the fleet-overview and cluster-trend queries (target p95 ≤ 150 ms).
// History: `--real` clusters go through the real pipeline day by day (objects from prisma/seed's
// generator: the demo timeline's changes plus daily image roll-outs); the other clusters are copies of
// their history made in SQL with fresh ids and hashes, so the database has the full fleet's rows and
// sizes without 45,000 engine runs on a shared 2-core machine. The engine's reports are memoized per
// (template, day): clusters of one template differ only in names and uids, which no control reads.
import { performance } from "node:perf_hooks";
import type { ScanReport } from "../lib/engine/report";
import { runScan, type ScanInput } from "../lib/engine/run-scan";
import type { K8sObject } from "../lib/engine/types";
import { createTestDatabase } from "../tests/support/test-database";
import { deployMigrations } from "../lib/db/migration/schema-migrations";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const CLUSTERS = arg("clusters", 500);
const DAYS = arg("days", 90);
const REAL = Math.min(arg("real", 40), CLUSTERS);
const DAY_MS = 86_400_000;
// --keep leaves the database in place, to EXPLAIN the dashboard's queries at fleet scale.
const KEEP = process.argv.includes("--keep");

/** An evaluation's phases (evaluateSnapshot's PhaseClock) as one line, in seconds. */
function phaseLine(outcome: object): string {
  if (!("phases" in outcome)) return "";
  const phases = outcome.phases as Record<string, number>;
  return Object.entries(phases)
    .filter(([name]) => name !== "total")
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`)
    .join(", ");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const database = await createTestDatabase();
  console.log(`bench:history: database ${database.name} (${database.kind}); ${CLUSTERS} clusters × ${DAYS} days, ${REAL} through the pipeline`);
  await deployMigrations({ url: database.url });
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: lib/db/client reads it on first import.
  const { prisma } = await import("../lib/db/client");
  const { DEMO_ORGS } = await import("../prisma/seed/demo-fleet");
  const { buildClusterObjects } = await import("../prisma/seed/synthetic-objects");
  const { activeChanges, clusterTimeline } = await import("../prisma/seed/cluster-timeline");
  const { kubernetesVersionOn } = await import("../prisma/seed/demo-fleet");
  const { createOrgWithAgent, pushObjects } = await import("../tests/integration/pipeline/support/pipeline-world");
  const { evaluateSnapshot } = await import("../lib/server/pipeline/evaluate-snapshot");
  const { getFleetOverview } = await import("../lib/server/clusters/get-fleet-overview");
  const { getClusterHistory } = await import("../lib/server/history/get-cluster-history");
  const { sharedJobQueue } = await import("../lib/server/pipeline/job-queue");
  const { loadKwokObjects } = await import("../tests/support/kwok-dump");
  const { receiveManifest } = await import("../lib/server/snapshots/receive-manifest");
  const { completeSnapshot } = await import("../lib/server/snapshots/complete-snapshot");
  const { PROTOCOL_VERSION, manifestDigestOf, objectKeyOf } = await import("../lib/snapshot/protocol");
  const { canonicalJson, sha256Hex } = await import("../lib/snapshot/canonical-json");
  const { normalizeObject } = await import("../lib/snapshot/normalize");

  try {
    const world = await createOrgWithAgent();
    const orgId = world.org.id;
    const templates = DEMO_ORGS.flatMap((o) => o.clusters);
    const memo = new Map<string, ScanReport>();
    let memoKey = "";
    const scan = (input: ScanInput) => {
      let report = memo.get(memoKey);
      if (!report) {
        report = runScan(input);
        memo.set(memoKey, report);
      }
      return report;
    };
    const start = new Date(Date.UTC(2026, 0, 1, 6));

    // ---- history through the real pipeline ------------------------------------------------------
    const t0 = performance.now();
    let snapshots = 0;
    for (let c = 0; c < REAL; c++) {
      const template = templates[c % templates.length];
      const spec = { ...template, name: `${template.name}-${String(c).padStart(3, "0")}`, historyDays: DAYS };
      const timeline = clusterTimeline({ ...template, historyDays: DAYS });
      for (let day = 0; day < DAYS; day++) {
        const objects: K8sObject[] = buildClusterObjects(spec, activeChanges(timeline, day), kubernetesVersionOn(template, day));
        // Daily roll-outs: a few application Deployments get a new image tag each day.
        let bumped = 0;
        for (const o of objects) {
          if (o.kind !== "Deployment" || o.metadata.namespace?.startsWith("kube") || (o.metadata.name!.length + day) % 7 !== 0) continue;
          const container = o.spec?.template?.spec?.containers?.[0];
          if (container?.image) container.image = `${String(container.image).split(":")[0]}:1.${Math.floor(day / 7)}.${day % 7}`;
          if (++bumped >= 3) break;
        }
        memoKey = `${c % templates.length}:${day}`;
        const pushed = await pushObjects(world.agent, objects, { clusterUid: `uid-${spec.name}`, clusterName: spec.name, collectedAt: new Date(start.getTime() + day * DAY_MS) });
        await evaluateSnapshot({ snapshotId: pushed.snapshotId, scan });
        snapshots++;
      }
      process.stdout.write(`\r  pipeline: ${c + 1}/${REAL} clusters, ${snapshots} snapshots, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const pipelineMs = performance.now() - t0;
    console.log(`\n  pipeline history: ${snapshots} snapshots in ${(pipelineMs / 1000).toFixed(1)} s (${(pipelineMs / snapshots).toFixed(1)} ms per snapshot incl. ingest), ${memo.size} engine runs`);

    // ---- the rest of the fleet: SQL copies of the real clusters' history ------------------------
    const t1 = performance.now();
    const real = await prisma.cluster.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    for (let c = REAL; c < CLUSTERS; c++) {
      const source = real[c % real.length];
      const id = `bench-copy-${c}`;
      const suffix = `-copy-${c}`;
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO "Cluster" ("id","orgId","name","clusterUid","provider","environment","region","kubernetesVersion","nodeCount","agentVersion","labels","lastSeenAt","createdAt","updatedAt","latestSnapshotId","latestEvaluatedAt")
           SELECT $1::text, "orgId", "name" || $2::text, "clusterUid" || $2::text, "provider", "environment", "region", "kubernetesVersion", "nodeCount", "agentVersion", "labels", "lastSeenAt", "createdAt", now(), "latestSnapshotId" || $2::text, "latestEvaluatedAt" FROM "Cluster" WHERE "id" = $3::text`,
          id, suffix, source.id,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Snapshot" ("id","orgId","clusterId","status","collectedAt","createdAt","agentVersion","engineVersion","objectCount","collectionErrors","idempotencyKey","completedAt","evaluatedAt","libraryVersion","manifestDigest","inputFingerprint","controlScoresHash","failingResources","objectsAdded","objectsChanged","objectsRemoved")
           SELECT "id" || $2::text, "orgId", $1::text, "status", "collectedAt", "createdAt", "agentVersion", "engineVersion", "objectCount", "collectionErrors", "idempotencyKey" || $2::text, "completedAt", "evaluatedAt", "libraryVersion", md5("manifestDigest" || $2::text), md5("inputFingerprint" || $2::text), "controlScoresHash", "failingResources", "objectsAdded", "objectsChanged", "objectsRemoved"
             FROM "Snapshot" WHERE "orgId" = $4::text AND "clusterId" = $3::text`,
          id, suffix, source.id, orgId,
        );
        // Fresh hashes: another cluster's objects have other uids, so other bodies. The source's hashes
        // are collected first through the (orgId, clusterId, …) indexes, then joined to the blob store
        // by primary key: an EXISTS over ObjectChange per blob scanned the whole change log per copy.
        await tx.$executeRawUnsafe(
          `WITH source AS (
             SELECT "hash" FROM "ClusterObject" WHERE "clusterId" = $3::text
             UNION SELECT "newHash" FROM "ObjectChange" WHERE "orgId" = $2::text AND "clusterId" = $3::text AND "newHash" IS NOT NULL
             UNION SELECT "oldHash" FROM "ObjectChange" WHERE "orgId" = $2::text AND "clusterId" = $3::text AND "oldHash" IS NOT NULL)
           INSERT INTO "ObjectBlob" ("orgId","hash","body","size","createdAt")
           SELECT b."orgId", encode(sha256((b."hash" || $1::text)::bytea), 'hex'), b."body", b."size", b."createdAt"
             FROM source JOIN "ObjectBlob" b ON b."orgId" = $2::text AND b."hash" = source."hash"
           ON CONFLICT DO NOTHING`,
          suffix, orgId, source.id,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ClusterObject" ("orgId","clusterId","key","kind","namespace","hash","firstSeenAt","lastChangedAt")
           SELECT "orgId", $1::text, "key", "kind", "namespace", encode(sha256(("hash" || $2::text)::bytea), 'hex'), "firstSeenAt", "lastChangedAt" FROM "ClusterObject" WHERE "clusterId" = $3::text`,
          id, suffix, source.id,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ObjectChange" ("orgId","clusterId","snapshotId","at","key","kind","change","oldHash","newHash")
           SELECT "orgId", $1::text, "snapshotId" || $2::text, "at", "key", "kind", "change",
                  CASE WHEN "oldHash" IS NULL THEN NULL ELSE encode(sha256(("oldHash" || $2::text)::bytea), 'hex') END,
                  CASE WHEN "newHash" IS NULL THEN NULL ELSE encode(sha256(("newHash" || $2::text)::bytea), 'hex') END
             FROM "ObjectChange" WHERE "orgId" = $4::text AND "clusterId" = $3::text`,
          id, suffix, source.id, orgId,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Finding" ("orgId","clusterId","controlId","resourceKey","occurrence","severity","messageHash","firstSeenAt","lastSeenAt","resolvedAt","exceptionId","baseline")
           SELECT "orgId", $1::text, "controlId", "resourceKey", "occurrence", "severity", "messageHash", "firstSeenAt", "lastSeenAt", "resolvedAt", "exceptionId", "baseline" FROM "Finding" WHERE "clusterId" = $2::text`,
          id, source.id,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ClusterDailyScore" ("orgId","clusterId","day","snapshotId","collectedAt","snapshotCount","frameworkScores","failedBySeverity","failingResources","objectCount")
           SELECT "orgId", $1::text, "day", "snapshotId" || $2::text, "collectedAt", "snapshotCount", "frameworkScores", "failedBySeverity", "failingResources", "objectCount" FROM "ClusterDailyScore" WHERE "clusterId" = $3::text`,
          id, suffix, source.id,
        );
      }, { timeout: 120_000 });
      if ((c + 1) % 20 === 0 || c + 1 === CLUSTERS) process.stdout.write(`\r  copies: ${c + 1 - REAL}/${CLUSTERS - REAL} clusters, ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    }
    if (CLUSTERS > REAL) console.log("");
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");

    // ---- one 10,000-object snapshot -------------------------------------------------------------
    const kwok = loadKwokObjects().slice(0, 10_000) as unknown as K8sObject[];
    const big = await createOrgWithAgent();
    const bigUid = "bench-10k-cluster";
    const t2 = performance.now();
    const first = await pushObjects(big.agent, kwok, { clusterUid: bigUid, clusterName: "bench-10k", collectedAt: new Date() });
    const t3 = performance.now();
    const evaluated = await evaluateSnapshot({ snapshotId: first.snapshotId });
    const t4 = performance.now();
    // The simulated agent's own work (normalize, canonical JSON, sha256, gzip) happens in the cluster
    // with a real agent: the backend's figure is its server share of the push plus the evaluation.
    const serverSeconds = (first.serverMs + (t4 - t3)) / 1000;
    console.log(`\n  10,000-object snapshot: ingest ${((t3 - t2) / 1000).toFixed(2)} s (server ${(first.serverMs / 1000).toFixed(2)} s, simulated agent ${(first.agentMs / 1000).toFixed(2)} s) + evaluation ${((t4 - t3) / 1000).toFixed(2)} s (engine ${(("engineMs" in evaluated ? evaluated.engineMs : 0) / 1000).toFixed(2)} s)`);
    console.log(`    backend (server ingest + evaluation) ${serverSeconds.toFixed(2)} s  [target ≤ 5 s: ${serverSeconds <= 5 ? "met" : "MISSED"}]; with the simulated agent ${((t4 - t2) / 1000).toFixed(2)} s`);
    console.log(`    evaluation phases (s): ${phaseLine(evaluated)}`);

    // ---- unchanged re-push: rows and bytes added ---------------------------------------------------
    const tables = ["Snapshot", "ObjectBlob", "ClusterObject", "ObjectChange", "ControlScores", "Finding", "FindingMessage", "ClusterDailyScore", "PendingManifest"];
    const measure = async () => {
      const out: Record<string, { rows: number; bytes: number }> = {};
      for (const t of tables) {
        const [r] = await prisma.$queryRawUnsafe<{ rows: bigint; bytes: bigint | null }[]>(`SELECT count(*) AS rows, sum(pg_column_size(x.*)) AS bytes FROM "${t}" x WHERE "orgId" = $1`, big.org.id);
        out[t] = { rows: Number(r.rows), bytes: Number(r.bytes ?? 0) };
      }
      return out;
    };
    const before = await measure();
    // As the agent re-pushes an unchanged cluster: the manifest carries its digest, not its object list.
    const againManifest = await receiveManifest({
      agent: big.agent,
      manifest: {
        protocolVersion: PROTOCOL_VERSION,
        idempotencyKey: `bench-repush-${Date.now()}`,
        collectedAt: new Date(Date.now() + 60_000).toISOString(),
        cluster: { uid: bigUid, name: "bench-10k", provider: "kind", kubernetesVersion: "v1.31.2", nodeCount: 1, agentVersion: "0.1.0-test" },
        manifestDigest: manifestDigestOf(kwok.map((o) => [objectKeyOf(o), sha256Hex(canonicalJson(normalizeObject(o as Record<string, unknown> & K8sObject)))])),
        resourceTypes: [],
        collectionErrors: [],
      },
    });
    if ("needManifest" in againManifest) throw new Error("the server did not recognize the unchanged cluster's manifest digest");
    await completeSnapshot({ agent: big.agent, snapshotId: againManifest.snapshotId });
    const again = { snapshotId: againManifest.snapshotId, missing: againManifest.missing.length };
    const t5 = performance.now();
    const reused = await evaluateSnapshot({ snapshotId: again.snapshotId });
    const t6 = performance.now();
    const after = await measure();
    let rowsAdded = 0;
    let bytesAdded = 0;
    const detail: string[] = [];
    for (const t of tables) {
      const rows = after[t].rows - before[t].rows;
      const bytes = after[t].bytes - before[t].bytes;
      rowsAdded += rows;
      bytesAdded += bytes;
      if (rows || bytes) detail.push(`${t} ${rows} row(s) ${bytes} B`);
    }
    console.log(`  unchanged re-push (digest-only manifest): missing ${again.missing}, evaluation ${reused.outcome} in ${((t6 - t5) / 1000).toFixed(2)} s; rows added ${rowsAdded}, bytes ${bytesAdded} (${detail.join(", ")})  [target ≤ 1 KB]`);

    // ---- a day's churn on the 10,000-object cluster: 1 % of the pods changed -----------------------
    // The steady state of a large cluster: few objects and findings change, all open intervals are
    // compared with the new failing set.
    const churned = kwok.map((o, i) =>
      o.kind === "Pod" && i % 100 === 0 ? ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, "bench/rolled": "1" } } } as K8sObject) : o,
    );
    const t7 = performance.now();
    const daily = await pushObjects(big.agent, churned, { clusterUid: bigUid, clusterName: "bench-10k", collectedAt: new Date(Date.now() + 120_000) });
    const t8 = performance.now();
    const dailyEval = await evaluateSnapshot({ snapshotId: daily.snapshotId });
    const t9 = performance.now();
    const changedCount = "changed" in dailyEval ? dailyEval.changed : 0;
    console.log(`  daily churn (${changedCount} objects changed): ingest ${((t8 - t7) / 1000).toFixed(2)} s (server ${(daily.serverMs / 1000).toFixed(2)} s) + evaluation ${((t9 - t8) / 1000).toFixed(2)} s (engine ${(("engineMs" in dailyEval ? dailyEval.engineMs : 0) / 1000).toFixed(2)} s) = ${((t9 - t7) / 1000).toFixed(2)} s`);
    console.log(`    evaluation phases (s): ${phaseLine(dailyEval)}`);

    // ---- database size and query latency -----------------------------------------------------------
    const [{ size }] = await prisma.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`;
    const rowCounts = await prisma.$queryRaw<{ relname: string; n: bigint }[]>`
      SELECT relname, n_live_tup AS n FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY n_live_tup DESC LIMIT 8`;
    console.log(`  database: ${(Number(size) / 1024 / 1024).toFixed(0)} MB; rows: ${rowCounts.map((r) => `${r.relname} ${Number(r.n)}`).join(", ")}`);

    const clusterIds = (await prisma.cluster.findMany({ where: { orgId }, select: { id: true } })).map((c) => c.id);
    const time = async (fn: () => Promise<unknown>, n: number) => {
      await fn();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await fn();
        samples.push(performance.now() - s);
      }
      return samples;
    };
    const fleet = await time(() => getFleetOverview({ orgId }), 40);
    let k = 0;
    const trend = await time(() => getClusterHistory({ orgId, clusterId: clusterIds[k++ % clusterIds.length], days: 90, now: new Date(start.getTime() + DAYS * DAY_MS) }), 60);
    console.log(`  fleet overview (${clusterIds.length} clusters): p50 ${percentile(fleet, 50).toFixed(1)} ms, p95 ${percentile(fleet, 95).toFixed(1)} ms  [target p95 ≤ 150 ms]`);
    console.log(`  cluster trend (90 days + snapshots + findings): p50 ${percentile(trend, 50).toFixed(1)} ms, p95 ${percentile(trend, 95).toFixed(1)} ms  [target p95 ≤ 150 ms]`);
    const boss = await sharedJobQueue();
    await boss.stop({ graceful: false, wait: true });
    await prisma.$disconnect();
  } finally {
    if (KEEP) console.log(`  kept database ${database.name} (--keep): drop it when done`);
    else await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
