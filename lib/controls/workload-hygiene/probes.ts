// Which containers should carry readiness and liveness probes.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { containersOfObject, newFindingPool, pooledFinding } from "./container-resources";

/**
 * Run-to-completion pods (Jobs, CronJobs, pods of a Job, bare pods that never restart) are not
 * served behind Services nor kept alive, so probes do not apply to them.
 */
export function runsToCompletion(obj: K8sObject): boolean {
  if (obj.kind === "Job" || obj.kind === "CronJob") return true;
  if (obj.kind !== "Pod") return false;
  if ((obj.metadata?.ownerReferences ?? []).some((o) => o?.kind === "Job")) return true;
  const policy = obj.spec?.restartPolicy;
  return policy === "Never" || policy === "OnFailure";
}

const MAIN_CONTAINERS: readonly ContainerGroup[] = ["containers"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function missingProbe(container: any, path: string, probe: "readinessProbe" | "livenessProbe"): Violation {
  return {
    message: `container "${container.name ?? "(unnamed)"}" has no ${probe === "readinessProbe" ? "readiness" : "liveness"} probe`,
    fixPaths: [{ path: `${path}.${probe}`, value: "YOUR_VALUE" }],
  };
}

/**
 * Violations for every regular container without the given probe (null when probes do not apply).
 * With the scan context, identical containers share their finding.
 */
export function missingProbes(obj: K8sObject, probe: "readinessProbe" | "livenessProbe", ctx?: EvalContext): Violation[] | null {
  if (runsToCompletion(obj)) return null;
  const containers = containersOfObject(obj, MAIN_CONTAINERS);
  if (!containers.length) return null;
  const pool = ctx?.cache("workload-hygiene:probe-findings", newFindingPool);
  const violations: Violation[] = [];
  for (const { container, path } of containers) {
    const p = container[probe];
    if (p && typeof p === "object" && (p.httpGet || p.tcpSocket || p.exec || p.grpc)) continue;
    violations.push(pool ? pooledFinding(pool, path, container.name, probe, () => missingProbe(container, path, probe)) : missingProbe(container, path, probe));
  }
  return violations;
}
