// Which containers should carry readiness and liveness probes.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { append, comesInCopies, containersOfObject, derivedFromPath, newFindingPool, pooledFinding, sharedFixPaths, type FindingPool } from "./container-resources";

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

const readinessFix = (path: string) => sharedFixPaths(`${path}.readinessProbe`, "YOUR_VALUE");
const livenessFix = (path: string) => sharedFixPaths(`${path}.livenessProbe`, "YOUR_VALUE");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function missingProbe(container: any, path: string, probe: "readinessProbe" | "livenessProbe"): Violation {
  const readiness = probe === "readinessProbe";
  return {
    message: `container "${container.name ?? "(unnamed)"}" has no ${readiness ? "readiness" : "liveness"} probe`,
    fixPaths: derivedFromPath(path, probe, readiness ? readinessFix : livenessFix),
  };
}

/** Both probe checks of one object (null when probes do not apply). */
interface ProbeFindings {
  readinessProbe: Violation[];
  livenessProbe: Violation[];
}

/** Per scan: each object's probe findings, and the findings shared by identical containers (read-only). */
interface ProbeScan {
  byObject: Map<K8sObject, ProbeFindings | null>;
  pool: FindingPool;
  /** Results of single-container pods by container path, name, then missing probes (bit 1 readiness, 2 liveness). */
  single: Map<string, Map<unknown, (ProbeFindings | undefined)[]>>;
}

const newProbeScan = (): ProbeScan => ({ byObject: new Map(), pool: newFindingPool(), single: new Map() });

const PROBES = ["readinessProbe", "livenessProbe"] as const;

function hasHandler(probe: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const p = probe as any;
  return !!p && typeof p === "object" && !!(p.httpGet || p.tcpSocket || p.exec || p.grpc);
}

/**
 * Violations for every regular container without the given probe (null when probes do not apply).
 * With the scan context, both probes are checked in one walk per object, and identical containers
 * share their finding.
 */
export function missingProbes(obj: K8sObject, probe: "readinessProbe" | "livenessProbe", ctx?: EvalContext): Violation[] | null {
  if (!ctx) return checkProbes(obj, undefined)?.[probe] ?? null;
  const scan = ctx.cache("workload-hygiene:probe-findings", newProbeScan);
  let findings = scan.byObject.get(obj);
  if (findings === undefined) scan.byObject.set(obj, (findings = checkProbes(obj, scan)));
  return findings?.[probe] ?? null;
}

function checkProbes(obj: K8sObject, scan: ProbeScan | undefined): ProbeFindings | null {
  const pool = scan && comesInCopies(obj) ? scan.pool : undefined;
  if (runsToCompletion(obj)) return null;
  const containers = containersOfObject(obj, MAIN_CONTAINERS);
  if (!containers.length) return null;
  // One container (most pods): the whole result depends on its path, name and which probes lack a handler.
  if (scan && containers.length === 1 && comesInCopies(obj)) return singleContainerFindings(scan, containers[0].container, containers[0].path);
  const findings: ProbeFindings = { readinessProbe: [], livenessProbe: [] };
  for (const { container, path } of containers) {
    for (const probe of PROBES) {
      if (hasHandler(container[probe])) continue;
      const finding = pool ? pooledFinding(pool, path, container.name, probe, missingProbe, container, path, probe) : missingProbe(container, path, probe);
      findings[probe] = append(findings[probe], finding);
    }
  }
  return findings;
}

/** The findings of a pod with one regular container, shared by every pod whose container has the same path, name and missing probes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function singleContainerFindings(scan: ProbeScan, container: any, path: string): ProbeFindings {
  const missing = (hasHandler(container.readinessProbe) ? 0 : 1) | (hasHandler(container.livenessProbe) ? 0 : 2);
  let byName = scan.single.get(path);
  if (!byName) scan.single.set(path, (byName = new Map()));
  let byMissing = byName.get(container.name);
  if (!byMissing) byName.set(container.name, (byMissing = []));
  return (byMissing[missing] ??= {
    readinessProbe: missing & 1 ? [pooledFinding(scan.pool, path, container.name, "readinessProbe", missingProbe, container, path, "readinessProbe")] : [],
    livenessProbe: missing & 2 ? [pooledFinding(scan.pool, path, container.name, "livenessProbe", missingProbe, container, path, "livenessProbe")] : [],
  });
}
