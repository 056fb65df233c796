import { ALL_CONTROLS } from "@/lib/controls";
import { FRAMEWORK_DEFINITIONS, listFrameworks } from "@/lib/controls/frameworks";
import type { ControlCategory, DataNeed, Severity } from "@/lib/engine/types";
import { shortFrameworkName } from "@/lib/server/clusters/framework-names";
import { aggregateControlCounts, type FleetControlCounts } from "./aggregate-control-counts";
import { SEVERITY_RANK } from "./control-facts";
import type { FleetFilters } from "./fleet-filters";
import { latestSnapshotIds } from "./latest-evaluations";
import { listScopedClusters, type FleetScope } from "./list-scoped-clusters";

/** A control's standing over the fleet: failing somewhere, excepted (no open failure), passing everywhere it applies, or not evaluated. */
export type FleetControlStatus = "failing" | "excepted" | "passing" | "not_evaluated";
export const FLEET_CONTROL_STATUSES: readonly FleetControlStatus[] = ["failing", "excepted", "passing", "not_evaluated"];

export type CatalogControl = {
  id: string;
  name: string;
  severity: Severity;
  category: ControlCategory;
  needs: DataNeed[];
  manual: boolean;
  frameworks: { id: string; shortName: string; ref: string | null }[];
  fleet: {
    status: FleetControlStatus;
    clustersFailing: number;
    clustersPassing: number;
    clustersExcepted: number;
    /** Clusters where it was skipped (data missing), manual or had nothing to judge. */
    clustersNotScored: number;
    failedResources: number;
    exceptedResources: number;
    passRate: number | null;
  };
};

export type CatalogQuery = { framework?: string; severity?: Severity[]; category?: ControlCategory[]; status?: FleetControlStatus[]; q?: string };

export type ControlCatalog = {
  controls: CatalogControl[];
  total: number;
  clustersEvaluated: number;
  frameworks: { id: string; name: string; shortName: string }[];
  categories: ControlCategory[];
  options: FleetScope["options"];
};

export function fleetStatusOf(c: FleetControlCounts | undefined): FleetControlStatus {
  if (!c) return "not_evaluated";
  if (c.clusters.failed > 0) return "failing";
  if (c.clusters.excepted > 0) return "excepted";
  if (c.clusters.passed > 0) return "passing";
  return "not_evaluated";
}

let membership: Map<string, { id: string; shortName: string; ref: string | null }[]> | undefined;
function frameworksByControl() {
  if (membership) return membership;
  membership = new Map();
  for (const f of listFrameworks()) {
    if (f.id === "all") continue;
    for (const e of f.entries) {
      const list = membership.get(e.controlId) ?? [];
      list.push({ id: f.id, shortName: shortFrameworkName(f.name), ref: e.ref ?? null });
      membership.set(e.controlId, list);
    }
  }
  return membership;
}

/** The control library with each control's standing over the filtered fleet's latest evaluations, filtered and sorted worst first. */
export async function listControlCatalog({ orgId, query = {}, filters = {} }: { orgId: string; query?: CatalogQuery; filters?: FleetFilters }): Promise<ControlCatalog> {
  const scope = await listScopedClusters({ orgId, filters });
  const latest = await latestSnapshotIds({ orgId, clusters: scope.clusters });
  const counts = await aggregateControlCounts({ orgId, snapshotIds: [...latest.values()] });
  const byControl = frameworksByControl();
  const inFramework = query.framework && query.framework !== "all" ? new Set(listFrameworks().find((f) => f.id === query.framework)?.entries.map((e) => e.controlId) ?? []) : null;
  const text = query.q?.trim().toLowerCase();

  const all: CatalogControl[] = ALL_CONTROLS.map((control) => {
    const c = counts.get(control.id);
    const total = c ? c.passed + c.failed + c.excepted : 0;
    return {
      id: control.id,
      name: control.name,
      severity: control.severity,
      category: control.category,
      needs: control.needs,
      manual: !!control.manual,
      frameworks: byControl.get(control.id) ?? [],
      fleet: {
        status: fleetStatusOf(c),
        clustersFailing: c?.clusters.failed ?? 0,
        clustersPassing: c?.clusters.passed ?? 0,
        clustersExcepted: c?.clusters.excepted ?? 0,
        clustersNotScored: c ? c.clusters.skipped + c.clusters.manual + c.clusters.not_applicable : 0,
        failedResources: c?.failed ?? 0,
        exceptedResources: c?.excepted ?? 0,
        passRate: total ? Math.round(((c!.passed + c!.excepted) / total) * 1000) / 10 : null,
      },
    };
  });
  const STATUS_RANK: Record<FleetControlStatus, number> = { failing: 0, excepted: 1, passing: 2, not_evaluated: 3 };
  const controls = all
    .filter(
      (c) =>
        (!inFramework || inFramework.has(c.id)) &&
        (!query.severity?.length || query.severity.includes(c.severity)) &&
        (!query.category?.length || query.category.includes(c.category)) &&
        (!query.status?.length || query.status.includes(c.fleet.status)) &&
        (!text || c.id.toLowerCase().includes(text) || c.name.toLowerCase().includes(text)),
    )
    .sort(
      (a, b) =>
        STATUS_RANK[a.fleet.status] - STATUS_RANK[b.fleet.status] ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.fleet.clustersFailing - a.fleet.clustersFailing ||
        b.fleet.failedResources - a.fleet.failedResources ||
        a.id.localeCompare(b.id),
    );
  return {
    controls,
    total: all.length,
    clustersEvaluated: latest.size,
    frameworks: FRAMEWORK_DEFINITIONS.map((f) => ({ id: f.id, name: f.name, shortName: shortFrameworkName(f.name) })),
    categories: [...new Set(ALL_CONTROLS.map((c) => c.category))].sort(),
    options: scope.options,
  };
}
