// The "dedicated service accounts" checks (CIS EKS/AKS): a namespace's `default` service account is
// used by every pod that names none, so it must hold no permissions beyond the bootstrap defaults and
// should not mount its token.
import type { K8sObject, Violation } from "../../engine/types";
import type { BindingNode } from "../../rbac/model";
import { NO_VIOLATIONS } from "./permission-control";

/** Violations for each `default` service account a non-bootstrap binding grants a role to. */
export function defaultServiceAccountGrants(binding: BindingNode): Violation[] {
  if (binding.bootstrap) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  for (const { subject, index } of binding.subjects) {
    if (subject.kind !== "ServiceAccount" || subject.name !== "default") continue;
    (violations ??= []).push({
      message: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ""}${binding.name} grants ${binding.roleRef.kind} ${binding.roleRef.name} to the default service account of namespace ${subject.namespace}`,
      paths: [`subjects[${index}]`],
      fix: "Create a dedicated ServiceAccount for the workload that needs these permissions and bind it instead.",
    });
  }
  return violations ?? NO_VIOLATIONS;
}

/** Violations for a `default` ServiceAccount object that mounts its token into pods by default. */
export function defaultServiceAccountAutomount(sa: K8sObject): Violation[] {
  if (sa.automountServiceAccountToken === false) return [];
  const explicit = sa.automountServiceAccountToken === true;
  return [
    {
      message: `the default service account of namespace ${sa.metadata?.namespace ?? "default"} mounts its token into every pod that does not opt out`,
      paths: explicit ? ["automountServiceAccountToken"] : undefined,
      fixPaths: [{ path: "automountServiceAccountToken", value: "false" }],
    },
  ];
}
