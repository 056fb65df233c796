// Reading the API server's encryption-at-rest configuration (EncryptionConfiguration) from node facts.
import type { ApiServerFacts, ConfigDocument, NodeInfo, Violation } from "../../engine/types";

export const ENCRYPTION_FLAG = "encryption-provider-config";

export function apiServerOf(node: NodeInfo): ApiServerFacts | undefined {
  return node.spec?.controlPlane?.["kube-apiserver"];
}

export interface SecretsEncryption {
  /** Index of the `resources[]` entry that applies to Secrets. */
  entryIndex: number;
  /** Provider types in order (`aescbc`, `kms`, `identity`, …); the first one encrypts new writes. */
  providers: string[];
}

/** Whether a `resources[].resources` name selects core-group Secrets (`secrets`, `*.` or `*.*`). */
function selectsSecrets(name: unknown): boolean {
  return name === "secrets" || name === "*." || name === "*.*";
}

/** The encryption entry the API server uses for Secrets: the first entry that lists them. */
export function secretsEncryption(config: Record<string, unknown>): SecretsEncryption | undefined {
  const resources = Array.isArray(config.resources) ? config.resources : [];
  for (let i = 0; i < resources.length; i++) {
    const entry = resources[i] as Record<string, unknown> | null;
    const names = Array.isArray(entry?.resources) ? entry!.resources : [];
    if (!names.some(selectsSecrets)) continue;
    const providers = (Array.isArray(entry?.providers) ? entry!.providers : [])
      .map((p) => (p && typeof p === "object" ? Object.keys(p as object)[0] : undefined))
      .filter((p): p is string => !!p);
    return { entryIndex: i, providers };
  }
  return undefined;
}

export type EncryptionState =
  | { kind: "no-api-server" }
  | { kind: "flag-missing" }
  | { kind: "unreadable"; reason: string }
  | { kind: "secrets-not-covered"; path: string }
  | { kind: "covered"; secrets: SecretsEncryption; path: string };

/** What the node tells about encryption of Secrets at rest. */
export function encryptionState(node: NodeInfo): EncryptionState {
  const apiServer = apiServerOf(node);
  if (!apiServer) return { kind: "no-api-server" };
  if (!apiServer.flags?.[ENCRYPTION_FLAG]) return { kind: "flag-missing" };
  const doc: ConfigDocument | undefined = apiServer.encryptionProviderConfig;
  if (!doc?.content) {
    return { kind: "unreadable", reason: doc?.error ?? `the encryption provider config ${apiServer.flags[ENCRYPTION_FLAG]} was not collected` };
  }
  const secrets = secretsEncryption(doc.content);
  const base = 'spec.controlPlane.kube-apiserver.encryptionProviderConfig.content';
  if (!secrets) return { kind: "secrets-not-covered", path: `${base}.resources` };
  return { kind: "covered", secrets, path: `${base}.resources[${secrets.entryIndex}].providers[0]` };
}

export const FLAG_PATH = `spec.controlPlane.kube-apiserver.flags.${ENCRYPTION_FLAG}`;

/** The violation shared by the encryption controls when encryption is not configured or not readable. */
export function encryptionPrecondition(state: EncryptionState): Violation[] | null | undefined {
  switch (state.kind) {
    case "no-api-server":
      return null;
    case "flag-missing":
      return [{ message: "The API server has no --encryption-provider-config: Secrets are stored in etcd unencrypted", paths: [FLAG_PATH] }];
    case "unreadable":
      return [{ message: `Encryption at rest cannot be verified: ${state.reason}`, paths: [FLAG_PATH] }];
    case "secrets-not-covered":
      return [{ message: "The encryption provider config does not list secrets: Secrets are stored in etcd unencrypted", paths: [state.path] }];
    default:
      return undefined;
  }
}
