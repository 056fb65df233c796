// Capabilities described as request patterns ("get secrets in any namespace", "create pods in
// kube-system"), matched against grants with the authorizer's exact semantics. Risky-permission rules,
// attack paths and the Kubescape-equivalent controls are all built on these.
import type { GrantPath } from "./model";
import { isClusterScoped } from "./resource-scope";
import { apiGroupMatches, resourceKeysOf, resourceMatches, resourceNameMatches, ruleMayAllow, type RbacRule, type ResourceKeys, type RuleMatch } from "./rule-matching";

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

const MATCH_KEYS = ["verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs"] as const;

/** Adds `add`'s indexes to `target`'s, keeping each list sorted and without duplicates (lists are a few entries long). */
function mergeInto(target: RuleMatch, add: RuleMatch): void {
  for (const key of MATCH_KEYS) {
    const list = target[key];
    for (const i of add[key]) {
      let at = list.length;
      while (at > 0 && list[at - 1] > i) at--;
      if (at > 0 && list[at - 1] === i) continue;
      list.splice(at, 0, i);
    }
  }
}

/** A rule match whose lists are sorted and unique, as `mergeInto` leaves them. */
function isSortedUnique(match: RuleMatch): boolean {
  for (const key of MATCH_KEYS) {
    const list = match[key];
    for (let i = 1; i < list.length; i++) if (!(list[i - 1] < list[i])) return false;
  }
  return true;
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

/**
 * Matches a rule (ignoring scope) against one pattern; indexes of every matching entry, or null.
 * The union over the pattern's verbs of the authorizer's per-request match: groups, resources and
 * names do not depend on the verb, so they are matched once, and a verb entry counts when it is `*`
 * or one of the pattern's verbs (any verb entry for "any").
 */
export function matchRulePattern(rule: RbacRule, pattern: PermissionPattern): RuleMatch | null {
  if (rule.resources.length === 0) return null;
  const wanted = pattern.verbs;
  const verbs: number[] = [];
  for (let i = 0; i < rule.verbs.length; i++) {
    const verb = rule.verbs[i];
    if (wanted === "any" || (verb === "*" ? wanted.length > 0 : wanted.includes(verb))) verbs.push(i);
  }
  if (!verbs.length) return null;
  const apiGroups = apiGroupMatches(rule, pattern.apiGroup);
  if (!apiGroups.length) return null;
  const resources = resourceMatches(rule, pattern.resource, pattern.subresource);
  if (!resources.length) return null;
  const name = pattern.name ?? (pattern.anyName && rule.resourceNames.length ? rule.resourceNames[0] : undefined);
  const names = resourceNameMatches(rule, name);
  if (names !== true && names.length === 0) return null;
  return { verbs, apiGroups, resources, resourceNames: names === true ? [] : names, nonResourceURLs: [] };
}

/**
 * What every pattern of a list needs from a rule, merged: a rule lacking all of the resource keys
 * (or all of the verbs, or all of the groups) cannot give any of the patterns.
 */
interface PatternListNeeds {
  resources: Set<string>;
  /** Undefined when a pattern accepts any verb. */
  verbs?: Set<string>;
  apiGroups: Set<string>;
}

const listNeeds = new WeakMap<readonly PermissionPattern[], PatternListNeeds>();

function needsOf(patterns: readonly PermissionPattern[]): PatternListNeeds {
  let needs = listNeeds.get(patterns);
  if (!needs) {
    needs = { resources: new Set(["*"]), verbs: new Set(["*"]), apiGroups: new Set(["*"]) };
    for (const pattern of patterns) {
      const keys = keysOf(pattern);
      needs.resources.add(keys.combined);
      if (keys.anySubresource !== undefined) needs.resources.add(keys.anySubresource);
      needs.apiGroups.add(pattern.apiGroup);
      if (pattern.verbs === "any") needs.verbs = undefined;
      else if (needs.verbs) for (const verb of pattern.verbs) needs.verbs.add(verb);
    }
    listNeeds.set(patterns, needs);
  }
  return needs;
}

function listsAny(values: readonly string[], wanted: Set<string>): boolean {
  for (let i = 0; i < values.length; i++) if (wanted.has(values[i])) return true;
  return false;
}

/**
 * True when the rule could give at least one of the patterns: it lists `*` or a wanted resource key,
 * verb and group. Every grant of every subject goes through this; almost all stop here.
 */
function mayGiveAny(rule: RbacRule, needs: PatternListNeeds): boolean {
  if (!listsAny(rule.resources, needs.resources)) return false;
  if (needs.verbs ? !listsAny(rule.verbs, needs.verbs) : rule.verbs.length === 0) return false;
  return listsAny(rule.apiGroups, needs.apiGroups);
}

/**
 * A pattern list prepared for repeated matching: what a rule needs to give any of the patterns, and
 * which patterns a grant can give at each binding scope (the scope decides only which patterns apply).
 */
export class CompiledPatterns {
  private readonly needs: PatternListNeeds;
  /** Patterns a ClusterRoleBinding can give: all of them. */
  private readonly everywhere: readonly PermissionPattern[];
  /** Patterns a RoleBinding can give in a namespace no pattern names. */
  private readonly inAnyNamespace: readonly PermissionPattern[];
  /** Patterns a RoleBinding can give in each namespace some pattern names (kube-system…). */
  private readonly inNamedNamespace = new Map<string, readonly PermissionPattern[]>();

  /** Resource entries a rule must list to give any of the patterns (`*`, `pods/exec`, `*\/exec`…). */
  readonly resourceEntries: readonly string[];

  constructor(readonly patterns: readonly PermissionPattern[]) {
    this.needs = needsOf(patterns);
    this.resourceEntries = [...this.needs.resources];
    this.everywhere = patterns;
    this.inAnyNamespace = patterns.filter((p) => p.namespace === undefined && scopeAllows("", p));
    for (const { namespace } of patterns) {
      if (namespace !== undefined && !this.inNamedNamespace.has(namespace)) {
        this.inNamedNamespace.set(namespace, patterns.filter((p) => scopeAllows(namespace, p)));
      }
    }
  }

  /**
   * The patterns a grant at this scope can give, in list order. Scopes that allow the same patterns
   * get the same list object, so it can key per-scope memos.
   */
  applicableAt(scope: string | null): readonly PermissionPattern[] {
    if (scope === null) return this.everywhere;
    return this.inNamedNamespace.get(scope) ?? this.inAnyNamespace;
  }

  /** The entries of a rule that give any of `applicable` (a list from `applicableAt`), or null. */
  matchRule(rule: RbacRule, applicable: readonly PermissionPattern[]): RuleMatch | null {
    if (applicable.length === 0 || !mayGiveAny(rule, this.needs)) return null;
    let merged: RuleMatch | null = null;
    for (const pattern of applicable) {
      // Rejects on verbs, group and resource before anything allocates: nearly every rule fails here.
      if (pattern.verbs !== "any") {
        const keys = keysOf(pattern);
        let possible = false;
        for (const verb of pattern.verbs) if ((possible = ruleMayAllow(rule, verb, pattern.apiGroup, keys))) break;
        if (!possible) continue;
      }
      const m = matchRulePattern(rule, pattern);
      if (!m) continue;
      // matchRulePattern returns a fresh match with ascending indexes: the first one is kept as is.
      if (!merged && isSortedUnique(m)) merged = m;
      else {
        if (!merged) merged = { verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] };
        mergeInto(merged, m);
      }
    }
    return merged;
  }
}

// Pattern lists are constant definitions: each is compiled once.
const compiled = new WeakMap<readonly PermissionPattern[], CompiledPatterns>();

export function compilePatterns(patterns: readonly PermissionPattern[]): CompiledPatterns {
  let c = compiled.get(patterns);
  if (!c) compiled.set(patterns, (c = new CompiledPatterns(patterns)));
  return c;
}

/** The entries of a grant's rule that give any of the patterns, or null when none applies. */
export function matchGrant(grant: Pick<GrantPath, "rule" | "scope">, patterns: readonly PermissionPattern[]): RuleMatch | null {
  const c = compilePatterns(patterns);
  return c.matchRule(grant.rule.rule, c.applicableAt(grant.scope));
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
