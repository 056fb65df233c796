import { defineControl } from "../../engine/define-control";

export default defineControl({
  id: "SS-0073",
  name: "Naked pod",
  description:
    "Fails when a Pod has no owner reference: no Deployment, StatefulSet, DaemonSet, Job or other controller (nor the node, for static pods) manages it. Helm hook pods (`helm.sh/hook`, e.g. chart tests) are run and cleaned up by Helm and pass.",
  rationale:
    "A pod nobody owns is not rescheduled when its node fails, not replaced when it crashes for good, and not updated by rollouts; it is also the typical trace of someone running ad-hoc containers in the cluster.",
  severity: "low",
  category: "hygiene",
  kinds: ["Pod"],
  evaluate(obj) {
    const owners = obj.metadata?.ownerReferences;
    if (Array.isArray(owners) && owners.length > 0) return [];
    if (typeof obj.metadata?.annotations?.["helm.sh/hook"] === "string") return [];
    return [{ message: `Pod "${obj.metadata?.name ?? ""}" is not managed by any controller` }];
  },
  remediation:
    "Run the container through a Deployment (or a Job for one-off work) so Kubernetes keeps it running and rolls it out; delete leftover debugging pods.",
  refs: { kubescape: ["C-0073"] },
});
