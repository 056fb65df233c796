import type { AttackPathView } from "./cluster-rbac-analysis";
import { getClusterRbac } from "./get-cluster-rbac";
import type { StatePoint } from "./load-cluster-objects";

export type AttackPathList = { snapshot: StatePoint | null; paths: AttackPathView[] };

/** Exposed or privileged workload → its mounted service-account token → risky permission → impact, worst first. */
export async function listAttackPaths({ orgId, clusterId }: { orgId: string; clusterId: string }): Promise<AttackPathList> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  return { snapshot, paths: analysis.attackPaths() };
}
