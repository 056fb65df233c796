import { defineControl } from "../../engine/define-control";
import type { SubjectRef, Violation } from "../../engine/types";
import { describeObject } from "../../rbac/grant-findings";
import { SYSTEM_ANONYMOUS, SYSTEM_AUTHENTICATED, SYSTEM_SERVICEACCOUNTS, SYSTEM_UNAUTHENTICATED } from "../../rbac/subjects";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

/** Identities that stand for "everyone" or "every workload" rather than for someone. */
function isBroadIdentity(subject: SubjectRef): boolean {
  if (subject.kind === "User") return subject.name === SYSTEM_ANONYMOUS;
  if (subject.kind !== "Group") return false;
  return (
    subject.name === SYSTEM_AUTHENTICATED ||
    subject.name === SYSTEM_UNAUTHENTICATED ||
    subject.name === SYSTEM_SERVICEACCOUNTS ||
    subject.name.startsWith(`${SYSTEM_SERVICEACCOUNTS}:`)
  );
}

export default defineControl<SubjectRef>({
  id: "SS-1421",
  name: "Non-default bindings to all-user or all-service-account groups",
  description:
    "Fails system:anonymous, system:unauthenticated, system:authenticated and the system:serviceaccounts groups when a binding other than the bootstrap policy's grants them a role.",
  rationale:
    "These identities stand for every client, every user or every workload: a role bound to them is granted to people and pods nobody chose, including those of a compromised namespace.",
  severity: "high",
  category: "access-control",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    if (!isBroadIdentity(subject)) return null;
    let violations: Violation[] | undefined;
    for (const { binding, index } of rbacModelOf(ctx).directBindings(subject)) {
      if (binding.bootstrap || !binding.role || binding.role.rules.length === 0) continue;
      (violations ??= []).push({
        message: `${describeObject(binding)} grants ${describeObject(binding.role)} to ${subject.kind} ${subject.name}`,
        paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
        related: [binding.ref, binding.role.ref],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Bind roles to named groups or service accounts instead; keep only the bootstrap discovery bindings on the built-in groups.",
  refs: { cisGke: ["4.1.9", "4.1.10"], mitre: ["T1078"] },
  tags: ["risky-permission"],
});
