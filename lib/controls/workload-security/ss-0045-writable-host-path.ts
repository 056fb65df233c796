import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostPathVolumes } from "./host-volumes";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-0045",
  name: "Writable hostPath mount",
  description:
    "Fails for each mount of a hostPath volume, in any container (regular, init or ephemeral), that is not marked readOnly: true.",
  rationale:
    "A writable hostPath lets the container change files on the node: plant binaries or cron jobs, alter kubelet or runtime configuration, or tamper with other pods' data — persistence on the node and a path to escape.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    for (const volume of hostPathVolumes(pod)) {
      for (const mount of volume.mounts) {
        if (mount.mount.readOnly === true) continue;
        const readOnlyPath = `${mount.path}.readOnly`;
        violations.push({
          message: `${mount.container.who} mounts host path ${volume.hostPath ?? "(unspecified)"} (volume "${volume.name}") writable`,
          paths: mount.mount.readOnly === undefined ? [mount.path] : [readOnlyPath],
          fixPaths: [{ path: readOnlyPath, value: "true" }],
        });
      }
    }
    return violations;
  },
  remediation:
    "Mount hostPath volumes with `readOnly: true`, or replace them with emptyDir, ConfigMap/Secret or persistent volumes. Where a node agent must write to the host, restrict the path to the narrowest directory and keep the workload in a dedicated namespace.",
  refs: {
    kubescape: ["C-0045"],
    mitre: ["T1611"],
  },
});
