import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { parseFrameworkScores, type FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";
import { withMessages } from "@/lib/server/pipeline/finding-messages";
import { findingsOpenedBetween } from "@/lib/server/history/opened-findings";
import { resolveSnapshotPoint } from "@/lib/server/history/resolve-snapshot-point";
import { diffJson, type JsonChange } from "./diff-json";

export type DriftFinding = { controlId: string; resourceKey: string; severity: string; message: string; occurrence: number; at: Date; exceptionId: string | null };

export type ClusterDrift = {
  from: { snapshotId: string; collectedAt: Date } | null;
  to: { snapshotId: string; collectedAt: Date } | null;
  objects: {
    added: { key: string; hash: string }[];
    removed: { key: string; hash: string }[];
    changed: { key: string; oldHash: string; newHash: string; diff: JsonChange[] | null }[];
  };
  findings: { opened: DriftFinding[]; resolved: DriftFinding[]; openedCount: number; resolvedCount: number };
  scores: {
    frameworks: { id: string; from: number | null; to: number | null; delta: number | null }[];
    controls: { controlId: string; fromStatus: string | null; toStatus: string | null; failedFrom: number; failedTo: number; delta: number }[];
  };
};

type ControlCountRow = [string, number, number, number];
const LIST_LIMIT = 500;

type Scores = { counts: Record<string, ControlCountRow>; frameworks: Record<string, FrameworkScore> };

async function scoresOf(orgId: string, hash: string | null): Promise<Scores> {
  const row = hash ? await prisma.controlScores.findUnique({ where: { orgId_hash: { orgId, hash } }, select: { counts: true, frameworkScores: true } }) : null;
  return { counts: (row?.counts ?? {}) as Record<string, ControlCountRow>, frameworks: parseFrameworkScores(row?.frameworkScores) };
}

function scoreDeltas(a: Record<string, FrameworkScore>, b: Record<string, FrameworkScore>) {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().map((id) => {
    const x = a[id]?.score ?? null;
    const y = b[id]?.score ?? null;
    return { id, from: x, to: y, delta: x !== null && y !== null ? Math.round((y - x) * 100) / 100 : null };
  });
}

/**
 * What changed in a cluster between two snapshots (ids or ISO times; default: the latest and the
 * one before it): objects added/removed/changed with a JSON diff of changed bodies (first
 * `diffLimit`; redacted values excluded), finding intervals opened and closed in between, and
 * score deltas per framework and per control.
 */
export async function getClusterDrift({ orgId, clusterId, from, to, diffLimit = 100 }: { orgId: string; clusterId: string; from?: string; to?: string; diffLimit?: number }): Promise<ClusterDrift> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const empty: ClusterDrift = {
    from: null,
    to: null,
    objects: { added: [], removed: [], changed: [] },
    findings: { opened: [], resolved: [], openedCount: 0, resolvedCount: 0 },
    scores: { frameworks: [], controls: [] },
  };
  const end = await resolveSnapshotPoint({ orgId, clusterId, ref: to });
  if (!end) return empty;
  const start = from ? await resolveSnapshotPoint({ orgId, clusterId, ref: from }) : await resolveSnapshotPoint({ orgId, clusterId, before: end });
  if (!start) return { ...empty, to: { snapshotId: end.id, collectedAt: end.collectedAt } };
  if (start.collectedAt > end.collectedAt) throw new AppError("validation_failed", "`from` must be collected before `to`.");

  // Net effect per key over the change events in (from, to]: the first event's old hash against the last one's new hash.
  const events = await prisma.objectChange.findMany({
    where: { orgId, clusterId, at: { gt: start.collectedAt, lte: end.collectedAt } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { key: true, oldHash: true, newHash: true },
  });
  const net = new Map<string, { oldHash: string | null; newHash: string | null }>();
  for (const e of events) {
    const seen = net.get(e.key);
    if (seen) seen.newHash = e.newHash;
    else net.set(e.key, { oldHash: e.oldHash, newHash: e.newHash });
  }
  const objects: ClusterDrift["objects"] = { added: [], removed: [], changed: [] };
  for (const [key, { oldHash, newHash }] of [...net].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (oldHash === newHash) continue;
    if (!oldHash && newHash) objects.added.push({ key, hash: newHash });
    else if (oldHash && !newHash) objects.removed.push({ key, hash: oldHash });
    else if (oldHash && newHash) objects.changed.push({ key, oldHash, newHash, diff: null });
  }
  const toDiff = objects.changed.slice(0, diffLimit);
  if (toDiff.length) {
    const hashes = [...new Set(toDiff.flatMap((c) => [c.oldHash, c.newHash]))];
    const blobs = await prisma.objectBlob.findMany({ where: { orgId, hash: { in: hashes } }, select: { hash: true, body: true } });
    const bodies = new Map(blobs.map((b) => [b.hash, b.body]));
    for (const change of toDiff) {
      // A body pruned by retention has no diff; the change itself is still reported.
      if (bodies.has(change.oldHash) && bodies.has(change.newHash)) change.diff = diffJson(bodies.get(change.oldHash), bodies.get(change.newHash));
    }
  }

  const window = { gt: start.collectedAt, lte: end.collectedAt };
  const select = { controlId: true, resourceKey: true, severity: true, messageHash: true, occurrence: true, firstSeenAt: true, resolvedAt: true, exceptionId: true } as const;
  const [{ rows: openedRows, count: openedCount }, resolved, resolvedCount] = await Promise.all([
    findingsOpenedBetween(orgId, clusterId, start.collectedAt, end.collectedAt, LIST_LIMIT),
    prisma.finding.findMany({ where: { orgId, clusterId, resolvedAt: window }, orderBy: [{ resolvedAt: "asc" }, { controlId: "asc" }], take: LIST_LIMIT, select }).then((rows) => withMessages(orgId, rows)),
    prisma.finding.count({ where: { orgId, clusterId, resolvedAt: window } }),
  ]);
  const opened = await withMessages(orgId, openedRows);
  const shape = (f: (typeof opened)[number], at: Date): DriftFinding => ({
    controlId: f.controlId, resourceKey: f.resourceKey, severity: f.severity, message: f.message, occurrence: f.occurrence, at, exceptionId: f.exceptionId,
  });

  const [scoresFrom, scoresTo] = await Promise.all([scoresOf(orgId, start.controlScoresHash), scoresOf(orgId, end.controlScoresHash)]);
  const [countsFrom, countsTo] = [scoresFrom.counts, scoresTo.counts];
  const controls: ClusterDrift["scores"]["controls"] = [];
  for (const id of [...new Set([...Object.keys(countsFrom), ...Object.keys(countsTo)])].sort()) {
    const a = countsFrom[id];
    const b = countsTo[id];
    const failedFrom = a?.[2] ?? 0;
    const failedTo = b?.[2] ?? 0;
    if (a?.[0] === b?.[0] && failedFrom === failedTo) continue;
    controls.push({ controlId: id, fromStatus: a?.[0] ?? null, toStatus: b?.[0] ?? null, failedFrom, failedTo, delta: failedTo - failedFrom });
  }

  return {
    from: { snapshotId: start.id, collectedAt: start.collectedAt },
    to: { snapshotId: end.id, collectedAt: end.collectedAt },
    objects,
    findings: {
      opened: opened.map((f) => shape(f, f.firstSeenAt)),
      resolved: resolved.map((f) => shape(f, f.resolvedAt!)),
      openedCount,
      resolvedCount,
    },
    scores: { frameworks: scoreDeltas(scoresFrom.frameworks, scoresTo.frameworks), controls },
  };
}
