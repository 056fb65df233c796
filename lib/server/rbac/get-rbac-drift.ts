import { prisma } from "@/lib/db/client";
import type { RiskyGrantRow } from "./cluster-rbac-analysis";
import { getClusterRbacFindings } from "./get-cluster-rbac-findings";
import type { GrantPathView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";
import { parseSince } from "./parse-since";
import { RBAC_KINDS } from "./rbac-object-kinds";

export type RbacDrift = {
  cluster: { id: string; name: string };
  /** When the comparison starts (the requested time, or the first snapshot when the cluster is younger). */
  since: Date;
  baseline: StatePoint | null;
  current: StatePoint | null;
  /** The cluster's first evaluated snapshot came after `since`: the baseline is that snapshot. */
  baselineIsFirstSnapshot: boolean;
  /** Rule + subject pairs that did not exist at the baseline. */
  newRiskyGrants: RiskyGrantRow[];
  /** Pairs that existed, with only the grant paths that are new (another binding, a wider scope…). */
  widenedRiskyGrants: RiskyGrantRow[];
  /** Pairs that no longer exist. */
  resolvedRiskyGrants: RiskyGrantRow[];
  /** RBAC objects added, changed or removed in between (net effect per object). */
  objectChanges: { key: string; kind: string; change: "added" | "changed" | "removed" }[];
  objectChangesTotal: number;
};

const OBJECT_CHANGES_LIMIT = 200;

function pathKey(g: GrantPathView): string {
  return JSON.stringify([g.binding, g.role, g.aggregatedFrom ?? null, g.ruleIndex, g.rule, g.scope, g.via ?? null]);
}

/**
 * RBAC drift of one cluster: risky grants that appeared, widened or disappeared between its state
 * at `since` (default a week ago; reconstructed from stored change events) and its latest state,
 * and the RBAC objects that changed in between.
 */
export async function getRbacDrift({ orgId, clusterId, since, now = new Date() }: { orgId: string; clusterId: string; since?: string; now?: Date }): Promise<RbacDrift> {
  let sinceAt = parseSince(since, now);
  const current = await getClusterRbacFindings({ orgId, clusterId });
  const empty: RbacDrift = {
    cluster: current.cluster,
    since: sinceAt,
    baseline: null,
    current: current.snapshot,
    baselineIsFirstSnapshot: false,
    newRiskyGrants: [],
    widenedRiskyGrants: [],
    resolvedRiskyGrants: [],
    objectChanges: [],
    objectChangesTotal: 0,
  };
  if (!current.snapshot) return empty;

  let baseline = await getClusterRbacFindings({ orgId, clusterId, at: sinceAt });
  let baselineIsFirstSnapshot = false;
  if (!baseline.snapshot) {
    const first = await prisma.snapshot.findFirst({
      where: { orgId, clusterId, status: "complete", evaluatedAt: { not: null } },
      orderBy: { collectedAt: "asc" },
      select: { collectedAt: true },
    });
    if (!first) return empty;
    sinceAt = first.collectedAt;
    baseline = await getClusterRbacFindings({ orgId, clusterId, at: sinceAt });
    baselineIsFirstSnapshot = true;
  }
  if (!baseline.snapshot || baseline.snapshot.snapshotId === current.snapshot.snapshotId) {
    return { ...empty, since: sinceAt, baseline: baseline.snapshot, baselineIsFirstSnapshot };
  }

  const before = new Map(baseline.findings.riskyGrants.map((r) => [r.id, r]));
  const after = new Map(current.findings.riskyGrants.map((r) => [r.id, r]));
  const newRiskyGrants: RiskyGrantRow[] = [];
  const widenedRiskyGrants: RiskyGrantRow[] = [];
  for (const row of after.values()) {
    const old = before.get(row.id);
    if (!old) {
      newRiskyGrants.push(row);
      continue;
    }
    const known = new Set(old.grants.map(pathKey));
    const added = row.grants.filter((g) => !known.has(pathKey(g)));
    if (added.length) widenedRiskyGrants.push({ ...row, grants: added });
  }
  const resolvedRiskyGrants = [...before.values()].filter((row) => !after.has(row.id));

  const kinds = RBAC_KINDS.map((k) => k.kind);
  const rbacKeys = new Set(RBAC_KINDS.map((k) => `${k.group}/${k.kind}/`));
  const isRbacKey = (key: string) => [...rbacKeys].some((prefix) => key.startsWith(prefix));
  const events = await prisma.objectChange.findMany({
    where: { orgId, clusterId, kind: { in: kinds }, at: { gt: baseline.snapshot.collectedAt, lte: current.snapshot.collectedAt } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { key: true, kind: true, oldHash: true, newHash: true },
  });
  const net = new Map<string, { kind: string; oldHash: string | null; newHash: string | null }>();
  for (const e of events) {
    if (!isRbacKey(e.key)) continue;
    const seen = net.get(e.key);
    if (seen) seen.newHash = e.newHash;
    else net.set(e.key, { kind: e.kind, oldHash: e.oldHash, newHash: e.newHash });
  }
  const objectChanges: RbacDrift["objectChanges"] = [];
  for (const [key, { kind, oldHash, newHash }] of [...net].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (oldHash === newHash) continue;
    objectChanges.push({ key, kind, change: !oldHash ? "added" : !newHash ? "removed" : "changed" });
  }

  return {
    cluster: current.cluster,
    since: sinceAt,
    baseline: baseline.snapshot,
    current: current.snapshot,
    baselineIsFirstSnapshot,
    newRiskyGrants,
    widenedRiskyGrants,
    resolvedRiskyGrants,
    objectChanges: objectChanges.slice(0, OBJECT_CHANGES_LIMIT),
    objectChangesTotal: objectChanges.length,
  };
}
