import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf } from "./container-images";
import { firstMatchingPattern } from "./image-reference";

export default defineControl({
  id: "SS-0078",
  name: "Image not from an approved registry",
  description:
    "Fails when a container (regular, init or ephemeral) uses an image whose registry or repository is not in the trustedRegistries setting. Registry hosts match with their subdomains and exact port; `docker.io` covers images written without a registry. Not applicable until the list is configured.",
  rationale:
    "Pulling only from approved registries keeps every running image inside the organisation's scanning, signing and retention process; an image from anywhere else has skipped all of it.",
  severity: "medium",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const trusted = ctx.settings.trustedRegistries;
    if (!Array.isArray(trusted) || trusted.length === 0) return null;
    const images = imagesOf(obj, undefined, ctx);
    if (!images) return null;
    const violations: Violation[] = [];
    for (const { ref, containerName, imagePath } of images) {
      if (!ref || firstMatchingPattern(ref, trusted)) continue;
      violations.push({
        message: `container "${containerName}" uses "${ref.raw}" from ${ref.registry}, which is not an approved registry`,
        paths: [imagePath],
      });
    }
    return violations;
  },
  remediation:
    "Push the image to an approved registry (or add a pull-through cache there) and reference it from that registry. Keep trustedRegistries in the scan settings in step with the admission policy that enforces it.",
  refs: { kubescape: ["C-0078"], cisEks: ["5.1.4"], cisAks: ["5.1.4"], cisGke: ["5.1.4"], mitre: ["T1525"] },
});
