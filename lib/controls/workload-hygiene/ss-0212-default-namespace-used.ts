import { defineControl } from "../../engine/define-control";
import type { EvaluationTargets } from "../../engine/object-index";
import type { EvalTarget, FixPath, K8sObject } from "../../engine/types";
import { NO_VIOLATIONS } from "./container-resources";

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
  /** Whether objects of the kind count without an explicit namespace. */
  namespaced: boolean;
  /** The kind's evaluation targets, fetched at its first target. */
  targets: EvaluationTargets | undefined;
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
    // One lookup per object: what the kind decides (null for ignored kinds) is kept on its cursor.
    const cursors = new Map<string, KindCursor | null>();
    const index = ctx.index;
    for (const obj of index.all) {
      const kind = obj.kind;
      let cursor = cursors.get(kind);
      if (cursor === undefined) cursors.set(kind, (cursor = IGNORED_KINDS.has(kind) ? null : { namespaced: NAMESPACED_KINDS.has(kind), targets: undefined, next: 0 }));
      if (cursor === null || (!cursor.namespaced && !obj.metadata?.namespace) || index.hasPresentOwner(obj)) continue;
      const kindTargets = (cursor.targets ??= index.evaluationTargets(kind));
      const objects = kindTargets.objects;
      while (objects[cursor.next] !== obj) cursor.next++;
      targets.push({ resource: kindTargets.resourceAt(cursor.next++), value: obj });
    }
    return targets;
  },
  evaluate(obj) {
    const metadata = obj.metadata;
    const namespace = metadata?.namespace;
    if ((namespace && namespace !== "default") || isExpectedInDefault(obj)) return NO_VIOLATIONS;
    return [{
      message: namespace
        ? `${obj.kind} ${metadata?.name ?? ""} is in the default namespace`
        : `${obj.kind} ${metadata?.name ?? ""} declares no namespace and would be created in the default namespace`,
      paths: namespace ? NAMESPACE_PATHS : undefined,
      fixPaths: NAMESPACE_FIX,
    }];
  },
  remediation:
    "Move the resources into namespaces per application or team with their own RBAC, quotas and network policies; leave only Kubernetes' own objects in default, and consider a deny-all NetworkPolicy and a zero ResourceQuota there.",
  refs: { kubescape: ["C-0212"], cis: ["5.7.4"], cisEks: ["4.6.3"], cisAks: ["4.6.3"], cisGke: ["4.6.4"] },
});
