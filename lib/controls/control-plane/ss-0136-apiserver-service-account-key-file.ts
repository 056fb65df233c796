import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0136",
  name: "API server has no explicit service-account verification key",
  description: "Fails unless the kube-apiserver sets --service-account-key-file.",
  rationale:
    "Without a dedicated key file the API server verifies service-account tokens with its TLS serving key, tying token validity to TLS certificate rotation and preventing key rotation with overlapping keys.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireFlag(instance, "service-account-key-file", "<path/to/sa.pub>", "service-account tokens are verified with the TLS serving key"),
  remediation:
    "Generate a dedicated service-account key pair: give the public key to the API server with `--service-account-key-file` and the private key to the controller manager and `--service-account-signing-key-file`.",
  refs: { kubescape: ["C-0136"], cis: ["1.2.22"] },
});
