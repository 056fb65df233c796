// Turns grants that give a capability into engine violations: one per binding → role pair, carrying
// the binding and role as `related` objects and Kubescape-style paths into them
// (`relatedObjects[1].rules[0].verbs[2]`, `relatedObjects[0].subjects[1]`, `relatedObjects[0].roleRef.name`).
import type { ObjectRef, SubjectRef, Violation } from "../engine/types";
import { relatedObjectsOf, type BindingNode, type EffectiveRule, type GrantPath, type RbacModel, type RoleNode } from "./model";
import { compilePatterns, type PermissionPattern, type RuleTest } from "./permission-patterns";
import type { RuleMatch } from "./rule-matching";
import { implicitGroupsOf, subjectLabel } from "./subjects";

export interface GrantHit {
  grant: GrantPath;
  match: RuleMatch;
}

export interface FindGrantsOptions {
  /** Also count grants the subject gets through its built-in groups (default: only its own bindings). */
  inherited?: boolean;
  /** Extra condition on a grant (binding kind, role name…). */
  filter?: (grant: GrantPath) => boolean;
}

/** The subject's grants that give any of the patterns, with the rule entries that do. */
export function findGrants(
  model: RbacModel,
  subject: SubjectRef,
  patterns: readonly PermissionPattern[],
  options: FindGrantsOptions = {},
): GrantHit[] {
  return grantSearch(model, patterns).find(subject, options);
}

/** A role rule that gives the capability, with the entries that do. */
interface RuleHit {
  rule: EffectiveRule;
  match: RuleMatch;
}

const NO_RULE_HITS: readonly RuleHit[] = [];

/** A binding entry of a subject (the binding, the subject's position in it) and the rules it gives. */
interface EntryHits {
  binding: BindingNode;
  index: number;
  ruleHits: readonly RuleHit[];
}

/**
 * One capability (a pattern list, or another rule test) searched over one model, many times: once
 * per subject by every control of a scan. Rules that can give it are found once per search (through
 * the model's resource index when the test names its resource entries), and so the roles, bindings
 * and subjects that have it: any other subject costs one lookup. The rule entries at fault are worked
 * out only for the bindings of subjects asked about. Hits share `match` objects: do not mutate them.
 */
export class GrantSearch<C = unknown> {
  // Per scope class (RuleTest.classAt): the roles with a rule passing the test, and those roles' passing rules once worked out.
  private readonly rolesByClass = new Map<C, Set<RoleNode>>();
  private readonly hitsByClass = new Map<C, Map<RoleNode, readonly RuleHit[]>>();
  /** The model's own subject objects with a binding that gives the capability. */
  private granting?: Set<SubjectRef>;
  private readonly entriesByGroup = new Map<string, EntryHits[]>();

  constructor(
    private readonly model: RbacModel,
    private readonly test: RuleTest<C>,
  ) {}

  /** False when none of the subject's own bindings gives the capability (`find` without `inherited` finds nothing). */
  mayGrant(subject: SubjectRef): boolean {
    const own = this.model.boundSubject(subject);
    return !!own && this.grantingSubjects().has(own);
  }

  /** The subject's grants that give the capability (see `findGrants`). */
  find(subject: SubjectRef, options: FindGrantsOptions = {}): GrantHit[] {
    const hits: GrantHit[] = [];
    // The subject's own grants, then (with `inherited`) each built-in group's, tagged `via`.
    const own = this.model.boundSubject(subject);
    if (own && (!this.granting || this.granting.has(own))) {
      for (const { binding, index } of this.model.directBindings(own)) addHits(hits, binding, index, this.ruleHitsOf(binding), undefined, options.filter);
    }
    if (options.inherited) {
      for (const name of implicitGroupsOf(subject)) {
        const entries = this.groupEntries(name);
        if (entries.length === 0) continue;
        const via: SubjectRef = { kind: "Group", name };
        for (const { binding, index, ruleHits } of entries) addHits(hits, binding, index, ruleHits, via, options.filter);
      }
    }
    return hits;
  }

