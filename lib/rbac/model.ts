// The RBAC model of one scan: roles (with aggregation resolved), bindings (with their roles and
// subjects resolved), and the queries every RBAC feature needs: grants per subject, effective
// permissions with their grant paths, who-can. Built once per scan; pure.
import { matchesLabelSelector, type LabelSelector } from "../engine/label-selector";
import type { K8sObject, ObjectRef, SubjectRef } from "../engine/types";
import {
  matchNonResourceRule,
  matchResourceRuleWithKeys,
  normalizeRule,
  resourceKeysOf,
  type NonResourceRequest,
  type RbacRule,
  type ResourceRequest,
  type RuleMatch,
} from "./rule-matching";
import { defaultApiGroupOf, isClusterScoped } from "./resource-scope";
import {
  implicitGroupsOf,
  isSuperuserGroup,
  normalizeBindingSubject,
  subjectKey,
  SYSTEM_MASTERS,
} from "./subjects";

const RBAC_API_VERSION = "rbac.authorization.k8s.io/v1";
/** Namespaced objects without a namespace (plain files) land in "default", as `kubectl apply` does. */
const DEFAULT_NAMESPACE = "default";

export type RoleKind = "Role" | "ClusterRole";
export type BindingKind = "RoleBinding" | "ClusterRoleBinding";

/** A rule a role grants, and where it is literally written (another role, for aggregated ClusterRoles). */
export interface EffectiveRule {
  rule: RbacRule;
  source: RoleNode;
  /** Index of the rule in `source`'s own `rules` list. */
  index: number;
}

export interface RoleNode {
  /** `ClusterRole/name` or `Role/namespace/name`. */
  id: string;
  kind: RoleKind;
  name: string;
  namespace?: string;
  ref: ObjectRef;
  /** Absent for a role assumed from the bootstrap policy because the scan did not contain it. */
  object?: K8sObject;
  labels: Record<string, string>;
  /** Set for aggregated ClusterRoles: their rules are the union of the selected roles' rules. */
  aggregationSelectors?: LabelSelector[];
  /** Rules as written in the object (for an aggregated role, the controller's last output; not used). */
  ownRules: RbacRule[];
  /** What the role grants. */
  rules: EffectiveRule[];
  /** Roles whose rules an aggregated role carries (transitively), in aggregation order. */
  aggregatedFrom: RoleNode[];
  assumedBuiltin: boolean;
}

export interface BoundSubject {
  subject: SubjectRef;
  /** Position in the binding's `subjects` list (for `subjects[i]` paths). */
  index: number;
}

export interface BindingNode {
  /** `ClusterRoleBinding/name` or `RoleBinding/namespace/name` (suffixed when a scan has duplicates). */
  id: string;
  kind: BindingKind;
  name: string;
  namespace?: string;
  ref: ObjectRef;
  object: K8sObject;
  roleRef: { kind: string; name: string };
  /** The bound role, when it exists and the reference is valid. */
  role?: RoleNode;
  /** Namespace the binding grants in; null = every namespace and cluster-scoped resources. */
  scope: string | null;
  subjects: BoundSubject[];
  /** Why the binding grants nothing, when it does not (missing role, invalid reference). */
  problem?: string;
  /** Carries the bootstrap label (`kubernetes.io/bootstrapping: rbac-defaults`). */
  bootstrap: boolean;
}

/** One rule reaching one subject: binding → role → rule (→ the role the rule was aggregated from). */
export interface GrantPath {
  binding: BindingNode;
  subjectIndex: number;
  role: RoleNode;
  rule: EffectiveRule;
  /** Namespace the rule applies in; null = cluster-wide. */
  scope: string | null;
  /** The group (or the subject itself) named in the binding, when the grant is inherited through a group. */
  via?: SubjectRef;
}

export interface MatchedGrant extends GrantPath {
  match: RuleMatch;
}

