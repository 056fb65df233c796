import { defineControl } from "../../engine/define-control";
import { serviceSelectsAnyPods, serviceType } from "./exposure";
import { namespaceOf } from "./network-policy-coverage";

export default defineControl({
  id: "SS-0293",
  name: "Service selects no workload",
  description:
    "Fails a Service with a pod selector that matches no Pod or pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) in its namespace. ExternalName Services and Services without a selector are skipped.",
  rationale:
    "A Service with no backing pods is dead configuration that usually hides a label typo or a deleted app; if its name or IP is later claimed by an unintended pod with matching labels, traffic silently goes there.",
  severity: "low",
  category: "hygiene",
  kinds: ["Service"],
  evaluate(service, ctx) {
    if (serviceType(service) === "ExternalName") return null;
    const selector = service.spec?.selector;
    if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return null;
    if (serviceSelectsAnyPods(ctx, service)) return [];
    const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",");
    return [
      {
        message: `Service "${service.metadata?.name}" selects ${wanted} but no pod or workload in namespace "${namespaceOf(service)}" carries those labels`,
        paths: ["spec.selector"],
      },
    ];
  },
  remediation:
    "Correct the selector to the labels of the intended pods' template, or delete the Service if its workload was removed.",
  refs: {
    kubescape: ["C-0293"],
  },
});
