// Capabilities described as request patterns ("get secrets in any namespace", "create pods in
// kube-system"), matched against grants with the authorizer's exact semantics. Risky-permission rules,
// attack paths and the Kubescape-equivalent controls are all built on these.
import type { GrantPath } from "./model";
import { isClusterScoped } from "./resource-scope";
import { apiGroupMatches, resourceKeysOf, resourceMatches, resourceNameMatches, type RbacRule, type ResourceKeys, type RuleMatch } from "./rule-matching";

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

/** A pattern with the resource keys a rule may list for it. */
export interface PreparedPattern {
  pattern: PermissionPattern;
  keys: ResourceKeys;
}

/** The name a pattern asks for in a rule restricted by resourceNames (see `matchRulePattern`). */
function wantedName(rule: RbacRule, pattern: PermissionPattern): string | undefined {
  return pattern.name ?? (pattern.anyName ? rule.resourceNames[0] : undefined);
}

function verbGives(verb: string, pattern: PermissionPattern): boolean {
  const wanted = pattern.verbs;
  return wanted === "any" || (verb === "*" ? wanted.length > 0 : wanted.includes(verb));
}

function resourceGives(resource: string, keys: ResourceKeys): boolean {
  return resource === "*" || resource === keys.combined || (keys.anySubresource !== undefined && resource === keys.anySubresource);
}

/**
 * Whether `matchRulePattern` would match, without building the indexes: its verbs, groups, resources
 * and names tests, each stopping at the first entry that passes.
 */
function rulePatternMatches(rule: RbacRule, { pattern, keys }: PreparedPattern): boolean {
  if (rule.resources.length === 0) return false;
  let ok = false;
  for (let i = 0; i < rule.verbs.length && !ok; i++) ok = verbGives(rule.verbs[i], pattern);
  if (!ok) return false;
  ok = false;
  for (let i = 0; i < rule.apiGroups.length && !ok; i++) ok = rule.apiGroups[i] === "*" || rule.apiGroups[i] === pattern.apiGroup;
  if (!ok) return false;
  ok = false;
  for (let i = 0; i < rule.resources.length && !ok; i++) ok = resourceGives(rule.resources[i], keys);
  if (!ok) return false;
  if (rule.resourceNames.length === 0) return true;
  const name = wantedName(rule, pattern);
  return !!name && rule.resourceNames.includes(name);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// Patterns of the rule being matched that match it, and the indexes of one list's entries they accept
// (matching is not re-entrant): no temporary lists per rule.
const matching: PreparedPattern[] = [];
const indexes: number[] = [];

type EntryTest = (value: string, p: PreparedPattern, rule: RbacRule) => boolean;

const verbEntryGives: EntryTest = (verb, { pattern }) => verbGives(verb, pattern);
const groupEntryGives: EntryTest = (group, { pattern }) => group === "*" || group === pattern.apiGroup;
const resourceEntryGives: EntryTest = (resource, { keys }) => resourceGives(resource, keys);
const nameEntryGives: EntryTest = (name, { pattern }, rule) => wantedName(rule, pattern) === name;

/** Indexes of the entries one of the `matching` patterns accepts (an array of exactly that size: matches are kept per scan). */
function entriesGiven(rule: RbacRule, values: readonly string[], gives: EntryTest): number[] {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    for (const p of matching) {
      if (gives(values[i], p, rule)) {
        indexes[count++] = i;
        break;
      }
    }
  }
  return indexes.slice(0, count);
}

/**
 * What a grant search (`GrantSearch`) looks for, rule by rule. Binding scopes fall in classes
 * (`classAt`): grants at scopes of one class get the same answers, and what grants of any class pass,
 * cluster-wide grants (`classAt(null)`) pass too.
 */
export interface RuleTest<C> {
  /** Resource entries one of which a rule must list to pass (undefined: any rule may pass). */
  readonly resourceEntries?: readonly string[];
  classAt(scope: string | null): C;
  /** Whether the rule passes in the class: `matchRule` without the indexes. */
  givesAny(rule: RbacRule, cls: C): boolean;
  /** The entries of the rule that make it pass, or null. */
  matchRule(rule: RbacRule, cls: C): RuleMatch | null;
}

