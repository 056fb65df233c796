import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalContext, ObjectRef, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { bindingsOfServiceAccount, tokenMountOf, type ServiceAccountBinding } from "./service-account-token";

/** What a service account is bound to, with the finding list per deciding path (shared by the account's workloads: read-only). */
interface Grants {
  roles: string;
  related: ObjectRef[];
  findings: Map<string | undefined, Violation[]>;
}

/** Per scan: grants by namespace and account, and each binding's role label and ref (bindings to groups reach every account). */
interface GrantsScan {
  byNamespace: Map<string, Map<string, Grants | null>>;
  bindings: Map<ServiceAccountBinding, { role: string; ref: ObjectRef }>;
}

const newGrantsScan = (): GrantsScan => ({ byNamespace: new Map(), bindings: new Map() });

function describe(scan: GrantsScan, binding: ServiceAccountBinding): { role: string; ref: ObjectRef } {
  let described = scan.bindings.get(binding);
  if (!described) scan.bindings.set(binding, (described = { role: `${binding.roleKind} ${binding.roleName}`, ref: refOf(binding.binding) }));
  return described;
}

/** The roles bound to a service account (null when none), once per account and scan. */
function grantsOf(ctx: EvalContext, namespace: string, serviceAccount: string): Grants | null {
  const scan = ctx.cache("workload-hygiene:grants", newGrantsScan);
  let byAccount = scan.byNamespace.get(namespace);
  if (!byAccount) scan.byNamespace.set(namespace, (byAccount = new Map()));
  let grants = byAccount.get(serviceAccount);
  if (grants === undefined) {
    const bindings = bindingsOfServiceAccount(ctx, namespace, serviceAccount);
    if (!bindings.length) grants = null;
    else {
      const described = bindings.map((b) => describe(scan, b));
      const roles = [...new Set(described.map((d) => d.role))];
      const shown = roles.length > 5 ? `${roles.slice(0, 5).join(", ")} and ${roles.length - 5} more` : roles.join(", ");
      grants = { roles: shown, related: described.map((d) => d.ref), findings: new Map() };
    }
    byAccount.set(serviceAccount, grants);
  }
  return grants;
}

export default defineControl({
  id: "SS-0261",
  name: "Token of a privileged service account mounted",
  description:
    "Fails when a workload's pods get an API token (see SS-0034) for a service account that RoleBindings or ClusterRoleBindings grant permissions to, directly or through the system:serviceaccounts groups (bootstrap system: bindings aside).",
  rationale:
    "A mounted token is only as dangerous as the rights behind it; a token whose service account holds roles turns any code execution in the pod into authenticated actions against the cluster API.",
  severity: "high",
  category: "access-control",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const mount = tokenMountOf(obj, ctx);
    if (!mount) return null;
    if (!mount.mounted) return [];
    const grants = grantsOf(ctx, mount.namespace, mount.serviceAccount);
    if (!grants) return [];
    let findings = grants.findings.get(mount.path);
    if (!findings) {
      findings = [{
        message: `pods mount a token for ServiceAccount ${mount.namespace}/${mount.serviceAccount}, which is bound to ${grants.roles}`,
        paths: mount.path ? [mount.path] : undefined,
        related: grants.related,
      }];
      grants.findings.set(mount.path, findings);
    }
    return findings;
  },
  remediation:
    "If the workload does not call the Kubernetes API, set automountServiceAccountToken: false. If it does, give it a dedicated ServiceAccount bound only to the verbs and resources it uses.",
  refs: { kubescape: ["C-0261"], mitre: ["T1528"] },
});
