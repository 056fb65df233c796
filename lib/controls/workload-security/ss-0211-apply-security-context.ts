import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import {
  hostProcessRequests,
  linuxRootIdentities,
  netRawRetained,
  NO_VIOLATIONS,
  privilegedContainers,
  privilegeEscalationAllowed,
  rootSupplementaryGroups,
  seccompNotEnforced,
  unmaskedProcMounts,
  unsafeSysctls,
  windowsAdministratorIdentities,
  writableRootFilesystems,
} from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

/**
 * The checks' violations in order. A lone non-empty result is returned as is (read-only, like every
 * result); concat with many mostly empty, frozen lists takes V8's slow generic path.
 */
function joined(results: Violation[][]): Violation[] {
  let only: Violation[] | undefined;
  let count = 0;
  for (let i = 0; i < results.length; i++) {
    if (results[i].length === 0) continue;
    only = results[i];
    count++;
  }
  if (count <= 1) return only ?? NO_VIOLATIONS;
  const violations: Violation[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    for (let j = 0; j < result.length; j++) violations.push(result[j]);
  }
  return violations;
}

export default defineControl({
  id: "SS-0211",
  name: "Security context not applied",
  description:
    "Composite check that a pod's security contexts harden every container (regular, init and ephemeral). Linux pods fail on any of: privileged or SYS_ADMIN, allowPrivilegeEscalation not false, writable root filesystem, user or primary group not guaranteed non-root, NET_RAW kept, no seccomp profile (or Unconfined), unmasked /proc, unsafe sysctls, root group in fsGroup or supplementalGroups, HostProcess. Windows pods, where the Linux fields do not exist, fail on HostProcess or an administrator (or unspecified) account. SELinux options, fsGroupChangePolicy and gMSA credential specs are not required: they add no confinement by themselves.",
  rationale:
    "Kubernetes applies almost no restriction by default: a container without a security context runs with the image's user, a writable filesystem, default capabilities, no seccomp filter and the ability to escalate. Each missing setting is one less barrier between a compromised process and the node.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    // Most of these checks are shared with the single-purpose controls and computed once per pod.
    if (targetsWindows(pod)) return joined([hostProcessRequests(pod), windowsAdministratorIdentities(pod)]);
    return joined([
      privilegedContainers(pod),
      privilegeEscalationAllowed(pod),
      writableRootFilesystems(pod),
      linuxRootIdentities(pod),
      netRawRetained(pod),
      seccompNotEnforced(pod),
      unmaskedProcMounts(pod),
      unsafeSysctls(pod),
      rootSupplementaryGroups(pod),
      hostProcessRequests(pod),
    ]);
  },
  remediation:
    "Give the pod a `securityContext` with `runAsNonRoot: true`, non-zero `runAsUser`/`runAsGroup`/`fsGroup` and `seccompProfile: {type: RuntimeDefault}`, and every container `allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: [\"ALL\"]}` and no `privileged`. Keep sysctls to the safe set and procMount at Default. Windows pods: no HostProcess, and `runAsUserName: ContainerUser`.",
  refs: {
    kubescape: ["C-0211"],
    cis: ["5.6.3"],
    cisAks: ["4.6.2"],
    cisGke: ["4.6.3"],
  },
});
