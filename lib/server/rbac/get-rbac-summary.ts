import type { Severity } from "@/lib/engine/types";
import { getClusterRbac } from "./get-cluster-rbac";
import type { SubjectView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";
import { severityRank } from "./risky-grant-catalogue";

export type RbacSummary = {
  cluster: { id: string; name: string };
  snapshot: StatePoint | null;
  /** Objects left out because their stored bodies were pruned. */
  missingObjects: number;
  counts: { subjects: number; roles: number; bindings: number; serviceAccounts: number; workloads: number };
  riskyGrants: Record<Severity, number>;
  attackPaths: Record<Severity, number>;
  /** The subjects with the worst own risky grants (most rules first within a severity). */
  topSubjects: (SubjectView & { risk: Severity; rules: number })[];
};

const TOP_SUBJECTS = 8;

/** Counts, risk totals and the riskiest subjects of a cluster's latest RBAC state. */
export async function getRbacSummary({ orgId, clusterId }: { orgId: string; clusterId: string }): Promise<RbacSummary> {
  const { cluster, snapshot, missingBodies, analysis } = await getClusterRbac({ orgId, clusterId });
  const { model, index } = analysis;
  const riskyGrants: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  const perSubject = new Map<string, SubjectView & { risk: Severity; rules: number }>();
  for (const row of analysis.riskyGrants()) {
    riskyGrants[row.severity]++;
    const seen = perSubject.get(row.subject.key);
    if (!seen) perSubject.set(row.subject.key, { ...row.subject, risk: row.severity, rules: 1 });
    else seen.rules++;
  }
  const attackPaths: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const path of analysis.attackPaths()) attackPaths[path.severity]++;
  const topSubjects = [...perSubject.values()]
    .sort((a, b) => severityRank(a.risk) - severityRank(b.risk) || b.rules - a.rules || a.key.localeCompare(b.key))
    .slice(0, TOP_SUBJECTS);
  return {
    cluster,
    snapshot,
    missingObjects: missingBodies.length,
    counts: {
      subjects: model.subjects().length,
      roles: model.roles.filter((r) => !r.assumedBuiltin).length,
      bindings: model.bindings.length,
      serviceAccounts: index.byKind("ServiceAccount").length,
      workloads: index.workloads().length,
    },
    riskyGrants,
    attackPaths,
    topSubjects,
  };
}
