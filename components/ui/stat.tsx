import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Stat({ label, value, hint, tone, testId }: { label: string; value: ReactNode; hint?: ReactNode; tone?: "amber" | "red" | "green"; testId?: string }) {
  const toneClass = tone === "amber" ? "text-amber-700" : tone === "red" ? "text-red-700" : tone === "green" ? "text-emerald-700" : "text-zinc-900";
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs" data-testid={testId}>
      <div className="text-xs font-medium text-zinc-500">{label}</div>
      <div className={cn("mt-1 text-xl font-semibold tabular-nums", toneClass)}>{value}</div>
      {hint && <div className="mt-0.5 truncate text-xs text-zinc-500">{hint}</div>}
    </div>
  );
}
