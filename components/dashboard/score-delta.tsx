import { cn } from "@/components/ui/cn";

/** A change in score points: arrow + signed number (+ a spoken form), green up / red down. */
export function ScoreDelta({ delta, className, unit = "" }: { delta: number | null | undefined; className?: string; unit?: string }) {
  if (delta === null || delta === undefined) return <span className={cn("text-xs text-zinc-400", className)}>—</span>;
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0)
    return (
      <span className={cn("text-xs text-zinc-500 tabular-nums", className)} title="No change">
        ±0{unit}
      </span>
    );
  const up = rounded > 0;
  return (
    <span className={cn("inline-flex items-center gap-0.5 text-xs font-medium tabular-nums", up ? "text-emerald-700" : "text-red-700", className)} title={`${up ? "Up" : "Down"} ${Math.abs(rounded)} points`}>
      <span aria-hidden>{up ? "▲" : "▼"}</span>
      <span className="sr-only">{up ? "up" : "down"}</span>
      {up ? "+" : "−"}
      {Math.abs(rounded).toFixed(1)}
      {unit}
    </span>
  );
}
