import { encryptionPrecondition, encryptionState } from "./api-server-config-files";
import { defineNodeControl } from "./node-targets";

/** Providers that actually encrypt and that the benchmark accepts; the first provider encrypts new writes. */
const STRONG_PROVIDERS = new Set(["aescbc", "secretbox", "kms"]);

export default defineNodeControl({
  id: "SS-0142",
  name: "Secrets are encrypted with a strong provider",
  description:
    "On nodes running kube-apiserver, checks that the first provider configured for Secrets — the one used for every new write — is aescbc, secretbox or kms, not identity (no encryption) or aesgcm (unsafe without frequent key rotation).",
  rationale:
    "An encryption configuration whose first provider is identity only lists keys for reading old data: Secrets are still written in plain text. aesgcm with a static key risks nonce reuse after about 200,000 writes.",
  severity: "high",
  category: "control-plane",
  evaluate(node) {
    const state = encryptionState(node);
    const precondition = encryptionPrecondition(state);
    if (precondition !== undefined) return precondition;
    if (state.kind !== "covered") return [];
    const first = state.secrets.providers[0];
    if (first && STRONG_PROVIDERS.has(first)) return [];
    return [
      {
        message: first
          ? `Secrets are written with the "${first}" provider${first === "identity" ? ", i.e. not encrypted" : ""}`
          : "The encryption entry for Secrets has no providers",
        paths: [state.path],
      },
    ];
  },
  remediation:
    "Put an `aescbc`, `secretbox` or (preferably) `kms` provider first in the Secrets entry of the EncryptionConfiguration, keep `identity` last only while migrating, restart the API servers and rewrite existing Secrets so they are stored encrypted.",
  refs: {
    kubescape: ["C-0142"],
    cis: ["1.2.28"],
  },
});
