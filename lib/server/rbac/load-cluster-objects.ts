import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { K8sObject } from "@/lib/engine/types";
import { sha256Hex } from "@/lib/snapshot/canonical-json";
import type { ObjectKind } from "./rbac-object-kinds";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_DAYS = 400;
const LOAD_BATCH = 5_000;

export type StatePoint = { snapshotId: string; collectedAt: Date };

export type LoadedClusterObjects = {
  cluster: { id: string; name: string };
  /** The evaluated snapshot whose state this is; null when the cluster had no evaluated snapshot by then. */
  snapshot: StatePoint | null;
  /** sha256 over the sorted (key, hash) pairs of the selected objects: equal digests = the same objects. */
  digest: string;
  objectCount: number;
  /** null when `alreadyHeld(digest)` said the caller holds these objects already. */
  objects: K8sObject[] | null;
  /** Keys whose bodies the store no longer holds (pruned); those objects are left out. */
  missingBodies: string[];
};

type Entry = { key: string; hash: string };

function groupOfKey(key: string): string {
  return key.slice(0, key.indexOf("/"));
}

function kindOfKey(key: string): string {
  return key.split("/")[1] ?? "";
}

function digestOf(entries: readonly Entry[]): string {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sha256Hex(sorted.map((e) => `${e.key}\u0000${e.hash}`).join("\n"));
}

/**
 * The objects of the given kinds in a cluster's stored state (ClusterObject rows → ObjectBlob
 * bodies), as of its latest evaluation or, with `at`, as of that moment: the current state with
 * every later change event undone. `alreadyHeld` lets a caller with a cache skip loading bodies
 * it already has (same digest = same objects). A cluster of another organization is not found.
 */
export async function loadClusterObjects({
  orgId,
  clusterId,
  kinds,
  at,
  alreadyHeld,
}: {
  orgId: string;
  clusterId: string;
  kinds: readonly ObjectKind[];
  at?: Date;
  alreadyHeld?: (digest: string) => boolean;
}): Promise<LoadedClusterObjects> {
  const cluster = await prisma.cluster.findFirst({
    where: { orgId, id: clusterId },
    select: { id: true, name: true, latestSnapshotId: true, latestEvaluatedAt: true },
  });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");

  const wanted = new Set(kinds.map((k) => `${k.group}/${k.kind}`));
  const kindNames = [...new Set(kinds.map((k) => k.kind))];
  const selected = (key: string) => wanted.has(`${groupOfKey(key)}/${kindOfKey(key)}`);

  let snapshot: StatePoint | null = null;
  const state = new Map<string, string>();
  if (cluster.latestSnapshotId && cluster.latestEvaluatedAt) {
    snapshot = { snapshotId: cluster.latestSnapshotId, collectedAt: cluster.latestEvaluatedAt };
    const rows = await prisma.clusterObject.findMany({
      where: { orgId, clusterId, kind: { in: kindNames } },
      select: { key: true, hash: true },
    });
    for (const row of rows) if (selected(row.key)) state.set(row.key, row.hash);
  }

  if (at && snapshot && at.getTime() < snapshot.collectedAt.getTime()) {
    const settings = await prisma.organizationSettings.findUnique({ where: { orgId }, select: { retentionDays: true } });
    const retentionDays = settings?.retentionDays ?? DEFAULT_RETENTION_DAYS;
    // Retention deletes change events older than this: undoing from further back would be wrong.
    if (at.getTime() < Date.now() - retentionDays * DAY_MS) {
      throw new AppError("validation_failed", `History is kept for ${retentionDays} days; ${at.toISOString()} is older than that.`);
    }
    const events = await prisma.objectChange.findMany({
      where: { orgId, clusterId, kind: { in: kindNames }, at: { gt: at } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { key: true, change: true, oldHash: true },
    });
    for (const event of events) {
      if (!selected(event.key)) continue;
      if (event.change === "added" || !event.oldHash) state.delete(event.key);
      else state.set(event.key, event.oldHash);
    }
    // Only snapshots the pipeline evaluated moved the state (imported history rows did not).
    const point = await prisma.snapshot.findFirst({
      where: { orgId, clusterId, status: "complete", evaluatedAt: { not: null }, collectedAt: { lte: at } },
      orderBy: { collectedAt: "desc" },
      select: { id: true, collectedAt: true },
    });
    snapshot = point ? { snapshotId: point.id, collectedAt: point.collectedAt } : null;
    if (!snapshot) state.clear();
  }

  const entries = [...state].map(([key, hash]) => ({ key, hash }));
  const digest = digestOf(entries);
  const base = { cluster: { id: cluster.id, name: cluster.name }, snapshot, digest, objectCount: entries.length };
  if (alreadyHeld?.(digest)) return { ...base, objects: null, missingBodies: [] };

  const hashes = [...new Set(entries.map((e) => e.hash))];
  const bodies = new Map<string, K8sObject>();
  for (let i = 0; i < hashes.length; i += LOAD_BATCH) {
    const rows = await prisma.objectBlob.findMany({
      where: { orgId, hash: { in: hashes.slice(i, i + LOAD_BATCH) } },
      select: { hash: true, body: true },
    });
    for (const row of rows) bodies.set(row.hash, row.body as unknown as K8sObject);
  }
  const objects: K8sObject[] = [];
  const missingBodies: string[] = [];
  for (const entry of entries.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const body = bodies.get(entry.hash);
    if (body) objects.push(body);
    else missingBodies.push(entry.key);
  }
  return { ...base, objects, missingBodies };
}
