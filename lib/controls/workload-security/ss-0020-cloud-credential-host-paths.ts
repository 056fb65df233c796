import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostPathSegments, hostPathVolumes, segmentsReach } from "./host-volumes";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-0020",
  name: "Cloud credentials reachable through a hostPath",
  description:
    "Fails when a hostPath volume is a node location that holds cloud credentials (settings key cloudCredentialPaths), a parent directory of one, or a path inside one — for example /etc/kubernetes/azure.json on AKS nodes, /etc or / itself, or a user's ~/.aws directory.",
  rationale:
    "Nodes often carry the cloud identity of the cluster (an Azure service principal in azure.json, CLI credentials in home directories, cloud-provider configs). A pod that mounts them can act as the cluster in the cloud account: read storage, create instances, or take over the cluster's control plane.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const volumes = hostPathVolumes(pod);
    if (volumes.length === 0) return [];
    // The configured locations are split once per scan, not once per volume.
    const locations = ctx.cache("SS-0020:locations", () =>
      ctx.settings.cloudCredentialPaths
        .filter((p) => typeof p === "string" && p.trim() !== "")
        .map((location) => ({ location, segments: hostPathSegments(location) })),
    );
    const violations: Violation[] = [];
    for (const volume of volumes) {
      if (volume.hostPath === undefined) continue;
      const mounted = hostPathSegments(volume.hostPath);
      const reached: string[] = [];
      for (const l of locations) if (segmentsReach(mounted, l.segments)) reached.push(l.location);
      if (!reached.length) continue;
      violations.push({
        message: `volume "${volume.name}" is host path ${volume.hostPath}, which reaches cloud credential location(s) ${reached.join(", ")}`,
        paths: [volume.path, ...volume.mounts.map((m) => m.path)],
      });
    }
    return violations;
  },
  remediation:
    "Do not mount node directories that hold cloud credentials. Give the workload its own cloud identity instead (EKS Pod Identity or IRSA, AKS Workload Identity, GKE Workload Identity) and narrow any unavoidable hostPath to the exact subdirectory needed.",
  refs: {
    kubescape: ["C-0020"],
    mitre: ["T1552.001"],
  },
});
