// Which identity a workload's pods run as, and whether its token is actually in the containers.
import type { ObjectIndex } from "../engine/object-index";
import type { K8sObject, SubjectRef } from "../engine/types";
import { podSpecOf, serviceAccountNameOf } from "../engine/workload";

export function serviceAccountOfWorkload(workload: K8sObject): SubjectRef {
  return { kind: "ServiceAccount", namespace: workload.metadata?.namespace || "default", name: serviceAccountNameOf(workload) };
}

function hasProjectedToken(spec: { volumes?: unknown }): boolean {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  return volumes.some(
    (v) => Array.isArray(v?.projected?.sources) && v.projected.sources.some((s: { serviceAccountToken?: unknown }) => s && s.serviceAccountToken),
  );
}

/**
 * True when the pods get an API token: the pod's automountServiceAccountToken wins over the service
 * account's; both unset means mounted (the admission default). A projected serviceAccountToken volume
 * mounts a token whatever the flags say. A service account missing from the scan counts as default.
 */
export function serviceAccountTokenMounted(workload: K8sObject, serviceAccount: K8sObject | undefined): boolean {
  const spec = podSpecOf(workload)?.spec;
  if (!spec) return false;
  if (hasProjectedToken(spec)) return true;
  if (spec.automountServiceAccountToken === true) return true;
  if (spec.automountServiceAccountToken === false) return false;
  return serviceAccount?.automountServiceAccountToken !== false;
}

/** A ServiceAccount object of the scan; in "default", one written without a namespace also counts. */
export function findServiceAccountObject(index: Pick<ObjectIndex, "get">, namespace: string, name: string): K8sObject | undefined {
  return index.get("ServiceAccount", namespace, name) ?? (namespace === "default" ? index.get("ServiceAccount", undefined, name) : undefined);
}

/** The workload's ServiceAccount object, when the scan has it. */
export function serviceAccountObjectOf(index: Pick<ObjectIndex, "get">, workload: K8sObject): K8sObject | undefined {
  const sa = serviceAccountOfWorkload(workload);
  return findServiceAccountObject(index, sa.namespace!, sa.name);
}
