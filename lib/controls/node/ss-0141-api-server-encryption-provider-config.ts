import { encryptionPrecondition, encryptionState } from "./api-server-config-files";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0141",
  name: "API server encrypts Secrets at rest",
  description:
    "On nodes running kube-apiserver, checks that `--encryption-provider-config` is set and that the EncryptionConfiguration it names covers Secrets (`secrets`, `*.` or `*.*`).",
  rationale:
    "Without an encryption configuration for Secrets, every Secret is written to etcd in plain text: an etcd backup, a stolen disk or read access to the etcd data directory reveals every credential in the cluster.",
  severity: "high",
  category: "control-plane",
  evaluate(node) {
    const state = encryptionState(node);
    return encryptionPrecondition(state) ?? [];
  },
  remediation:
    "Write an EncryptionConfiguration whose `resources` list `secrets` with an encrypting provider first (kms v2, or aescbc/secretbox with a key kept off the node where possible), pass it with `--encryption-provider-config` on every API server, restart them and rewrite existing Secrets (`kubectl get secrets -A -o json | kubectl replace -f -`).",
  refs: {
    kubescape: ["C-0141"],
    cis: ["1.2.27"],
  },
});
