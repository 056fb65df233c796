import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { containersOf, WORKLOAD_KINDS } from "../../engine/workload";

export default defineControl({
  id: "SS-0057",
  name: "Privileged container",
  description:
    "Fails when a container runs privileged or adds the SYS_ADMIN capability, which amounts to the same host access.",
  rationale:
    "A privileged container sees every host device and can load kernel modules or mount the host filesystem: one compromised process becomes a compromised node.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const violations: Violation[] = [];
    for (const { container, path } of containersOf(obj)) {
      const sc = container.securityContext ?? {};
      if (sc.privileged === true) {
        violations.push({
          message: `container "${container.name}" runs privileged`,
          paths: [`${path}.securityContext.privileged`],
        });
      }
      const added: unknown[] = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
      added.forEach((cap, i) => {
        if (typeof cap === "string" && cap.toUpperCase().replace(/^CAP_/, "") === "SYS_ADMIN") {
          violations.push({
            message: `container "${container.name}" adds SYS_ADMIN, equivalent to privileged`,
            paths: [`${path}.securityContext.capabilities.add[${i}]`],
          });
        }
      });
    }
    return violations;
  },
  remediation:
    "Remove `securityContext.privileged: true` and the SYS_ADMIN capability. Grant only the narrow capabilities the process needs, or move host-level work to a node-management tool outside the cluster.",
  refs: {
    kubescape: ["C-0057"],
    cis: ["5.2.2"],
    pss: ["baseline:privileged"],
    nsa: ["non-root-and-unprivileged"],
    mitre: ["T1611"],
    polaris: ["privilegeEscalationAllowed"],
  },
});
