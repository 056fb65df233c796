import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0116",
  name: "API server has no client certificate for kubelets",
  description: "Fails unless the kube-apiserver sets both --kubelet-client-certificate and --kubelet-client-key.",
  rationale:
    "Without a client certificate the API server calls kubelets (logs, exec, port-forward) without authenticating, so kubelets must accept unauthenticated requests, and anyone reaching port 10250 gets the same access.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => [
    ...requireFlag(instance, "kubelet-client-certificate", "<path/to/apiserver-kubelet-client.crt>", "the API server cannot authenticate to kubelets"),
    ...requireFlag(instance, "kubelet-client-key", "<path/to/apiserver-kubelet-client.key>", "the API server cannot authenticate to kubelets", 1),
  ],
  remediation:
    "Issue the API server a client certificate trusted by the kubelets' client CA and pass it with `--kubelet-client-certificate` and `--kubelet-client-key`; then require webhook authentication on the kubelets.",
  refs: { kubescape: ["C-0116"], cis: ["1.2.4"] },
});
