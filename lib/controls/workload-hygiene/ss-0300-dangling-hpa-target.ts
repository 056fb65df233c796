import { defineControl } from "../../engine/define-control";
import { findNamespaced } from "./scan-lookups";
import { namespaceOf } from "./scan-lookups";

// Built-in scalable kinds and the API groups they may be addressed with.
const BUILT_IN_SCALABLE: Record<string, string[]> = {
  Deployment: ["apps", "extensions"],
  StatefulSet: ["apps"],
  ReplicaSet: ["apps", "extensions"],
  ReplicationController: [""],
};

export default defineControl({
  id: "SS-0300",
  name: "HorizontalPodAutoscaler targets a missing workload",
  description:
    "Fails when a HorizontalPodAutoscaler's scaleTargetRef names a Deployment, StatefulSet, ReplicaSet or ReplicationController that does not exist in the HPA's namespace. Targets of other kinds (custom resources) are not applicable.",
  rationale:
    "A dangling autoscaler scales nothing: the workload it was meant for (often renamed) runs at a fixed size and falls over under load, while dashboards suggest it is autoscaled.",
  severity: "medium",
  category: "hygiene",
  kinds: ["HorizontalPodAutoscaler"],
  evaluate(hpa, ctx) {
    const ref = hpa.spec?.scaleTargetRef;
    if (!ref || typeof ref.kind !== "string" || typeof ref.name !== "string") return null;
    const groups = BUILT_IN_SCALABLE[ref.kind];
    if (!groups) return null;
    const apiVersion = typeof ref.apiVersion === "string" ? ref.apiVersion : "";
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
    if (apiVersion && !groups.includes(group)) return null;
    const ns = namespaceOf(hpa);
    if (findNamespaced(ctx, ref.kind, ns, ref.name)) return [];
    return [{ message: `scaleTargetRef points to ${ref.kind} ${ref.name}, which does not exist in namespace ${ns}`, paths: ["spec.scaleTargetRef.name"] }];
  },
  remediation: "Point scaleTargetRef at the workload's current name (and kind), or delete the autoscaler if the workload is gone.",
  refs: { kubescape: ["C-0300"] },
});
