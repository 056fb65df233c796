import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { bindingsOfServiceAccount, tokenMountOf } from "./service-account-token";

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
    const grants = ctx.cache(`workload-hygiene:grants:${mount.namespace}/${mount.serviceAccount}`, () => {
      const bindings = bindingsOfServiceAccount(ctx, mount.namespace, mount.serviceAccount);
      if (!bindings.length) return undefined;
      const roles = [...new Set(bindings.map((b) => `${b.roleKind} ${b.roleName}`))];
      const shown = roles.length > 5 ? `${roles.slice(0, 5).join(", ")} and ${roles.length - 5} more` : roles.join(", ");
      return { roles: shown, related: bindings.map((b) => refOf(b.binding)) };
    });
    if (!grants) return [];
    return [{
      message: `pods mount a token for ServiceAccount ${mount.namespace}/${mount.serviceAccount}, which is bound to ${grants.roles}`,
      paths: mount.path ? [mount.path] : undefined,
      related: grants.related,
    }];
  },
  remediation:
    "If the workload does not call the Kubernetes API, set automountServiceAccountToken: false. If it does, give it a dedicated ServiceAccount bound only to the verbs and resources it uses.",
  refs: { kubescape: ["C-0261"], mitre: ["T1528"] },
});
