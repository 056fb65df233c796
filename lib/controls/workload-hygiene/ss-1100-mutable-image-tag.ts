import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imageFails, imagePathList, imagesOf, newImageCheck, REGULAR_CONTAINERS, type ContainerImage } from "./container-images";
import { comesInCopies, pooledFinding, pooledFindingList } from "./container-resources";
import { effectiveTag, hasMutableTag, type ImageReference } from "./image-reference";

function floatingTagFinding(image: ContainerImage, ref: ImageReference): Violation {
  const { containerName, group } = image;
  return {
    message: ref.tag === undefined
      ? `${group === "initContainers" ? "init container" : "container"} "${containerName}" image "${ref.raw}" has no tag and pulls latest`
      : `${group === "initContainers" ? "init container" : "container"} "${containerName}" image "${ref.raw}" uses the floating tag "${effectiveTag(ref)}"`,
    paths: imagePathList(image),
  };
}

export default defineControl({
  id: "SS-1100",
  name: "Image without a fixed version",
  description:
    "Fails when a regular or init container's image has no tag (so `latest` is pulled), uses `latest`, or uses a tag from the floatingImageTags setting, and no digest pins it.",
  rationale:
    "A floating tag means the manifest no longer says what runs: a rollout, a rescheduled pod or a new node can pick up a different build, making incidents unreproducible and rollbacks impossible, and letting an unreviewed image slip in.",
  severity: "medium",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const images = imagesOf(obj, REGULAR_CONTAINERS, ctx);
    if (!images) return null;
    const floating = Array.isArray(ctx.settings.floatingImageTags) ? ctx.settings.floatingImageTags : [];
    const check = ctx.cache("workload-hygiene:mutable-tags", newImageCheck);
    // One image (most pods): the finding list itself is shared by every copy of the pod.
    if (images.length === 1) {
      const { ref, containerName, path } = images[0];
      if (!ref || !imageFails(check, ref, hasMutableTag, floating)) return [];
      if (!comesInCopies(obj)) return [floatingTagFinding(images[0], ref)];
      return pooledFindingList(check.findings, path, containerName, ref, floatingTagFinding, images[0], ref, undefined);
    }
    const violations: Violation[] = [];
    for (const image of images) {
      const { ref, containerName, path } = image;
      if (!ref || !imageFails(check, ref, hasMutableTag, floating)) continue;
      violations.push(comesInCopies(obj) ? pooledFinding(check.findings, path, containerName, ref, floatingTagFinding, image, ref, undefined) : floatingTagFinding(image, ref));
    }
    return violations;
  },
  remediation: "Reference an immutable version tag, ideally with its digest (`app:1.4.2@sha256:…`), and update it deliberately through your release process.",
  refs: { polaris: ["tagNotSpecified"] },
});
