import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { unmaskedProcMounts } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1004",
  name: "Unmasked /proc mount (PSS Baseline)",
  description: "Pod Security Standards Baseline \"/proc Mount Type\": fails for each container that sets securityContext.procMount to anything other than Default.",
  rationale:
    "The default /proc mount masks and makes read-only the kernel interfaces (e.g. /proc/sys, /proc/sysrq-trigger, /proc/kcore) that let a process reconfigure or inspect the host kernel; Unmasked removes that protection.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return unmaskedProcMounts(pod);
  },
  remediation: "Remove `procMount` or set it to `Default`.",
  refs: { pss: ["baseline:procMount"] },
  tags: [PSS_VERSION_TAG],
});