  /**
   * `hitsToViolations(subject, find(subject, { filter }), capability)`, built from the subject's binding
   * entries without the intermediate grants and hits (every subject-aggregated control asks this).
   */
  ownViolations(subject: SubjectRef, capability: string, filter?: FindGrantsOptions["filter"]): Violation[] {
    const own = this.model.boundSubject(subject);
    if (!own || !this.grantingSubjects().has(own)) return [];
    const violations: Violation[] = [];
    for (const { binding, index } of this.model.directBindings(own)) {
      const ruleHits = this.ruleHitsOf(binding);
      if (ruleHits.length === 0) continue;
      let hits = ruleHits;
      if (filter) {
        entryHits.length = 0;
        for (const hit of ruleHits) {
          if (filter({ binding, subjectIndex: index, role: binding.role!, rule: hit.rule, scope: binding.scope })) entryHits.push(hit);
        }
        if (entryHits.length === 0) continue;
        hits = entryHits;
      }
      entryViolations(violations, subject, capability, binding, index, undefined, hits);
    }
    return violations;
  }

  /** Roles with a rule passing the test in a scope class (those of other classes are among the cluster-wide class's). */
  private rolesGiving(cls: C): Set<RoleNode> {
    let roles = this.rolesByClass.get(cls);
    if (roles) return roles;
    roles = new Set();
    const clusterWide = this.test.classAt(null);
    if (cls !== clusterWide) {
      const candidates = this.rolesGiving(clusterWide);
      if (this.test.resourceEntries) {
        // Only rules listing one of the entries can pass: those of the listings, not every rule of the roles.
        for (const entry of this.test.resourceEntries) {
          const listing = this.model.rulesListing(entry);
          for (let i = 0; i < listing.rules.length; i++) {
            const role = listing.roles[i];
            if (candidates.has(role) && !roles.has(role) && this.test.givesAny(listing.rules[i].rule, cls)) roles.add(role);
          }
        }
      } else {
        for (const role of candidates) if (this.roleGives(role, cls)) roles.add(role);
      }
    } else if (this.test.resourceEntries) {
      for (const entry of this.test.resourceEntries) {
        const listing = this.model.rulesListing(entry);
        for (let i = 0; i < listing.rules.length; i++) {
          if (!roles.has(listing.roles[i]) && this.test.givesAny(listing.rules[i].rule, cls)) roles.add(listing.roles[i]);
        }
      }
    } else {
      for (const role of this.model.roles) if (this.roleGives(role, cls)) roles.add(role);
    }
    this.rolesByClass.set(cls, roles);
    return roles;
  }

  /** The rules of the binding's role that give the capability at the binding's scope, in role order. */
  private roleGives(role: RoleNode, cls: C): boolean {
    for (const { rule } of role.rules) if (this.test.givesAny(rule, cls)) return true;
    return false;
  }

  private ruleHitsOf(binding: BindingNode): readonly RuleHit[] {
    const role = binding.role;
    if (!role) return NO_RULE_HITS;
    const cls = this.test.classAt(binding.scope);
    if (this.rolesByClass.get(cls)?.has(role) === false) return NO_RULE_HITS;
    let byRole = this.hitsByClass.get(cls);
    if (!byRole) this.hitsByClass.set(cls, (byRole = new Map()));
    let ruleHits = byRole.get(role);
    if (!ruleHits) {
      const found: RuleHit[] = [];
      for (const rule of role.rules) {
        const match = this.test.matchRule(rule.rule, cls);
        if (match) found.push({ rule, match });
      }
      byRole.set(role, (ruleHits = found.length ? found : NO_RULE_HITS));
    }
    return ruleHits;
  }

  private grantingSubjects(): Set<SubjectRef> {
    if (!this.granting) {
      const granting = new Set<SubjectRef>();
      const clusterWide = this.test.classAt(null);
      for (const role of this.rolesGiving(clusterWide)) {
        for (const binding of this.model.bindingsOfRole(role)) {
          if (binding.subjects.length === 0) continue;
          // Every role giving the capability in some class gives it cluster-wide: only other classes are checked.
          const cls = binding.scope === null ? clusterWide : this.test.classAt(binding.scope);
          if (cls !== clusterWide && !this.rolesGiving(cls).has(role)) continue;
          for (const subject of this.model.boundSubjectsOf(binding)) granting.add(subject);
        }
      }
      this.granting = granting;
    }
    return this.granting;
  }

  /** The binding entries of a built-in group (`system:authenticated`…) that give the capability. */
  private groupEntries(name: string): EntryHits[] {
    let entries = this.entriesByGroup.get(name);
    if (!entries) {
      entries = [];
      for (const { binding, index } of this.model.directBindings({ kind: "Group", name })) {
        const ruleHits = this.ruleHitsOf(binding);
        if (ruleHits.length) entries.push({ binding, index, ruleHits });
      }
      this.entriesByGroup.set(name, entries);
    }
    return entries;
  }
}

