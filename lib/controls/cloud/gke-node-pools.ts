// GKE node pools as the cluster description lists them (nodePools / node_pools), one finding per pool.
import type { Control, ControlRefs, Severity, Violation } from "../../engine/types";
import { asList, defineClusterControl, locate, type Located } from "./cloud-describe";

export function gkeNodePools(cluster: Located): { pool: Located; name: string }[] {
  const pools = locate(cluster, "nodePools");
  return asList(pools?.value).map((value, i) => {
    const pool = { value, path: `${pools!.path}[${i}]` };
    return { pool, name: String(locate(pool, "name")?.value ?? `#${i}`) };
  });
}

/** Enum fields arrive as names (REST) or numbers (protobuf clients): true when either form is listed. */
export function enumIs(value: unknown, accepted: readonly (string | number)[]): boolean {
  return accepted.includes(value as string | number);
}

/** A GKE control judged pool by pool: `problem` returns a message (and path) for a non-compliant pool. */
export function defineGkeNodePoolControl(definition: {
  id: string;
  name: string;
  description: string;
  rationale: string;
  severity: Severity;
  remediation: string;
  refs: ControlRefs;
  problem: (pool: Located, name: string) => { message: string; path: string } | undefined;
}): Control<import("../../engine/types").K8sObject> {
  const { problem, ...rest } = definition;
  return defineClusterControl({
    ...rest,
    checks: {
      gke(cluster) {
        const pools = gkeNodePools(cluster);
        if (!pools.length) return null;
        const violations: Violation[] = [];
        for (const { pool, name } of pools) {
          const found = problem(pool, name);
          if (found) violations.push({ message: found.message, paths: [found.path] });
        }
        return violations;
      },
    },
  });
}
