import type { Severity } from "@/lib/engine/types";
import type { RiskyGrantRow } from "./cluster-rbac-analysis";
import { getClusterRbac } from "./get-cluster-rbac";
import type { StatePoint } from "./load-cluster-objects";
import { severityRank } from "./risky-grant-catalogue";

export type RiskyGrantList = { snapshot: StatePoint | null; total: number; grants: RiskyGrantRow[] };

/**
 * The cluster's risky grants (each subject judged on its own bindings, so a grant to a group is
 * listed once, on the group), worst first; filtered by minimum severity, rule or subject text.
 */
export async function listRiskyGrants({
  orgId,
  clusterId,
  minSeverity,
  ruleId,
  q,
  limit = 500,
}: {
  orgId: string;
  clusterId: string;
  minSeverity?: Severity;
  ruleId?: string;
  q?: string;
  limit?: number;
}): Promise<RiskyGrantList> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  const needle = q?.trim().toLowerCase();
  const rows = analysis
    .riskyGrants()
    .filter((row) => !minSeverity || severityRank(row.severity) <= severityRank(minSeverity))
    .filter((row) => !ruleId || row.ruleId === ruleId)
    .filter((row) => !needle || row.subject.key.toLowerCase().includes(needle) || row.title.toLowerCase().includes(needle));
  return { snapshot, total: rows.length, grants: rows.slice(0, limit) };
}
