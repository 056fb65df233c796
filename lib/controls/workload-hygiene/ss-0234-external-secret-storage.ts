import { defineControl } from "../../engine/define-control";
import type { EvalContext, K8sObject } from "../../engine/types";
import { podAnnotationsOf, WORKLOAD_KINDS } from "../../engine/workload";
import { podSpecLocationOf } from "./container-resources";
import { podReferences, referenceResolves, referencesKind } from "./pod-references";
import { findNamespaced, objectsInNamespace } from "./scan-lookups";
import { serviceAccountOfSpec } from "./service-account-token";

// CSI drivers that read secrets straight from an external store at mount time.
const SECRET_STORE_CSI_DRIVERS = new Set(["secrets-store.csi.k8s.io", "csi.cert-manager.io"]);

// Pod annotations of sidecar injectors that fetch secrets from an external store.
const INJECTOR_ANNOTATIONS: Record<string, string> = {
  "vault.hashicorp.com/agent-inject": "true",
  "inject.conjur.org/inject": "yes",
};

// Controllers that keep a Kubernetes Secret in sync with an external store (the store stays the source of truth).
const SYNCING_OWNER_KINDS = new Set(["ExternalSecret", "VaultStaticSecret", "VaultDynamicSecret", "VaultPKISecret", "OnePasswordItem", "InfisicalSecret", "DopplerSecret", "AzureKeyVaultSecret"]);

function syncedFromExternalStore(ctx: EvalContext, namespace: string, name: string): boolean {
  const secret = findNamespaced(ctx, "Secret", namespace, name);
  if (secret) {
    for (const o of secret.metadata?.ownerReferences ?? []) if (o?.kind && SYNCING_OWNER_KINDS.has(o.kind)) return true;
    for (const k in secret.metadata?.labels ?? {}) if (k.startsWith("reconcile.external-secrets.io/")) return true;
  }
  for (const es of objectsInNamespace(ctx, "ExternalSecret", namespace)) if ((es.spec?.target?.name || es.metadata?.name) === name) return true;
  return false;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function usesSecretStoreVolume(spec: any): boolean {
  return (Array.isArray(spec?.volumes) ? spec.volumes : []).some((v: { csi?: { driver?: string } }) => SECRET_STORE_CSI_DRIVERS.has(v?.csi?.driver ?? ""));
}

function usesInjector(obj: K8sObject): boolean {
  const annotations = podAnnotationsOf(obj);
  for (const k in INJECTOR_ANNOTATIONS) if (annotations[k]?.toLowerCase() === INJECTOR_ANNOTATIONS[k]) return true;
  return false;
}

export default defineControl({
  id: "SS-0234",
  name: "Secrets not sourced from an external secret store",
  description:
    "Fails when a workload consumes Kubernetes Secrets (volumes, env, envFrom) that are not synchronised from an external secret manager (External Secrets, Vault operators, …), and it mounts no secrets-store CSI volume and uses no secret-injecting sidecar. Workloads that consume no Secrets are not applicable.",
  rationale:
    "Secrets kept only in Kubernetes live base64-encoded in etcd and in every manifest and backup that contains them, with no central rotation, audit or revocation. An external store keeps one source of truth with access logs and short-lived credentials.",
  severity: "medium",
  category: "secrets",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    const refs = podReferences(at);
    if (!referencesKind(refs, "Secret")) return null;
    const tokenSecretPrefix = `${serviceAccountOfSpec(at.spec)}-token-`;
    const secretRefs = refs.filter(
      (r) => r.kind === "Secret" && !(r.via === "volume" && r.name.startsWith(tokenSecretPrefix)) && referenceResolves(ctx, "Secret", at.namespace, r.name),
    );
    if (!secretRefs.length) return null;
    if (usesSecretStoreVolume(at.spec) || usesInjector(obj)) return [];
    const local = secretRefs.filter((r) => !syncedFromExternalStore(ctx, at.namespace, r.name));
    if (!local.length) return [];
    const names = [...new Set(local.map((r) => r.name))];
    return [{
      message: `uses Secret${names.length > 1 ? "s" : ""} ${names.join(", ")} stored only in Kubernetes, not synchronised from an external secret store`,
      paths: local.map((r) => r.path),
      fixPaths: [{ path: `${at.path}.volumes[${Array.isArray(at.spec.volumes) ? at.spec.volumes.length : 0}].csi.volumeAttributes.secretProviderClass`, value: "YOUR_VALUE" }],
    }];
  },
  remediation:
    "Keep the credential in a secret manager (cloud KMS-backed store, Vault, …) and deliver it with the Secrets Store CSI driver, a Vault agent, or an operator such as External Secrets that syncs it into the namespace.",
  refs: { kubescape: ["C-0234"], cisEks: ["4.4.2"], cisGke: ["4.4.2"] },
});
