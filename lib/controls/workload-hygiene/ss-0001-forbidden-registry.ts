import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf } from "./container-images";
import { firstMatchingPattern } from "./image-reference";

export default defineControl({
  id: "SS-0001",
  name: "Image from a forbidden registry",
  description:
    "Fails when any container (regular, init or ephemeral) pulls its image from a registry or repository listed in the untrustedRegistries setting. Not applicable until that list is configured.",
  rationale:
    "Registries on a block list are ones the organisation cannot vouch for: public hubs anyone can publish to, or a registry known to be compromised. One image from there runs code nobody reviewed with the workload's permissions.",
  severity: "high",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const blocked = ctx.settings.untrustedRegistries;
    if (!Array.isArray(blocked) || blocked.length === 0) return null;
    const images = imagesOf(obj, undefined, ctx);
    if (!images) return null;
    const violations: Violation[] = [];
    for (const { ref, containerName, imagePath } of images) {
      if (!ref) continue;
      const pattern = firstMatchingPattern(ref, blocked);
      if (pattern) {
        violations.push({
          message: `container "${containerName}" pulls "${ref.raw}" from the forbidden registry "${pattern}"`,
          paths: [imagePath],
        });
      }
    }
    return violations;
  },
  remediation:
    "Rebuild or mirror the image into an approved registry and point the container at it. Enforce the rule at admission (Kyverno, Gatekeeper or ValidatingAdmissionPolicy) so new workloads cannot reintroduce the registry.",
  refs: { kubescape: ["C-0001"], mitre: ["T1525"] },
});
