import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imageFails, imagePathList, imagesOf, newImageCheck, REGULAR_CONTAINERS, type ContainerImage } from "./container-images";
import { comesInCopies, pooledFinding, pooledFindingList } from "./container-resources";
import { firstMatchingPattern, isValidDigest, type ImageReference } from "./image-reference";

/** Neither pinned to a well-formed digest nor from a repository exempt from pinning. */
function isUnpinned(ref: ImageReference, exempt: readonly string[] | undefined): boolean {
  return !isValidDigest(ref.digest) && !firstMatchingPattern(ref, exempt);
}

function unpinnedFinding(image: ContainerImage, ref: ImageReference): Violation {
  const { containerName } = image;
  return {
    message: ref.digest
      ? `container "${containerName}" image "${ref.raw}" carries a malformed digest`
      : `container "${containerName}" image "${ref.raw}" is not pinned to a digest`,
    paths: imagePathList(image),
  };
}

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
    const check = ctx.cache("workload-hygiene:unpinned-images", newImageCheck);
    // One image (most pods): the finding list itself is shared by every copy of the pod.
    if (images.length === 1) {
      const { ref, containerName, path } = images[0];
      if (!ref || !imageFails(check, ref, isUnpinned, exempt)) return [];
      if (!comesInCopies(obj)) return [unpinnedFinding(images[0], ref)];
      return pooledFindingList(check.findings, path, containerName, ref, unpinnedFinding, images[0], ref, undefined);
    }
    const violations: Violation[] = [];
    for (const image of images) {
      const { ref, containerName, path } = image;
      if (!ref || !imageFails(check, ref, isUnpinned, exempt)) continue;
      violations.push(comesInCopies(obj) ? pooledFinding(check.findings, path, containerName, ref, unpinnedFinding, image, ref, undefined) : unpinnedFinding(image, ref));
    }
    return violations;
  },
  remediation:
    "Reference images as `repository:tag@sha256:<digest>` (the tag stays readable, the digest decides). Let the CI pipeline or a tool such as Renovate resolve and update digests.",
  refs: { kubescape: ["C-0306"] },
});
