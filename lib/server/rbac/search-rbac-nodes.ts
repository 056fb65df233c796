import { refOf } from "@/lib/engine/object-index";
import type { Severity } from "@/lib/engine/types";
import { getClusterRbac } from "./get-cluster-rbac";
import { subjectView } from "./grant-path-view";
import type { StatePoint } from "./load-cluster-objects";
import { severityRank } from "./risky-grant-catalogue";

export type RbacSearchResult = { id: string; type: "subject" | "role" | "workload"; label: string; kind: string; risk?: Severity };

/**
 * Subjects, roles and workloads whose name contains `q` (case-insensitive), as graph node ids to
 * focus on; names starting with `q` first, then the riskiest. Without `q`: the riskiest subjects.
 */
export async function searchRbacNodes({ orgId, clusterId, q, limit = 20 }: { orgId: string; clusterId: string; q?: string; limit?: number }): Promise<{ snapshot: StatePoint | null; results: RbacSearchResult[] }> {
  const { snapshot, analysis } = await getClusterRbac({ orgId, clusterId });
  const needle = (q ?? "").trim().toLowerCase();
  const candidates: (RbacSearchResult & { text: string })[] = [];
  for (const { subject } of analysis.model.subjects()) {
    const view = subjectView(subject, analysis.subjectRisk(subject));
    const label = subject.kind === "ServiceAccount" ? `${subject.namespace}/${subject.name}` : subject.name;
    candidates.push({ id: `subject:${view.key}`, type: "subject", kind: subject.kind, label, risk: view.risk, text: label.toLowerCase() });
  }
  if (needle) {
    for (const role of analysis.model.roles) {
      if (role.assumedBuiltin) continue;
      const label = role.namespace ? `${role.namespace}/${role.name}` : role.name;
      const risk = analysis.rolePermissions(role)[0]?.severity;
      candidates.push({ id: `role:${role.id}`, type: "role", kind: role.kind, label, ...(risk ? { risk } : {}), text: label.toLowerCase() });
    }
    for (const w of analysis.index.workloads()) {
      const r = refOf(w);
      const label = `${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
      candidates.push({ id: `workload:${r.kind}/${r.namespace ?? ""}/${r.name}`, type: "workload", kind: r.kind, label, text: label.toLowerCase() });
    }
  }
  const matches = needle ? candidates.filter((c) => c.text.includes(needle)) : candidates.filter((c) => c.risk);
  const prefix = (c: { text: string }) => (needle && (c.text.startsWith(needle) || c.text.split("/").pop()!.startsWith(needle)) ? 0 : 1);
  matches.sort((a, b) => prefix(a) - prefix(b) || severityRank(a.risk ?? "low") + (a.risk ? 0 : 1) - (severityRank(b.risk ?? "low") + (b.risk ? 0 : 1)) || a.label.localeCompare(b.label));
  return { snapshot, results: matches.slice(0, limit).map(({ text: _text, ...r }) => r) };
}
