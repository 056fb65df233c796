import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostPathVolumes } from "./host-volumes";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-0048",
  name: "hostPath volume",
  description:
    "Fails for each hostPath volume in the pod spec, mounted or not (Pod Security Standards Baseline forbids the volume type itself).",
  rationale:
    "hostPath volumes expose node files and directories to the pod: node credentials, runtime sockets, other pods' data, or — when writable — a way to modify the node. They also tie the pod's data to one node.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostPathVolumes(pod).map((volume) => ({
      message: `volume "${volume.name}" is host path ${volume.hostPath ?? "(unspecified)"}${volume.mounts.length ? "" : " (declared, not mounted by any container)"}`,
      paths: [volume.path, ...volume.mounts.map((m) => m.path)],
    }));
  },
  remediation:
    "Replace hostPath volumes with emptyDir, ConfigMap/Secret, projected or persistent volumes. Node agents that genuinely need host files should run in a dedicated namespace, mount the narrowest path read-only and be excepted explicitly.",
  refs: {
    kubescape: ["C-0048"],
    pss: ["baseline:hostPathVolumes"],
    mitre: ["T1611"],
    polaris: ["hostPathSet"],
  },
  tags: [PSS_VERSION_TAG],
});