/**
 * A pattern list prepared for repeated matching: what a rule needs to give any of the patterns, and
 * which patterns a grant can give at each binding scope (the scope decides only which patterns apply).
 */
export class CompiledPatterns implements RuleTest<readonly PreparedPattern[]> {
  private readonly needs: PatternListNeeds;
  /** Resource entries a rule must list to give any of the patterns (`*`, `pods/exec`, `*\/exec`…). */
  readonly resourceEntries: readonly string[];
  /** Patterns a ClusterRoleBinding can give: all of them. */
  private readonly everywhere: readonly PreparedPattern[];
  /** Patterns a RoleBinding can give in a namespace no pattern names. */
  private readonly inAnyNamespace: readonly PreparedPattern[];
  /** Patterns a RoleBinding can give in each namespace some pattern names (kube-system…). */
  private readonly inNamedNamespace = new Map<string, readonly PreparedPattern[]>();

  constructor(readonly patterns: readonly PermissionPattern[]) {
    this.needs = needsOf(patterns);
    this.resourceEntries = [...this.needs.resources];
    const prepared = patterns.map((pattern) => ({ pattern, keys: keysOf(pattern) }));
    this.everywhere = prepared;
    // Scopes allowing the same patterns share one list object: it keys per-scope memos.
    const shared = (list: PreparedPattern[]) =>
      sameList(list, this.everywhere) ? this.everywhere : this.inAnyNamespace && sameList(list, this.inAnyNamespace) ? this.inAnyNamespace : list;
    this.inAnyNamespace = shared(prepared.filter(({ pattern }) => pattern.namespace === undefined && scopeAllows("", pattern)));
    for (const { namespace } of patterns) {
      if (namespace !== undefined && !this.inNamedNamespace.has(namespace)) {
        this.inNamedNamespace.set(namespace, shared(prepared.filter(({ pattern }) => scopeAllows(namespace, pattern))));
      }
    }
  }

  /**
   * The patterns a grant at this scope can give, in list order. Scopes that allow the same patterns
   * get the same list object, so it can key per-scope memos.
   */
  applicableAt(scope: string | null): readonly PreparedPattern[] {
    if (scope === null) return this.everywhere;
    return this.inNamedNamespace.get(scope) ?? this.inAnyNamespace;
  }

  /** The scope class of a search: the list of patterns that apply. */
  classAt(scope: string | null): readonly PreparedPattern[] {
    return this.applicableAt(scope);
  }

  /** Whether the rule gives any of `applicable` (a list from `applicableAt`): `matchRule` without the indexes. */
  givesAny(rule: RbacRule, applicable: readonly PreparedPattern[]): boolean {
    if (applicable.length === 0 || !mayGiveAny(rule, this.needs)) return false;
    for (const p of applicable) if (rulePatternMatches(rule, p)) return true;
    return false;
  }

  /**
   * The entries of a rule that give any of `applicable` (a list from `applicableAt`), or null: the
   * union, in ascending order, of `matchRulePattern`'s indexes over the patterns that match.
   */
  matchRule(rule: RbacRule, applicable: readonly PreparedPattern[]): RuleMatch | null {
    if (applicable.length === 0 || !mayGiveAny(rule, this.needs)) return null;
    matching.length = 0;
    for (const p of applicable) if (rulePatternMatches(rule, p)) matching.push(p);
    if (matching.length === 0) return null;
    const result: RuleMatch = {
      verbs: entriesGiven(rule, rule.verbs, verbEntryGives),
      apiGroups: entriesGiven(rule, rule.apiGroups, groupEntryGives),
      resources: entriesGiven(rule, rule.resources, resourceEntryGives),
      resourceNames: entriesGiven(rule, rule.resourceNames, nameEntryGives),
      nonResourceURLs: [],
    };
    matching.length = 0;
    return result;
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