/** Appends one grant per rule hit of a binding entry (as `via`'s grants when set) that passes the filter. */
function addHits(
  hits: GrantHit[],
  binding: BindingNode,
  subjectIndex: number,
  ruleHits: readonly RuleHit[],
  via: SubjectRef | undefined,
  filter: FindGrantsOptions["filter"],
): void {
  for (const { rule, match } of ruleHits) {
    const grant: GrantPath = { binding, subjectIndex, role: binding.role!, rule, scope: binding.scope };
    // The filter sees the grant as the binding gives it, without `via`.
    if (filter && !filter(grant)) continue;
    if (via) grant.via = via;
    hits.push({ grant, match });
  }
}

// Searches live as long as their model (one scan, or one explorer analysis), per pattern list or rule test.
const searches = new WeakMap<RbacModel, Map<object, GrantSearch>>();

/** The model's search for a capability, created on first use. */
export function grantSearch(model: RbacModel, patterns: readonly PermissionPattern[]): GrantSearch {
  const perModel = searchesOf(model);
  let search = perModel.get(patterns);
  if (!search) perModel.set(patterns, (search = new GrantSearch(model, compilePatterns(patterns))));
  return search;
}

/** The model's search for grants whose rules pass a test (a module constant: it keys the search). */
export function ruleSearch<C>(model: RbacModel, test: RuleTest<C>): GrantSearch<C> {
  const perModel = searchesOf(model);
  let search = perModel.get(test);
  if (!search) perModel.set(test, (search = new GrantSearch(model, test)));
  return search as GrantSearch<C>;
}

function searchesOf(model: RbacModel): Map<object, GrantSearch> {
  let perModel = searches.get(model);
  if (!perModel) searches.set(model, (perModel = new Map()));
  return perModel;
}

/** Grants whose rule satisfies a custom test (returns the entries at fault, or null). */
export function findGrantsWhere(
  model: RbacModel,
  subject: SubjectRef,
  test: (grant: GrantPath) => RuleMatch | null,
  options: FindGrantsOptions = {},
): GrantHit[] {
  const hits: GrantHit[] = [];
  // The subject's own grants, then (with `inherited`) each built-in group's, tagged `via`.
  collectHits(hits, model.directGrants(subject), undefined, test, options.filter);
  if (options.inherited) {
    for (const name of implicitGroupsOf(subject)) {
      const via: SubjectRef = { kind: "Group", name };
      collectHits(hits, model.directGrants(via), via, test, options.filter);
    }
  }
  return hits;
}

// A module function, not a closure per call: this runs for every subject of every RBAC control.
function collectHits(
  hits: GrantHit[],
  grants: readonly GrantPath[],
  via: SubjectRef | undefined,
  test: (grant: GrantPath) => RuleMatch | null,
  filter: FindGrantsOptions["filter"],
): void {
  for (const grant of grants) {
    if (filter && !filter(grant)) continue;
    const match = test(grant);
    if (match) hits.push({ grant: via ? { ...grant, via } : grant, match });
  }
}

export function describeObject(node: { kind: string; name: string; namespace?: string }): string {
  return node.namespace ? `${node.kind} ${node.namespace}/${node.name}` : `${node.kind} ${node.name}`;
}

// Bindings and roles appear in many findings (every control, every subject they grant): one label each.
const nodeLabels = new WeakMap<BindingNode | RoleNode, string>();

function labelOf(node: BindingNode | RoleNode): string {
  let label = nodeLabels.get(node);
  if (label === undefined) nodeLabels.set(node, (label = describeObject(node)));
  return label;
}

// Subjects (the model's own objects, asked about by every control) and binding scopes likewise.
const subjectLabels = new WeakMap<SubjectRef, string>();
const scopeLabels = new WeakMap<BindingNode, string>();

function labelOfSubject(subject: SubjectRef): string {
  let label = subjectLabels.get(subject);
  if (label === undefined) subjectLabels.set(subject, (label = subjectLabel(subject)));
  return label;
}

/** `scopeLabel` of the binding's scope (a grant's scope is its binding's). */
function scopeLabelOf(binding: BindingNode): string {
  let label = scopeLabels.get(binding);
  if (label === undefined) scopeLabels.set(binding, (label = scopeLabel(binding.scope)));
  return label;
}

