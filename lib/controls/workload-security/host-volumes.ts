// hostPath volumes of a pod, the container mounts that use them, and host-path comparison.
import { listOf, type ContainerView, type PodView } from "./security-context";

export interface VolumeMountAt {
  container: ContainerView;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mount: any;
  /** e.g. `spec.containers[0].volumeMounts[1]` */
  path: string;
}

export interface HostPathVolume {
  name: string;
  /** e.g. `spec.volumes[2]` */
  path: string;
  /** The host path as written (undefined when the manifest omits it). */
  hostPath: string | undefined;
  mounts: VolumeMountAt[];
}

/** Every container mount of the named volume, across regular, init and ephemeral containers. */
export function mountsOfVolume(pod: PodView, volumeName: string): VolumeMountAt[] {
  const mounts: VolumeMountAt[] = [];
  for (const c of pod.containers) {
    const list = listOf(c.container.volumeMounts);
    for (let index = 0; index < list.length; index++) {
      const mount = list[index];
      if (mount && typeof mount === "object" && (mount as { name?: unknown }).name === volumeName) {
        mounts.push({ container: c, mount, path: `${c.path}.volumeMounts[${index}]` });
      }
    }
  }
  return mounts;
}

const NO_VOLUMES: readonly HostPathVolume[] = Object.freeze([]);

/** The pod's hostPath volumes, each with the mounts that use it (possibly none). Shared: do not mutate. */
export function hostPathVolumes(pod: PodView): readonly HostPathVolume[] {
  // Four controls list the same pod's hostPath volumes: listed once per pod view.
  return (pod.hostPathVolumes ??= findHostPathVolumes(pod));
}

function findHostPathVolumes(pod: PodView): readonly HostPathVolume[] {
  const volumes = pod.spec.volumes;
  if (!Array.isArray(volumes)) return NO_VOLUMES;
  let result: HostPathVolume[] | undefined;
  for (let index = 0; index < volumes.length; index++) {
    const volume = volumes[index];
    if (!volume || typeof volume !== "object") continue;
    const v = volume as { name?: unknown; hostPath?: unknown };
    if (!v.hostPath || typeof v.hostPath !== "object") continue;
    const name = typeof v.name === "string" ? v.name : "";
    const raw = (v.hostPath as { path?: unknown }).path;
    (result ??= []).push({
      name,
      path: `${pod.specPath}.volumes[${index}]`,
      hostPath: typeof raw === "string" ? raw : undefined,
      mounts: mountsOfVolume(pod, name),
    });
  }
  return result ?? NO_VOLUMES;
}

/**
 * Lexically normalizes a POSIX host path: collapses `//`, resolves `.` and `..`, drops the trailing
 * slash. The kubelet resolves symlinks on the node, which a manifest scan cannot see.
 */
export function normalizeHostPath(path: string): string {
  const segments: string[] = [];
  for (const part of path.trim().split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") segments.pop();
    else segments.push(part);
  }
  return `/${segments.join("/")}`;
}

/** The segments of a normalized host path (`/var/lib/x` → var, lib, x). */
export function hostPathSegments(path: string): string[] {
  return normalizeHostPath(path).split("/").filter(Boolean);
}

/** `hostPathReaches` on paths already split by `hostPathSegments`. */
export function segmentsReach(mounted: readonly string[], target: readonly string[]): boolean {
  const shared = Math.min(mounted.length, target.length);
  for (let i = 0; i < shared; i++) {
    if (target[i] !== "*" && target[i] !== mounted[i]) return false;
  }
  return true;
}

/**
 * True when mounting `hostPath` gives access to `location` or to part of it: the host path is the
 * location itself, one of its parent directories, or a file or directory inside it. A `*` segment
 * in `location` matches any one segment (`/home/*\/.aws`).
 */
export function hostPathReaches(hostPath: string, location: string): boolean {
  return segmentsReach(hostPathSegments(hostPath), hostPathSegments(location));
}
