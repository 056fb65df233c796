import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { netRawRetained } from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-1015",
  name: "NET_RAW capability not dropped",
  description:
    "Fails for each Linux container (regular, init or ephemeral) that keeps the NET_RAW capability: it neither drops NET_RAW nor ALL, adds NET_RAW or ALL back, or runs privileged. Names are compared without the CAP_ prefix, case-insensitively. Windows pods are not evaluated.",
  rationale:
    "NET_RAW, granted by default by most runtimes, lets a process craft raw packets: ARP and DNS spoofing against neighbouring pods, scanning, and exploitation of kernel networking bugs. Ordinary applications do not need it.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    return netRawRetained(pod);
  },
  remediation: "Add `NET_RAW` (or better `ALL`) to `securityContext.capabilities.drop` on every container. Tools such as ping work without it on kernels that allow unprivileged ICMP (net.ipv4.ping_group_range).",
  refs: {},
});
