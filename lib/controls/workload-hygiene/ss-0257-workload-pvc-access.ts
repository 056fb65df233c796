import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { NO_VIOLATIONS, podSpecLocationOf } from "./container-resources";
import { claimTemplateNames, podReferences, referenceResolves } from "./pod-references";

export default defineControl({
  id: "SS-0257",
  name: "Workload with access to persistent volumes",
  description:
    "Fails when a container mounts a PersistentVolumeClaim, including a StatefulSet's volumeClaimTemplates. When the scan holds PVCs, mounts of claims that do not exist are ignored.",
  rationale:
    "Persistent volumes hold the data that outlives pods (databases, uploads, models); a compromised workload that mounts one can read, encrypt or destroy it. Knowing which workloads mount storage guides backups, hardening and blast-radius reviews.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    const templates = claimTemplateNames(obj);
    let violations: Violation[] | undefined;
    for (const ref of podReferences(at, templates)) {
      if (ref.kind !== "PersistentVolumeClaim") continue;
      if (!templates.includes(ref.name) && !referenceResolves(ctx, "PersistentVolumeClaim", at.namespace, ref.name)) continue;
      (violations ??= []).push({ message: `container "${ref.container}" mounts PersistentVolumeClaim ${ref.name}`, paths: ref.paths });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Mount claims only into the containers that need them, read-only where possible (volumeMounts[].readOnly), and keep backups; review that the workload's hardening matches the sensitivity of the data.",
  refs: { kubescape: ["C-0257"] },
});
