import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { addedCapabilities, PSS_BASELINE_ADDABLE_CAPABILITIES } from "./capabilities";
import { NO_VIOLATIONS } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { FIELD_BITS, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1001",
  name: "Capability added beyond the default set (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"Capabilities\": fails for each entry of capabilities.add, in any container, that is not one of AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT. Names are compared exactly, as Pod Security Admission does (CAP_-prefixed or lower-case spellings fail).",
  rationale:
    "The listed capabilities are the ones container runtimes grant by default; adding anything else (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, …) gives the container kernel powers beyond an ordinary process and is a known escalation path.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    if ((pod.fieldsSet & FIELD_BITS.capabilities) === 0) return NO_VIOLATIONS;
    const violations: Violation[] = [];
    for (const c of pod.containers) {
      for (const cap of addedCapabilities(c)) {
        if (typeof cap.raw === "string" && PSS_BASELINE_ADDABLE_CAPABILITIES.includes(cap.raw)) continue;
        violations.push({ message: `${c.who} adds ${JSON.stringify(cap.raw)}, beyond the Baseline default set`, paths: [cap.path] });
      }
    }
    return violations;
  },
  remediation: "Remove the extra capabilities from `securityContext.capabilities.add`; if one is unavoidable, run the workload in a namespace whose Pod Security level is privileged, with an explicit exception.",
  refs: { pss: ["baseline:capabilities"] },
  tags: [PSS_VERSION_TAG],
});
