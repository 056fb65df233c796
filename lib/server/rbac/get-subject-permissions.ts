import type { SubjectRef } from "@/lib/engine/types";
import { implicitGroupsOf, isSuperuserGroup, subjectKey, type GrantPath } from "@/lib/rbac";
import type { AttackPathView, RiskyGrantRow } from "./cluster-rbac-analysis";
import { getClusterRbac } from "./get-cluster-rbac";
import { grantPathView, subjectView, type GrantPathView, type ObjectName, type SubjectView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";

/** The verbs every matrix shows, in kubectl's order; other verbs found in grants are appended. */
export const STANDARD_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"] as const;

export type MatrixCell = {
  /** Indexes into `grants` of the grant paths that allow this verb on this resource. */
  grants: number[];
  /** Every allowing rule is limited to named objects (resourceNames). */
  namedOnly: boolean;
};

export type MatrixRow = {
  apiGroup: string;
  /** `pods`, `pods/exec`, `*`, `*\/scale`. */
  resource: string;
  cells: Record<string, MatrixCell>;
};

export type PermissionScope = {
  /** null = cluster-wide (ClusterRoleBindings): applies in every namespace and to cluster-scoped resources. */
  namespace: string | null;
  rows: MatrixRow[];
};

export type SubjectPermissions = {
  snapshot: StatePoint | null;
  subject: SubjectView;
  /** In system:masters: the API server allows everything without asking RBAC. */
  superuser: boolean;
  groups: string[];
  /** Bindings naming the subject, then those naming its built-in groups. */
  bindings: { binding: ObjectName; role: ObjectName | null; problem?: string; via?: SubjectRef }[];
  verbs: string[];
  /** Resource permissions by where they apply; namespace scopes list only their own grants. */
  scopes: PermissionScope[];
  nonResource: { url: string; verbs: string[]; grants: number[] }[];
  grants: GrantPathView[];
  riskyGrants: RiskyGrantRow[];
  workloads: ObjectName[];
  attackPaths: AttackPathView[];
};

function emptyCell(): MatrixCell {
  return { grants: [], namedOnly: true };
}

/**
 * A subject's effective permissions in the cluster's latest RBAC state (own bindings and those of
 * its built-in groups) as a resources × verbs matrix per scope, with every grant path. A subject
 * nobody binds still gets an answer: what its built-in groups allow.
 */
export async function getSubjectPermissions({ orgId, clusterId, subject }: { orgId: string; clusterId: string; subject: SubjectRef }): Promise<SubjectPermissions> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  const { model } = analysis;
  const effective = model.effectivePermissions(subject);
  const superuser = effective.superuser || effective.groups.some((g) => isSuperuserGroup({ kind: "Group", name: g }));

  const grants: GrantPath[] = effective.grants;
  const extraVerbs = new Set<string>();
  const scopes = new Map<string | null, Map<string, MatrixRow>>();
  const nonResource = new Map<string, { url: string; verbs: Set<string>; grants: Set<number> }>();
  grants.forEach((grant, gi) => {
    const rule = grant.rule.rule;
    const verbs = rule.verbs.includes("*") ? ["*"] : rule.verbs;
    for (const v of verbs) if (v !== "*" && !(STANDARD_VERBS as readonly string[]).includes(v)) extraVerbs.add(v);
    if (rule.nonResourceURLs.length) {
      // Only cluster-wide bindings grant non-resource URLs.
      if (grant.scope !== null) return;
      for (const url of rule.nonResourceURLs) {
        const entry = nonResource.get(url) ?? { url, verbs: new Set<string>(), grants: new Set<number>() };
        verbs.forEach((v) => entry.verbs.add(v));
        entry.grants.add(gi);
        nonResource.set(url, entry);
      }
      return;
    }
    let rows = scopes.get(grant.scope);
    if (!rows) scopes.set(grant.scope, (rows = new Map()));
    for (const apiGroup of rule.apiGroups) {
      for (const resource of rule.resources) {
        const key = `${apiGroup}\u0000${resource}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { apiGroup, resource, cells: {} }));
        for (const verb of verbs) {
          const cell = (row.cells[verb] ??= emptyCell());
          if (!cell.grants.includes(gi)) cell.grants.push(gi);
          if (rule.resourceNames.length === 0) cell.namedOnly = false;
        }
      }
    }
  });
  const verbs = [...STANDARD_VERBS, ...[...extraVerbs].sort()];
  // A "*" verb allows every column.
  for (const rows of scopes.values()) {
    for (const row of rows.values()) {
      const star = row.cells["*"];
      if (!star) continue;
      for (const verb of verbs) {
        const cell = (row.cells[verb] ??= emptyCell());
        for (const gi of star.grants) if (!cell.grants.includes(gi)) cell.grants.push(gi);
        cell.namedOnly = cell.namedOnly && star.namedOnly;
      }
      delete row.cells["*"];
    }
  }
  const byResource = (a: MatrixRow, b: MatrixRow) => a.resource.localeCompare(b.resource) || a.apiGroup.localeCompare(b.apiGroup);
  const scopeList: PermissionScope[] = [...scopes.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([namespace, rows]) => ({ namespace, rows: [...rows.values()].sort(byResource) }));

  const bindings: SubjectPermissions["bindings"] = [];
  const identities: { ref: SubjectRef; via?: SubjectRef }[] = [
    { ref: subject },
    ...implicitGroupsOf(subject).map((name) => ({ ref: { kind: "Group" as const, name }, via: { kind: "Group" as const, name } })),
  ];
  for (const { ref, via } of identities) {
    for (const { binding } of model.directBindings(ref)) {
      const role = binding.role ? { kind: binding.role.kind, name: binding.role.name, ...(binding.role.namespace ? { namespace: binding.role.namespace } : {}) } : null;
      bindings.push({
        binding: { kind: binding.kind, name: binding.name, ...(binding.namespace ? { namespace: binding.namespace } : {}) },
        role,
        ...(binding.problem ? { problem: binding.problem } : {}),
        ...(via ? { via } : {}),
      });
    }
  }

  const key = subjectKey(subject);
  return {
    snapshot,
    subject: subjectView(subject, analysis.subjectRisk(subject)),
    superuser,
    groups: effective.groups,
    bindings,
    verbs,
    scopes: scopeList,
    nonResource: [...nonResource.values()].sort((a, b) => a.url.localeCompare(b.url)).map((e) => ({ url: e.url, verbs: [...e.verbs].sort(), grants: [...e.grants] })),
    grants: grants.map((g) => grantPathView(g)),
    riskyGrants: analysis.riskyGrantsOf(subject, true),
    workloads: subject.kind === "ServiceAccount" ? analysis.workloadsOf(subject) : [],
    attackPaths: analysis.attackPaths().filter((p) => p.serviceAccount.key === key),
  };
}
