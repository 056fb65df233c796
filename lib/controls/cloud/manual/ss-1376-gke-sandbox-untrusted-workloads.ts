import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1376",
  name: "Untrusted workloads run in GKE Sandbox",
  description:
    "Manual review: workloads you do not trust run on node pools with GKE Sandbox (gVisor) and the gvisor RuntimeClass.",
  rationale:
    "gVisor puts a user-space kernel between the container and the host, so a kernel exploit in untrusted code does not reach the node.",
  severity: "medium",
  category: "workload",
  manual: true,
  remediation:
    "Create a node pool with `--sandbox type=gvisor` and set `runtimeClassName: gvisor` on the untrusted workloads.",
  refs: {
    cisGke: ["5.10.3"],
  },
});
