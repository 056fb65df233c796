import { defineControl } from "../../engine/define-control";
import type { EvalContext, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { addedCapabilities, normalizeCapability } from "./capabilities";
import { NO_VIOLATIONS } from "./pod-hardening-checks";
import { FIELD_BITS, podViewOf, targetsWindows } from "./security-context";

/** The configured insecure capabilities, normalized once per scan. */
function insecureCapabilities(ctx: EvalContext): ReadonlySet<string> {
  return ctx.cache("SS-0046:insecure", () =>
    new Set(ctx.settings.insecureCapabilities.map(normalizeCapability).filter((c): c is string => !!c)),
  );
}

export default defineControl({
  id: "SS-0046",
  name: "Insecure capability added",
  description:
    "Fails for each capability a Linux container (regular, init or ephemeral) adds that is on the insecure list (settings key insecureCapabilities; names compared without the CAP_ prefix, case-insensitively).",
  rationale:
    "Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN or BPF hand the container kernel powers that lead to node compromise, traffic interception or escape from the container.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    if ((pod.fieldsSet & FIELD_BITS.capabilities) === 0) return NO_VIOLATIONS;
    let violations: Violation[] | undefined;
    for (const c of pod.containers) {
      const added = addedCapabilities(c);
      if (added.length === 0) continue;
      const insecure = insecureCapabilities(ctx);
      for (const cap of added) {
        if (cap.name && insecure.has(cap.name)) {
          (violations ??= []).push({ message: `${c.who} adds the insecure capability ${cap.name}`, paths: [cap.path] });
        }
      }
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Remove the capability from `securityContext.capabilities.add`; start from `drop: [\"ALL\"]` and add back only narrow capabilities such as NET_BIND_SERVICE that the process demonstrably needs.",
  refs: {
    kubescape: ["C-0046"],
    nsa: ["non-root-and-unprivileged"],
    polaris: ["dangerousCapabilities"],
  },
});
