import { defineControl } from "../../engine/define-control";
import type { BindingNode } from "../../rbac/model";
import { defaultServiceAccountGrants } from "./default-service-account";
import { bindingTargets } from "./permission-control";

export default defineControl<BindingNode>({
  id: "SS-0239",
  name: "Default service accounts hold only default roles (AKS)",
  description:
    "Fails each RoleBinding or ClusterRoleBinding, other than the bootstrap policy's, that grants a role to a namespace's `default` service account.",
  rationale:
    "Every pod that names no service account runs as `default`: a role granted to it is granted to all of them, including pods nobody reviewed for it.",
  severity: "high",
  category: "access-control",
  targets: bindingTargets,
  evaluate: (binding) => defaultServiceAccountGrants(binding),
  remediation:
    "Give each workload that needs API access its own ServiceAccount, bind the role to that account, and remove `default` from the binding's subjects.",
  refs: { kubescape: ["C-0239"], cisAks: ["5.2.1"] },
});
