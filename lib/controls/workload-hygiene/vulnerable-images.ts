// Workloads that run a product version affected by a known CVE, judged from the image tag.
import type { K8sObject, Violation } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { containersInSpec, containersOfObject, podSpecLocationOf } from "./container-resources";
import { formatVersion, parseImageReference, versionFromTag, versionInRange, type ImageReference } from "./image-reference";

export interface VulnerableProductDefinition {
  cve: string;
  product: string;
  /** Repository paths of the product's images: an image is the product when its repository is one of them or ends with `/` + one (`argoproj/argocd`). */
  repositories: readonly string[];
  /** Affected half-open ranges [from, fixedIn); a missing bound is open. */
  affected: readonly [string | undefined, string | undefined][];
}

export interface VulnerableProduct extends VulnerableProductDefinition {
  /** The last component of each repository: always written in a matching image reference. */
  imageNames: readonly string[];
}

/** A product definition ready for vulnerableImageViolations (define it once, at module level). */
export function vulnerableProduct(definition: VulnerableProductDefinition): VulnerableProduct {
  return { ...definition, imageNames: definition.repositories.map((r) => r.slice(r.lastIndexOf("/") + 1)) };
}

const REGULAR_AND_INIT: readonly ContainerGroup[] = ["containers", "initContainers"];

/**
 * Violations for containers running an affected version; null when the workload does not run the
 * product at all. Images whose tag carries no version (digest only, `latest`) cannot be judged
 * and are not reported.
 */
export function vulnerableImageViolations(obj: K8sObject, product: VulnerableProduct): Violation[] | null {
  // Every workload is checked against every product: workloads whose images contain none of the
  // product's image names are ruled out from one text, before any container is looked at.
  if (!mentionsProduct(imageTextOf(obj), product)) return null;
  const images = productImages(obj, product);
  if (!images.length) return null;
  const violations: Violation[] = [];
  for (const { ref, containerName, imagePath } of images) {
    const version = versionFromTag(ref.tag);
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

/** The product's images among the regular and init containers. */
function productImages(obj: K8sObject, product: VulnerableProduct): { ref: ImageReference; containerName: string; imagePath: string }[] {
  const found: { ref: ImageReference; containerName: string; imagePath: string }[] = [];
  for (const { container, path } of containersOfObject(obj, REGULAR_AND_INIT)) {
    const image = container.image;
    if (typeof image !== "string") continue;
    const ref = parseImageReference(image);
    if (!ref || !product.repositories.some((r) => ref.repository === r || ref.repository.endsWith(`/${r}`))) continue;
    found.push({ ref, containerName: String(container.name ?? "(unnamed)"), imagePath: `${path}.image` });
  }
  return found;
}

function mentionsProduct(imageText: string, product: VulnerableProduct): boolean {
  for (const name of product.imageNames) if (imageText.includes(name)) return true;
  return false;
}

/**
 * The images of the regular and init containers, one per line (a single image as it is: image names
 * hold no line break); memoized per object (every product reads it).
 */
function imageTextOf(obj: K8sObject): string {
  const at = podSpecLocationOf(obj);
  if (!at) return "";
  let text = at.imageText;
  if (text === undefined) {
    const images: string[] = [];
    for (const { container } of containersInSpec(at, REGULAR_AND_INIT)) if (typeof container.image === "string") images.push(container.image);
    at.imageText = text = images.length === 1 ? images[0] : images.join("\n");
  }
  return text;
}
