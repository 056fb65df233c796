import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0154",
  name: "etcd does not require client certificates",
  description: "Fails unless etcd runs with --client-cert-auth=true (the default is false).",
  rationale:
    "Without client certificate authentication any process that reaches the client port can read and write all cluster data, which is equivalent to full cluster administration.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => requireBoolean(instance, "client-cert-auth", true, false, "any client that reaches etcd can read and write all cluster data"),
  remediation: "Set `--client-cert-auth=true` with `--trusted-ca-file` on etcd, and give the API server a client certificate from that CA.",
  refs: { kubescape: ["C-0154"], cis: ["2.2"] },
});