export interface WhoCanQuery {
  verb: string;
  resource?: string;
  subresource?: string;
  /** Defaults to the group kubectl would resolve a built-in resource to ("" for core). */
  apiGroup?: string;
  /** Omit for a cluster-wide request (list across namespaces, or a cluster-scoped resource). */
  namespace?: string;
  name?: string;
  /** A non-resource request (`/healthz`, `/metrics`): set instead of resource. */
  nonResourceURL?: string;
}

export interface WhoCanResult {
  subject: SubjectRef;
  /** True for system:masters, which the API server never sends to the authorizer. */
  superuser: boolean;
  grants: MatchedGrant[];
}

export interface SubjectSummary {
  subject: SubjectRef;
  bindings: BindingNode[];
}

export interface EffectivePermissions {
  subject: SubjectRef;
  /** The subject, or a group it belongs to, is system:masters: everything is allowed. */
  superuser: boolean;
  /** Built-in groups the subject belongs to (system:authenticated, system:serviceaccounts…). */
  groups: string[];
  grants: GrantPath[];
}

function labelsOf(obj: K8sObject): Record<string, string> {
  const labels = obj.metadata?.labels;
  return labels && typeof labels === "object" ? (labels as Record<string, string>) : {};
}

function roleId(kind: RoleKind, namespace: string | undefined, name: string): string {
  return kind === "ClusterRole" ? `ClusterRole/${name}` : `Role/${namespace}/${name}`;
}

function refFor(kind: string, name: string, namespace: string | undefined, obj?: K8sObject): ObjectRef {
  const ref: ObjectRef = { apiVersion: obj?.apiVersion ?? RBAC_API_VERSION, kind, name };
  if (namespace) ref.namespace = namespace;
  if (obj?.metadata?.uid) ref.uid = obj.metadata.uid;
  return ref;
}

function byName(a: RoleNode, b: RoleNode): number {
  return a.name.localeCompare(b.name);
}

function ruleKey(rule: RbacRule): string {
  return JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
}

/** cluster-admin as the bootstrap policy defines it; used only when a scan binds it without containing it. */
function assumedClusterAdmin(): RoleNode {
  const node: RoleNode = {
    id: "ClusterRole/cluster-admin",
    kind: "ClusterRole",
    name: "cluster-admin",
    ref: refFor("ClusterRole", "cluster-admin", undefined),
    labels: { "kubernetes.io/bootstrapping": "rbac-defaults" },
    ownRules: [
      { verbs: ["*"], apiGroups: ["*"], resources: ["*"], resourceNames: [], nonResourceURLs: [] },
      { verbs: ["*"], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: ["*"] },
    ],
    rules: [],
    aggregatedFrom: [],
    assumedBuiltin: true,
    aggregationSelectors: undefined,
  };
  node.rules = node.ownRules.map((rule, index) => ({ rule, source: node, index }));
  return node;
}

/** Rules of roles, as parallel lists: `rules[i]` is one of `roles[i].rules`. */
export interface RulesListing {
  roles: readonly RoleNode[];
  rules: readonly EffectiveRule[];
}

const NO_RULES: RulesListing = { roles: [], rules: [] };

interface SubjectEntry {
  subject: SubjectRef;
  key: string;
  entries: { binding: BindingNode; index: number }[];
}

/** What `buildRbacModel` needs from the scan: objects by kind (the engine's ObjectIndex fits). */
export interface RbacObjectSource {
  byKind(kind: string): readonly K8sObject[];
}

export class RbacModel {
  readonly roles: RoleNode[] = [];
  readonly bindings: BindingNode[] = [];
  private readonly roleById = new Map<string, RoleNode>();
  private readonly subjectIndex = new Map<string, SubjectEntry>();
  // The same entries by the model's own subject objects (those `subjects()` hands out): no key to build.
  private readonly entryBySubject = new Map<SubjectRef, SubjectEntry>();
  private readonly bindingsByRole = new Map<RoleNode, BindingNode[]>();
  // Roles by name, for resolving bindings without building ids.
  private readonly clusterRolesByName = new Map<string, RoleNode>();
  private readonly rolesByNamespace = new Map<string, Map<string, RoleNode>>();
  /** Per binding, its subjects as the model's own objects (see `boundSubject`). */
  private readonly ownSubjectsOfBinding = new Map<BindingNode, SubjectRef[]>();

