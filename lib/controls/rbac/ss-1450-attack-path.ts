import { defineControl } from "../../engine/define-control";
import type { K8sObject } from "../../engine/types";
import { podSpecOf, WORKLOAD_KINDS } from "../../engine/workload";
import { attackPathsForWorkload, buildExposureIndex, exposureOf, hostPrivilegesOf } from "../../rbac/attack-paths";
import { rbacModelOf } from "./permission-control";

export default defineControl<K8sObject>({
  id: "SS-1450",
  name: "Attack path from an exposed or privileged workload to cluster compromise",
  description:
    "Fails workloads that are reachable from outside the cluster (LoadBalancer, NodePort, external IPs, Ingress, Gateway routes) or run with host privileges, mount their service-account token, and whose account can become cluster-admin, read every Secret, run code in kube-system or reach the nodes.",
  rationale:
    "Each link is common on its own; together they turn one exploitable bug in an internet-facing application into control of the cluster, with no further vulnerability needed.",
  severity: "critical",
  category: "access-control",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    const at = podSpecOf(workload);
    if (!at) return null;
    const exposures = ctx.cache("rbac:exposure", () => buildExposureIndex(ctx.index));
    if (!exposureOf(workload, ctx.index, exposures).reasons.length && !hostPrivilegesOf(workload).length) return null;
    const saField = at.spec.serviceAccountName ? "serviceAccountName" : at.spec.serviceAccount ? "serviceAccount" : undefined;
    return attackPathsForWorkload(rbacModelOf(ctx), ctx.index, workload, exposures).map((path) => ({
      message: path.steps.map((s) => s.label).join(" → "),
      paths: saField ? [`${at.path}.${saField}`] : undefined,
      fixPaths: [{ path: `${at.path}.automountServiceAccountToken`, value: "false" }],
      related: path.related,
    }));
  },
  remediation:
    "Break any link: stop mounting the token (`automountServiceAccountToken: false`) when the pods do not call the API, give the workload its own narrowly scoped service account, or move privileged API work into a separate, unexposed controller.",
  refs: { mitre: ["T1190", "T1528"] },
  tags: ["attack-path"],
});