export function describeGrant(grant: Pick<GrantPath, "binding" | "role" | "rule" | "via">): string {
  const binding = labelOf(grant.binding);
  const role = labelOf(grant.role);
  const source = grant.rule.source !== grant.role ? ` (aggregated from ClusterRole ${grant.rule.source.name})` : "";
  const via = grant.via ? ` via ${grant.via.kind} ${grant.via.name}` : "";
  return `${binding} → ${role}${source}${via}`;
}

export function scopeLabel(scope: string | null): string {
  return scope === null ? "in every namespace" : `in namespace ${scope}`;
}

/**
 * One violation per binding → role (→ source role) combination. `capability` completes
 * "<subject> <capability>", e.g. "can read Secrets".
 */
export function hitsToViolations(subject: SubjectRef, hits: readonly GrantHit[], capability: string): Violation[] {
  if (hits.length === 0) return [];
  // Hits of one binding → role (→ source role) pair, for the same subject entry and via, form one
  // violation. Within a model, binding and role objects stand for their ids and refs.
  const groups: GrantHit[][] = [];
  for (const hit of hits) {
    let group = groups.length ? groups[groups.length - 1] : undefined;
    if (!group || !sameViolation(group[0].grant, hit.grant)) group = groups.find((g) => sameViolation(g[0].grant, hit.grant));
    if (group) group.push(hit);
    else groups.push([hit]);
  }
  const violations: Violation[] = [];
  for (const list of groups) {
    const first = list[0].grant;
    // Paths gathered in a scratch list, then copied at their exact count: findings are kept per scan.
    let count = 0;
    for (const { grant, match } of list) count = collectRulePaths(count, grant.rule, grant.rule.source !== grant.role, match);
    const scope = first.scope === first.binding.scope ? scopeLabelOf(first.binding) : scopeLabel(first.scope);
    violations.push(grantViolation(subject, capability, scope, first, first.subjectIndex, count, pathsAreUnique(list)));
  }
  return violations;
}

/**
 * The violation of one grant: `count` rule paths are already in `scratchPaths`; the subject entry and
 * the role reference are appended, and the list is copied at its exact count (findings are kept per scan).
 */
function grantViolation(
  subject: SubjectRef,
  capability: string,
  scope: string,
  grant: Pick<GrantPath, "binding" | "role" | "rule" | "via">,
  subjectIndex: number,
  count: number,
  pathsUnique: boolean,
): Violation {
  scratchPaths[count++] = subjectPath(subjectIndex);
  scratchPaths[count++] = ROLE_REF_PATH;
  const paths = scratchPaths.slice(0, count);
  return {
    message: `${labelOfSubject(subject)} ${capability} ${scope} through ${describeGrant(grant)}`,
    paths: pathsUnique ? paths : [...new Set(paths)],
    related: relatedObjectsOf(grant),
  };
}

// The rule hits of the binding entry being turned into violations (not re-entrant), and one source role's share of them.
const entryHits: RuleHit[] = [];
const sourceHits: RuleHit[] = [];

/**
 * Appends the violations of one binding entry's rule hits, as `hitsToViolations` groups them: one per
 * source role (aggregated roles), in order of first appearance, each with its hits in order.
 */
function entryViolations(
  violations: Violation[],
  subject: SubjectRef,
  capability: string,
  binding: BindingNode,
  subjectIndex: number,
  via: SubjectRef | undefined,
  hits: readonly RuleHit[],
): void {
  const source = hits[0].rule.source;
  let oneSource = true;
  for (let i = 1; i < hits.length && oneSource; i++) oneSource = hits[i].rule.source === source;
  if (oneSource) {
    violations.push(ruleHitsViolation(subject, capability, binding, subjectIndex, via, hits));
    return;
  }
  const sources: RoleNode[] = [];
  for (const hit of hits) if (!sources.includes(hit.rule.source)) sources.push(hit.rule.source);
  for (const s of sources) {
    sourceHits.length = 0;
    for (const hit of hits) if (hit.rule.source === s) sourceHits.push(hit);
    violations.push(ruleHitsViolation(subject, capability, binding, subjectIndex, via, sourceHits));
  }
}

/** `hitsToViolations`' violation for rule hits of one binding entry and one source role. */
function ruleHitsViolation(
  subject: SubjectRef,
  capability: string,
  binding: BindingNode,
  subjectIndex: number,
  via: SubjectRef | undefined,
  hits: readonly RuleHit[],
): Violation {
  const role = binding.role!;
  let count = 0;
  for (const { rule, match } of hits) count = collectRulePaths(count, rule, rule.source !== role, match);
  const first = { binding, role, rule: hits[0].rule, via };
  return grantViolation(subject, capability, scopeLabelOf(binding), first, subjectIndex, count, ruleHitsAreUnique(hits));
}

