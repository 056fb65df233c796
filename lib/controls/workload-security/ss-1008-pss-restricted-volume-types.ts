import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { PSS_RESTRICTED_VOLUME_TYPES, PSS_VERSION_TAG } from "./pod-security-standards";
import { listOf, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1008",
  name: "Volume type outside the restricted set (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Volume Types\": fails for each pod volume whose source is not configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret (for example hostPath, nfs, iscsi, gitRepo, or in-tree cloud disks). A volume with no source is defaulted to emptyDir and passes.",
  rationale:
    "Restricting pods to these sources keeps storage behind PersistentVolumeClaims that administrators control, and out of direct host, network-filesystem or in-tree driver access that bypasses storage policy.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    const volumes = listOf(pod.spec.volumes);
    for (let index = 0; index < volumes.length; index++) {
      const volume = volumes[index] as Record<string, unknown>;
      if (!volume || typeof volume !== "object") continue;
      // Every field but the name is a volume source; one allowed source is enough.
      let sources: string[] | undefined;
      let allowed = false;
      for (const key of Object.keys(volume)) {
        if (key === "name" || volume[key] === null || volume[key] === undefined) continue;
        if (PSS_RESTRICTED_VOLUME_TYPES.has(key)) {
          allowed = true;
          break;
        }
        (sources ??= []).push(key);
      }
      if (allowed || !sources) continue;
      violations.push({
        message: `volume ${JSON.stringify(volume.name ?? index)} uses the ${sources.join("/")} volume type`,
        paths: sources.map((s) => `${pod.specPath}.volumes[${index}].${s}`),
      });
    }
    return violations;
  },
  remediation: "Replace the volume with a PersistentVolumeClaim (backed by a PersistentVolume or CSI driver the administrators manage), or with configMap/secret/projected/emptyDir volumes.",
  refs: { pss: ["restricted:volumeTypes"] },
  tags: [PSS_VERSION_TAG],
});
