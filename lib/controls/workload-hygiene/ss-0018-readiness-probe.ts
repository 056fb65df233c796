import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { missingProbes } from "./probes";

export default defineControl({
  id: "SS-0018",
  name: "Readiness probe missing",
  description:
    "Fails when a long-running container has no readiness probe with a handler (httpGet, tcpSocket, exec or grpc). Jobs, CronJobs and pods that never restart are not applicable.",
  rationale:
    "Without a readiness probe a pod receives Service traffic as soon as its process starts and keeps receiving it while it is overloaded or warming up, so rollouts and restarts turn into user-visible errors.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return missingProbes(obj, "readinessProbe", ctx);
  },
  remediation:
    "Add a readinessProbe that checks the container can actually serve (an HTTP health endpoint, a TCP port, or a command), with a period and threshold suited to its start-up time.",
  refs: { kubescape: ["C-0018"], polaris: ["readinessProbeMissing"] },
});
