import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { listOf, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-0044",
  name: "Container binds a host port",
  description:
    "Fails for each container port (regular, init or ephemeral container) that sets a non-zero hostPort. A hostPort of 0 means no host port and passes, as in the Pod Security Standards Baseline profile.",
  rationale:
    "A hostPort opens the port on every node the pod lands on, outside Services and usually outside NetworkPolicy, and pins the pod to nodes where the port is free. It widens the node's attack surface and can shadow node services.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    for (const c of pod.containers) {
      const ports = listOf(c.container.ports);
      for (let index = 0; index < ports.length; index++) {
        const port = ports[index];
        const hostPort = port && typeof port === "object" ? (port as { hostPort?: unknown }).hostPort : undefined;
        if (hostPort === undefined || hostPort === null || hostPort === 0) continue;
        violations.push({
          message: `${c.who} binds host port ${JSON.stringify(hostPort)}`,
          paths: [`${c.path}.ports[${index}].hostPort`],
        });
      }
    }
    return violations;
  },
  remediation:
    "Remove `hostPort` from the container ports and publish the workload through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress/Gateway.",
  refs: {
    kubescape: ["C-0044"],
    pss: ["baseline:hostPorts"],
    nsa: ["pod-security-enforcement"],
    polaris: ["hostPortSet"],
  },
  tags: [PSS_VERSION_TAG],
});
