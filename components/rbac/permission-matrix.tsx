"use client";

// Effective permissions as resources × verbs for one scope. In a namespace, what ClusterRoleBindings
// give applies too: those cells are marked as inherited from the cluster-wide scope.
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/form-field";
import type { SubjectPermissionsData } from "@/lib/queries/rbac";
import { GrantPath } from "./grant-path";

type Cell = { grants: number[]; namedOnly: boolean; inherited: boolean };
type Row = { apiGroup: string; resource: string; cells: Record<string, Cell> };

const CLUSTER = "__cluster__";

function rowsFor(data: SubjectPermissionsData, scope: string): Row[] {
  const clusterWide = data.scopes.find((s) => s.namespace === null);
  const own = scope === CLUSTER ? clusterWide : data.scopes.find((s) => s.namespace === scope);
  const rows = new Map<string, Row>();
  const add = (source: typeof own, inherited: boolean) => {
    for (const r of source?.rows ?? []) {
      const key = `${r.apiGroup}\u0000${r.resource}`;
      const row = rows.get(key) ?? { apiGroup: r.apiGroup, resource: r.resource, cells: {} };
      for (const [verb, cell] of Object.entries(r.cells)) {
        const existing = row.cells[verb];
        row.cells[verb] = existing
          ? { grants: [...existing.grants, ...cell.grants], namedOnly: existing.namedOnly && cell.namedOnly, inherited: existing.inherited && inherited }
          : { grants: [...cell.grants], namedOnly: cell.namedOnly, inherited };
      }
      rows.set(key, row);
    }
  };
  add(own, false);
  if (scope !== CLUSTER) add(clusterWide, true);
  return [...rows.values()].sort((a, b) => a.resource.localeCompare(b.resource) || a.apiGroup.localeCompare(b.apiGroup));
}

function groupLabel(group: string): string {
  return group === "" ? "core" : group === "*" ? "all groups" : group;
}

export function PermissionMatrix({ data }: { data: SubjectPermissionsData }) {
  const namespaces = data.scopes.filter((s) => s.namespace !== null).map((s) => s.namespace!);
  const hasClusterWide = data.scopes.some((s) => s.namespace === null);
  const [scope, setScope] = useState<string>(hasClusterWide || !namespaces.length ? CLUSTER : namespaces[0]);
  const [picked, setPicked] = useState<{ row: string; verb: string; grants: number[] } | null>(null);
  const rows = useMemo(() => rowsFor(data, scope), [data, scope]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 px-4 pt-3">
        <label className="flex items-center gap-2 text-xs text-zinc-600">
          Scope
          <Select
            aria-label="Permission scope"
            value={scope}
            onChange={(e) => {
              setScope(e.target.value);
              setPicked(null);
            }}
            className="w-80"
          >
            <option value={CLUSTER}>Cluster-wide (ClusterRoleBindings)</option>
            {namespaces.map((ns) => (
              <option key={ns} value={ns}>
                Namespace {ns}
              </option>
            ))}
          </Select>
        </label>
        <span className="flex flex-wrap items-center gap-3 text-xs text-zinc-500">
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm bg-emerald-600" /> allowed here
          </span>
          {scope !== CLUSTER && (
            <span className="inline-flex items-center gap-1">
              <span className="inline-block size-3 rounded-sm bg-emerald-300" /> allowed cluster-wide
            </span>
          )}
          <span className="inline-flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm border border-emerald-600 bg-[repeating-linear-gradient(45deg,#d1fae5,#d1fae5_2px,#fff_2px,#fff_4px)]" /> named objects only
          </span>
        </span>
      </div>
      {rows.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-xs" data-testid="permission-matrix">
            <thead>
              <tr className="border-y border-zinc-200 bg-zinc-50 text-zinc-600">
                <th scope="col" className="px-4 py-1.5 text-left font-medium">
                  Resource
                </th>
                {data.verbs.map((v) => (
                  <th key={v} scope="col" className="px-1.5 py-1.5 text-center font-medium">
                    {v}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((row) => {
                const rowKey = `${row.apiGroup}/${row.resource}`;
                return (
                  <tr key={rowKey} data-testid={`matrix-row-${row.resource}`}>
                    <th scope="row" className="px-4 py-1 text-left font-normal">
                      <span className="font-mono text-zinc-900">{row.resource === "*" ? "* (every resource)" : row.resource}</span>{" "}
                      <span className="text-zinc-400">{groupLabel(row.apiGroup)}</span>
                    </th>
                    {data.verbs.map((verb) => {
                      const cell = row.cells[verb];
                      const active = picked?.row === rowKey && picked.verb === verb;
                      return (
                        <td key={verb} className="px-1.5 py-1 text-center">
                          {cell ? (
                            <button
                              type="button"
                              aria-label={`${verb} ${row.resource}: allowed${cell.inherited ? " cluster-wide" : ""}${cell.namedOnly ? " for named objects only" : ""}; show why`}
                              data-allowed="true"
                              onClick={() => setPicked(active ? null : { row: rowKey, verb, grants: cell.grants })}
                              className={cn(
                                "inline-flex size-5 items-center justify-center rounded-sm text-[10px] font-bold text-white",
                                cell.namedOnly
                                  ? "border border-emerald-600 bg-[repeating-linear-gradient(45deg,#d1fae5,#d1fae5_2px,#fff_2px,#fff_4px)] text-emerald-800"
                                  : cell.inherited
                                    ? "bg-emerald-300"
                                    : "bg-emerald-600",
                                active && "ring-2 ring-brand-500 ring-offset-1",
                              )}
                            >
                              ✓
                            </button>
                          ) : (
                            <span className="text-zinc-300" aria-label={`${verb} ${row.resource}: not allowed`}>
                              ·
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="px-4 pb-3 text-sm text-zinc-500">No resource permissions in this scope.</p>
      )}
      {picked && (
        <div className="mx-4 mb-3 space-y-2 rounded-md border border-zinc-200 bg-zinc-50 p-3" data-testid="matrix-paths">
          <p className="text-xs font-medium text-zinc-700">
            Why {picked.verb} on {picked.row.split("/").slice(1).join("/")} is allowed:
          </p>
          {[...new Set(picked.grants)].map((gi) => (
            <GrantPath key={gi} grant={data.grants[gi]} />
          ))}
        </div>
      )}
    </div>
  );
}
