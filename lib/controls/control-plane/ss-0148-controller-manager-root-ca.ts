import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0148",
  name: "Controller manager does not publish the cluster CA to pods",
  description: "Fails unless the kube-controller-manager sets --root-ca-file.",
  rationale:
    "The root CA is placed in every service-account token volume (ca.crt); without it pods cannot verify the API server's certificate and are exposed to man-in-the-middle attacks or tempted to skip verification.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate: (instance) => requireFlag(instance, "root-ca-file", "<path/to/ca.crt>", "pods get no CA to verify the API server"),
  remediation: "Pass the cluster CA certificate to the controller manager with `--root-ca-file`.",
  refs: { kubescape: ["C-0148"], cis: ["1.3.5"], mitre: ["T1557"] },
});
