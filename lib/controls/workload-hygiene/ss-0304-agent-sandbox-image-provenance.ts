import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { SANDBOX_KINDS, sandboxPodSpecOf } from "./agent-sandbox";
import { imagesInSpec } from "./container-images";
import { effectiveTag, firstMatchingPattern, hasMutableTag } from "./image-reference";

export default defineControl({
  id: "SS-0304",
  name: "Agent sandbox image of unclear provenance",
  description:
    "Fails when a container of an agent-sandbox Sandbox or SandboxTemplate uses an image without a fixed version (no tag, `latest`, or a floatingImageTags tag, and no digest), or, when trustedRegistries is configured, an image from a registry outside it.",
  rationale:
    "Sandbox images are the trusted base under untrusted agent code; a floating tag or an unapproved registry lets the base change without review, which is exactly where a supply-chain attacker would plant a backdoor.",
  severity: "high",
  category: "images",
  kinds: [...SANDBOX_KINDS],
  evaluate(obj, ctx) {
    const at = sandboxPodSpecOf(obj);
    if (!at) return null;
    const trusted = Array.isArray(ctx.settings.trustedRegistries) ? ctx.settings.trustedRegistries : [];
    const floating = Array.isArray(ctx.settings.floatingImageTags) ? ctx.settings.floatingImageTags : [];
    const violations: Violation[] = [];
    for (const { ref, containerName, imagePath } of imagesInSpec(at, undefined, ctx)) {
      if (!ref) continue;
      if (trusted.length && !firstMatchingPattern(ref, trusted)) {
        violations.push({ message: `container "${containerName}" uses "${ref.raw}" from ${ref.registry}, which is not an approved registry`, paths: [imagePath] });
      }
      if (hasMutableTag(ref, floating)) {
        violations.push({
          message: `container "${containerName}" uses "${ref.raw}" with the floating tag "${effectiveTag(ref)}"; pin a version or digest`,
          paths: [imagePath],
        });
      }
    }
    return violations;
  },
  remediation:
    "Build sandbox images in your pipeline, push them to an approved registry and reference them by version tag plus digest.",
  refs: { kubescape: ["C-0304"], mitre: ["T1525"] },
});
