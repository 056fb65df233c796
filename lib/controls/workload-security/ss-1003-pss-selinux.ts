import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { NO_VIOLATIONS } from "./pod-hardening-checks";
import { PSS_SELINUX_TYPES, PSS_VERSION_TAG } from "./pod-security-standards";
import { FIELD_BITS, podViewOf } from "./security-context";

/** Adds the violations of one seLinuxOptions (`securityContextPath` locates its securityContext) to `violations`. */
function addSeLinuxViolations(violations: Violation[], options: unknown, securityContextPath: string, who: string): void {
  if (!options || typeof options !== "object") return;
  const o = options as { type?: unknown; user?: unknown; role?: unknown };
  if (o.type !== undefined && o.type !== null && o.type !== "" && !PSS_SELINUX_TYPES.has(String(o.type))) {
    violations.push({ message: `${who} sets SELinux type ${JSON.stringify(o.type)}`, paths: [`${securityContextPath}.seLinuxOptions.type`] });
  }
  for (const field of ["user", "role"] as const) {
    const value = o[field];
    if (value !== undefined && value !== null && value !== "") {
      violations.push({ message: `${who} sets a custom SELinux ${field} ${JSON.stringify(value)}`, paths: [`${securityContextPath}.seLinuxOptions.${field}`] });
    }
  }
}

export default defineControl({
  id: "SS-1003",
  name: "Custom SELinux context (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"SELinux\": fails when the pod or a container sets seLinuxOptions.type to anything other than container_t, container_init_t, container_kvm_t or container_engine_t, or sets seLinuxOptions.user or seLinuxOptions.role.",
  rationale:
    "The container SELinux types confine processes to their own files; another type (spc_t, unconfined_t, a host daemon's type) or a custom user/role lifts that confinement on SELinux-enforcing nodes.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    if ((pod.fieldsSet & FIELD_BITS.seLinuxOptions) === 0) return NO_VIOLATIONS;
    const violations: Violation[] = [];
    addSeLinuxViolations(violations, pod.security.seLinuxOptions, pod.podSecurityContextPath, "the pod");
    for (const c of pod.containers) addSeLinuxViolations(violations, c.security.seLinuxOptions, c.securityContextPath, c.who);
    return violations;
  },
  remediation: "Remove custom `seLinuxOptions` or limit them to `level` and one of the container types; run workloads that need other contexts under an explicit privileged exception.",
  refs: { pss: ["baseline:seLinux"] },
  tags: [PSS_VERSION_TAG],
});
