import { encryptionPrecondition, encryptionState } from "./api-server-config-files";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0208",
  name: "Secrets are encrypted with an external key manager",
  description:
    "On nodes running kube-apiserver, checks that Secrets are written through a `kms` provider (the first provider of the Secrets entry), so the key encrypting them lives in an external key management service rather than in a file on the control plane.",
  rationale:
    "With aescbc or secretbox the encryption key sits next to the data on the control-plane node: whoever copies the node's disk or backups gets both. A KMS keeps the key outside the cluster, with its own access control and audit trail.",
  severity: "medium",
  category: "secrets",
  evaluate(node) {
    const state = encryptionState(node);
    const precondition = encryptionPrecondition(state);
    if (precondition !== undefined) return precondition;
    if (state.kind !== "covered") return [];
    const [first] = state.secrets.providers;
    if (first === "kms") return [];
    const later = state.secrets.providers.includes("kms") ? " (a kms provider is listed, but only for reading: new Secrets use the first provider)" : "";
    return [{ message: `Secrets are written with the "${first ?? "none"}" provider, not an external KMS${later}`, paths: [state.path] }];
  },
  remediation:
    "Deploy a KMS v2 plugin for your key manager (cloud KMS, HashiCorp Vault, an HSM), put the `kms` provider first in the Secrets entry of the EncryptionConfiguration, restart the API servers and rewrite existing Secrets. Alternatively keep secret values out of Kubernetes entirely with an external secrets manager.",
  refs: {
    kubescape: ["C-0208"],
    cis: ["5.4.2"],
  },
});
