import { defineClusterControl } from "./cloud-describe";
import { aksSecretsEncryption, eksSecretsEncryption, gkeSecretsEncryption } from "./secrets-encryption-checks";

export default defineClusterControl({
  id: "SS-0066",
  name: "Secrets are encrypted with a customer-managed cloud KMS key",
  description:
    "Checks the managed cluster's description for application-layer encryption of Secrets with a key in the provider's key management service: EKS envelope encryption, GKE application-layer Secrets encryption, AKS KMS etcd encryption.",
  rationale:
    "Managed control planes encrypt etcd disks with provider keys, but anyone with access to etcd data or backups still reads Secrets in clear; a customer-managed KMS key adds a layer you control, audit and can revoke.",
  severity: "medium",
  category: "secrets",
  checks: { eks: eksSecretsEncryption, aks: aksSecretsEncryption, gke: gkeSecretsEncryption },
  remediation:
    "EKS: `aws eks associate-encryption-config` with a KMS key for `secrets`. GKE: `gcloud container clusters update --database-encryption-key=<key>`. AKS: `az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key>`. Then rewrite existing Secrets so they are stored under the new key.",
  refs: {
    kubescape: ["C-0066"],
    cisEks: ["5.3.1"],
    cisGke: ["5.3.1"],
    nsa: ["encryption-at-rest"],
    mitre: ["T1552.007"],
  },
});
