import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Severity } from "@/lib/engine/types";

export const RESOURCE_PAGE_SIZE = 200;

export type ClusterResource = {
  key: string;
  kind: string;
  namespace: string;
  name: string;
  firstSeenAt: Date;
  lastChangedAt: Date;
  /** Open findings not covered by an exception, and the worst severity among them. */
  failing: number;
  excepted: number;
  worstSeverity: Severity | null;
};

export type ClusterResources = {
  resources: ClusterResource[];
  /** Objects matching the filters (the page holds at most RESOURCE_PAGE_SIZE). */
  total: number;
  kinds: { kind: string; count: number }[];
  namespaces: { namespace: string; count: number }[];
  /** Findings on RBAC subjects and the cluster itself (not objects), listed by key. */
  otherFindings: { resourceKey: string; failing: number; worstSeverity: Severity | null }[];
};

type Row = { key: string; kind: string; namespace: string; firstSeenAt: Date; lastChangedAt: Date; failing: bigint; excepted: bigint; worst: number | null; total: bigint };

const SEVERITY_BY_RANK: Severity[] = ["critical", "high", "medium", "low"];

/**
 * The cluster's current objects (its latest evaluated state) by kind and namespace, each with its
 * open findings; failing objects first. `q` matches the name; `failing` keeps only objects with
 * open, non-excepted findings.
 */
export async function listClusterResources({
  orgId,
  clusterId,
  kind,
  namespace,
  q,
  failing,
  offset = 0,
}: {
  orgId: string;
  clusterId: string;
  kind?: string;
  namespace?: string;
  q?: string;
  failing?: boolean;
  offset?: number;
}): Promise<ClusterResources> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const [rows, kinds, namespaces, others] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      WITH f AS (
        SELECT "resourceKey",
               count(*) FILTER (WHERE "exceptionId" IS NULL) AS failing,
               count(*) FILTER (WHERE "exceptionId" IS NOT NULL) AS excepted,
               min(CASE "severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END) FILTER (WHERE "exceptionId" IS NULL) AS worst
          FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL GROUP BY 1
      )
      SELECT o."key", o."kind", o."namespace", o."firstSeenAt", o."lastChangedAt",
             coalesce(f.failing, 0) AS failing, coalesce(f.excepted, 0) AS excepted, f.worst, count(*) OVER () AS total
        FROM "ClusterObject" o LEFT JOIN f ON f."resourceKey" = o."key"
       WHERE o."orgId" = ${orgId} AND o."clusterId" = ${clusterId}
         AND (${kind ?? null}::text IS NULL OR o."kind" = ${kind ?? null})
         AND (${namespace ?? null}::text IS NULL OR o."namespace" = ${namespace ?? null})
         AND (${pattern}::text IS NULL OR split_part(o."key", '/', 4) ILIKE ${pattern})
         AND (${failing ?? false} = false OR coalesce(f.failing, 0) > 0)
       ORDER BY coalesce(f.worst, 9), coalesce(f.failing, 0) DESC, o."kind", o."namespace", o."key"
       LIMIT ${RESOURCE_PAGE_SIZE} OFFSET ${offset}`,
    prisma.$queryRaw<{ kind: string; count: bigint }[]>`
      SELECT "kind", count(*) AS count FROM "ClusterObject" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ namespace: string; count: bigint }[]>`
      SELECT "namespace", count(*) AS count FROM "ClusterObject" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ resourceKey: string; failing: bigint; worst: number | null }[]>`
      SELECT "resourceKey", count(*) FILTER (WHERE "exceptionId" IS NULL) AS failing,
             min(CASE "severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END) FILTER (WHERE "exceptionId" IS NULL) AS worst
        FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL
         AND ("resourceKey" LIKE 'subject/%' OR "resourceKey" = 'cluster') GROUP BY 1 ORDER BY 3 NULLS LAST, 2 DESC, 1`,
  ]);
  return {
    resources: rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      namespace: r.namespace,
      name: r.key.split("/").slice(3).join("/"),
      firstSeenAt: r.firstSeenAt,
      lastChangedAt: r.lastChangedAt,
      failing: Number(r.failing),
      excepted: Number(r.excepted),
      worstSeverity: r.worst === null ? null : SEVERITY_BY_RANK[r.worst],
    })),
    total: Number(rows[0]?.total ?? 0),
    kinds: kinds.map((k) => ({ kind: k.kind, count: Number(k.count) })),
    namespaces: namespaces.map((n) => ({ namespace: n.namespace, count: Number(n.count) })),
    otherFindings: others.map((o) => ({ resourceKey: o.resourceKey, failing: Number(o.failing), worstSeverity: o.worst === null ? null : SEVERITY_BY_RANK[o.worst] })),
  };
}
