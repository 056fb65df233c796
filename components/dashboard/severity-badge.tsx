import type { Severity } from "@/lib/engine/types";
import { cn } from "@/components/ui/cn";

const SEVERITY: Record<Severity, { label: string; className: string; icon: React.ReactNode }> = {
  critical: {
    label: "Critical",
    className: "bg-red-50 text-red-800 ring-red-200",
    // Octagon: the "stop" shape, distinct from high's triangle without relying on colour.
    icon: <path d="M5.5 1h5L15 5.5v5L10.5 15h-5L1 10.5v-5L5.5 1Zm1.75 3.5v4.5h1.5V4.5h-1.5Zm0 5.75v1.5h1.5v-1.5h-1.5Z" />,
  },
  high: {
    label: "High",
    className: "bg-orange-50 text-orange-800 ring-orange-200",
    icon: <path d="M8 1.5 15 14H1L8 1.5Zm-.75 4.25v4.5h1.5v-4.5h-1.5Zm0 5.5v1.5h1.5v-1.5h-1.5Z" />,
  },
  medium: {
    label: "Medium",
    className: "bg-amber-50 text-amber-800 ring-amber-200",
    icon: <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 3.5v4.5h1.5V4.5h-1.5Zm0 5.75v1.5h1.5v-1.5h-1.5Z" />,
  },
  low: {
    label: "Low",
    className: "bg-sky-50 text-sky-800 ring-sky-200",
    icon: <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.75 3v1.5h1.5V4h-1.5Zm0 2.75v5.25h1.5V6.75h-1.5Z" />,
  },
};

export const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];

export function severityLabel(severity: Severity): string {
  return SEVERITY[severity]?.label ?? severity;
}

/** Severity as icon + word: the shape and the text carry it, colour only reinforces. */
export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  const s = SEVERITY[severity] ?? SEVERITY.medium;
  return (
    <span className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", s.className, className)} data-severity={severity}>
      <svg viewBox="0 0 16 16" fill="currentColor" className="size-3 shrink-0" aria-hidden>
        {s.icon}
      </svg>
      {s.label}
    </span>
  );
}
