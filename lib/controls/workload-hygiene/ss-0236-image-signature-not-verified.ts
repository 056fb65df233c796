import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf, REGULAR_CONTAINERS } from "./container-images";
import { signatureFacts } from "./image-signatures";

export default defineControl({
  id: "SS-0236",
  name: "Image signature not verified",
  description:
    "Fails when a container image has no signature that verifies against a trusted key, according to ImageSignature facts collected from the registry (see image-signatures.ts). Needs registry data: skipped without it, and images without a collected fact are not judged.",
  rationale:
    "A valid signature from the organisation's key proves the image came out of its own pipeline; without verification a tampered or look-alike image runs with the same trust as the real one.",
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
      const fact = facts.get(ref!.raw)!;
      if (fact.signed && fact.verified === true) continue;
      violations.push({
        message: fact.signed
          ? `container "${containerName}" image "${ref!.raw}" is signed, but not by a trusted key`
          : `container "${containerName}" image "${ref!.raw}" has no signature to verify`,
        paths: [imagePath],
      });
    }
    return violations;
  },
  remediation:
    "Sign images in CI (cosign, Notation) with the organisation's key and enforce verification at admission (Kyverno verifyImages, Sigstore policy-controller, Ratify).",
  refs: { kubescape: ["C-0236"], mitre: ["T1525"] },
});
