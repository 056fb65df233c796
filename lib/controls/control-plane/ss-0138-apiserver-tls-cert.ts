import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0138",
  name: "API server has no explicit TLS serving certificate",
  description: "Fails unless the kube-apiserver sets both --tls-cert-file and --tls-private-key-file.",
  rationale:
    "Without them the API server generates a self-signed certificate that clients cannot verify, which trains them to skip verification and opens the door to man-in-the-middle attacks.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => [
    ...requireFlag(instance, "tls-cert-file", "<path/to/apiserver.crt>", "the API server falls back to a self-signed certificate"),
    ...requireFlag(instance, "tls-private-key-file", "<path/to/apiserver.key>", "the API server falls back to a self-signed certificate", 1),
  ],
  remediation: "Give the API server a serving certificate from the cluster CA with `--tls-cert-file` and `--tls-private-key-file`.",
  refs: { kubescape: ["C-0138"], cis: ["1.2.24"] },
});
