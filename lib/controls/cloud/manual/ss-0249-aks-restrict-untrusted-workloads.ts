import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0249",
  name: "Untrusted workloads are isolated",
  description:
    "Manual review: workloads you do not trust (customer code, third-party plugins) should run in isolated node pools or sandboxes (Kata/pod sandboxing), not next to trusted ones.",
  rationale:
    "A container escape from an untrusted workload lands on a node shared with your own services and their credentials.",
  severity: "medium",
  category: "workload",
  manual: true,
  remediation:
    "Run untrusted workloads on dedicated node pools with taints and a sandboxed runtime class, and keep their namespaces separated by NetworkPolicy.",
  refs: {
    kubescape: ["C-0249"],
  },
});
