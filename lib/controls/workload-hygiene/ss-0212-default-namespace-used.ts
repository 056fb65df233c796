import { defineControl } from "../../engine/define-control";
import type { EvaluationTargets } from "../../engine/object-index";
import type { EvalTarget, FixPath, K8sObject } from "../../engine/types";

// Namespaced kinds recognised even when a manifest leaves out metadata.namespace (it then lands in
// the applier's namespace, "default" unless chosen). Objects of other kinds count only with an
// explicit namespace, since an unknown kind may be cluster-scoped.
const NAMESPACED_KINDS = new Set([
  "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "PodTemplate",
  "Service", "Endpoints", "EndpointSlice", "Ingress", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding",
  "PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Lease", "CSIStorageCapacity",
  "NetworkPolicy", "LimitRange", "ResourceQuota", "ControllerRevision", "Gateway", "HTTPRoute", "GRPCRoute",
  "TLSRoute", "TCPRoute", "UDPRoute",
]);

// Objects that exist in the default namespace of every cluster, and guard-rails that belong there
// (a deny-all NetworkPolicy or a zero quota is how one keeps the namespace unused).
function isExpectedInDefault(obj: K8sObject): boolean {
  const name = obj.metadata?.name;
  switch (obj.kind) {
    case "Service":
    case "Endpoints":
      return name === "kubernetes";
    case "EndpointSlice":
      return name === "kubernetes" && obj.metadata?.labels?.["kubernetes.io/service-name"] !== undefined;
    case "ServiceAccount":
      return name === "default";
    case "ConfigMap":
      return name === "kube-root-ca.crt";
    case "Secret":
      return obj.type === "kubernetes.io/service-account-token" && obj.metadata?.annotations?.["kubernetes.io/service-account.name"] === "default";
    case "NetworkPolicy":
    case "ResourceQuota":
    case "LimitRange":
      return true;
    default:
      return false;
  }
}

// Every finding names the same field: shared, read-only.
const NAMESPACE_PATHS = Object.freeze(["metadata.namespace"]) as unknown as string[];
const NAMESPACE_FIX = Object.freeze([Object.freeze({ path: "metadata.namespace", value: "YOUR_NAMESPACE" })]) as unknown as FixPath[];

const IGNORED_KINDS = new Set(["Event", "List"]);

interface KindCursor {
  targets: EvaluationTargets;
  /** Position in targets.objects of the next object of the kind to look for. */
  next: number;
}

export default defineControl({
  id: "SS-0212",
  name: "Default namespace in use",
  description:
    "Fails for every namespaced object (workloads, Services, ConfigMaps, Secrets, RBAC, PVCs, Ingresses, custom resources, …) that lives in the default namespace or declares no namespace. The objects Kubernetes itself keeps there (the kubernetes Service and its endpoints, the default ServiceAccount and CA ConfigMap) and guard-rails (NetworkPolicy, ResourceQuota, LimitRange) are allowed.",
  rationale:
    "Resources in the default namespace share one flat security boundary that is rarely covered by RBAC, quotas or network policies, and nobody obviously owns them. Using dedicated namespaces is what makes per-team isolation possible.",
  severity: "medium",
  category: "hygiene",
  targets(ctx) {
    const targets: EvalTarget<K8sObject>[] = [];
    // Each target's resource is the one the kind-based controls share for that object. An object
    // left out of its kind's evaluation targets has a present owner, so it is left out here too;
    // both lists keep scan order, so one cursor per kind finds every object.
    const cursors = new Map<string, KindCursor>();
    for (const obj of ctx.index.all) {
      if (IGNORED_KINDS.has(obj.kind) || ctx.index.hasPresentOwner(obj)) continue;
      if (!obj.metadata?.namespace && !NAMESPACED_KINDS.has(obj.kind)) continue;
      let cursor = cursors.get(obj.kind);
      if (!cursor) cursors.set(obj.kind, (cursor = { targets: ctx.index.evaluationTargets(obj.kind), next: 0 }));
      const objects = cursor.targets.objects;
      while (objects[cursor.next] !== obj) cursor.next++;
      targets.push({ resource: cursor.targets.resourceAt(cursor.next++), value: obj });
    }
    return targets;
  },
  evaluate(obj) {
    const ns = obj.metadata?.namespace || "default";
    if (ns !== "default" || isExpectedInDefault(obj)) return [];
    return [{
      message: obj.metadata?.namespace
        ? `${obj.kind} ${obj.metadata?.name ?? ""} is in the default namespace`
        : `${obj.kind} ${obj.metadata?.name ?? ""} declares no namespace and would be created in the default namespace`,
      paths: obj.metadata?.namespace ? NAMESPACE_PATHS : undefined,
      fixPaths: NAMESPACE_FIX,
    }];
  },
  remediation:
    "Move the resources into namespaces per application or team with their own RBAC, quotas and network policies; leave only Kubernetes' own objects in default, and consider a deny-all NetworkPolicy and a zero ResourceQuota there.",
  refs: { kubescape: ["C-0212"], cis: ["5.7.4"], cisEks: ["4.6.3"], cisAks: ["4.6.3"], cisGke: ["4.6.4"] },
});
