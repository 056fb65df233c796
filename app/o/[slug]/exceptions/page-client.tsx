"use client";

import Link from "next/link";
import { useState } from "react";
import { draftOf, ExceptionDialog, type ExceptionDraft } from "@/components/dashboard/exception-dialog";
import { SegmentedControl } from "@/components/dashboard/fleet-filter-bar";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { hasRole } from "@/lib/auth/roles";
import { useExceptionCoverage, useExceptions, useSaveException, useStaleExceptions, type ExceptionRow } from "@/lib/queries/exceptions";

type View = "all" | "active" | "expired" | "stale";

function selectors(e: ExceptionRow): string {
  const m = e.match;
  const parts = [
    m.clusters?.length ? `cluster ${m.clusters.join(", ")}` : null,
    m.namespaces?.length ? `namespace ${m.namespaces.join(", ")}` : null,
    m.kinds?.length ? `kind ${m.kinds.join(", ")}` : null,
    m.names?.length ? `name ${m.names.join(", ")}` : null,
    m.labels && Object.keys(m.labels).length ? `labels ${Object.entries(m.labels).map(([k, v]) => `${k}=${v}`).join(", ")}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "everywhere";
}

export function ExceptionsClient() {
  const org = useOrg();
  const canManage = hasRole(org.role, "ADMIN");
  const [params, setParams] = useUrlParams<"view" | "control" | "q">({ view: "all" });
  const view = (["all", "active", "expired", "stale"].includes(params.view ?? "") ? params.view : "all") as View;
  const exceptions = useExceptions(org.slug);
  const stale = useStaleExceptions(org.slug);
  const coverage = useExceptionCoverage(org.slug);
  const save = useSaveException(org.slug);
  const [editing, setEditing] = useState<{ draft: ExceptionDraft; row?: ExceptionRow } | null>(null);
  const [deleting, setDeleting] = useState<ExceptionRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const staleBy = new Map((stale.data ?? []).map((s) => [s.id, s.staleBecause]));
  const q = (params.q ?? "").trim().toLowerCase();
  const rows = (exceptions.data ?? []).filter(
    (e) =>
      (view === "all" || (view === "active" && !e.expired) || (view === "expired" && e.expired) || (view === "stale" && staleBy.has(e.id))) &&
      (!params.control || e.controlIds.includes(params.control) || e.controlIds.includes("*")) &&
      (!q || e.reason.toLowerCase().includes(q) || (e.owner ?? "").toLowerCase().includes(q) || e.controlIds.some((c) => c.toLowerCase().includes(q))),
  );

  function rescored(what: string, n: number) {
    setNotice(`${what}${n ? ` Re-scoring ${n} cluster${n === 1 ? "" : "s"}; scores update in a few seconds.` : ""}`);
  }

  const columns: Column<ExceptionRow>[] = [
    {
      id: "controls",
      label: "Controls",
      value: (e) => e.controlIds.join(" "),
      render: (e) => (
        <div className="flex max-w-[10rem] flex-wrap gap-1 whitespace-normal">
          {e.controlIds.map((id) =>
            id === "*" ? (
              <Badge key={id} tone="amber">
                every control
              </Badge>
            ) : (
              <Link key={id} href={`/o/${org.slug}/controls/${id}`} className="font-mono text-xs text-brand-700 hover:underline">
                {id}
              </Link>
            ),
          )}
        </div>
      ),
    },
    {
      id: "reason",
      label: "Reason and scope",
      value: (e) => `${e.reason} (${selectors(e)})`,
      render: (e) => (
        <div className="max-w-lg min-w-72 whitespace-normal">
          <p className="text-sm text-zinc-800">{e.reason}</p>
          <p className="mt-0.5 text-xs text-zinc-500">{selectors(e)}</p>
        </div>
      ),
    },
    { id: "owner", label: "Owner", value: (e) => e.owner ?? "", render: (e) => <span className="text-xs">{e.owner ?? <span className="text-zinc-400">—</span>}</span> },
    {
      id: "expires",
      label: "Expiry",
      value: (e) => e.expiresAt ?? "9999",
      render: (e) => (
        <div className="text-xs">
          {e.expired ? <Badge tone="red">expired</Badge> : <Badge tone="violet">active</Badge>}
          <div className="mt-0.5 text-zinc-500">{e.expiresAt ? <RelativeTime value={e.expiresAt} /> : "no expiry"}</div>
        </div>
      ),
    },
    {
      id: "covers",
      label: "Covers now",
      align: "right",
      value: (e) => coverage.data?.byException[e.id]?.findings ?? 0,
      render: (e) => {
        const c = coverage.data?.byException[e.id];
        return (
          <span className="text-xs tabular-nums">
            {c ? (
              <>
                {c.findings} finding{c.findings === 1 ? "" : "s"}
                <br />
                <span className="text-zinc-500">
                  in {c.clusters} cluster{c.clusters === 1 ? "" : "s"}
                </span>
              </>
            ) : (
              "nothing"
            )}
          </span>
        );
      },
    },
    {
      id: "matched",
      label: "Last matched",
      value: (e) => e.lastMatchedAt ?? "",
      render: (e) => (
        <div className="text-xs">
          <RelativeTime value={e.lastMatchedAt} fallback="never" />
          {staleBy.get(e.id) === "matches-nothing" && (
            <div>
              <Badge tone="amber" title="Excepted no finding in any evaluation for 30 days">
                unused 30+ days
              </Badge>
            </div>
          )}
        </div>
      ),
    },
    { id: "updated", label: "Changed", value: (e) => e.updatedAt, render: () => null, className: "hidden" },
    ...(canManage
      ? [
          {
            id: "actions",
            label: "",
            sortable: false,
            value: () => "",
            render: (e: ExceptionRow) => (
              <div className="flex flex-col items-end gap-1 2xl:flex-row 2xl:justify-end">
                <Button size="sm" variant="secondary" onClick={() => setEditing({ draft: draftOf(e), row: e })} aria-label={`Edit exception: ${e.reason}`}>
                  Edit
                </Button>
                {!e.expired && (
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={save.isPending && save.variables?.kind === "update" && save.variables.patch.id === e.id}
                    onClick={() =>
                      save.mutate({ kind: "update", patch: { id: e.id, expiresAt: new Date().toISOString() } }, { onSuccess: (r) => rescored("Exception expired.", r.rescoresQueued) })
                    }
                    aria-label={`Expire exception now: ${e.reason}`}
                  >
                    Expire now
                  </Button>
                )}
                <Button size="sm" variant="ghost" onClick={() => setDeleting(e)} aria-label={`Delete exception: ${e.reason}`}>
                  Delete
                </Button>
              </div>
            ),
          } satisfies Column<ExceptionRow>,
        ]
      : []),
  ];

  return (
    <div className="space-y-5">
      <PageHeader
        title="Exceptions"
        description="Accepted failures: matching findings count as passed in scores and stay visible, with who accepted them, why and until when."
        actions={
          canManage ? (
            <Button onClick={() => setEditing({ draft: { controlIds: params.control ? [params.control] : [], expires: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) } })}>New exception</Button>
          ) : (
            <Badge tone="neutral" title="Admins create and change exceptions">
              read-only
            </Badge>
          )
        }
      />
      {notice && <InlineAlert tone="green">{notice}</InlineAlert>}
      {save.error && !editing && <InlineAlert tone="red">{save.error instanceof Error ? save.error.message : "Could not save the exception."}</InlineAlert>}

      {stale.data && stale.data.length > 0 && (
        <Card>
          <CardHeader title={`Stale exceptions (${stale.data.length})`} description="Clean these up: expired ones no longer apply, and ones that matched nothing for 30 days probably describe something that is gone." />
          <ul className="divide-y divide-zinc-100" data-testid="stale-exceptions">
            {stale.data.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                {s.staleBecause === "expired" ? <Badge tone="red">expired</Badge> : <Badge tone="amber">matches nothing for 30 days</Badge>}
                <span className="font-mono text-xs text-zinc-600">{s.controlIds.join(", ")}</span>
                <span className="min-w-0 flex-1 truncate text-zinc-800">{s.reason}</span>
                <span className="text-xs text-zinc-500">
                  {s.staleBecause === "expired" ? (
                    <>
                      expired <RelativeTime value={s.expiresAt} />
                    </>
                  ) : (
                    <>
                      last matched <RelativeTime value={s.lastMatchedAt} fallback="never" />
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card>
        {exceptions.isError ? (
          <ErrorState error={exceptions.error} onRetry={() => exceptions.refetch()} />
        ) : !exceptions.data ? (
          <TableSkeleton rows={5} columns={6} />
        ) : (
          <DataTable
            toolbar={
              <>
                <SegmentedControl
                  label="Show"
                  value={view}
                  onChange={(v) => setParams({ view: v })}
                  options={[
                    { value: "all", label: `All (${exceptions.data.length})` },
                    { value: "active", label: "Active" },
                    { value: "expired", label: "Expired" },
                    { value: "stale", label: `Stale (${stale.data?.length ?? 0})` },
                  ]}
                />
                <Input aria-label="Search exceptions" placeholder="Search reason, owner, control…" value={params.q ?? ""} onChange={(e) => setParams({ q: e.target.value })} className="w-64" />
                {params.control && (
                  <button type="button" className="text-xs font-medium text-brand-700 hover:underline" onClick={() => setParams({ control: "" })}>
                    Control {params.control} ✕
                  </button>
                )}
              </>
            }
            columns={columns}
            rows={rows}
            rowKey={(e) => e.id}
            rowTestId={(e) => `exception-row-${e.id}`}
            csvFileName={`${org.slug}-exceptions.csv`}
            caption="Exceptions"
            empty={
              <EmptyState
                title={exceptions.data.length ? "No exception matches" : "No exceptions"}
                description={exceptions.data.length ? "Change the filter." : canManage ? "Create one here or from a failing object on a control or cluster page." : "Admins create exceptions for accepted failures."}
              />
            }
          />
        )}
      </Card>

      {editing && (
        <ExceptionDialog
          slug={org.slug}
          open
          initial={editing.draft}
          editing={editing.row}
          onClose={() => setEditing(null)}
          onSaved={({ rescoresQueued }) => rescored(editing.row ? "Exception saved." : "Exception created.", rescoresQueued)}
        />
      )}
      <ConfirmDialog
        open={!!deleting}
        title="Delete this exception?"
        description={
          <>
            <p>{deleting?.reason}</p>
            <p className="mt-2 text-xs text-zinc-500">The failures it covers count as failing again after the affected clusters are re-scored. Expiring keeps the record; deleting removes it.</p>
          </>
        }
        confirmLabel="Delete exception"
        pending={save.isPending}
        error={save.error instanceof Error && deleting ? save.error.message : null}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          save.mutate(
            { kind: "delete", id: deleting.id },
            {
              onSuccess: (r) => {
                setDeleting(null);
                rescored("Exception deleted.", r.rescoresQueued);
              },
            },
          )
        }
      />
    </div>
  );
}
