// Workloads that run a product version affected by a known CVE, judged from the image tag.
import type { K8sObject, Violation } from "../../engine/types";
import { imagesOf } from "./container-images";
import { formatVersion, versionFromTag, versionInRange, type ImageReference } from "./image-reference";

export interface VulnerableProduct {
  cve: string;
  product: string;
  /** Whether an image is this product. */
  matches: (ref: ImageReference) => boolean;
  /** Affected half-open ranges [from, fixedIn); a missing bound is open. */
  affected: readonly [string | undefined, string | undefined][];
}

/**
 * Violations for containers running an affected version; null when the workload does not run the
 * product at all. Images whose tag carries no version (digest only, `latest`) cannot be judged
 * and are not reported.
 */
export function vulnerableImageViolations(obj: K8sObject, product: VulnerableProduct): Violation[] | null {
  const images = (imagesOf(obj, ["containers", "initContainers"]) ?? []).filter((i) => i.ref && product.matches(i.ref));
  if (!images.length) return null;
  const violations: Violation[] = [];
  for (const { ref, containerName, imagePath } of images) {
    const version = versionFromTag(ref!.tag);
    if (!version) continue;
    const range = product.affected.find(([lo, hi]) => versionInRange(version, lo, hi));
    if (!range) continue;
    violations.push({
      message: `container "${containerName}" runs ${product.product} ${formatVersion(version)}, affected by ${product.cve}${range[1] ? ` (fixed in ${range[1]})` : ""}`,
      paths: [imagePath],
    });
  }
  return violations;
}

/** Matches images whose repository ends with one of the given paths (`argoproj/argocd`). */
export function repositoryEndsWith(...suffixes: string[]): (ref: ImageReference) => boolean {
  return (ref) => suffixes.some((s) => ref.repository === s || ref.repository.endsWith(`/${s}`));
}
