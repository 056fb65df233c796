import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0157",
  name: "etcd does not authenticate its peers",
  description: "Fails unless etcd runs with --peer-client-cert-auth=true (the default is false).",
  rationale: "Without peer certificate authentication any host that reaches the peer port can pose as a member and receive the replicated database.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => requireBoolean(instance, "peer-client-cert-auth", true, false, "anyone reaching the peer port can pose as a member"),
  remediation: "Set `--peer-client-cert-auth=true` with `--peer-trusted-ca-file` on every etcd member.",
  refs: { kubescape: ["C-0157"], cis: ["2.5"] },
});
