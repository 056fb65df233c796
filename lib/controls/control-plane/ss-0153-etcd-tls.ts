import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0153",
  name: "etcd serves clients without TLS",
  description: "Fails unless etcd sets both --cert-file and --key-file (or the ETCD_CERT_FILE / ETCD_KEY_FILE variables).",
  rationale:
    "etcd stores every object of the cluster, Secrets included, usually unencrypted. Without a serving certificate client traffic travels in clear text and clients cannot verify the server.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("etcd"),
  evaluate: (instance) => [
    ...requireFlag(instance, "cert-file", "<path/to/etcd/server.crt>", "client connections are not encrypted"),
    ...requireFlag(instance, "key-file", "<path/to/etcd/server.key>", "client connections are not encrypted", 1),
  ],
  remediation: "Give etcd a serving certificate with `--cert-file` and `--key-file` and use https:// in `--listen-client-urls` and `--advertise-client-urls`.",
  refs: { kubescape: ["C-0153"], cis: ["2.1"] },
});
