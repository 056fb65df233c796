import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf, REGULAR_CONTAINERS } from "./container-images";
import { signatureFacts } from "./image-signatures";

export default defineControl({
  id: "SS-0237",
  name: "Image has no signature",
  description:
    "Fails when a container image carries no signature at all in its registry, according to ImageSignature facts collected from the registry (see image-signatures.ts). Needs registry data: skipped without it, and images without a collected fact are not judged.",
  rationale:
    "Unsigned images cannot be traced back to a build: nothing distinguishes the organisation's image from one pushed by someone who stole registry credentials.",
  severity: "high",
  category: "images",
  needs: ["cloud"],
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const facts = signatureFacts(ctx);
    const images = (imagesOf(obj, REGULAR_CONTAINERS, ctx) ?? []).filter((i) => i.ref && facts.has(i.ref.raw));
    if (!images.length) return null;
    const violations: Violation[] = [];
    for (const { ref, containerName, imagePath } of images) {
      if (facts.get(ref!.raw)!.signed) continue;
      violations.push({ message: `container "${containerName}" image "${ref!.raw}" is not signed`, paths: [imagePath] });
    }
    return violations;
  },
  remediation: "Sign every image your pipeline publishes (cosign sign, Notation) and reject unsigned images at admission.",
  refs: { kubescape: ["C-0237"], mitre: ["T1525"] },
});
