import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0158",
  name: "etcd peers use self-signed certificates",
  description: "Fails when etcd runs with --peer-auto-tls=true.",
  rationale: "Self-signed peer certificates cannot be verified, so members cannot tell each other from an impostor on the replication channel.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => requireBoolean(instance, "peer-auto-tls", false, false, "peers cannot verify each other's self-signed certificates"),
  remediation: "Remove `--peer-auto-tls` from etcd and configure `--peer-cert-file`/`--peer-key-file` signed by the etcd peer CA.",
  refs: { kubescape: ["C-0158"], cis: ["2.6"] },
});
