import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { NO_VIOLATIONS, podSpecLocationOf } from "./container-resources";
import { podReferences, referenceResolves, referencesKind } from "./pod-references";
import { serviceAccountOfSpec } from "./service-account-token";

export default defineControl({
  id: "SS-0255",
  name: "Workload with access to Secrets",
  description:
    "Fails when a container mounts a Secret volume (plain or projected) or reads a Secret through env or envFrom. The legacy token Secret the API once auto-mounted for the pod's service account is covered by the token controls instead. When the scan holds Secrets, references to missing ones are ignored.",
  rationale:
    "Workloads that hold Secrets are where credentials can be stolen from; mapping them shows which compromises would spread to databases, clouds or other clusters, and which pods deserve the strictest hardening.",
  severity: "high",
  category: "secrets",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    const refs = podReferences(at);
    if (!referencesKind(refs, "Secret")) return NO_VIOLATIONS;
    const violations: Violation[] = [];
    const tokenSecretPrefix = `${serviceAccountOfSpec(at.spec)}-token-`;
    for (const ref of refs) {
      if (ref.kind !== "Secret" || !referenceResolves(ctx, "Secret", at.namespace, ref.name)) continue;
      if (ref.via === "volume" && ref.name.startsWith(tokenSecretPrefix)) continue;
      violations.push({
        message: `container "${ref.container}" ${ref.via === "volume" ? "mounts" : "reads"} Secret ${ref.name}${ref.via === "volume" ? "" : ` through ${ref.via}`}`,
        paths: ref.paths,
      });
    }
    return violations;
  },
  remediation:
    "Check that the workload needs each Secret; mount only the needed keys read-only, prefer short-lived credentials from a secret manager, and harden the pod (non-root, read-only root filesystem, no privilege escalation).",
  refs: { kubescape: ["C-0255"], mitre: ["T1552.007"] },
});
