// Admission webhook configurations: enumeration and what each webhook intercepts.
import type { K8sObject } from "../../engine/types";

export const WEBHOOK_CONFIGURATION_KINDS = ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"];

export interface WebhookAt {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  webhook: any;
  /** e.g. `webhooks[0]` */
  path: string;
}

export function webhooksOf(config: K8sObject): WebhookAt[] {
  const list: unknown[] = Array.isArray(config.webhooks) ? config.webhooks : [];
  return list
    .map((webhook, i) => ({ webhook, path: `webhooks[${i}]` }))
    .filter((w) => !!w.webhook && typeof w.webhook === "object");
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rulesOf(webhook: any): any[] {
  return Array.isArray(webhook?.rules) ? webhook.rules.filter((r: unknown) => !!r && typeof r === "object") : [];
}

/**
 * True when the webhook sees pods being created or updated in namespaces: a rule for the core group
 * (or `*`) with resource `pods` (or a wildcard), operation CREATE/UPDATE (or `*`) and a scope that
 * includes namespaced objects (`Namespaced`, `*`, or unset, which defaults to `*`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function interceptsPodAdmission(webhook: any): boolean {
  return rulesOf(webhook).some((rule) => {
    const groups = asStrings(rule.apiGroups);
    const resources = asStrings(rule.resources);
    const operations = asStrings(rule.operations);
    const scope = typeof rule.scope === "string" ? rule.scope : "*";
    return (
      (groups.includes("") || groups.includes("*")) &&
      resources.some((r) => r === "pods" || r === "*" || r === "*/*") &&
      operations.some((o) => o === "CREATE" || o === "UPDATE" || o === "*") &&
      scope !== "Cluster"
    );
  });
}

/** The failure policy in effect: v1 defaults to Fail, the legacy v1beta1 API to Ignore. */
export function effectiveFailurePolicy(config: K8sObject, webhook: { failurePolicy?: unknown }): "Fail" | "Ignore" {
  if (webhook.failurePolicy === "Fail" || webhook.failurePolicy === "Ignore") return webhook.failurePolicy;
  return config.apiVersion === "admissionregistration.k8s.io/v1beta1" ? "Ignore" : "Fail";
}

export interface GroupResource {
  group: string;
  resource: string;
}

function ruleMatches(rule: { apiGroups?: unknown; resources?: unknown }, target: GroupResource, matchGroup: boolean): boolean {
  const groups = asStrings(rule.apiGroups);
  const resources = asStrings(rule.resources);
  const groupMatches = groups.includes("*") || groups.includes(target.group);
  // `*` and `*/*` match every resource of the listed groups; `name/*` only subresources of `name`.
  if (groupMatches && resources.some((r) => r === "*" || r === "*/*")) return true;
  return (groupMatches || !matchGroup) && resources.includes(target.resource);
}

/**
 * The given group/resources this webhook's rules name (wildcards expanded against the list). With
 * `matchGroup: false` a resource named explicitly counts under any API group, which also catches rules
 * whose group is wrong (e.g. `deployments` under the core group): what the author meant to intercept.
 */
export function interceptedResources(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  webhook: any,
  targets: readonly GroupResource[],
  { matchGroup = true }: { matchGroup?: boolean } = {},
): GroupResource[] {
  const rules = rulesOf(webhook);
  return targets.filter((t) => rules.some((rule) => ruleMatches(rule, t, matchGroup)));
}

export function formatGroupResource({ group, resource }: GroupResource): string {
  return group ? `${resource}.${group}` : resource;
}
