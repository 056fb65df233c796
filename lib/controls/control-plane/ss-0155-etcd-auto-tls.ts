import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0155",
  name: "etcd serves clients with a self-signed certificate",
  description: "Fails when etcd runs with --auto-tls=true.",
  rationale: "Auto-generated certificates cannot be verified by clients, so the connection is encrypted but not authenticated and can be intercepted.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => requireBoolean(instance, "auto-tls", false, false, "clients cannot verify etcd's self-signed certificate"),
  remediation: "Remove `--auto-tls` from etcd and configure `--cert-file`/`--key-file` signed by the etcd CA.",
  refs: { kubescape: ["C-0155"], cis: ["2.3"] },
});
