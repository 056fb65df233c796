// Shared evaluation of the "review admission webhooks" controls (Kubescape C-0036, C-0039): a webhook
// is worth reviewing when it intercepts objects an attacker would want to read or alter.
import type { K8sObject, Violation } from "../../engine/types";
import { formatGroupResource, interceptedResources, webhooksOf, type GroupResource } from "./admission-webhooks";

const core = (resource: string): GroupResource => ({ group: "", resource });

/** Objects whose contents carry credentials or configuration: reading them is credential access. */
export const CREDENTIAL_BEARING_RESOURCES: readonly GroupResource[] = [
  core("secrets"),
  core("configmaps"),
  core("pods"),
  core("serviceaccounts"),
  core("serviceaccounts/token"),
];

/** Objects whose mutation injects code or privileges into the cluster: altering them is persistence. */
export const WORKLOAD_AND_PRIVILEGE_RESOURCES: readonly GroupResource[] = [
  core("pods"),
  core("replicationcontrollers"),
  core("serviceaccounts"),
  core("secrets"),
  core("configmaps"),
  { group: "apps", resource: "deployments" },
  { group: "apps", resource: "daemonsets" },
  { group: "apps", resource: "statefulsets" },
  { group: "apps", resource: "replicasets" },
  { group: "batch", resource: "jobs" },
  { group: "batch", resource: "cronjobs" },
  { group: "rbac.authorization.k8s.io", resource: "roles" },
  { group: "rbac.authorization.k8s.io", resource: "rolebindings" },
  { group: "rbac.authorization.k8s.io", resource: "clusterroles" },
  { group: "rbac.authorization.k8s.io", resource: "clusterrolebindings" },
];

/** One violation per webhook of the configuration that intercepts any of `sensitive`. */
export function webhookReviewViolations(config: K8sObject, sensitive: readonly GroupResource[], verb: string): Violation[] {
  const violations: Violation[] = [];
  for (const { webhook, path } of webhooksOf(config)) {
    // Review what the webhook's author aimed at, even when the rule's API group is mistyped.
    const hits = interceptedResources(webhook, sensitive, { matchGroup: false });
    if (hits.length === 0) continue;
    const target = webhook.clientConfig?.service
      ? `service ${webhook.clientConfig.service.namespace ?? "?"}/${webhook.clientConfig.service.name ?? "?"}`
      : webhook.clientConfig?.url
        ? `URL ${webhook.clientConfig.url}`
        : "an unspecified endpoint";
    violations.push({
      message: `webhook "${webhook.name ?? path}" of ${config.kind} "${config.metadata?.name}" ${verb} ${hits
        .map(formatGroupResource)
        .join(", ")} via ${target}; confirm it belongs to a trusted component`,
      paths: [`${path}.rules`],
    });
  }
  return violations;
}
