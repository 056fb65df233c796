import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imageFails, imagesOf, newImageCheck } from "./container-images";
import { effectiveTag, hasMutableTag } from "./image-reference";
import { NO_VIOLATIONS } from "./container-resources";

export default defineControl({
  id: "SS-0075",
  name: "Floating image tag without imagePullPolicy Always",
  description:
    "Fails when a container runs an image by a tag that moves (no tag, `latest`, or a tag in the floatingImageTags setting) without a digest, and its effective pull policy is not Always. An unset policy counts as Kubernetes defaults it: Always for `latest` or no tag, IfNotPresent otherwise.",
  rationale:
    "With IfNotPresent or Never, each node keeps whatever build it pulled first under a moving tag, so replicas of one workload silently run different code and a fixed image never reaches nodes that cached the old one.",
  severity: "low",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const images = imagesOf(obj, undefined, ctx);
    if (!images) return null;
    const floating = Array.isArray(ctx.settings.floatingImageTags) ? ctx.settings.floatingImageTags : [];
    // The same verdict as SS-1100's, memoized under its key.
    const check = ctx.cache("workload-hygiene:mutable-tags", newImageCheck);
    let violations: Violation[] | undefined;
    for (const { ref, container, containerName, path, imagePath } of images) {
      if (!ref || !imageFails(check, ref, hasMutableTag, floating)) continue;
      const explicit = typeof container.imagePullPolicy === "string" && container.imagePullPolicy !== "";
      const policy = explicit ? container.imagePullPolicy : effectiveTag(ref) === "latest" ? "Always" : "IfNotPresent";
      if (policy === "Always") continue;
      (violations ??= []).push({
        message: `container "${containerName}" runs "${ref.raw}" (floating tag "${effectiveTag(ref)}") with imagePullPolicy ${policy}${explicit ? "" : " (default)"}`,
        paths: explicit ? [imagePath, `${path}.imagePullPolicy`] : [imagePath],
        fixPaths: [{ path: `${path}.imagePullPolicy`, value: "Always" }],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Pin the image to a version tag or, better, a digest. If the tag must float, set `imagePullPolicy: Always` so every pod start resolves the tag again.",
  refs: { kubescape: ["C-0075"], polaris: ["pullPolicyNotAlways"] },
});
