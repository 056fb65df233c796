import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0290",
  name: "API server extends projected token lifetimes",
  description:
    "Fails unless the kube-apiserver runs with --service-account-extend-token-expiration=false (the default, true, stretches projected service-account tokens to a year).",
  rationale:
    "Extended tokens stay valid for a year even though the kubelet refreshes them hourly, so a token copied out of a pod remains usable long after the pod is gone.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireBoolean(instance, "service-account-extend-token-expiration", false, true, "stolen projected tokens stay valid for up to a year"),
  remediation:
    "Set `--service-account-extend-token-expiration=false` after checking (via the `authentication.k8s.io/stale-token` audit annotation) that no client still relies on old tokens.",
  refs: { kubescape: ["C-0290"], cis: ["1.2.30"] },
});
