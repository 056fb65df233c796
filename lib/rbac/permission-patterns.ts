// Capabilities described as request patterns ("get secrets in any namespace", "create pods in
// kube-system"), matched against grants with the authorizer's exact semantics. Risky-permission rules,
// attack paths and the Kubescape-equivalent controls are all built on these.
import type { GrantPath } from "./model";
import { isClusterScoped } from "./resource-scope";
import { matchResourceRule, resourceKeysOf, ruleMayAllow, type RbacRule, type ResourceKeys, type RuleMatch } from "./rule-matching";

export interface PermissionPattern {
  /** Any of these verbs; "any" = the rule allows at least one verb on the resource. */
  verbs: string[] | "any";
  apiGroup: string;
  resource: string;
  subresource?: string;
  /**
   * A specific object (`coredns`, `aws-auth`): rules restricted by resourceNames count when they name it.
   * Without it, rules restricted to named objects do not count: they do not grant the capability in general.
   */
  name?: string;
  /** Objects are always named (signers): rules restricted by resourceNames still give the capability. */
  anyName?: boolean;
  /** The grant must apply in this namespace (a RoleBinding there, or a ClusterRoleBinding). */
  namespace?: string;
  /** Only grants that apply in every namespace (ClusterRoleBindings). */
  clusterWide?: boolean;
}

function mergeInto(target: RuleMatch, add: RuleMatch): void {
  for (const key of ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"] as const) {
    for (const i of add[key]) if (!target[key].includes(i)) target[key].push(i);
  }
  for (const key of ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"] as const) target[key].sort((a, b) => a - b);
}

const clusterScopedPattern = new WeakMap<PermissionPattern, boolean>();
const patternKeys = new WeakMap<PermissionPattern, ResourceKeys>();

function keysOf(pattern: PermissionPattern): ResourceKeys {
  let keys = patternKeys.get(pattern);
  if (!keys) patternKeys.set(pattern, (keys = resourceKeysOf(pattern.resource, pattern.subresource)));
  return keys;
}

/** Whether the grant's binding scope lets the pattern apply at all. */
export function scopeAllows(scope: string | null, pattern: PermissionPattern): boolean {
  if (scope === null) return true;
  let clusterScoped = clusterScopedPattern.get(pattern);
  if (clusterScoped === undefined) {
    clusterScoped = isClusterScoped(pattern.apiGroup, pattern.resource);
    clusterScopedPattern.set(pattern, clusterScoped);
  }
  if (pattern.clusterWide || clusterScoped) return false;
  return pattern.namespace === undefined || pattern.namespace === scope;
}

/** Matches a rule (ignoring scope) against one pattern; indexes of every matching entry, or null. */
export function matchRulePattern(rule: RbacRule, pattern: PermissionPattern): RuleMatch | null {
  if (rule.resources.length === 0) return null;
  const verbs = pattern.verbs === "any" ? [...new Set(rule.verbs)] : pattern.verbs;
  const name = pattern.name ?? (pattern.anyName && rule.resourceNames.length ? rule.resourceNames[0] : undefined);
  let merged: RuleMatch | null = null;
  for (const verb of verbs) {
    const m = matchResourceRule(rule, {
      verb,
      apiGroup: pattern.apiGroup,
      resource: pattern.resource,
      subresource: pattern.subresource,
      name,
    });
    if (!m) continue;
    if (!merged) merged = { verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] };
    mergeInto(merged, m);
  }
  return merged;
}

/** The entries of a grant's rule that give any of the patterns, or null when none applies. */
export function matchGrant(grant: Pick<GrantPath, "rule" | "scope">, patterns: readonly PermissionPattern[]): RuleMatch | null {
  let merged: RuleMatch | null = null;
  const rule = grant.rule.rule;
  for (const pattern of patterns) {
    // Rejects on verbs, group and resource before anything allocates: nearly every grant fails here.
    if (pattern.verbs !== "any") {
      const keys = keysOf(pattern);
      let possible = false;
      for (const verb of pattern.verbs) if ((possible = ruleMayAllow(rule, verb, pattern.apiGroup, keys))) break;
      if (!possible) continue;
    }
    if (!scopeAllows(grant.scope, pattern)) continue;
    const m = matchRulePattern(rule, pattern);
    if (!m) continue;
    if (!merged) merged = { verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] };
    mergeInto(merged, m);
  }
  return merged;
}

/** Patterns for several resources of one group with the same verbs. */
export function patternsFor(
  apiGroup: string,
  resources: readonly string[],
  verbs: string[] | "any",
  extra: Partial<Omit<PermissionPattern, "apiGroup" | "resource" | "verbs">> = {},
): PermissionPattern[] {
  return resources.map((r) => {
    const [resource, subresource] = r.split("/");
    return { verbs, apiGroup, resource, ...(subresource ? { subresource } : {}), ...extra };
  });
}
