import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf } from "./container-images";
import { NO_VIOLATIONS } from "./container-resources";

export default defineControl({
  id: "SS-1106",
  name: "Invalid or missing image reference",
  description:
    "Fails when a container has no image, or an image reference the container runtime cannot parse: upper-case repository names, stray whitespace, malformed tags, registries or digests.",
  rationale:
    "Such pods never start (ErrImagePull / InvalidImageName); caught in review, the typo costs nothing, caught in production it is a failed rollout.",
  severity: "low",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const images = imagesOf(obj, undefined, ctx);
    if (!images) return null;
    let violations: Violation[] | undefined;
    for (const { ref, containerName, imagePath, container } of images) {
      if (!ref) {
        (violations ??= []).push({ message: `container "${containerName}" has no image`, paths: [imagePath] });
      } else if (!ref.valid) {
        (violations ??= []).push({ message: `container "${containerName}" image "${String(container.image)}" is not a valid image reference`, paths: [imagePath] });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation: "Write the reference as `registry/repository:tag@sha256:digest` with a lower-case repository and no spaces.",
  refs: {},
});
