import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { newFindingPool, podSpecLocationOf, pooledFindingList } from "./container-resources";
import { tokenMountOf, type TokenMount } from "./service-account-token";

function why(mount: TokenMount): string {
  switch (mount.decidedBy) {
    case "pod":
      return "the pod sets automountServiceAccountToken: true";
    case "service-account":
      return `ServiceAccount ${mount.serviceAccount} sets automountServiceAccountToken: true`;
    case "default":
      return `neither the pod nor ServiceAccount ${mount.serviceAccount} disables automounting`;
    case "projected-volume":
      return "a projected volume mounts a token for the API server";
  }
}

function automountFinding(mount: TokenMount, specPath: string): Violation {
  return {
    message: `pods get a service account token: ${why(mount)}`,
    paths: mount.path ? [mount.path] : undefined,
    fixPaths: mount.decidedBy === "projected-volume" ? undefined : [{ path: `${specPath}.automountServiceAccountToken`, value: "false" }],
  };
}

export default defineControl({
  id: "SS-0034",
  name: "Service account token mounted automatically",
  description:
    "Fails when a workload's pods get a Kubernetes API token they did not opt out of: automountServiceAccountToken is true on the pod, or unset on the pod and not false on its ServiceAccount (the API default mounts it), or a projected serviceAccountToken volume for the API server is mounted.",
  rationale:
    "Most applications never talk to the Kubernetes API, yet every pod gets a token by default. Whoever compromises the container can use it against the API server with the service account's rights, and even without rights it helps reconnaissance.",
  severity: "medium",
  category: "access-control",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const mount = tokenMountOf(obj, ctx);
    if (!mount) return null;
    if (!mount.mounted) return [];
    const specPath = podSpecLocationOf(obj)!.path;
    // The finding depends on the pod spec's path, the account's name and the deciding field: workloads
    // alike share it (every workload of a "default" account, every copy of a pod).
    const pool = ctx.cache("workload-hygiene:token-findings", newFindingPool);
    return pooledFindingList(pool, specPath, mount.serviceAccount, mount.path ?? mount.decidedBy, automountFinding, mount, specPath, undefined);
  },
  remediation:
    "Set automountServiceAccountToken: false on the pod template (and on ServiceAccounts whose pods never call the API). For workloads that do call the API, keep the token but bind their own least-privilege ServiceAccount.",
  refs: {
    kubescape: ["C-0034", "C-0190"],
    cis: ["5.1.6"],
    cisEks: ["4.1.6"],
    cisAks: ["4.1.6"],
    cisGke: ["4.1.6"],
    nsa: ["service-account-tokens"],
    mitre: ["T1528"],
    polaris: ["automountServiceAccountToken"],
  },
});
