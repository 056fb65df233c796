// Risk is shown by colour AND by a distinct shape and word, so it reads without colour vision and
// in greyscale screenshots.
import type { Severity } from "@/lib/engine/types";
import { cn } from "@/components/ui/cn";

export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export const SEVERITY_STYLE: Record<Severity, { text: string; badge: string; border: string; fill: string; stroke: string; label: string }> = {
  critical: { text: "text-red-700", badge: "bg-red-50 text-red-800 ring-red-300", border: "border-red-500", fill: "bg-red-50", stroke: "#dc2626", label: "Critical" },
  high: { text: "text-orange-700", badge: "bg-orange-50 text-orange-800 ring-orange-300", border: "border-orange-500", fill: "bg-orange-50", stroke: "#ea580c", label: "High" },
  medium: { text: "text-amber-700", badge: "bg-amber-50 text-amber-900 ring-amber-300", border: "border-amber-400", fill: "bg-amber-50", stroke: "#d97706", label: "Medium" },
  low: { text: "text-sky-700", badge: "bg-sky-50 text-sky-800 ring-sky-200", border: "border-sky-400", fill: "bg-sky-50", stroke: "#0284c7", label: "Low" },
};

/** Octagon, triangle, diamond, circle: one shape per severity. */
export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  const common = { className: cn("inline-block size-3 shrink-0", SEVERITY_STYLE[severity].text, className), viewBox: "0 0 16 16", fill: "currentColor", "aria-hidden": true } as const;
  switch (severity) {
    case "critical":
      return (
        <svg {...common}>
          <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1L5.1 1Zm2.15 3.5v4.5h1.5V4.5h-1.5Zm0 5.75V11.75h1.5V10.25h-1.5Z" />
        </svg>
      );
    case "high":
      return (
        <svg {...common}>
          <path d="M8 1.5 15.5 14.5H.5L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5.25v1.5h1.5v-1.5h-1.5Z" />
        </svg>
      );
    case "medium":
      return (
        <svg {...common}>
          <path d="M8 1 15 8l-7 7-7-7 7-7Z" />
        </svg>
      );
    case "low":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="5.5" />
        </svg>
      );
  }
}

export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <span
      data-severity={severity}
      className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap", SEVERITY_STYLE[severity].badge, className)}
    >
      <SeverityIcon severity={severity} />
      {SEVERITY_STYLE[severity].label}
    </span>
  );
}

/** "3 critical · 5 high …" with icons; zero counts are left out. */
export function SeverityCounts({ counts, empty = "none" }: { counts: Record<Severity, number>; empty?: string }) {
  const shown = SEVERITIES.filter((s) => counts[s] > 0);
  if (!shown.length) return <span className="text-xs text-zinc-400">{empty}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {shown.map((s) => (
        <span key={s} className={cn("inline-flex items-center gap-1 text-xs font-medium", SEVERITY_STYLE[s].text)} title={`${counts[s]} ${s}`}>
          <SeverityIcon severity={s} />
          {counts[s]} {s}
        </span>
      ))}
    </span>
  );
}
