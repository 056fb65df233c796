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

/**
 * One capability searched over one model, many times (once per subject by every control of a scan).
 * Only roles listing one of the capability's resource entries (or `*`) can give it: those are found
 * through the model's resource index, and their rules are matched once per scope class, so a subject
 * costs a lookup per binding instead of a match per grant. Hits share `match` objects: do not mutate.
 */
export class GrantSearch {
  private readonly compiled: CompiledPatterns;
  private candidates?: Set<RoleNode>;
  // Per list of applicable patterns (see CompiledPatterns.applicableAt), per candidate role.
  private readonly byRole = new Map<readonly PermissionPattern[], Map<RoleNode, readonly RuleHit[]>>();

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
    this.collect(hits, this.model.directBindings(subject), undefined, options.filter);
    if (options.inherited) {
      for (const name of implicitGroupsOf(subject)) {
        const via: SubjectRef = { kind: "Group", name };
        this.collect(hits, this.model.directBindings(via), via, options.filter);
      }
    }
    return hits;
  }

  private candidateRoles(): Set<RoleNode> {
    if (!this.candidates) {
      this.candidates = new Set();
      for (const entry of this.compiled.resourceEntries) {
        for (const role of this.model.rolesListing(entry)) this.candidates.add(role);
      }
    }
    return this.candidates;
  }

  /** Appends the capability's grants through these bindings (as `via`'s grants when set). */
  private collect(
    hits: GrantHit[],
    entries: readonly { binding: BindingNode; index: number }[],
    via: SubjectRef | undefined,
    filter: FindGrantsOptions["filter"],
  ): void {
    const candidates = this.candidates!;
    for (let i = 0; i < entries.length; i++) {
      const { binding, index } = entries[i];
      const role = binding.role;
      if (!role || !candidates.has(role)) continue;
      const ruleHits = this.ofRole(role, this.compiled.applicableAt(binding.scope));
      for (let j = 0; j < ruleHits.length; j++) {
        const { rule, match } = ruleHits[j];
        const grant: GrantPath = { binding, subjectIndex: index, role, rule, scope: binding.scope };
        // The filter sees the grant as the binding gives it, without `via`.
        if (filter && !filter(grant)) continue;
        if (via) grant.via = via;
        hits.push({ grant, match });
      }
    }
  }

  private ofRole(role: RoleNode, applicable: readonly PermissionPattern[]): readonly RuleHit[] {
    if (applicable.length === 0) return NO_RULE_HITS;
    let perRole = this.byRole.get(applicable);
    if (!perRole) this.byRole.set(applicable, (perRole = new Map()));
    let ruleHits = perRole.get(role);
    if (!ruleHits) {
      const found: RuleHit[] = [];
      for (const rule of role.rules) {
        const match = this.compiled.matchRule(rule.rule, applicable);
        if (match) found.push({ rule, match });
      }
      ruleHits = found.length ? found : NO_RULE_HITS;
      perRole.set(role, ruleHits);
    }
    return ruleHits;
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
      paths: [...new Set(paths)],
      related,
    });
  }
  return violations;
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
