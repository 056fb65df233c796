import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { NO_VIOLATIONS, podSpecLocationOf } from "./container-resources";
import { podReferences, referenceResolves } from "./pod-references";

// Every pod gets the cluster CA bundle through the kube-api-access projected volume; it is public.
const CLUSTER_CA_CONFIGMAP = "kube-root-ca.crt";

export default defineControl({
  id: "SS-0258",
  name: "Workload with access to ConfigMaps",
  description:
    "Fails when a container mounts a ConfigMap volume (plain or projected), other than the public cluster CA bundle every pod receives. When the scan holds ConfigMaps, mounts of ConfigMaps that do not exist are ignored.",
  rationale:
    "Mounted configuration often carries connection strings, feature switches and occasionally credentials; an attacker in the pod reads it, and one with write access to the ConfigMap can change how the workload behaves.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    let violations: Violation[] | undefined;
    for (const ref of podReferences(at)) {
      if (ref.kind !== "ConfigMap" || ref.via !== "volume" || ref.name === CLUSTER_CA_CONFIGMAP) continue;
      if (!referenceResolves(ctx, "ConfigMap", at.namespace, ref.name)) continue;
      (violations ??= []).push({ message: `container "${ref.container}" mounts ConfigMap ${ref.name}`, paths: ref.paths });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Mount only the ConfigMaps (and keys) the container uses, read-only, and keep credentials out of them; restrict who can edit the ConfigMaps a sensitive workload mounts.",
  refs: { kubescape: ["C-0258"] },
});
