// One cluster state's RBAC, analysed once and shared by every request that sees the same objects:
// the object index, the RBAC model, and (computed on first use) risky grants and attack paths.
import { ObjectIndex, refOf } from "@/lib/engine/object-index";
import type { K8sObject, Severity, SubjectRef } from "@/lib/engine/types";
import {
  ATTACK_IMPACTS,
  buildExposureIndex,
  buildRbacModel,
  computeAttackPaths,
  findGrants,
  matchGrant,
  serviceAccountOfWorkload,
  subjectKey,
  type AttackPath,
  type Exposure,
  type GrantPath,
  type RbacModel,
  type RiskyPermissionRule,
  type RoleNode,
} from "@/lib/rbac";
import { grantPathView, subjectView, type GrantPathView, type ObjectName, type SubjectView } from "./grant-path-view";
import { RISKY_GRANT_RULES, severityRank } from "./risky-grant-catalogue";

export type RiskyGrantRow = {
  /** Stable across snapshots: rule + subject (drift compares these). */
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  capability: string;
  subject: SubjectView;
  grants: GrantPathView[];
};

export type AttackPathView = {
  id: string;
  workload: ObjectName;
  serviceAccount: SubjectView;
  entry: { kinds: ("exposed" | "privileged")[]; reasons: string[]; via: ObjectName[] };
  impact: AttackPath["impact"];
  impactLabel: string;
  severity: Severity;
  steps: { kind: AttackPath["steps"][number]["kind"]; label: string; object?: ObjectName; subject?: SubjectRef }[];
  grant: GrantPathView;
};

const IMPACT_LABELS = new Map(ATTACK_IMPACTS.map((d) => [d.impact, d.label]));

function objectName(ref: { kind: string; name: string; namespace?: string }): ObjectName {
  return ref.namespace ? { kind: ref.kind, name: ref.name, namespace: ref.namespace } : { kind: ref.kind, name: ref.name };
}

export class ClusterRbacAnalysis {
  readonly index: ObjectIndex;
  readonly model: RbacModel;
  private riskyGrantList?: RiskyGrantRow[];
  private attackPathList?: AttackPathView[];
  private subjectRisks?: Map<string, Severity>;
  private workloadsBySa?: Map<string, ObjectName[]>;
  private exposureIndex?: Map<K8sObject, Exposure>;

  constructor(objects: readonly K8sObject[]) {
    this.index = new ObjectIndex(objects);
    this.model = buildRbacModel(this.index);
  }

  /** Every (rule, subject) pair whose subject's OWN bindings give the capability; worst first. */
  riskyGrants(): RiskyGrantRow[] {
    if (!this.riskyGrantList) {
      const rows: RiskyGrantRow[] = [];
      for (const { subject } of this.model.subjects()) rows.push(...this.riskyGrantsOf(subject, false));
      rows.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.ruleId.localeCompare(b.ruleId) || a.subject.key.localeCompare(b.subject.key));
      this.riskyGrantList = rows;
    }
    return this.riskyGrantList;
  }

  /** A subject's risky grants; with `inherited`, also those of its built-in groups (tagged `via`). */
  riskyGrantsOf(subject: SubjectRef, inherited: boolean): RiskyGrantRow[] {
    const rows: RiskyGrantRow[] = [];
    const view = subjectView(subject);
    for (const rule of RISKY_GRANT_RULES) {
      const hits = findGrants(this.model, subject, rule.patterns, { filter: rule.grantFilter, inherited });
      if (!hits.length) continue;
      rows.push({
        id: `${rule.id}|${view.key}`,
        ruleId: rule.id,
        title: rule.title,
        severity: rule.severity,
        capability: rule.capability,
        subject: view,
        grants: hits.map((h) => grantPathView(h.grant, h.match)),
      });
    }
    return rows;
  }

  /** Worst severity of the subject's own risky grants (undefined = none). */
  subjectRisk(subject: SubjectRef): Severity | undefined {
    if (!this.subjectRisks) {
      this.subjectRisks = new Map();
      for (const row of this.riskyGrants()) {
        const seen = this.subjectRisks.get(row.subject.key);
        if (!seen || severityRank(row.severity) < severityRank(seen)) this.subjectRisks.set(row.subject.key, row.severity);
      }
    }
    return this.subjectRisks.get(subjectKey(subject));
  }

  /**
   * The catalogue rules a role's rules match where it is actually bound (each binding's scope), or
   * cluster-wide when nothing binds it (what it would give through a ClusterRoleBinding).
   */
  rolePermissions(role: RoleNode): RiskyPermissionRule[] {
    const bound = [...new Set(this.model.bindingsOfRole(role).map((b) => b.scope))];
    const scopes = bound.length ? bound : [role.kind === "Role" ? (role.namespace ?? null) : null];
    return RISKY_GRANT_RULES.filter((rule) =>
      scopes.some((scope) =>
        role.rules.some((r) => (!rule.grantFilter || rule.grantFilter({ scope } as GrantPath)) && matchGrant({ rule: r, scope }, rule.patterns)),
      ),
    );
  }

  /** Workloads whose pods run as the service account (by subject key). */
  workloadsOf(subject: SubjectRef): ObjectName[] {
    if (!this.workloadsBySa) {
      this.workloadsBySa = new Map();
      for (const w of this.index.workloads()) {
        const key = subjectKey(serviceAccountOfWorkload(w));
        const list = this.workloadsBySa.get(key) ?? [];
        list.push(objectName(refOf(w)));
        this.workloadsBySa.set(key, list);
      }
    }
    return this.workloadsBySa.get(subjectKey(subject)) ?? [];
  }

  /** How each exposed workload is reachable from outside the cluster. */
  exposures(): Map<K8sObject, Exposure> {
    return (this.exposureIndex ??= buildExposureIndex(this.index));
  }

  attackPaths(): AttackPathView[] {
    if (!this.attackPathList) {
      this.attackPathList = computeAttackPaths(this.model, this.index).map((path) => ({
        id: path.id,
        workload: objectName(path.workload),
        serviceAccount: subjectView(path.serviceAccount),
        entry: { kinds: path.entry.kinds, reasons: path.entry.reasons, via: path.entry.via.map(objectName) },
        impact: path.impact,
        impactLabel: IMPACT_LABELS.get(path.impact) ?? path.impact,
        severity: path.severity,
        steps: path.steps.map((s) => ({
          kind: s.kind,
          label: s.label,
          ...(s.object ? { object: objectName(s.object) } : {}),
          ...(s.subject ? { subject: s.subject } : {}),
        })),
        grant: grantPathView(path.grant.grant, path.grant.match),
      }));
    }
    return this.attackPathList;
  }
}
