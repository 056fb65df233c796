import { defineControl } from "../../engine/define-control";

// Manual: whether tenants are mutually hostile, and which isolation they therefore need, is a design
// question about who runs code in the cluster, not something visible in its objects.
export default defineControl({
  id: "SS-0242",
  name: "Hostile multi-tenant workloads share a cluster",
  description:
    "Manual review: workloads from mutually untrusted tenants should not share nodes or a cluster unless stronger isolation (separate clusters or node pools, sandboxed runtimes) is in place.",
  rationale:
    "Namespaces and RBAC are soft boundaries: a container escape, a kernel bug or an over-broad permission lets one tenant reach another. Kubernetes alone does not provide isolation suitable for hostile tenants.",
  severity: "medium",
  category: "workload",
  manual: true,
  remediation:
    "For untrusted tenants use separate clusters, or at least dedicated node pools with taints and sandboxed runtime classes (gVisor, Kata), plus per-tenant namespaces, network policies and quotas.",
  refs: {
    kubescape: ["C-0242"],
    cisAks: ["5.6.2"],
  },
});
