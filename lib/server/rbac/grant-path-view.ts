// The JSON shape of a grant path (binding → role → rule, where it applies, through which group),
// shared by who-can, risky grants, subject permissions and attack paths.
import type { Severity, SubjectRef } from "@/lib/engine/types";
import { subjectKey, type GrantPath, type RbacRule, type RuleMatch } from "@/lib/rbac";

export type ObjectName = { kind: string; name: string; namespace?: string };

export type GrantPathView = {
  binding: ObjectName;
  role: ObjectName & { assumedBuiltin?: boolean };
  /** The ClusterRole the rule is written in, when the role aggregates it. */
  aggregatedFrom?: string;
  rule: RbacRule;
  ruleIndex: number;
  /** Namespace the grant applies in; null = every namespace and cluster-scoped resources. */
  scope: string | null;
  /** The group the subject inherits the grant through (built-in groups). */
  via?: SubjectRef;
  /** Entries of the rule that matched the question asked (who-can, risky rule), by list. */
  matched?: { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[] };
};

export type SubjectView = SubjectRef & { key: string; risk?: Severity };

function nameOf(node: { kind: string; name: string; namespace?: string }): ObjectName {
  return node.namespace ? { kind: node.kind, name: node.name, namespace: node.namespace } : { kind: node.kind, name: node.name };
}

function pick(list: string[], indexes: number[]): string[] {
  return indexes.map((i) => list[i]).filter((v) => v !== undefined);
}

export function grantPathView(grant: GrantPath, match?: RuleMatch): GrantPathView {
  const rule = grant.rule.rule;
  const view: GrantPathView = {
    binding: nameOf(grant.binding),
    role: grant.role.assumedBuiltin ? { ...nameOf(grant.role), assumedBuiltin: true } : nameOf(grant.role),
    rule,
    ruleIndex: grant.rule.index,
    scope: grant.scope,
  };
  if (grant.rule.source !== grant.role) view.aggregatedFrom = grant.rule.source.name;
  if (grant.via) view.via = grant.via;
  if (match) {
    view.matched = {
      verbs: pick(rule.verbs, match.verbs),
      apiGroups: pick(rule.apiGroups, match.apiGroups),
      resources: pick(rule.resources, match.resources),
      resourceNames: pick(rule.resourceNames, match.resourceNames),
      nonResourceURLs: pick(rule.nonResourceURLs, match.nonResourceURLs),
    };
  }
  return view;
}

export function subjectView(subject: SubjectRef, risk?: Severity): SubjectView {
  const view: SubjectView = { ...subject, key: subjectKey(subject) };
  if (risk) view.risk = risk;
  return view;
}

/**
 * Parses a subject key (`User/alice`, `Group/system:masters`, `ServiceAccount/<ns>/<name>`);
 * names of users and groups may contain "/", service account names and namespaces cannot.
 */
export function parseSubjectKey(key: string): SubjectRef | null {
  const slash = key.indexOf("/");
  if (slash <= 0) return null;
  const kind = key.slice(0, slash);
  const rest = key.slice(slash + 1);
  if (kind === "User" || kind === "Group") return rest ? { kind, name: rest } : null;
  if (kind === "ServiceAccount") {
    const parts = rest.split("/");
    if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
    return { kind, namespace: parts[0], name: parts[1] };
  }
  return null;
}
