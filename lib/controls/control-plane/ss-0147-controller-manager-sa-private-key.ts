import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0147",
  name: "Controller manager has no service-account signing key",
  description: "Fails unless the kube-controller-manager sets --service-account-private-key-file.",
  rationale:
    "The controller manager signs service-account tokens with this key; without an explicit, dedicated key tokens cannot be verified consistently or the key rotated independently of TLS certificates.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate: (instance) =>
    requireFlag(instance, "service-account-private-key-file", "<path/to/sa.key>", "service-account tokens have no dedicated signing key"),
  remediation: "Pass the private half of the service-account key pair to the controller manager with `--service-account-private-key-file`.",
  refs: { kubescape: ["C-0147"], cis: ["1.3.4"] },
});
