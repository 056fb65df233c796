// Upstream RBAC rule matching (k8s.io/kubernetes pkg/apis/rbac/v1 evaluation helpers), kept exact:
// wildcards, subresources, resourceNames and nonResourceURLs behave as the API server's authorizer does.

/** A PolicyRule normalized to arrays (absent fields become []); malformed entries are dropped. */
export interface RbacRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** What a request asks for. `subresource` is separate, as in the API server's request attributes. */
export interface ResourceRequest {
  verb: string;
  apiGroup?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface NonResourceRequest {
  verb: string;
  nonResourceURL: string;
}

/** Indexes of the rule entries that matched a request, for JSON paths into the role. */
export interface RuleMatch {
  verbs: number[];
  apiGroups: number[];
  resources: number[];
  resourceNames: number[];
  nonResourceURLs: number[];
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "string") return value.filter((v): v is string => typeof v === "string");
  }
  // Every entry is a string (no holes): the list as written, not a copy. Rules are read, never changed.
  return value;
}

/** Normalizes one raw rule; returns undefined for something that is not a rule object. */
export function normalizeRule(raw: unknown): RbacRule | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  return {
    verbs: strings(r.verbs),
    apiGroups: strings(r.apiGroups),
    resources: strings(r.resources),
    resourceNames: strings(r.resourceNames),
    nonResourceURLs: strings(r.nonResourceURLs),
  };
}

function indexesWhere(list: string[], test: (value: string) => boolean): number[] {
  const out: number[] = [];
  list.forEach((v, i) => {
    if (test(v)) out.push(i);
  });
  return out;
}

export function verbMatches(rule: RbacRule, verb: string): number[] {
  return indexesWhere(rule.verbs, (v) => v === "*" || v === verb);
}

export function apiGroupMatches(rule: RbacRule, group: string): number[] {
  return indexesWhere(rule.apiGroups, (g) => g === "*" || g === group);
}

/**
 * Upstream ResourceMatches: `*` matches everything (subresources included), `pods/exec` matches that
 * exact pair, `*\/scale` matches the subresource of any resource. `pods/*` is not a pattern and
 * matches nothing (unless a subresource is literally named "*").
 */
export function resourceMatches(rule: RbacRule, resource: string, subresource?: string): number[] {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return indexesWhere(
    rule.resources,
    (r) => r === "*" || r === combined || (!!subresource && r === `*/${subresource}`),
  );
}

/** No resourceNames = every name; otherwise only requests that name one of them (never list/create-all). */
export function resourceNameMatches(rule: RbacRule, name?: string): number[] | true {
  if (rule.resourceNames.length === 0) return true;
  if (!name) return [];
  return indexesWhere(rule.resourceNames, (n) => n === name);
}

/** `*` matches every path, a trailing `*` is a prefix match, anything else must be equal. */
export function nonResourceURLMatches(rule: RbacRule, url: string): number[] {
  return indexesWhere(
    rule.nonResourceURLs,
    (u) => u === "*" || u === url || (u.endsWith("*") && url.startsWith(u.slice(0, -1))),
  );
}

/** Matches a resource request against one rule; null when the rule does not allow it. */
interface RuleSets {
  verbs: Set<string>;
  apiGroups: Set<string>;
  resources: Set<string>;
}

// Lookup sets live on the rule under a symbol: invisible to JSON and to callers, built once per rule.
const SETS = Symbol("rbacRuleSets");
type WithSets = RbacRule & { [SETS]?: RuleSets };

function setsOf(rule: RbacRule): RuleSets {
  const r = rule as WithSets;
  let sets = r[SETS];
  if (!sets) {
    sets = { verbs: new Set(rule.verbs), apiGroups: new Set(rule.apiGroups), resources: new Set(rule.resources) };
    Object.defineProperty(r, SETS, { value: sets, enumerable: false });
  }
  return sets;
}

/** A request's resource as the keys a rule may list: `pods/exec` and `*\/exec` (or just `pods`). */
export interface ResourceKeys {
  combined: string;
  anySubresource?: string;
}

export function resourceKeysOf(resource: string, subresource?: string): ResourceKeys {
  return subresource ? { combined: `${resource}/${subresource}`, anySubresource: `*/${subresource}` } : { combined: resource };
}

/**
 * Set-based yes/no answer, without the entry indexes: who-can and the risk rules test every rule of
 * every binding, and almost all of them fail here.
 */
export function ruleMayAllow(rule: RbacRule, verb: string, apiGroup: string, keys: ResourceKeys): boolean {
  const sets = setsOf(rule);
  if (!sets.verbs.has("*") && !sets.verbs.has(verb)) return false;
  if (!sets.apiGroups.has("*") && !sets.apiGroups.has(apiGroup)) return false;
  if (sets.resources.has("*") || sets.resources.has(keys.combined)) return true;
  return keys.anySubresource !== undefined && sets.resources.has(keys.anySubresource);
}

export function matchResourceRule(rule: RbacRule, request: ResourceRequest): RuleMatch | null {
  return matchResourceRuleWithKeys(rule, request, resourceKeysOf(request.resource, request.subresource));
}

/** `matchResourceRule` for a caller that matches many rules against one request: its keys computed once. */
export function matchResourceRuleWithKeys(rule: RbacRule, request: ResourceRequest, keys: ResourceKeys): RuleMatch | null {
  if (!ruleMayAllow(rule, request.verb, request.apiGroup ?? "", keys)) return null;
  const verbs = verbMatches(rule, request.verb);
  if (!verbs.length) return null;
  const apiGroups = apiGroupMatches(rule, request.apiGroup ?? "");
  if (!apiGroups.length) return null;
  const resources = resourceMatches(rule, request.resource, request.subresource);
  if (!resources.length) return null;
  const names = resourceNameMatches(rule, request.name);
  if (names !== true && names.length === 0) return null;
  return { verbs, apiGroups, resources, resourceNames: names === true ? [] : names, nonResourceURLs: [] };
}

export function matchNonResourceRule(rule: RbacRule, request: NonResourceRequest): RuleMatch | null {
  const verbs = verbMatches(rule, request.verb);
  if (!verbs.length) return null;
  const urls = nonResourceURLMatches(rule, request.nonResourceURL);
  if (!urls.length) return null;
  return { verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: urls };
}
