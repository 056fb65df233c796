import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostPathVolumes, normalizeHostPath } from "./host-volumes";
import { podViewOf } from "./security-context";

/**
 * Host paths that are, or directly contain, the API socket of a container runtime (Docker,
 * cri-dockerd, containerd incl. k3s/MicroK8s, CRI-O, Podman). /var/run is a symlink to /run on
 * current distributions and the kubelet resolves hostPaths on the node, so both spellings count.
 */
const RUNTIME_SOCKET_PATHS: readonly string[] = [
  "/var/run/docker.sock",
  "/var/run/docker",
  "/var/run/cri-dockerd.sock",
  "/var/run/dockershim.sock",
  "/var/run/containerd",
  "/var/run/containerd/containerd.sock",
  "/var/run/crio",
  "/var/run/crio/crio.sock",
  "/var/run/podman",
  "/var/run/podman/podman.sock",
  "/var/run/k3s/containerd",
  "/var/run/k3s/containerd/containerd.sock",
  "/var/snap/microk8s/common/run/containerd.sock",
].flatMap((p) => (p.startsWith("/var/run/") ? [p, p.replace(/^\/var\/run\//, "/run/")] : [p]));

/** Directories whose mount exposes every runtime socket on the node. */
const SOCKET_PARENT_DIRECTORIES: readonly string[] = ["/", "/run", "/var/run"];

function runtimeSocketExposure(hostPath: string): "socket" | "parent" | undefined {
  const path = normalizeHostPath(hostPath);
  if (RUNTIME_SOCKET_PATHS.includes(path)) return "socket";
  if (SOCKET_PARENT_DIRECTORIES.includes(path)) return "parent";
  return undefined;
}

export default defineControl({
  id: "SS-0074",
  name: "Container runtime socket mounted",
  description:
    "Fails for each hostPath volume that is a container runtime API socket or its directory (Docker, cri-dockerd, containerd, CRI-O, Podman, k3s, MicroK8s), or a directory that contains all of them (/, /run, /var/run). A read-only mount does not help: connecting to a socket needs no write access to the mount.",
  rationale:
    "Whoever talks to the runtime socket can start privileged containers, exec into any container on the node and read their secrets: it is root on the node, outside Kubernetes' admission and audit.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    for (const volume of hostPathVolumes(pod)) {
      if (volume.hostPath === undefined) continue;
      const exposure = runtimeSocketExposure(volume.hostPath);
      if (!exposure) continue;
      violations.push({
        message:
          exposure === "socket"
            ? `volume "${volume.name}" is the container runtime socket path ${volume.hostPath}`
            : `volume "${volume.name}" is host path ${volume.hostPath}, which contains the container runtime sockets`,
        paths: [volume.path, ...volume.mounts.map((m) => m.path)],
      });
    }
    return violations;
  },
  remediation:
    "Remove the runtime socket volume. Build images with a rootless builder (BuildKit rootless, Kaniko, Buildah) instead of Docker-in-Docker via the socket, and give node agents that need container metadata the kubelet or CRI read APIs through a dedicated, audited component.",
  refs: {
    kubescape: ["C-0074"],
    mitre: ["T1610", "T1611"],
  },
});
