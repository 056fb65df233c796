import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalTarget, K8sObject } from "../../engine/types";
import type { BindingNode } from "../../rbac/model";
import { defaultServiceAccountAutomount, defaultServiceAccountGrants } from "./default-service-account";
import { bindingTargets } from "./permission-control";

type Target = { binding: BindingNode } | { serviceAccount: K8sObject };

export default defineControl<Target>({
  id: "SS-0225",
  name: "Default service accounts are not used (EKS)",
  description:
    "Fails each non-bootstrap binding that grants a role to a namespace's `default` service account, and each `default` ServiceAccount that does not set `automountServiceAccountToken: false`.",
  rationale:
    "Pods that name no service account run as `default`; with permissions bound to it or its token mounted, every such pod carries credentials it was never meant to have.",
  severity: "high",
  category: "access-control",
  *targets(ctx) {
    for (const t of bindingTargets(ctx)) yield { resource: t.resource, value: { binding: t.value } } as EvalTarget<Target>;
    for (const sa of ctx.index.byKind("ServiceAccount")) {
      if (sa.metadata?.name === "default") yield { resource: { object: refOf(sa) }, value: { serviceAccount: sa } };
    }
  },
  evaluate: (target) =>
    "binding" in target ? defaultServiceAccountGrants(target.binding) : defaultServiceAccountAutomount(target.serviceAccount),
  remediation:
    "Create a dedicated ServiceAccount per workload that calls the API (with IRSA or Pod Identity for AWS access), set `automountServiceAccountToken: false` on every `default` ServiceAccount, and unbind roles from it.",
  refs: { kubescape: ["C-0225"], cisEks: ["5.2.1"] },
});
