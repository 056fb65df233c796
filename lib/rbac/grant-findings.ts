// Turns grants that give a capability into engine violations: one per binding → role pair, carrying
// the binding and role as `related` objects and Kubescape-style paths into them
// (`relatedObjects[1].rules[0].verbs[2]`, `relatedObjects[0].subjects[1]`, `relatedObjects[0].roleRef.name`).
import type { ObjectRef, SubjectRef, Violation } from "../engine/types";
import { relatedOfGrant, type BindingNode, type EffectiveRule, type GrantPath, type RbacModel, type RoleNode } from "./model";
import { compilePatterns, type CompiledPatterns, type PermissionPattern } from "./permission-patterns";
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

/** A role with rules that may give the capability. */
interface CandidateRole {
  /** Positions in `role.rules` of the rules listing one of the capability's resource entries, ascending. */
  positions: number[];
  // The rules that do give it, per list of applicable patterns (CompiledPatterns.applicableAt: one to three lists).
  applicable: (readonly PermissionPattern[])[];
  hits: (readonly RuleHit[])[];
}

/** A binding entry of a subject (the binding, the subject's position in it) and the rules it gives. */
interface EntryHits {
  binding: BindingNode;
  index: number;
  ruleHits: readonly RuleHit[];
}

/**
 * One capability searched over one model, many times (once per subject by every control of a scan).
 * Only rules listing one of the capability's resource entries (or `*`) can give it: they are found
 * through the model's resource index and matched once per role and scope class. The bindings of
 * those roles then give, once per search, the entries of every subject that has the capability: a
 * subject without it costs one lookup. Hits share `match` objects: do not mutate them.
 */
export class GrantSearch {
  private readonly compiled: CompiledPatterns;
  private candidates?: Map<RoleNode, CandidateRole>;
  /** By the model's own subject objects: their binding entries that give the capability, in `directBindings` order. */
  private entriesBySubject?: Map<SubjectRef, EntryHits[]>;
  private readonly entriesByGroup = new Map<string, EntryHits[]>();

  constructor(
    private readonly model: RbacModel,
    patterns: readonly PermissionPattern[],
  ) {
    this.compiled = compilePatterns(patterns);
  }

  /** The subject's grants that give the capability (see `findGrants`). */
  find(subject: SubjectRef, options: FindGrantsOptions = {}): GrantHit[] {
    const hits: GrantHit[] = [];
    if (this.candidateRoles().size === 0) return hits;
    // The subject's own grants, then (with `inherited`) each built-in group's, tagged `via`.
    const own = this.model.boundSubject(subject);
    const entries = own && this.subjectEntries().get(own);
    if (entries) addHits(hits, entries, undefined, options.filter);
    if (options.inherited) {
      for (const name of implicitGroupsOf(subject)) {
        const groupEntries = this.groupEntries(name);
        if (groupEntries.length) addHits(hits, groupEntries, { kind: "Group", name }, options.filter);
      }
    }
    return hits;
  }

  private candidateRoles(): Map<RoleNode, CandidateRole> {
    if (!this.candidates) {
      const candidates = new Map<RoleNode, CandidateRole>();
      for (const entry of this.compiled.resourceEntries) {
        for (const { role, position } of this.model.rulesListing(entry)) {
          const candidate = candidates.get(role);
          if (!candidate) candidates.set(role, { positions: [position], applicable: [], hits: [] });
          else if (!candidate.positions.includes(position)) candidate.positions.push(position);
        }
      }
      // Several entries may list rules of one role: back to the role's rule order.
      for (const { positions } of candidates.values()) if (positions.length > 1) positions.sort((a, b) => a - b);
      this.candidates = candidates;
    }
    return this.candidates;
  }

