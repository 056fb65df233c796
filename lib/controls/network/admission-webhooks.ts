// Admission webhook configurations: enumeration and what each webhook intercepts.
import type { K8sObject } from "../../engine/types";

export const WEBHOOK_CONFIGURATION_KINDS = ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"];

export interface WebhookAt {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  webhook: any;
  /** e.g. `webhooks[0]` */
  path: string;
}

// Five controls enumerate the same configurations' webhooks and rules: both are derived once per object.
const webhookLists = new WeakMap<K8sObject, WebhookAt[]>();

/** The webhooks of a configuration with their paths. Shared: do not mutate. */
export function webhooksOf(config: K8sObject): WebhookAt[] {
  let webhooks = webhookLists.get(config);
  if (!webhooks) {
    const list: unknown[] = Array.isArray(config.webhooks) ? config.webhooks : [];
    webhooks = list
      .map((webhook, i) => ({ webhook, path: `webhooks[${i}]` }))
      .filter((w) => !!w.webhook && typeof w.webhook === "object");
    webhookLists.set(config, webhooks);
  }
  return webhooks;
}

/** One rule of a webhook with its string lists read once (anything but strings is ignored). */
interface WebhookRule {
  groups: string[];
  resources: string[];
  /** The rule names every resource of its groups (`*` or `*`/`*`). */
  allResources: boolean;
  /** See `interceptsPodAdmission`. */
  podAdmission: boolean;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

const webhookRules = new WeakMap<object, WebhookRule[]>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rulesOf(webhook: any): WebhookRule[] {
  if (!webhook || typeof webhook !== "object") return [];
  let rules = webhookRules.get(webhook);
  if (!rules) {
    const raw: unknown[] = Array.isArray(webhook.rules) ? webhook.rules.filter((r: unknown) => !!r && typeof r === "object") : [];
    rules = raw.map((rule) => {
      const r = rule as { apiGroups?: unknown; resources?: unknown; operations?: unknown; scope?: unknown };
      const groups = asStrings(r.apiGroups);
      const resources = asStrings(r.resources);
      const operations = asStrings(r.operations);
      const scope = typeof r.scope === "string" ? r.scope : "*";
      return {
        groups,
        resources,
        allResources: resources.some((x) => x === "*" || x === "*/*"),
        podAdmission:
          (groups.includes("") || groups.includes("*")) &&
          resources.some((x) => x === "pods" || x === "*" || x === "*/*") &&
          operations.some((o) => o === "CREATE" || o === "UPDATE" || o === "*") &&
          scope !== "Cluster",
      };
    });
    webhookRules.set(webhook, rules);
  }
  return rules;
}

/**
 * True when the webhook sees pods being created or updated in namespaces: a rule for the core group
 * (or `*`) with resource `pods` (or a wildcard), operation CREATE/UPDATE (or `*`) and a scope that
 * includes namespaced objects (`Namespaced`, `*`, or unset, which defaults to `*`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function interceptsPodAdmission(webhook: any): boolean {
  return rulesOf(webhook).some((rule) => rule.podAdmission);
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

function ruleMatches(rule: WebhookRule, target: GroupResource, matchGroup: boolean): boolean {
  const groupMatches = rule.groups.includes("*") || rule.groups.includes(target.group);
  // `*` and `*/*` match every resource of the listed groups; `name/*` only subresources of `name`.
  if (groupMatches && rule.allResources) return true;
  return (groupMatches || !matchGroup) && rule.resources.includes(target.resource);
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
  const intercepted: GroupResource[] = [];
  for (const t of targets) {
    for (const rule of rules) {
      if (ruleMatches(rule, t, matchGroup)) {
        intercepted.push(t);
        break;
      }
    }
  }
  return intercepted;
}

export function formatGroupResource({ group, resource }: GroupResource): string {
  return group ? `${resource}.${group}` : resource;
}
