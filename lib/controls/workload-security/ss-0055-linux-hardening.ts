import { defineControl } from "../../engine/define-control";
import type { FixPath, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { droppedCapabilities } from "./capabilities";
import { APPARMOR_ANNOTATION_PREFIX } from "./pod-security-standards";
import { fieldFixes, fieldPath, podViewOf, targetsWindows, type ContainerView, type PodView } from "./security-context";

/** The fix of an unhardened container: built once per container position (see `fieldFixes`). */
function hardeningFixes(c: ContainerView): FixPath[] {
  return [
    { path: fieldPath(c, "seccompProfile.type"), value: "RuntimeDefault" },
    { path: fieldPath(c, "capabilities.drop[0]"), value: "ALL" },
  ];
}

/** True when an annotation of the pod may set a container's AppArmor profile (few pods have one). */
function hasAppArmorAnnotations(pod: PodView): boolean {
  for (const key of Object.keys(pod.annotations)) if (key.startsWith(APPARMOR_ANNOTATION_PREFIX)) return true;
  return false;
}

/**
 * True when a seccomp profile, SELinux options, an AppArmor profile or a capability drop confines the
 * container. `appArmorAnnotated` is `hasAppArmorAnnotations(pod)`: without one, no annotation key is built.
 */
function isHardened(pod: PodView, c: ContainerView, appArmorAnnotated: boolean): boolean {
  const seccomp = (c.security.seccompProfile ?? pod.security.seccompProfile) as { type?: unknown } | undefined;
  if (seccomp && typeof seccomp === "object" && seccomp.type !== undefined && seccomp.type !== "Unconfined") return true;
  const seLinux = c.security.seLinuxOptions ?? pod.security.seLinuxOptions;
  if (seLinux && typeof seLinux === "object" && Object.values(seLinux).some((v) => typeof v === "string" && v !== "")) return true;
  const appArmor = (c.security.appArmorProfile ?? pod.security.appArmorProfile) as { type?: unknown } | undefined;
  const appArmorType = appArmor && typeof appArmor === "object" ? appArmor.type : undefined;
  if (appArmorType !== undefined && appArmorType !== "Unconfined") return true;
  const annotation = appArmorAnnotated && typeof c.container.name === "string" ? pod.annotations[`${APPARMOR_ANNOTATION_PREFIX}${c.container.name}`] : undefined;
  if (typeof annotation === "string" && annotation !== "" && annotation !== "unconfined") return true;
  return droppedCapabilities(c).length > 0;
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
    const appArmorAnnotated = hasAppArmorAnnotations(pod);
    for (const c of pod.containers) {
      if (isHardened(pod, c, appArmorAnnotated)) continue;
      violations.push({
        message: `${c.who} sets no seccomp profile, SELinux options, AppArmor profile or capability drops`,
        fixPaths: fieldFixes(c, "SS-0055", hardeningFixes),
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