  constructor(source: RbacObjectSource) {
    for (const obj of source.byKind("ClusterRole")) this.addRole(obj, "ClusterRole");
    for (const obj of source.byKind("Role")) this.addRole(obj, "Role");
    this.resolveAggregation();
    const bindingIds = new Set<string>();
    for (const kind of ["ClusterRoleBinding", "RoleBinding"] as const) {
      for (const obj of source.byKind(kind)) this.addBinding(obj, kind, bindingIds);
    }
  }

  private addRole(obj: K8sObject, kind: RoleKind): void {
    const name = obj.metadata?.name;
    if (typeof name !== "string" || !name) return;
    const namespace = kind === "Role" ? obj.metadata?.namespace || DEFAULT_NAMESPACE : undefined;
    const node: RoleNode = {
      id: roleId(kind, namespace, name),
      kind,
      name,
      namespace,
      ref: refFor(kind, name, namespace, obj),
      object: obj,
      labels: labelsOf(obj),
      ownRules: [],
      rules: [],
      aggregatedFrom: [],
      assumedBuiltin: false,
      // Present on every node (one hidden class for all roles), set below for aggregated ClusterRoles.
      aggregationSelectors: undefined,
    };
    const raw: unknown[] = Array.isArray(obj.rules) ? obj.rules : [];
    for (let index = 0; index < raw.length; index++) {
      const rule = normalizeRule(raw[index]);
      if (!rule) continue;
      node.ownRules.push(rule);
      // Each rule keeps its index in the object (malformed entries included) so paths point at the right item.
      node.rules.push({ rule, source: node, index });
    }
    const aggregation = obj.aggregationRule;
    if (kind === "ClusterRole" && aggregation && typeof aggregation === "object") {
      const selectors = Array.isArray(aggregation.clusterRoleSelectors) ? aggregation.clusterRoleSelectors : [];
      node.aggregationSelectors = selectors.filter((s: unknown) => s && typeof s === "object");
    }
    const previous = this.roleById.get(node.id);
    if (previous) this.roles.splice(this.roles.indexOf(previous), 1);
    this.roleById.set(node.id, node);
    this.registerByName(node);
    this.roles.push(node);
  }

  // A Role whose namespace or name holds a "/" (not a valid Kubernetes name) may share its id with
  // another: those are resolved by id, as `role()` does.
  private registerByName(role: RoleNode): void {
    if (role.kind === "ClusterRole") this.clusterRolesByName.set(role.name, role);
    else if (!role.namespace!.includes("/") && !role.name.includes("/")) {
      let inNamespace = this.rolesByNamespace.get(role.namespace!);
      if (!inNamespace) this.rolesByNamespace.set(role.namespace!, (inNamespace = new Map()));
      inNamespace.set(role.name, role);
    }
  }

