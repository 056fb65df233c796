// Application-layer encryption of Secrets with a customer-managed key, as each provider reports it.
import type { Violation } from "../../engine/types";
import { asList, isOn, locate, type Located } from "./cloud-describe";

/** EKS: an `encryptionConfig` entry for `secrets` with a KMS key. */
export function eksSecretsEncryption(cluster: Located): Violation[] {
  const config = locate(cluster, "encryptionConfig");
  const entries = asList(config?.value);
  const covered = entries.some((entry) => {
    const e: Located = { value: entry, path: "" };
    return asList(locate(e, "resources")?.value).includes("secrets") && !!locate(e, "provider", "keyArn")?.value;
  });
  if (covered) return [];
  return [
    {
      message: "EKS envelope encryption of Secrets with a KMS key is not enabled",
      paths: [config?.path ?? `${cluster.path}.encryptionConfig`],
    },
  ];
}

/** AKS: KMS etcd encryption with an Azure Key Vault key (securityProfile.azureKeyVaultKms). */
export function aksSecretsEncryption(properties: Located): Violation[] {
  const kms = locate(properties, "securityProfile", "azureKeyVaultKms", "enabled");
  if (isOn(kms?.value)) return [];
  return [
    {
      message: "AKS KMS etcd encryption (Azure Key Vault) is not enabled: Secrets are protected by platform-managed keys only",
      paths: [kms?.path ?? `${properties.path}.securityProfile.azureKeyVaultKms.enabled`],
    },
  ];
}

/** GKE: application-layer Secrets encryption (databaseEncryption.state ENCRYPTED, enum value 1). */
export function gkeSecretsEncryption(cluster: Located): Violation[] {
  const state = locate(cluster, "databaseEncryption", "state");
  if (state?.value === "ENCRYPTED" || state?.value === 1) return [];
  return [
    {
      message: "GKE application-layer Secrets encryption with a Cloud KMS key is not enabled",
      paths: [state?.path ?? `${cluster.path}.databaseEncryption.state`],
    },
  ];
}
