import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { imagesOf } from "./container-images";
import type { ImageReference } from "./image-reference";
import { NO_VIOLATIONS } from "./container-resources";

// k8s.gcr.io was frozen in April 2023; it was served from gcr.io/google-containers (historically
// spelled google_containers), frozen with it. registry.k8s.io replaces both.
function isFrozenKubernetesRegistry(ref: ImageReference): boolean {
  if (ref.registry === "k8s.gcr.io") return true;
  return ref.registry === "gcr.io" && /^google[-_]containers\//.test(ref.repository);
}

export default defineControl({
  id: "SS-0253",
  name: "Image from the frozen k8s.gcr.io registry",
  description:
    "Fails when a container image comes from k8s.gcr.io (or its backing gcr.io/google-containers), the Kubernetes project's registry that stopped receiving images in 2023.",
  rationale:
    "No new versions or security patches are published to the old registry, so anything pulled from it is stuck on old releases, and the project may stop serving it altogether, breaking pulls on node replacement.",
  severity: "medium",
  category: "images",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const images = imagesOf(obj, undefined, ctx);
    if (!images) return null;
    let violations: Violation[] | undefined;
    for (const { ref, containerName, imagePath } of images) {
      if (ref && isFrozenKubernetesRegistry(ref)) {
        (violations ??= []).push({
          message: `container "${containerName}" pulls "${ref.raw}" from the frozen ${ref.registry} registry`,
          paths: [imagePath],
          fixPaths: [{ path: imagePath, value: `registry.k8s.io/${ref.repository.replace(/^google[-_]containers\//, "")}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}` }],
        });
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Replace the k8s.gcr.io prefix with registry.k8s.io (same repository and tag), then move to a current release of the component while you are at it.",
  refs: { kubescape: ["C-0253"] },
});
