import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0156",
  name: "etcd peers communicate without TLS",
  description: "Fails unless etcd sets both --peer-cert-file and --peer-key-file.",
  rationale:
    "Peer traffic replicates the entire database between members; in clear text it exposes every Secret to anyone on the network path and lets an impostor join the replication.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => [
    ...requireFlag(instance, "peer-cert-file", "<path/to/etcd/peer.crt>", "replication between members is not encrypted"),
    ...requireFlag(instance, "peer-key-file", "<path/to/etcd/peer.key>", "replication between members is not encrypted", 1),
  ],
  remediation: "Give every etcd member a peer certificate with `--peer-cert-file` and `--peer-key-file` and use https:// peer URLs.",
  refs: { kubescape: ["C-0156"], cis: ["2.4"] },
});
