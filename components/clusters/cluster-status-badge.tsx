import { Badge, StatusDot } from "@/components/ui/badge";

const STATUS = {
  active: { tone: "green", label: "Reporting", title: "The agent reported within the last hour" },
  stale: { tone: "amber", label: "Stale", title: "No report for more than an hour: the data shown may be out of date" },
  never_seen: { tone: "neutral", label: "Awaiting agent", title: "No agent has reported for this cluster yet" },
} as const;

export function ClusterStatusBadge({ status }: { status: keyof typeof STATUS }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} title={s.title}>
      <StatusDot tone={s.tone} />
      {s.label}
    </Badge>
  );
}
