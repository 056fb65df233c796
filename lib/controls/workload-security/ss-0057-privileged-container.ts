import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { privilegedContainers } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-0057",
  name: "Privileged container",
  description:
    "Fails when a container (regular, init or ephemeral) runs privileged or adds the SYS_ADMIN capability (with or without the CAP_ prefix, any case), which amounts to nearly the same host access.",
  rationale:
    "A privileged container sees every host device and can load kernel modules or mount the host filesystem: one compromised process becomes a compromised node.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return privilegedContainers(pod);
  },
  remediation:
    "Remove `securityContext.privileged: true` and the SYS_ADMIN capability. Grant only the narrow capabilities the process needs, or move host-level work to a node-management tool outside the cluster.",
  refs: {
    kubescape: ["C-0057"],
    cis: ["5.2.2"],
    pss: ["baseline:privileged"],
    nsa: ["non-root-and-unprivileged"],
    mitre: ["T1611"],
    polaris: ["runAsPrivileged"],
  },
  tags: [PSS_VERSION_TAG],
});