  /**
   * The aggregation controller replaces an aggregated ClusterRole's rules with the union of the rules
   * of every ClusterRole its selectors match (itself excluded), and selected aggregated roles carry
   * their own union: at the fixed point that is the union over every non-aggregated role reachable
   * through selections. Computed by graph reachability, so selection cycles are harmless.
   */
  private resolveAggregation(): void {
    const clusterRoles = this.roles.filter((r) => r.kind === "ClusterRole");
    const aggregated = clusterRoles.filter((r) => r.aggregationSelectors);
    if (!aggregated.length) return;
    const selected = new Map<RoleNode, RoleNode[]>();
    for (const role of aggregated) {
      const picks: RoleNode[] = [];
      for (const selector of role.aggregationSelectors!) {
        // Each selector's matches in name order: sorting only the matches (a stable sort) orders them as sorting every ClusterRole would.
        const matches: RoleNode[] = [];
        for (const candidate of clusterRoles) if (candidate !== role && matchesLabelSelector(selector, candidate.labels)) matches.push(candidate);
        matches.sort(byName);
        for (const candidate of matches) if (!picks.includes(candidate)) picks.push(candidate);
      }
      selected.set(role, picks);
    }
    // Roles contribute to several aggregated roles (admin, edit, view…): each rule is keyed once.
    const ruleKeys = new Map<RbacRule, string>();
    for (const role of aggregated) {
      const seen = new Set<RoleNode>([role]);
      const queue = [...selected.get(role)!];
      const contributors: RoleNode[] = [];
      while (queue.length) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        if (next.aggregationSelectors) queue.push(...selected.get(next)!);
        else contributors.push(next);
      }
      const keys = new Set<string>();
      const rules: EffectiveRule[] = [];
      for (const contributor of contributors) {
        for (const effective of contributor.rules) {
          let key = ruleKeys.get(effective.rule);
          if (key === undefined) ruleKeys.set(effective.rule, (key = ruleKey(effective.rule)));
          if (keys.has(key)) continue;
          keys.add(key);
          rules.push(effective);
        }
      }
      role.rules = rules;
      role.aggregatedFrom = contributors;
    }
  }

  private addBinding(obj: K8sObject, kind: BindingKind, ids: Set<string>): void {
    const name = obj.metadata?.name;
    if (typeof name !== "string" || !name) return;
    const namespace = kind === "RoleBinding" ? obj.metadata?.namespace || DEFAULT_NAMESPACE : undefined;
    let id = kind === "ClusterRoleBinding" ? `ClusterRoleBinding/${name}` : `RoleBinding/${namespace}/${name}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/#\d+$/, "")}#${n}`;
    ids.add(id);
    const roleRefKind = typeof obj.roleRef?.kind === "string" ? obj.roleRef.kind : "";
    const roleRefName = typeof obj.roleRef?.name === "string" ? obj.roleRef.name : "";
    const binding: BindingNode = {
      id,
      kind,
      name,
      namespace,
      ref: refFor(kind, name, namespace, obj),
      object: obj,
      roleRef: { kind: roleRefKind, name: roleRefName },
      scope: kind === "RoleBinding" ? namespace! : null,
      subjects: [],
      bootstrap: labelsOf(obj)["kubernetes.io/bootstrapping"] === "rbac-defaults",
      // Present on every binding (one hidden class), set below.
      role: undefined,
      problem: undefined,
    };
    if (roleRefKind === "ClusterRole") {
      binding.role = this.clusterRolesByName.get(roleRefName);
      if (!binding.role && roleRefName === "cluster-admin") {
        binding.role = assumedClusterAdmin();
        this.roleById.set(binding.role.id, binding.role);
        this.registerByName(binding.role);
        this.roles.push(binding.role);
      }
      if (!binding.role) binding.problem = `ClusterRole "${roleRefName}" not found`;
    } else if (roleRefKind === "Role") {
      if (kind === "ClusterRoleBinding") binding.problem = "a ClusterRoleBinding cannot reference a Role";
      else {
        binding.role =
          namespace!.includes("/") || roleRefName.includes("/")
            ? this.roleById.get(roleId("Role", namespace, roleRefName))
            : this.rolesByNamespace.get(namespace!)?.get(roleRefName);
        if (!binding.role) binding.problem = `Role "${namespace}/${roleRefName}" not found`;
      }
    } else {
      binding.problem = `invalid roleRef kind "${roleRefKind}"`;
    }
    const rawSubjects: unknown[] = Array.isArray(obj.subjects) ? obj.subjects : [];
    const ownSubjects: SubjectRef[] = [];
    for (let index = 0; index < rawSubjects.length; index++) {
      const subject = normalizeBindingSubject(rawSubjects[index], namespace);
      if (!subject) continue;
      binding.subjects.push({ subject, index });
      const key = subjectKey(subject);
      let entry = this.subjectIndex.get(key);
      if (!entry) {
        this.subjectIndex.set(key, (entry = { subject, key, entries: [] }));
        this.entryBySubject.set(subject, entry);
      }
      entry.entries.push({ binding, index });
      ownSubjects.push(entry.subject);
    }
    this.ownSubjectsOfBinding.set(binding, ownSubjects);
    if (binding.role) {
      let list = this.bindingsByRole.get(binding.role);
      if (!list) this.bindingsByRole.set(binding.role, (list = []));
      list.push(binding);
    }
    this.bindings.push(binding);
  }

  /** The role a kind/namespace/name designates, if the scan has it. */
  role(kind: RoleKind, namespace: string | undefined, name: string): RoleNode | undefined {
    return this.roleById.get(roleId(kind, kind === "Role" ? namespace || DEFAULT_NAMESPACE : undefined, name));
  }

  roleWithId(id: string): RoleNode | undefined {
    return this.roleById.get(id);
  }

  bindingsOfRole(role: RoleNode): BindingNode[] {
    const own = this.bindingsByRole.has(role) ? role : this.roleById.get(role.id);
    return (own && this.bindingsByRole.get(own)) ?? [];
  }

  private rulesByResource?: Map<string, { roles: RoleNode[]; rules: EffectiveRule[] }>;

  /**
   * The effective rules that list this resource entry literally (`pods`, `pods/exec`, `*`, `*\/scale`),
   * in model order: the only rules that can grant a request for the resource. Built on first use.
   */
  rulesListing(resource: string): RulesListing {
    if (!this.rulesByResource) {
      const index = new Map<string, { roles: RoleNode[]; rules: EffectiveRule[] }>();
      for (const role of this.roles) {
        for (const rule of role.rules) {
          for (const entry of rule.rule.resources) {
            let listing = index.get(entry);
            if (!listing) index.set(entry, (listing = { roles: [], rules: [] }));
            // A rule listing the entry twice is listed once (aggregated roles share rule objects: compare both).
            const last = listing.rules.length - 1;
            if (last >= 0 && listing.rules[last] === rule && listing.roles[last] === role) continue;
            listing.roles.push(role);
            listing.rules.push(rule);
          }
        }
      }
      this.rulesByResource = index;
    }
    return this.rulesByResource.get(resource) ?? NO_RULES;
  }

  /** Every subject named in at least one binding, in a stable order (kind, namespace, name). */
  subjects(): readonly SubjectSummary[] {
    if (!this.subjectList) {
      // The default sort orders strings by UTF-16 code units, as < does; keys are unique.
      const keys = [...this.subjectIndex.keys()].sort();
      const list: SubjectSummary[] = [];
      for (const key of keys) {
        const e = this.subjectIndex.get(key)!;
        const bindings = new Set<BindingNode>();
        for (const x of e.entries) bindings.add(x.binding);
        list.push({ subject: e.subject, bindings: [...bindings] });
      }
      this.subjectList = list;
    }
    return this.subjectList;
  }

  private subjectList?: SubjectSummary[];

  /** Bindings that name this subject directly, with the subject's position in each. */
  directBindings(subject: SubjectRef): { binding: BindingNode; index: number }[] {
    return (this.entryBySubject.get(subject) ?? this.subjectIndex.get(subjectKey(subject)))?.entries ?? [];
  }

  /** The model's own object for this identity (the one `subjects()` hands out), when a binding names it. */
  boundSubject(subject: SubjectRef): SubjectRef | undefined {
    return (this.entryBySubject.get(subject) ?? this.subjectIndex.get(subjectKey(subject)))?.subject;
  }

  /** The binding's subjects as the model's own objects (see `boundSubject`), in `binding.subjects` order. */
  boundSubjectsOf(binding: BindingNode): readonly SubjectRef[] {
    return this.ownSubjectsOfBinding.get(binding) ?? [];
  }

  private readonly grantsMemo = new Map<string, GrantPath[]>();
  // Controls ask for the same subject objects (those of `subjects()`) over and over: skip the key.
  private readonly grantsBySubject = new WeakMap<SubjectRef, GrantPath[]>();

  /** Every rule the subject's own bindings grant (not through groups). Memoized: do not mutate. */
  directGrants(subject: SubjectRef): readonly GrantPath[] {
    const known = this.grantsBySubject.get(subject);
    if (known) return known;
    const key = subjectKey(subject);
    const memo = this.grantsMemo.get(key);
    if (memo) {
      this.grantsBySubject.set(subject, memo);
      return memo;
    }
    const grants: GrantPath[] = [];
    for (const { binding, index } of this.directBindings(subject)) {
      if (!binding.role) continue;
      for (const rule of binding.role.rules) {
        grants.push({ binding, subjectIndex: index, role: binding.role, rule, scope: binding.scope });
      }
    }
    this.grantsMemo.set(key, grants);
    this.grantsBySubject.set(subject, grants);
    return grants;
  }

  /** Everything the subject is allowed, through its own bindings and those of its built-in groups. */
  effectivePermissions(subject: SubjectRef): EffectivePermissions {
    const groups = implicitGroupsOf(subject);
    const grants = [...this.directGrants(subject)];
    for (const group of groups) {
      const via: SubjectRef = { kind: "Group", name: group };
      for (const grant of this.directGrants(via)) grants.push({ ...grant, via });
    }
    return { subject, superuser: isSuperuserGroup(subject), groups, grants };
  }

  /**
   * Subjects, as named in bindings, whose grants allow the request, each with the grants that do.
   * Exact authorizer semantics: a RoleBinding counts only for requests in its namespace (never for
   * cluster-scoped resources or non-resource URLs); system:masters is always included.
   */
  whoCan(query: WhoCanQuery): WhoCanResult[] {
    const isNonResource = typeof query.nonResourceURL === "string";
    if (!isNonResource && !query.resource) throw new Error("whoCan needs a resource or a nonResourceURL");
    if (!query.verb) throw new Error("whoCan needs a verb");
    const apiGroup = query.apiGroup ?? defaultApiGroupOf(query.resource ?? "");
    const clusterScoped = !isNonResource && isClusterScoped(apiGroup, query.resource!);
    const namespace = clusterScoped || isNonResource ? undefined : query.namespace;
    const resourceRequest: ResourceRequest | undefined = isNonResource
      ? undefined
      : { verb: query.verb, apiGroup, resource: query.resource!, subresource: query.subresource, namespace, name: query.name };
    const nonResourceRequest: NonResourceRequest | undefined = isNonResource
      ? { verb: query.verb, nonResourceURL: query.nonResourceURL! }
      : undefined;
    const masters: SubjectRef = { kind: "Group", name: SYSTEM_MASTERS };
    // Results by the model's own subject objects (no key to build per grant); keys only to sort.
    const results = new Map<SubjectRef, WhoCanResult>();
    results.set(this.boundSubject(masters) ?? masters, { subject: masters, superuser: true, grants: [] });
    const keys = resourceRequest ? resourceKeysOf(resourceRequest.resource, resourceRequest.subresource) : undefined;
    // A resource request can only be allowed by rules listing `*`, the resource or `*\/sub`: per role,
    // those rules in the role's order. A non-resource request is matched against every rule.
    const candidates = keys ? this.rulesListingAny(["*", keys.combined, keys.anySubresource]) : undefined;
    // A role's rules are matched once per query, however many bindings share it.
    const roleMatches = new Map<RoleNode, { rule: EffectiveRule; match: RuleMatch }[]>();
    const matchesOf = (role: RoleNode) => {
      let list = roleMatches.get(role);
      if (list) return list;
      list = [];
      for (const rule of candidates ? (candidates.get(role) ?? []) : role.rules) {
        let match: RuleMatch | null;
        if (resourceRequest) match = matchResourceRuleWithKeys(rule.rule, resourceRequest, keys!);
        else match = rule.rule.nonResourceURLs.length ? matchNonResourceRule(rule.rule, nonResourceRequest!) : null;
        if (match) list.push({ rule, match });
      }
      roleMatches.set(role, list);
      return list;
    };
    for (const binding of this.bindings) {
      if (!binding.role || binding.subjects.length === 0) continue;
      if (binding.scope !== null && (namespace === undefined || binding.scope !== namespace)) continue;
      if (candidates && !candidates.has(binding.role)) continue;
      const matches = matchesOf(binding.role);
      if (matches.length === 0) continue;
      const own = this.boundSubjectsOf(binding);
      for (const { rule, match } of matches) {
        for (let i = 0; i < binding.subjects.length; i++) {
          const { subject, index } = binding.subjects[i];
          let result = results.get(own[i]);
          if (!result) results.set(own[i], (result = { subject, superuser: false, grants: [] }));
          result.grants.push({ binding, subjectIndex: index, role: binding.role, rule, scope: binding.scope, match });
        }
      }
    }
    const sorted: [string, WhoCanResult][] = [];
    for (const [subject, result] of results) sorted.push([this.entryBySubject.get(subject)?.key ?? subjectKey(subject), result]);
    return sorted.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  }

  /** Per role, its rules listing one of the entries (undefined entries skipped), in the role's order. */
  private rulesListingAny(entries: readonly (string | undefined)[]): Map<RoleNode, EffectiveRule[]> {
    const byRole = new Map<RoleNode, EffectiveRule[]>();
    // Roles whose rules came through several entries, out of the role's order.
    let merged: Set<RoleNode> | undefined;
    const seen: string[] = [];
    for (const entry of entries) {
      if (entry === undefined || seen.includes(entry)) continue;
      const { roles, rules } = this.rulesListing(entry);
      for (let i = 0; i < rules.length; i++) {
        const list = byRole.get(roles[i]);
        if (!list) byRole.set(roles[i], [rules[i]]);
        else if (!list.includes(rules[i])) {
          if (seen.length) (merged ??= new Set()).add(roles[i]);
          list.push(rules[i]);
        }
      }
      seen.push(entry);
    }
    if (merged) for (const role of merged) byRole.set(role, role.rules.filter((r) => byRole.get(role)!.includes(r)));
    return byRole;
  }

  /** The grants (own and through built-in groups) that allow this subject the request; [] = denied. */
  can(subject: SubjectRef, query: WhoCanQuery): { allowed: boolean; superuser: boolean; grants: MatchedGrant[] } {
    const identities = [subject, ...implicitGroupsOf(subject).map((name): SubjectRef => ({ kind: "Group", name }))];
    if (identities.some(isSuperuserGroup)) return { allowed: true, superuser: true, grants: [] };
    const keys = new Set(identities.map(subjectKey));
    const grants: MatchedGrant[] = [];
    for (const result of this.whoCan(query)) {
      if (!keys.has(subjectKey(result.subject))) continue;
      const via = subjectKey(result.subject) === subjectKey(subject) ? undefined : result.subject;
      for (const g of result.grants) grants.push(via ? { ...g, via } : g);
    }
    return { allowed: grants.length > 0, superuser: false, grants };
  }
}

/** Builds the RBAC model of a scan (use `ctx.cache("rbac", () => buildRbacModel(ctx.index))`). */
export function buildRbacModel(source: RbacObjectSource): RbacModel {
  return new RbacModel(source);
}

/** JSON path root of a grant's rule inside a finding's `related` list ([binding, role, source role?]). */
export function relatedOfGrant(grant: Pick<GrantPath, "binding" | "role" | "rule">): { related: ObjectRef[]; rulePath: string } {
  const aggregated = grant.rule.source !== grant.role;
  return { related: relatedObjectsOf(grant), rulePath: `relatedObjects[${aggregated ? 2 : 1}].rules[${grant.rule.index}]` };
}

/** `relatedOfGrant(grant).related`: binding, role, and the source role when the rule is aggregated. */
export function relatedObjectsOf(grant: Pick<GrantPath, "binding" | "role" | "rule">): ObjectRef[] {
  return grant.rule.source !== grant.role ? [grant.binding.ref, grant.role.ref, grant.rule.source.ref] : [grant.binding.ref, grant.role.ref];
}
