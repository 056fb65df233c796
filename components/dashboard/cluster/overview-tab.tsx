"use client";

import Link from "next/link";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { SegmentedControl } from "@/components/dashboard/fleet-filter-bar";
import { ResourceName } from "@/components/dashboard/resource-name";
import { ScoreDelta } from "@/components/dashboard/score-delta";
import { SeverityBadge, SEVERITY_ORDER } from "@/components/dashboard/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { ScoreCell } from "@/components/ui/score";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { Severity } from "@/lib/engine/types";
import { useClusterHistory } from "@/lib/queries/cluster-dashboard";

type FrameworkLabel = { id: string; name: string; shortName: string };

/** Scores per framework with their change over the period, the score history, and the open findings' age. */
export function ClusterOverviewTab({
  slug,
  clusterId,
  frameworks,
  framework,
  days,
  onChange,
}: {
  slug: string;
  clusterId: string;
  frameworks: FrameworkLabel[];
  framework: string;
  days: "7" | "30" | "90";
  onChange: (changes: { framework?: string; days?: string }) => void;
}) {
  const history = useClusterHistory(slug, clusterId, Number(days));
  const trend = history.data?.trend ?? [];
  const first = trend[0];
  const last = trend.at(-1);
  const chartFrameworks = [framework, ...["all", "cis-v1.12", "nsa"].filter((id) => id !== framework)]
    .slice(0, 3)
    .map((id) => ({ id, name: frameworks.find((f) => f.id === id)?.shortName ?? id }));

  return (
    <div className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Scores per framework" description={`Latest evaluation; Δ over the last ${days} days. Select one to drive the page.`} />
          {history.isError ? (
            <ErrorState error={history.error} onRetry={() => history.refetch()} />
          ) : !history.data ? (
            <Skeleton className="m-4 h-64" />
          ) : !last ? (
            <EmptyState title="No evaluation yet" description="Scores appear after the agent's first snapshot is evaluated." />
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="cluster-framework-scores">
              {frameworks.map((f) => {
                const now = last.frameworkScores[f.id]?.score ?? null;
                const then = first?.frameworkScores[f.id]?.score ?? null;
                return (
                  <li key={f.id}>
                    <button
                      type="button"
                      aria-pressed={f.id === framework}
                      onClick={() => onChange({ framework: f.id })}
                      className={`flex w-full items-center justify-between gap-3 px-4 py-2 text-left hover:bg-zinc-50 ${f.id === framework ? "bg-brand-50" : ""}`}
                    >
                      <span className="truncate text-sm text-zinc-700" title={f.name}>
                        {f.shortName}
                      </span>
                      <span className="flex items-center gap-2">
                        <ScoreCell score={now} />
                        <ScoreDelta delta={now !== null && then !== null ? now - then : null} className="w-12 justify-end" />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader
            title="Score history"
            description="One point per day: the day's last evaluation."
            actions={
              <SegmentedControl
                label="Period"
                value={days}
                onChange={(d) => onChange({ days: d })}
                options={[
                  { value: "7", label: "7 days" },
                  { value: "30", label: "30 days" },
                  { value: "90", label: "90 days" },
                ]}
              />
            }
          />
          <CardBody>
            {!history.data ? (
              <Skeleton className="h-[240px]" />
            ) : trend.length > 1 ? (
              <ScoreHistoryChart zoom height={240} points={trend.map((t) => ({ at: `${t.day}T12:00:00Z`, scores: Object.fromEntries(Object.entries(t.frameworkScores).map(([k, v]) => [k, v.score])) }))} frameworks={chartFrameworks} />
            ) : (
              <EmptyState title="Not enough history" description="The chart needs evaluations on at least two days." />
            )}
          </CardBody>
        </Card>
      </div>

      {history.data && (
        <div className="grid gap-5 lg:grid-cols-3">
          <Card>
            <CardHeader title="Open findings" description={`Failing (control, resource) pairs not covered by an exception; ${history.data.findings.resolvedInWindow} fixed in the last ${days} days.`} />
            <CardBody>
              <dl className="grid grid-cols-2 gap-3">
                {SEVERITY_ORDER.map((s) => (
                  <div key={s} className="flex items-center justify-between gap-2 rounded-md border border-zinc-100 px-3 py-2">
                    <dt>
                      <SeverityBadge severity={s} />
                    </dt>
                    <dd className="text-lg font-semibold tabular-nums text-zinc-900">{history.data!.findings.openBySeverity[s] ?? 0}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-3 text-xs text-zinc-500">
                {history.data.findings.open} open in total · {history.data.findings.reopened} reopened (fixed once, then back)
              </p>
            </CardBody>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader title="Open the longest" description="Findings still open, oldest first: how long each has been failing." />
            {history.data.findings.oldestOpen.length ? (
              <ul className="max-h-80 divide-y divide-zinc-100 overflow-y-auto">
                {history.data.findings.oldestOpen.slice(0, 20).map((f) => (
                  <li key={`${f.controlId}|${f.resourceKey}`} className="flex flex-wrap items-center gap-2 px-4 py-1.5 text-sm">
                    <SeverityBadge severity={f.severity as Severity} />
                    <Link href={`/o/${slug}/controls/${f.controlId}`} className="font-mono text-xs text-brand-700 hover:underline">
                      {f.controlId}
                    </Link>
                    <ResourceName resourceKey={f.resourceKey} className="min-w-0 flex-1 truncate" />
                    {f.exceptionId && <Badge tone="violet">⊘ excepted</Badge>}
                    {f.occurrence > 1 && <Badge tone="amber">reopened</Badge>}
                    <span className="text-xs text-zinc-500">
                      since <RelativeTime value={f.firstSeenAt} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title="No open finding" />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
