import { defineControl } from "../../engine/define-control";
import type { K8sObject, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { attackPathsFromEntry, hostPrivilegesOf, podSpecHasHostPrivileges, type Exposure } from "../../rbac/attack-paths";
import { NO_VIOLATIONS, rbacModelOf } from "./permission-control";
import { accountTokenMounted, workloadAccountOf, workloadExposure } from "./workload-accounts";

const NOT_EXPOSED: Exposure = Object.freeze({ reasons: [], via: [] }) as unknown as Exposure;

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
    const w = workloadAccountOf(ctx, workload);
    if (!w) return null;
    // Same answers as attackPathsForWorkload, cheapest test first: most workloads are no entry point.
    const exposure = workloadExposure(ctx, workload);
    if (!exposure && !podSpecHasHostPrivileges(w.at.spec)) return null;
    if (!accountTokenMounted(ctx, w)) return NO_VIOLATIONS;
    const paths = attackPathsFromEntry(rbacModelOf(ctx), workload, w.account, exposure ?? NOT_EXPOSED, hostPrivilegesOf(workload));
    if (paths.length === 0) return NO_VIOLATIONS;
    const violations: Violation[] = [];
    for (const path of paths) {
      violations.push({
        message: path.steps.map((s) => s.label).join(" → "),
        paths: w.accountPaths,
        fixPaths: w.fixPaths,
        related: path.related,
      });
    }
    return violations;
  },
  remediation:
    "Break any link: stop mounting the token (`automountServiceAccountToken: false`) when the pods do not call the API, give the workload its own narrowly scoped service account, or move privileged API work into a separate, unexposed controller.",
  refs: { mitre: ["T1190", "T1528"] },
  tags: ["attack-path"],
});
