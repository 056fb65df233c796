// Turns grants that give a capability into engine violations: one per binding → role pair, carrying
// the binding and role as `related` objects and Kubescape-style paths into them
// (`relatedObjects[1].rules[0].verbs[2]`, `relatedObjects[0].subjects[1]`, `relatedObjects[0].roleRef.name`).
import type { ObjectRef, SubjectRef, Violation } from "../engine/types";
import { relatedOfGrant, type GrantPath, type RbacModel } from "./model";
import { matchGrant, type PermissionPattern } from "./permission-patterns";
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
  return findGrantsWhere(model, subject, (grant) => matchGrant(grant, patterns), options);
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
  const groups = new Map<string, { hits: { hit: GrantHit; rulePath: string }[]; related: ObjectRef[] }>();
  for (const hit of hits) {
    const { related, rulePath } = relatedOfGrant(hit.grant);
    let key = `${hit.grant.binding.id}|${hit.grant.subjectIndex}`;
    for (const r of related) key += `|${r.kind}/${r.namespace ?? ""}/${r.name}`;
    key += `|${hit.grant.via ? hit.grant.via.name : ""}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { hits: [], related }));
    group.hits.push({ hit, rulePath });
  }
  const violations: Violation[] = [];
  for (const { hits: list, related } of groups.values()) {
    const first = list[0].hit.grant;
    const paths: string[] = [];
    for (const { hit, rulePath } of list) {
      const { match } = hit;
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
