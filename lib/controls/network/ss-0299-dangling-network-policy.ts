import { defineControl } from "../../engine/define-control";
import { namespaceOf } from "./network-policy-coverage";
import { podBearersMatchingSelector } from "./pod-bearers";

export default defineControl({
  id: "SS-0299",
  name: "NetworkPolicy selects no pods",
  description:
    "Fails a NetworkPolicy with a non-empty podSelector that matches no pod-bearing object (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, …) in its namespace.",
  rationale:
    "A policy whose selector matches nothing usually means the labels drifted: the workload it was written for runs unprotected while the policy gives the impression it is isolated.",
  severity: "medium",
  category: "network",
  kinds: ["NetworkPolicy"],
  evaluate(policy, ctx) {
    const selector = policy.spec?.podSelector;
    if (!selector || typeof selector !== "object") return null;
    const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
    if (empty) return null;
    const ns = namespaceOf(policy);
    if (podBearersMatchingSelector(ctx, ns, selector).length > 0) return [];
    return [
      {
        message: `podSelector of NetworkPolicy "${policy.metadata?.name}" matches no pods in namespace "${ns}"`,
        paths: ["spec.podSelector"],
      },
    ];
  },
  remediation:
    "Fix the podSelector to match the labels the intended pods carry (compare with the workload's pod template labels), or delete the policy if its workload is gone.",
  refs: {
    kubescape: ["C-0299"],
  },
});
