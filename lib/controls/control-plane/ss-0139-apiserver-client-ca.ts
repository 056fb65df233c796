import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0139",
  name: "API server does not authenticate client certificates",
  description: "Fails unless the kube-apiserver sets --client-ca-file.",
  rationale:
    "Without a client CA the API server cannot authenticate kubelets, controllers or administrators by certificate, pushing the cluster towards weaker credentials such as static tokens.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireFlag(instance, "client-ca-file", "<path/to/ca.crt>", "client certificates cannot be verified"),
  remediation: "Pass the cluster CA that signs client certificates to the API server with `--client-ca-file`.",
  refs: { kubescape: ["C-0139"], cis: ["1.2.25"] },
});
