import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import type { ContainerAt } from "../../engine/workload";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { droppedCapabilities } from "./capabilities";
import { APPARMOR_ANNOTATION_PREFIX } from "./pod-security-standards";
import { describeContainer, effectiveSetting, podViewOf, targetsWindows, type PodView } from "./security-context";

/** The Linux security modules or capability drops that confine one container, by name. */
function hardeningOf(pod: PodView, c: ContainerAt): string[] {
  const found: string[] = [];
  const seccomp = effectiveSetting<{ type?: unknown }>(pod, c, "seccompProfile").value;
  if (seccomp && typeof seccomp === "object" && seccomp.type !== undefined && seccomp.type !== "Unconfined") found.push("seccomp");
  const seLinux = effectiveSetting<Record<string, unknown>>(pod, c, "seLinuxOptions").value;
  if (seLinux && typeof seLinux === "object" && Object.values(seLinux).some((v) => typeof v === "string" && v !== "")) found.push("SELinux");
  const appArmor = effectiveSetting<{ type?: unknown }>(pod, c, "appArmorProfile").value;
  const annotation = typeof c.container.name === "string" ? pod.annotations[`${APPARMOR_ANNOTATION_PREFIX}${c.container.name}`] : undefined;
  const appArmorType = appArmor && typeof appArmor === "object" ? appArmor.type : undefined;
  if ((appArmorType !== undefined && appArmorType !== "Unconfined") || (typeof annotation === "string" && annotation !== "" && annotation !== "unconfined")) {
    found.push("AppArmor");
  }
  if (droppedCapabilities(c).length > 0) found.push("capability drops");
  return found;
}

export default defineControl({
  id: "SS-0055",
  name: "Container without Linux hardening",
  description:
    "Fails for each Linux container (regular, init or ephemeral) that is confined by none of: a seccomp profile other than Unconfined, SELinux options, an AppArmor profile other than unconfined (field or annotation), or a non-empty capabilities.drop list. Settings may come from the container or, where Kubernetes inherits them, the pod.",
  rationale:
    "seccomp, AppArmor/SELinux and dropped capabilities each shrink the kernel attack surface a compromised process can use; a container with none of them relies on the runtime's defaults alone, which are the weakest the node allows.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    const violations: Violation[] = [];
    for (const c of pod.containers) {
      if (hardeningOf(pod, c).length) continue;
      violations.push({
        message: `${describeContainer(c)} sets no seccomp profile, SELinux options, AppArmor profile or capability drops`,
        fixPaths: [
          { path: `${c.path}.securityContext.seccompProfile.type`, value: "RuntimeDefault" },
          { path: `${c.path}.securityContext.capabilities.drop[0]`, value: "ALL" },
        ],
      });
    }
    return violations;
  },
  remediation:
    "Give every container at least `seccompProfile: {type: RuntimeDefault}` (set once in the pod's securityContext) and `capabilities.drop: [\"ALL\"]`; add AppArmor or SELinux profiles where the nodes support them.",
  refs: {
    kubescape: ["C-0055"],
    nsa: ["hardening-container-environments"],
    polaris: ["linuxHardening"],
  },
});
