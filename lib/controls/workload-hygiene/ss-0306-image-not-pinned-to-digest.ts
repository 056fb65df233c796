import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf, REGULAR_CONTAINERS } from "./container-images";
import { firstMatchingPattern, isValidDigest } from "./image-reference";

export default defineControl({
  id: "SS-0306",
  name: "Image not pinned to a digest",
  description:
    "Fails when a regular or init container's image is not pinned by a well-formed content digest (`@sha256:` followed by 64 lower-case hex digits, or another OCI-valid digest). Repositories in imageDigestExemptRepositories are skipped (matched on path boundaries). Ephemeral debug containers are not checked.",
  rationale:
    "Tags can be moved or overwritten in the registry, so the same manifest may run different bytes tomorrow. A digest names exactly one image: what was scanned and approved is what runs, and a registry compromise cannot swap it.",
  severity: "low",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const images = imagesOf(obj, REGULAR_CONTAINERS, ctx);
    if (!images) return null;
    const exempt = ctx.settings.imageDigestExemptRepositories;
    const violations: Violation[] = [];
    for (const { ref, containerName, imagePath } of images) {
      if (!ref || isValidDigest(ref.digest) || firstMatchingPattern(ref, exempt)) continue;
      violations.push({
        message: ref.digest
          ? `container "${containerName}" image "${ref.raw}" carries a malformed digest`
          : `container "${containerName}" image "${ref.raw}" is not pinned to a digest`,
        paths: [imagePath],
      });
    }
    return violations;
  },
  remediation:
    "Reference images as `repository:tag@sha256:<digest>` (the tag stays readable, the digest decides). Let the CI pipeline or a tool such as Renovate resolve and update digests.",
  refs: { kubescape: ["C-0306"] },
});
