import type { ControlStatus } from "@/lib/engine/types";
import { cn } from "@/components/ui/cn";
import type { FleetControlStatus } from "@/lib/server/dashboard/list-control-catalog";

type Look = { label: string; className: string; glyph: string; title: string };

const CONTROL: Record<ControlStatus, Look> = {
  failed: { label: "Failed", glyph: "✕", className: "bg-red-50 text-red-800 ring-red-200", title: "At least one resource fails and no exception covers it" },
  passed: { label: "Passed", glyph: "✓", className: "bg-emerald-50 text-emerald-800 ring-emerald-200", title: "Every evaluated resource passes" },
  excepted: { label: "Excepted", glyph: "⊘", className: "bg-violet-50 text-violet-800 ring-violet-200", title: "Every failing resource is covered by an active exception" },
  skipped: { label: "Skipped", glyph: "…", className: "bg-zinc-100 text-zinc-600 ring-zinc-200", title: "Needs data this cluster does not send (node facts, cloud data) — not counted" },
  manual: { label: "Manual", glyph: "✎", className: "bg-zinc-100 text-zinc-600 ring-zinc-200", title: "A benchmark item that cannot be checked automatically — not counted" },
  not_applicable: { label: "N/A", glyph: "–", className: "bg-zinc-50 text-zinc-500 ring-zinc-200", title: "Nothing in the cluster is the kind of resource this control judges — not counted" },
};

const FLEET: Record<FleetControlStatus, Look> = {
  failing: { label: "Failing", glyph: "✕", className: CONTROL.failed.className, title: "Fails in at least one cluster" },
  excepted: { label: "Excepted", glyph: "⊘", className: CONTROL.excepted.className, title: "No open failure; some failures are covered by exceptions" },
  passing: { label: "Passing", glyph: "✓", className: CONTROL.passed.className, title: "Passes in every cluster where it applies" },
  not_evaluated: { label: "Not evaluated", glyph: "–", className: CONTROL.not_applicable.className, title: "Skipped, manual or not applicable everywhere" },
};

function Pill({ look, className }: { look: Look; className?: string }) {
  return (
    <span title={look.title} className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", look.className, className)}>
      <span aria-hidden className="text-[10px] leading-none">
        {look.glyph}
      </span>
      {look.label}
    </span>
  );
}

export function ControlStatusBadge({ status, className }: { status: ControlStatus | null; className?: string }) {
  if (!status) return <span className="text-xs text-zinc-400">no data</span>;
  return <Pill look={CONTROL[status] ?? CONTROL.not_applicable} className={className} />;
}

export function FleetStatusBadge({ status, className }: { status: FleetControlStatus; className?: string }) {
  return <Pill look={FLEET[status]} className={className} />;
}

export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = Object.fromEntries(Object.entries(CONTROL).map(([k, v]) => [k, v.label])) as Record<ControlStatus, string>;
export const FLEET_STATUS_LABELS: Record<FleetControlStatus, string> = Object.fromEntries(Object.entries(FLEET).map(([k, v]) => [k, v.label])) as Record<FleetControlStatus, string>;
