import { defineControl } from "../../engine/define-control";
import { DEFAULT_SETTINGS } from "../../engine/settings";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { missingAllLabels } from "./labels";

export default defineControl({
  id: "SS-0077",
  name: "Workload without Kubernetes recommended labels",
  description:
    "Fails when a workload, or the pods it creates, carries none of the app.kubernetes.io/* labels listed in the k8sRecommendedLabels setting.",
  rationale:
    "The app.kubernetes.io labels are the shared vocabulary tools (dashboards, kubectl plugins, Helm, service meshes) use to group a workload's objects; without them, its pieces cannot be tied together.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return missingAllLabels(obj, ctx.settings.k8sRecommendedLabels, DEFAULT_SETTINGS.k8sRecommendedLabels, "app.kubernetes.io labels", ctx);
  },
  remediation: "Add at least app.kubernetes.io/name and app.kubernetes.io/instance (Helm charts usually provide them) to the workload and its pod template.",
  refs: { kubescape: ["C-0077"] },
});
