"use client";

import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useAuditEvents, type AuditEventsPageData } from "@/lib/queries/audit-events";

type Event = AuditEventsPageData["events"][number];

function str(data: unknown, key: string): string | null {
  const v = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : null;
}

/** One readable sentence per action, from the event's recorded data. */
function describe(e: Event): string {
  const d = e.data;
  switch (e.action) {
    case "organization.created":
      return `created the organization ${str(d, "name") ?? ""}`;
    case "cluster.registered":
      return `registered cluster ${str(d, "name") ?? e.targetId}`;
    case "agent_token.created":
      return `created agent token “${str(d, "name")}” (${str(d, "prefix")}…)`;
    case "agent_token.revoked":
      return `revoked agent token “${str(d, "name")}” (${str(d, "prefix")}…)`;
    case "invitation.created":
      return `created an invitation link for role ${str(d, "role")?.toLowerCase()}${str(d, "email") ? ` (${str(d, "email")})` : ""}`;
    case "invitation.revoked":
      return "revoked an invitation link";
    case "invitation.accepted":
      return `joined as ${str(d, "role")?.toLowerCase()} via an invitation link`;
    case "member.role_changed":
      return `changed ${str(d, "email")}'s role from ${str(d, "from")?.toLowerCase()} to ${str(d, "to")?.toLowerCase()}`;
    case "member.removed":
      return `removed ${str(d, "email")} (${str(d, "role")?.toLowerCase()})`;
    default:
      return e.action;
  }
}

const ACTION_TONE: Record<string, "green" | "red" | "blue" | "amber" | "neutral"> = {
  "agent_token.revoked": "red",
  "member.removed": "red",
  "invitation.revoked": "amber",
  "member.role_changed": "amber",
};

export function AuditLogClient() {
  const org = useOrg();
  const allowed = can.viewAudit(org.role);
  const events = useAuditEvents(org.slug, allowed);

  if (!allowed) {
    return (
      <div>
        <PageHeader title="Audit log" />
        <InlineAlert tone="amber">The audit log is visible to admins and owners. You are a {org.role.toLowerCase()} in {org.name}.</InlineAlert>
      </div>
    );
  }

  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div>
      <PageHeader title="Audit log" description="Who changed clusters, tokens and membership in this organization, newest first." />
      <Card>
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} />
        ) : events.isPending ? (
          <TableSkeleton rows={6} columns={3} />
        ) : rows.length === 0 ? (
          <EmptyState title="No events yet" />
        ) : (
          <>
            <ul className="divide-y divide-zinc-100" data-testid="audit-log">
              {rows.map((e) => (
                <li key={e.id} className="flex items-start gap-4 px-4 py-2.5">
                  <time className="w-32 shrink-0 pt-0.5 text-xs text-zinc-500" title={formatDateTime(new Date(e.createdAt))}>
                    <RelativeTime value={e.createdAt} />
                  </time>
                  <div className="min-w-0 flex-1 text-sm text-zinc-700">
                    <span className="font-medium text-zinc-900">{e.actor?.name ?? e.actor?.email ?? (e.actorType === "agent" ? "An agent" : "Someone")}</span> {describe(e)}
                  </div>
                  <Badge tone={ACTION_TONE[e.action] ?? "neutral"} className="font-mono">
                    {e.action}
                  </Badge>
                </li>
              ))}
            </ul>
            {events.hasNextPage && (
              <div className="border-t border-zinc-100 px-4 py-2 text-center">
                <Button variant="ghost" size="sm" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
                  Load older events
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
