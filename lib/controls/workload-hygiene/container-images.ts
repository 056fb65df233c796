// The images a pod spec runs, parsed, with the path of each `image` field.
import type { EvalContext, K8sObject } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { append, containersInSpec, derivedFromPath, newFindingPool, podSpecLocationOf, type FindingPool, type PodSpecLocation } from "./container-resources";
import { parseImageReference, type ImageReference } from "./image-reference";

export const ALL_CONTAINER_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];
/** Regular and init containers: what runs in every pod (ephemeral debug containers excluded). */
export const REGULAR_CONTAINERS: readonly ContainerGroup[] = ["containers", "initContainers"];

export interface ContainerImage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  containerName: string;
  /** Path of the container, e.g. `spec.containers[0]`. */
  path: string;
  /** Path of its `image` field. */
  imagePath: string;
  group: ContainerGroup;
  /** Undefined when the container has no image string. Shared between containers with the same image: read-only. */
  ref?: ImageReference;
}

/** A pod spec's images for the group selections controls ask for most, built once per spec (read-only lists). */
export interface SpecImages {
  all: ContainerImage[];
  regular?: ContainerImage[];
}

const newReferenceMap = () => new Map<string, ImageReference | undefined>();

/** Parses image references, once per distinct string and scan when there is a scan memo. */
function referenceOf(image: unknown, memo: Map<string, ImageReference | undefined> | undefined): ImageReference | undefined {
  if (!memo || typeof image !== "string") return parseImageReference(image);
  let ref = memo.get(image);
  if (ref === undefined && !memo.has(image)) memo.set(image, (ref = parseImageReference(image)));
  return ref;
}

// `image` field paths by container path: container paths are shared strings, one per pod spec location,
// group and index (see containerPath), so each image path is built once, not once per container and scan.
const imagePaths = new Map<string, string>();

function imagePathOf(containerPath: string): string {
  let path = imagePaths.get(containerPath);
  if (path === undefined) imagePaths.set(containerPath, (path = `${containerPath}.image`));
  return path;
}

const imagePathListOf = (containerPath: string) => Object.freeze([imagePathOf(containerPath)]) as unknown as string[];

/** `[image.imagePath]`, shared by the findings about that container path (read-only). */
export function imagePathList(image: ContainerImage): string[] {
  return derivedFromPath(image.path, "image-paths", imagePathListOf);
}

function isRegularSelection(groups: readonly ContainerGroup[]): boolean {
  return groups === REGULAR_CONTAINERS || (groups.length === 2 && groups[0] === "containers" && groups[1] === "initContainers");
}

/** The images of a pod spec's containers (all groups unless restricted), built once per spec. Read-only. */
export function imagesInSpec(
  at: PodSpecLocation,
  groups: readonly ContainerGroup[] = ALL_CONTAINER_GROUPS,
  ctx?: EvalContext,
): ContainerImage[] {
  if (!at.spec || typeof at.spec !== "object") return [];
  let images = at.images;
  if (!images) {
    const memo = ctx?.cache("workload-hygiene:image-references", newReferenceMap);
    let all: ContainerImage[] = [];
    for (const { container, path, group } of containersInSpec(at, ALL_CONTAINER_GROUPS)) {
      all = append(all, { container, containerName: String(container.name ?? "(unnamed)"), path, imagePath: imagePathOf(path), group, ref: referenceOf(container.image, memo) });
    }
    at.images = images = { all };
    if (!all.some((i) => i.group === "ephemeralContainers")) images.regular = all;
  }
  if (groups.length === ALL_CONTAINER_GROUPS.length) return images.all;
  if (isRegularSelection(groups)) return (images.regular ??= images.all.filter((i) => i.group !== "ephemeralContainers"));
  return images.all.filter((i) => groups.includes(i.group));
}

/** Images of a pod-bearing object, or undefined when the object carries no pod spec. Read-only. */
export function imagesOf(obj: K8sObject, groups: readonly ContainerGroup[] = ALL_CONTAINER_GROUPS, ctx?: EvalContext): ContainerImage[] | undefined {
  const at = podSpecLocationOf(obj);
  return at ? imagesInSpec(at, groups, ctx) : undefined;
}

/** Per-scan state of one image check: its verdict per image reference, and its findings shared by identical containers. */
export interface ImageCheck {
  verdicts: Map<ImageReference, boolean>;
  findings: FindingPool;
}

export const newImageCheck = (): ImageCheck => ({ verdicts: new Map(), findings: newFindingPool() });

/** `fails(ref, setting)`, once per image reference and scan (references are shared per image string when imagesOf had the context). */
export function imageFails<S>(check: ImageCheck, ref: ImageReference, fails: (ref: ImageReference, setting: S) => boolean, setting: S): boolean {
  let verdict = check.verdicts.get(ref);
  if (verdict === undefined) check.verdicts.set(ref, (verdict = fails(ref, setting)));
  return verdict;
}
