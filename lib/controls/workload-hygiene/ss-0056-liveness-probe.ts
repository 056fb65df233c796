import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { missingProbes } from "./probes";

export default defineControl({
  id: "SS-0056",
  name: "Liveness probe missing",
  description:
    "Fails when a long-running container has no liveness probe with a handler (httpGet, tcpSocket, exec or grpc). Jobs, CronJobs and pods that never restart are not applicable.",
  rationale:
    "A process that deadlocks or hangs without exiting stays 'running' forever unless a liveness probe lets the kubelet notice and restart it.",
  severity: "medium",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return missingProbes(obj, "livenessProbe", ctx);
  },
  remediation:
    "Add a livenessProbe that fails only when the process is truly stuck (not when a dependency is down), with an initial delay or a startupProbe long enough for slow starts.",
  refs: { kubescape: ["C-0056"], polaris: ["livenessProbeMissing"] },
});
