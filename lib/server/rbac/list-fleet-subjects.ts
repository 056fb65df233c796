import type { Severity, SubjectRef } from "@/lib/engine/types";
import { isSuperuserGroup } from "@/lib/rbac";
import { subjectView, type SubjectView } from "./grant-path-view";
import { loadFleetRbac, type FleetRbac } from "./load-fleet-rbac";
import { severityRank } from "./risky-grant-catalogue";

/** The risky-permission rule that means "can do anything": cluster-admin or an equivalent role. */
const CLUSTER_ADMIN_RULE = "SS-1400";

export type FleetSubjectCluster = {
  clusterId: string;
  clusterName: string;
  /** Worst severity of the subject's own risky grants in this cluster (absent = none). */
  risk?: Severity;
  /** Rule ids of its risky grants there. */
  rules: string[];
  /** Cluster-admin equivalent there (SS-1400 through its own bindings, or system:masters itself). */
  clusterAdmin: boolean;
  bindings: number;
};

export type FleetSubject = {
  subject: SubjectView;
  clusters: FleetSubjectCluster[];
  presentIn: number;
  clusterAdminIn: number;
  worst?: Severity;
};

export type FleetSubjects = {
  /** The denominator of "cluster-admin in N of M clusters": clusters with RBAC data. */
  clustersWithData: number;
  totalClusters: number;
  subjects: FleetSubject[];
  /** Matching subjects before the limit. */
  total: number;
  errors: FleetRbac["errors"];
};

/**
 * The same user, group or service account (by name; service accounts by namespace/name) across
 * every cluster with RBAC data: where it is bound, how risky its own grants are, and in how many
 * clusters it is cluster-admin. Most widely privileged first.
 */
export async function listFleetSubjects({
  orgId,
  q,
  kind,
  minSeverity,
  limit = 200,
}: {
  orgId: string;
  q?: string;
  kind?: SubjectRef["kind"];
  minSeverity?: Severity;
  limit?: number;
}): Promise<FleetSubjects> {
  const fleet = await loadFleetRbac({ orgId });
  const needle = q?.trim().toLowerCase();
  const subjects = new Map<string, FleetSubject>();
  for (const { cluster, rbac } of fleet.analysed) {
    const { findings } = rbac;
    const rowsBySubject = new Map<string, { rules: string[]; risk?: Severity }>();
    for (const row of findings.riskyGrants) {
      const entry = rowsBySubject.get(row.subject.key) ?? { rules: [] };
      entry.rules.push(row.ruleId);
      if (!entry.risk || severityRank(row.severity) < severityRank(entry.risk)) entry.risk = row.severity;
      rowsBySubject.set(row.subject.key, entry);
    }
    for (const { subject, bindings } of findings.subjects) {
      if (kind && subject.kind !== kind) continue;
      const view = subjectView(subject);
      if (needle && !view.key.toLowerCase().includes(needle)) continue;
      const risky = rowsBySubject.get(view.key);
      let entry = subjects.get(view.key);
      if (!entry) subjects.set(view.key, (entry = { subject: view, clusters: [], presentIn: 0, clusterAdminIn: 0 }));
      const clusterAdmin = isSuperuserGroup(subject) || !!risky?.rules.includes(CLUSTER_ADMIN_RULE);
      entry.clusters.push({
        clusterId: cluster.id,
        clusterName: cluster.name,
        ...(risky?.risk ? { risk: risky.risk } : {}),
        rules: risky?.rules ?? [],
        clusterAdmin,
        bindings,
      });
      entry.presentIn++;
      if (clusterAdmin) entry.clusterAdminIn++;
      if (risky?.risk && (!entry.worst || severityRank(risky.risk) < severityRank(entry.worst))) entry.worst = risky.risk;
    }
  }
  const rank = (s?: Severity) => (s ? severityRank(s) : 4);
  const list = [...subjects.values()]
    .filter((s) => !minSeverity || (s.worst && severityRank(s.worst) <= severityRank(minSeverity)))
    .sort((a, b) => b.clusterAdminIn - a.clusterAdminIn || rank(a.worst) - rank(b.worst) || b.presentIn - a.presentIn || a.subject.key.localeCompare(b.subject.key));
  return {
    clustersWithData: fleet.analysed.length,
    totalClusters: fleet.clusters.length,
    subjects: list.slice(0, limit),
    total: list.length,
    errors: fleet.errors,
  };
}
