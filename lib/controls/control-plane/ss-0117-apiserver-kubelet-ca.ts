import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0117",
  name: "API server does not verify kubelet certificates",
  description: "Fails unless the kube-apiserver sets --kubelet-certificate-authority.",
  rationale:
    "Without a CA to check kubelet serving certificates, the API server cannot tell a real kubelet from an impostor: traffic to kubelets (exec sessions, logs, credentials in them) can be intercepted.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireFlag(instance, "kubelet-certificate-authority", "<path/to/kubelet-ca.crt>", "kubelet serving certificates are not verified"),
  remediation:
    "Have kubelets serve certificates signed by a known CA (for example with serverTLSBootstrap and approved CSRs) and pass that CA to the API server with `--kubelet-certificate-authority`.",
  refs: { kubescape: ["C-0117"], cis: ["1.2.5"], mitre: ["T1557"] },
});
