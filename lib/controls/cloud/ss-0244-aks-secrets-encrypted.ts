import { defineClusterControl } from "./cloud-describe";
import { aksSecretsEncryption } from "./secrets-encryption-checks";

export default defineClusterControl({
  id: "SS-0244",
  name: "AKS encrypts Secrets with an Azure Key Vault key",
  description:
    "Checks that the AKS cluster has KMS etcd encryption enabled (`securityProfile.azureKeyVaultKms.enabled`), so Secrets are encrypted with a key you hold in Azure Key Vault. Encryption at host protects node disks, not the Secrets in etcd, and is not accepted here.",
  rationale:
    "Without KMS encryption, Secrets in the AKS control plane are protected only by platform-managed keys you cannot rotate, audit or revoke.",
  severity: "medium",
  category: "secrets",
  checks: { aks: aksSecretsEncryption },
  remediation:
    "Create a key in Azure Key Vault and run `az aks update --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id>`; then rewrite existing Secrets (`kubectl get secrets -A -o json | kubectl replace -f -`).",
  refs: {
    kubescape: ["C-0244"],
    cisAks: ["5.3.1"],
  },
});
