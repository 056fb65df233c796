// The images a pod spec runs, parsed, with the path of each `image` field.
import type { K8sObject } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { containersInSpec, podSpecLocationOf, type PodSpecLocation } from "./container-resources";
import { parseImageReference, type ImageReference } from "./image-reference";

export const ALL_CONTAINER_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];

export interface ContainerImage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  containerName: string;
  /** Path of the container, e.g. `spec.containers[0]`. */
  path: string;
  /** Path of its `image` field. */
  imagePath: string;
  group: ContainerGroup;
  /** Undefined when the container has no image string. */
  ref?: ImageReference;
}

const parsed = new WeakMap<object, ContainerImage>();

export function imagesInSpec(at: PodSpecLocation, groups: readonly ContainerGroup[] = ALL_CONTAINER_GROUPS): ContainerImage[] {
  return containersInSpec(at, groups).map(({ container, path, group }) => {
    let image = parsed.get(container);
    if (!image || image.path !== path) {
      image = { container, containerName: String(container.name ?? "(unnamed)"), path, imagePath: `${path}.image`, group, ref: parseImageReference(container.image) };
      parsed.set(container, image);
    }
    return image;
  });
}

/** Images of a pod-bearing object, or undefined when the object carries no pod spec. */
export function imagesOf(obj: K8sObject, groups: readonly ContainerGroup[] = ALL_CONTAINER_GROUPS): ContainerImage[] | undefined {
  const at = podSpecLocationOf(obj);
  return at ? imagesInSpec(at, groups) : undefined;
}
