import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0288",
  name: "Users do not authenticate with bootstrap tokens",
  description:
    "Manual review: bootstrap tokens are for joining nodes, not for people.",
  rationale:
    "Bootstrap tokens are shared secrets stored in kube-system; using them for users hides who acted and keeps a node-joining credential alive for longer than needed.",
  severity: "medium",
  category: "access-control",
  manual: true,
  remediation:
    "Delete bootstrap tokens once nodes have joined (`kubeadm token delete`), set short TTLs, and give people proper identities.",
  refs: {
    kubescape: ["C-0288"],
    cis: ["3.1.3"],
  },
});
