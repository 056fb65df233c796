import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { Violation } from "../../engine/types";
import { bindingsOfServiceAccount } from "./service-account-token";

export default defineControl({
  id: "SS-0189",
  name: "Default service account not locked down",
  description:
    "Evaluates each namespace's `default` ServiceAccount: fails when it does not set automountServiceAccountToken: false, or when a RoleBinding or ClusterRoleBinding grants it permissions.",
  rationale:
    "Every pod that names no service account runs as `default`. If that account mounts tokens and holds roles, any forgotten workload in the namespace quietly inherits API access; locked down, it gives them nothing.",
  severity: "medium",
  category: "access-control",
  kinds: ["ServiceAccount"],
  evaluate(sa, ctx) {
    if (sa.metadata?.name !== "default") return null;
    const ns = sa.metadata?.namespace || "default";
    const violations: Violation[] = [];
    if (sa.automountServiceAccountToken !== false) {
      violations.push({
        message: `the default ServiceAccount of namespace ${ns} ${sa.automountServiceAccountToken === true ? "enables" : "does not disable"} token automounting`,
        paths: sa.automountServiceAccountToken === true ? ["automountServiceAccountToken"] : undefined,
        fixPaths: [{ path: "automountServiceAccountToken", value: "false" }],
      });
    }
    const bindings = bindingsOfServiceAccount(ctx, ns, "default").filter((b) =>
      (b.binding.subjects ?? []).some((s: { kind?: string; name?: string }) => s?.kind === "ServiceAccount" && s.name === "default"),
    );
    if (bindings.length) {
      violations.push({
        message: `the default ServiceAccount of namespace ${ns} is granted ${[...new Set(bindings.map((b) => `${b.roleKind} ${b.roleName}`))].join(", ")}`,
        related: bindings.map((b) => refOf(b.binding)),
      });
    }
    return violations;
  },
  remediation:
    "Set automountServiceAccountToken: false on every namespace's default ServiceAccount, remove role bindings that name it, and give workloads that need API access their own ServiceAccount.",
  refs: { kubescape: ["C-0189"], cis: ["5.1.5"], cisEks: ["4.1.5"], cisAks: ["4.1.5"], cisGke: ["4.1.5"], mitre: ["T1528"] },
});
