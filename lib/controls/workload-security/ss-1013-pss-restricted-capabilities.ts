import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { addedCapabilities, droppedCapabilities, PSS_RESTRICTED_ADDABLE_CAPABILITIES } from "./capabilities";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { declaresWindowsOs, fieldFix, podViewOf, type ContainerView } from "./security-context";

/** True when the drop list contains exactly "ALL" (Pod Security Admission compares the raw string). */
function dropsAllExactly(c: ContainerView): boolean {
  for (const cap of droppedCapabilities(c)) if (cap.raw === "ALL") return true;
  return false;
}

export default defineControl({
  id: "SS-1013",
  name: "Capabilities not dropped (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Capabilities\": fails for each container (regular, init, ephemeral) whose capabilities.drop does not contain \"ALL\", and for each added capability other than NET_BIND_SERVICE. Names are compared exactly, as Pod Security Admission does. Linux only: pods with spec.os.name: windows are not evaluated.",
  rationale:
    "Dropping ALL leaves the process with no kernel privileges beyond an ordinary user's; NET_BIND_SERVICE (binding ports below 1024) is the only one most applications need back.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || declaresWindowsOs(pod)) return null;
    const violations: Violation[] = [];
    for (const c of pod.containers) {
      if (!dropsAllExactly(c)) {
        violations.push({
          message: `${c.who} does not drop ALL capabilities`,
          fixPaths: fieldFix(c, "capabilities.drop", "ALL"),
        });
      }
      for (const cap of addedCapabilities(c)) {
        if (typeof cap.raw === "string" && PSS_RESTRICTED_ADDABLE_CAPABILITIES.includes(cap.raw)) continue;
        violations.push({ message: `${c.who} adds ${JSON.stringify(cap.raw)}; only NET_BIND_SERVICE may be added`, paths: [cap.path] });
      }
    }
    return violations;
  },
  remediation: "Set `capabilities: {drop: [\"ALL\"]}` on every container and add back at most `NET_BIND_SERVICE`.",
  refs: { pss: ["restricted:capabilities"] },
  tags: [PSS_VERSION_TAG],
});