  private subjectEntries(): Map<SubjectRef, EntryHits[]> {
    if (!this.entriesBySubject) {
      const granting: { binding: BindingNode; position: number; ruleHits: readonly RuleHit[] }[] = [];
      for (const [role, candidate] of this.candidateRoles()) {
        for (const binding of this.model.bindingsOfRole(role)) {
          const ruleHits = binding.subjects.length ? this.ruleHitsAt(role, candidate, binding.scope) : NO_RULE_HITS;
          if (ruleHits.length) granting.push({ binding, position: this.model.bindingPosition(binding), ruleHits });
        }
      }
      // Model order, then each binding's subjects in order: the order of `directBindings` entries.
      granting.sort((a, b) => a.position - b.position);
      const bySubject = new Map<SubjectRef, EntryHits[]>();
      for (const { binding, ruleHits } of granting) {
        const subjects = this.model.boundSubjectsOf(binding);
        for (let i = 0; i < subjects.length; i++) {
          const entry: EntryHits = { binding, index: binding.subjects[i].index, ruleHits };
          const list = bySubject.get(subjects[i]);
          if (list) list.push(entry);
          else bySubject.set(subjects[i], [entry]);
        }
      }
      this.entriesBySubject = bySubject;
    }
    return this.entriesBySubject;
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

  /** The rules of the binding's role that give the capability at the binding's scope. */
  private ruleHitsOf(binding: BindingNode): readonly RuleHit[] {
    const role = binding.role;
    const candidate = role && this.candidateRoles().get(role);
    return candidate ? this.ruleHitsAt(role, candidate, binding.scope) : NO_RULE_HITS;
  }

  /** The candidate role's rules that give the capability at a scope, matched once per scope class. */
  private ruleHitsAt(role: RoleNode, candidate: CandidateRole, scope: string | null): readonly RuleHit[] {
    const applicable = this.compiled.applicableAt(scope);
    const known = candidate.applicable.indexOf(applicable);
    if (known >= 0) return candidate.hits[known];
    const found: RuleHit[] = [];
    for (const position of candidate.positions) {
      const rule = role.rules[position];
      const match = this.compiled.matchRule(rule.rule, applicable);
      if (match) found.push({ rule, match });
    }
    const ruleHits = found.length ? found : NO_RULE_HITS;
    candidate.applicable.push(applicable);
    candidate.hits.push(ruleHits);
    return ruleHits;
  }
}

/** Appends one grant per entry and rule hit (as `via`'s grants when set) that passes the filter. */
function addHits(hits: GrantHit[], entries: readonly EntryHits[], via: SubjectRef | undefined, filter: FindGrantsOptions["filter"]): void {
  for (const { binding, index, ruleHits } of entries) {
    for (const { rule, match } of ruleHits) {
      const grant: GrantPath = { binding, subjectIndex: index, role: binding.role!, rule, scope: binding.scope };
      // The filter sees the grant as the binding gives it, without `via`.
      if (filter && !filter(grant)) continue;
      if (via) grant.via = via;
      hits.push({ grant, match });
    }
  }
}

// Searches live as long as their model (one scan, or one explorer analysis).
const searches = new WeakMap<RbacModel, Map<readonly PermissionPattern[], GrantSearch>>();

/** The model's search for a capability, created on first use. */
export function grantSearch(model: RbacModel, patterns: readonly PermissionPattern[]): GrantSearch {
  let perModel = searches.get(model);
  if (!perModel) searches.set(model, (perModel = new Map()));
  let search = perModel.get(patterns);
  if (!search) perModel.set(patterns, (search = new GrantSearch(model, patterns)));
  return search;
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

export function describeGrant(grant: Pick<GrantPath, "binding" | "role" | "rule" | "via">): string {
  const binding = describeObject(grant.binding);
  const role = describeObject(grant.role);
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
  const groups: { first: GrantPath; hits: GrantHit[]; related: ObjectRef[]; rulePaths: string[] }[] = [];
  for (const hit of hits) {
    const { related, rulePath } = relatedOfGrant(hit.grant);
    let group = groups.length ? groups[groups.length - 1] : undefined;
    if (!group || !sameViolation(group.first, hit.grant)) group = groups.find((g) => sameViolation(g.first, hit.grant));
    if (!group) groups.push((group = { first: hit.grant, hits: [], related, rulePaths: [] }));
    group.hits.push(hit);
    group.rulePaths.push(rulePath);
  }
  const violations: Violation[] = [];
  for (const { first, hits: list, related, rulePaths } of groups) {
    const paths: string[] = [];
    for (let h = 0; h < list.length; h++) {
      const { match } = list[h];
      const rulePath = rulePaths[h];
      for (const i of match.resources) paths.push(`${rulePath}.resources[${i}]`);
      for (const i of match.nonResourceURLs) paths.push(`${rulePath}.nonResourceURLs[${i}]`);
      for (const i of match.verbs) paths.push(`${rulePath}.verbs[${i}]`);
      for (const i of match.apiGroups) paths.push(`${rulePath}.apiGroups[${i}]`);
      for (const i of match.resourceNames) paths.push(`${rulePath}.resourceNames[${i}]`);
    }
    paths.push(`relatedObjects[0].subjects[${first.subjectIndex}]`, "relatedObjects[0].roleRef.name");
    violations.push({
      message: `${subjectLabel(subject)} ${capability} ${scopeLabel(first.scope)} through ${describeGrant(first)}`,
      paths: pathsAreUnique(list) ? paths : [...new Set(paths)],
      related,
    });
  }
  return violations;
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
    if (!ascending(match.resources) || !ascending(match.nonResourceURLs) || !ascending(match.verbs) || !ascending(match.apiGroups) || !ascending(match.resourceNames)) {
      return false;
    }
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