/** Appends the rule's matched entries' paths to `scratchPaths` from `count`; returns the new count. */
function collectRulePaths(count: number, rule: EffectiveRule, aggregated: boolean, match: RuleMatch): number {
  const strings = rulePathStrings(rule, aggregated);
  for (const i of match.resources) scratchPaths[count++] = strings.of("resources", i);
  for (const i of match.nonResourceURLs) scratchPaths[count++] = strings.of("nonResourceURLs", i);
  for (const i of match.verbs) scratchPaths[count++] = strings.of("verbs", i);
  for (const i of match.apiGroups) scratchPaths[count++] = strings.of("apiGroups", i);
  for (const i of match.resourceNames) scratchPaths[count++] = strings.of("resourceNames", i);
  return count;
}

/** Whether every list of a rule match is in ascending order (its paths then come out without repeats). */
function listsAscending(match: RuleMatch): boolean {
  return ascending(match.resources) && ascending(match.nonResourceURLs) && ascending(match.verbs) && ascending(match.apiGroups) && ascending(match.resourceNames);
}

/** `pathsAreUnique` for rule hits. */
function ruleHitsAreUnique(hits: readonly RuleHit[]): boolean {
  for (let h = 0; h < hits.length; h++) {
    const { rule, match } = hits[h];
    for (let k = 0; k < h; k++) {
      const other = hits[k].rule;
      if (other.index === rule.index && other.source === rule.source) return false;
    }
    if (!listsAscending(match)) return false;
  }
  return true;
}

type MatchField = "resources" | "nonResourceURLs" | "verbs" | "apiGroups" | "resourceNames";

/** `relatedObjects[1|2].rules[n].<field>[i]` for one rule, built once per entry and shared by every finding on it. */
class RulePathStrings {
  private readonly byField: Partial<Record<MatchField, string[]>> = {};

  constructor(private readonly rulePath: string) {}

  of(field: MatchField, i: number): string {
    const list = (this.byField[field] ??= []);
    return (list[i] ??= `${this.rulePath}.${field}[${i}]`);
  }
}

// Per rule (per scan, like the rule objects): paths through the role itself and through the source role.
const pathStrings = new WeakMap<EffectiveRule, { inRole?: RulePathStrings; inSource?: RulePathStrings }>();

/** Path strings into the rule as `relatedOfGrant` places it: in the role, or in the source role when aggregated. */
function rulePathStrings(rule: EffectiveRule, aggregated: boolean): RulePathStrings {
  let entry = pathStrings.get(rule);
  if (!entry) pathStrings.set(rule, (entry = {}));
  return aggregated
    ? (entry.inSource ??= new RulePathStrings(`relatedObjects[2].rules[${rule.index}]`))
    : (entry.inRole ??= new RulePathStrings(`relatedObjects[1].rules[${rule.index}]`));
}

const ROLE_REF_PATH = "relatedObjects[0].roleRef.name";
const scratchPaths: string[] = [];
const subjectPaths: string[] = [];

function subjectPath(index: number): string {
  return (subjectPaths[index] ??= `relatedObjects[0].subjects[${index}]`);
}

/**
 * True when a group's paths cannot repeat, so the set that removes repeats is not needed: each hit
 * is another rule of the role (its rule path differs) and lists each entry index once.
 */
function pathsAreUnique(hits: readonly GrantHit[]): boolean {
  for (let h = 0; h < hits.length; h++) {
    const { rule } = hits[h].grant;
    for (let k = 0; k < h; k++) {
      const other = hits[k].grant.rule;
      if (other.index === rule.index && other.source === rule.source) return false;
    }
    const { match } = hits[h];
    if (!listsAscending(match)) return false;
  }
  return true;
}

function ascending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1] < list[i])) return false;
  return true;
}

/** Whether two grants report as one violation: same binding entry, role, source role and via. */
function sameViolation(a: GrantPath, b: GrantPath): boolean {
  return (
    a.binding === b.binding &&
    a.subjectIndex === b.subjectIndex &&
    a.role === b.role &&
    a.rule.source === b.rule.source &&
    (a.via?.name ?? "") === (b.via?.name ?? "")
  );
}
