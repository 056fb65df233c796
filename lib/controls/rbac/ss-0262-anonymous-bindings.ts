import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import type { BindingNode } from "../../rbac/model";
import { isAnonymousSubject } from "../../rbac/subjects";
import { NO_VIOLATIONS, bindingTargets } from "./permission-control";

export default defineControl<BindingNode>({
  id: "SS-0262",
  name: "Bindings that grant permissions to anonymous users",
  description:
    "Fails each RoleBinding or ClusterRoleBinding with `system:anonymous` (User) or `system:unauthenticated` (Group) among its subjects, the bootstrap `system:public-info-viewer` binding included.",
  rationale:
    "Anything bound to these identities is available to every client that reaches the API server without credentials, from anywhere the endpoint is exposed.",
  severity: "high",
  category: "access-control",
  targets: bindingTargets,
  evaluate(binding) {
    let violations: Violation[] | undefined;
    for (const { subject, index } of binding.subjects) {
      if (!isAnonymousSubject(subject)) continue;
      (violations ??= []).push({
        message: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ""}${binding.name} grants ${binding.roleRef.kind} ${binding.roleRef.name} to ${subject.kind} ${subject.name}`,
        paths: [`subjects[${index}]`],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Remove anonymous subjects from bindings; disable anonymous authentication on the API server (`--anonymous-auth=false`, or restrict it to health endpoints) unless a load balancer needs it.",
  refs: { kubescape: ["C-0262"], cisGke: ["4.1.8"] },
});
